import type { SecondFactorBody, Session } from '@vroegsignaal/shared/api/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../../lib/auth.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** The second sign-in step: a code of the authenticator app or a recovery code. */
export function useVerifySecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecondFactorBody) => api.post<Session>(endpointUrl('verifySecondFactor'), body),
    onSuccess: (session) => {
      setCsrfToken(session.csrf_token);
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
