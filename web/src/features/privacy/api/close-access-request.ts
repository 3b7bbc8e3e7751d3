import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export function useCloseAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: number) => api.post<unknown>(endpointUrl('closeAccessRequest', { requestId }), {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy'] }),
  });
}
