import type { ChangePasswordBody } from '@vroegsignaal/shared/api/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../../lib/auth.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** A new password; the server ends every session of the user, so they sign in again with it. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<{ ok: true }>(endpointUrl('changePassword'), body),
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
