import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export function useReleaseNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, triageEventId }: { requestId: number; triageEventId: number }) =>
      api.post<unknown>(endpointUrl('releaseNote', { requestId, triageEventId }), {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy'] }),
  });
}
