import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export function useLiftExclusion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, exclusionId }: { requestId: number; exclusionId: number }) =>
      api.post<unknown>(endpointUrl('liftExclusion', { requestId, exclusionId }), {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy'] }),
  });
}
