import type { AccessRequestItem, CreateAccessRequestBody } from '@vroegsignaal/shared/api/privacy';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** The BSN or address goes only in this POST body, never in a URL. */
export function useCreateAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccessRequestBody) => api.post<AccessRequestItem>(endpointUrl('createAccessRequest'), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy', 'requests'] }),
  });
}
