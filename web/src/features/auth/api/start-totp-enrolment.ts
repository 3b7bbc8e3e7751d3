import type { TotpEnrolment } from '@vroegsignaal/shared/api/auth';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** A new secret with its QR code; it counts only once a code from it is confirmed. */
export function useStartTotpEnrolment() {
  return useMutation({ mutationFn: () => api.post<TotpEnrolment>(endpointUrl('startTotpEnrolment')) });
}
