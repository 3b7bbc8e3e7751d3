import { RecoveryCodes, SecondFactorBody } from '@vroegsignaal/shared/api/auth';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { writeAudit } from '../../plugins/app/audit.ts';
import { ApiError } from '../../services/errors.ts';
import { regenerateRecoveryCodes } from '../../services/recovery-codes.ts';
import type { RoutesPlugin } from '../types.ts';
import { codeErrors, recoveryRefusal, refuseCode } from './code-refusal.ts';

// New recovery codes for a signed-in user, after a code of the authenticator app.

export const recoveryCodeRoutes: RoutesPlugin = async (app) => {
  app.post(
    '/api/auth/second-factor/recovery-codes',
    {
      config: { endpoint: ENDPOINTS.regenerateRecoveryCodes, auditSelf: true, rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: SecondFactorBody, response: { 200: RecoveryCodes, ...codeErrors } },
    },
    async (request, reply) => {
      const deps = { db: app.db, clock: app.clock, config: app.config };
      const r = await regenerateRecoveryCodes(deps, request.user!.id, request.body.code, request.ip);
      if (!r.ok && r.reason === 'none') throw ApiError.conflict('u heeft nog geen tweede factor ingesteld');
      if (!r.ok) return refuseCode(request, reply, r, recoveryRefusal(r));
      await writeAudit(request, { event: 'recovery_codes_regenerated', outcome: 'success', object: { type: 'user', id: request.user!.username } });
      return { recovery_codes: r.recoveryCodes };
    },
  );
};
