import type { SecondFactorBody, TotpEnrolled } from '@vroegsignaal/shared/api/auth';
import { useMutation } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** Confirms the new second factor; the session is stored by the caller once the recovery codes were seen. */
export function useConfirmTotpEnrolment() {
  return useMutation({
    mutationFn: (body: SecondFactorBody) => api.post<TotpEnrolled>(endpointUrl('confirmTotpEnrolment'), body),
    onSuccess: (result) => setCsrfToken(result.session.csrf_token),
  });
}
