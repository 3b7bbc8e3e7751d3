import { SecondFactorBody, Session, TotpEnrolled, TotpEnrolment } from '@vroegsignaal/shared/api/auth';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../../plugins/app/audit.ts';
import type { Config } from '../../config.ts';
import { setSessionCookie } from '../../plugins/app/authentication.ts';
import { ApiError } from '../../services/errors.ts';
import { confirmEnrolment, startEnrolment, verifySecondFactor, type Renewed, type SecondFactorDeps } from '../../services/second-factor.ts';
import type { RoutesPlugin } from '../types.ts';
import { codeErrors, refuseCode, signInRefusal } from './code-refusal.ts';
import { present } from './present.ts';

// The second step of a local sign-in (code or recovery code) and enrolling a second
// factor. Each answer is audited here: failures with the account, never the code typed.

/** The session after a completed step: a new token goes into the cookie (none when the session was already full). */
function renewed(reply: FastifyReply, config: Config, r: Renewed) {
  if (r.token) setSessionCookie(reply, config, r.token);
  return present(r.session);
}

export const secondFactorRoutes: RoutesPlugin = async (app) => {
  const deps: SecondFactorDeps = { db: app.db, clock: app.clock, config: app.config };
  const account = (request: FastifyRequest) => ({ type: 'user', id: request.user!.username });

  app.post(
    '/api/auth/second-factor',
    {
      config: { endpoint: ENDPOINTS.verifySecondFactor, auditSelf: true, rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: SecondFactorBody, response: { 200: Session, ...codeErrors } },
    },
    async (request, reply) => {
      const session = request.session!;
      if (session.stage !== 'totp') throw ApiError.conflict('er wordt nu geen code van de tweede factor gevraagd');
      const r = await verifySecondFactor(deps, session, request.body.code, request.ip);
      if (!r.ok) return refuseCode(request, reply, r, signInRefusal(r));
      const detail = r.method === 'recovery' ? `met herstelcode (nog ${r.recoveryLeft} over)` : 'met code van de authenticator-app';
      const event = r.stage === 'full' ? 'login' : 'login_first_step';
      await writeAudit(request, { event, outcome: 'success', object: { ...account(request), detail }, sessionId: r.session.id });
      return renewed(reply, app.config, r);
    },
  );

  app.post(
    '/api/auth/second-factor/enrolment',
    {
      config: { endpoint: ENDPOINTS.startTotpEnrolment },
      schema: { tags: ['auth'], response: { 200: TotpEnrolment, ...codeErrors } },
    },
    async (request) => {
      const session = request.session!;
      if (session.stage !== 'enrol' && session.stage !== 'full') throw ApiError.conflict('rond eerst de vorige stap van het inloggen af');
      if (session.secondFactor) throw ApiError.conflict('u heeft al een tweede factor; een beheerder kan die resetten');
      request.auditObject = account(request);
      return startEnrolment(deps, session.user.id);
    },
  );

  app.post(
    '/api/auth/second-factor/enrolment/confirm',
    {
      config: { endpoint: ENDPOINTS.confirmTotpEnrolment, auditSelf: true, rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: SecondFactorBody, response: { 200: TotpEnrolled, ...codeErrors } },
    },
    async (request, reply) => {
      const session = request.session!;
      if (session.stage !== 'enrol' && session.stage !== 'full') throw ApiError.conflict('rond eerst de vorige stap van het inloggen af');
      if (session.secondFactor) throw ApiError.conflict('u heeft al een tweede factor; een beheerder kan die resetten');
      const r = await confirmEnrolment(deps, session, request.body.code, request.ip);
      if (!r.ok) {
        if (r.reason === 'none') throw ApiError.conflict('vraag eerst een nieuwe sleutel aan');
        await writeAudit(request, { event: 'totp_enrol_failed', outcome: 'failure', object: account(request) });
        throw ApiError.badRequest('body.code', 'de code klopt niet; controleer of de klok van uw telefoon goed staat');
      }
      await writeAudit(request, { event: 'totp_enrolled', outcome: 'success', object: account(request), sessionId: r.session.id });
      if (r.stage === 'full' && session.stage !== 'full') {
        await writeAudit(request, { event: 'login', outcome: 'success', object: account(request), sessionId: r.session.id });
      }
      return { recovery_codes: r.recoveryCodes, session: renewed(reply, app.config, r) };
    },
  );
};
