import type { RecoveryCodes, SecondFactorBody } from '@vroegsignaal/shared/api/auth';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** New recovery codes for one's own account, after a code of the authenticator app; the old ones stop working. */
export function useRegenerateRecoveryCodes() {
  return useMutation({ mutationFn: (body: SecondFactorBody) => api.post<RecoveryCodes>(endpointUrl('regenerateRecoveryCodes'), body) });
}
