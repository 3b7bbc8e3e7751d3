import type { MarkBody } from '@vroegsignaal/shared/api/privacy';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export function useCreateSignalMark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkBody) => api.post<unknown>(endpointUrl('createSignalMark', {}), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy'] }),
  });
}
