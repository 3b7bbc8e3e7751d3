import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export function useExtendAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, reason }: { requestId: number; reason: string }) =>
      api.post<unknown>(endpointUrl('extendAccessRequest', { requestId }), { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy'] }),
  });
}
