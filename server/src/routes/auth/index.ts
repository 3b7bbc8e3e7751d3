import { ChangePasswordBody, LoginBody, Session } from '@vroegsignaal/shared/api/auth';
import { ErrorResponse, Ok } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { LogoutResponse } from '@vroegsignaal/shared/api/oidc';
import { sessionIdToken } from '../../repositories/oidc-repository.ts';
import { passwordProblem } from '../../auth/password-policy.ts';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { clearSessionCookie, setSessionCookie } from '../../plugins/app/authentication.ts';
import { type AuditOutcome, writeAudit } from '../../plugins/app/audit.ts';
import { checkOwnPassword, endSession, purgeStale, startSession } from '../../services/auth.ts';
import { ApiError } from '../../services/errors.ts';
import { findUserById, updateUser } from '../../repositories/user-repository.ts';
import { deleteUserSessions } from '../../repositories/session-repository.ts';
import { stageAfter } from '../../services/second-factor.ts';
import type { RoutesPlugin } from '../types.ts';
import { present } from './present.ts';
import { tooManyAttempts } from './code-refusal.ts';
import { recoveryCodeRoutes } from './recovery-codes.ts';
import { secondFactorRoutes } from './second-factor.ts';

const auth: RoutesPlugin = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { endpoint: ENDPOINTS.login, auditSelf: true, rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: LoginBody, response: { 200: Session, 401: ErrorResponse, 429: ErrorResponse } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const result = await app.authenticator.authenticate({ username, password, ip: request.ip });
      if (!result.ok) {
        await writeAudit(request, {
          event: result.reason === 'locked' ? 'login_throttled' : 'login_failed',
          outcome: 'failure',
          username: username.slice(0, 64),
          ...(result.reason === 'provider'
            ? { object: { type: 'user', id: username.slice(0, 64), detail: 'account van de identiteitsprovider: geen wachtwoord' } }
            : {}),
        });
        if (result.reason === 'locked') return tooManyAttempts(reply, result.retryAfterSeconds ?? 1);
        return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'gebruikersnaam of wachtwoord onjuist' });
      }
      if (request.session) await endSession(app.db, request.session.id);
      await purgeStale(app.db, app.clock);
      const account = (await findUserById(app.db, result.user.id))!;
      const stage = stageAfter(account, app.config.requireTotp, false);
      const { token, session } = await startSession(app.db, app.clock, result.user, request.ip, stage, account.totp_secret !== null);
      request.user = result.user;
      await writeAudit(request, {
        event: stage === 'full' ? 'login' : 'login_first_step',
        outcome: 'success',
        object: { type: 'user', id: result.user.username, ...(stage === 'full' ? {} : { detail: `volgende stap: ${stage}` }) },
        sessionId: session.id,
      });
      setSessionCookie(reply, app.config, token);
      return present(session);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { endpoint: ENDPOINTS.logout },
      schema: { tags: ['auth'], response: { 200: LogoutResponse } },
    },
    async (request, reply) => {
      // A session begun at the provider: the browser ends the provider's session too (RP-initiated logout).
      const idToken = app.oidc ? await sessionIdToken(app.db, request.session!.id) : null;
      await endSession(app.db, request.session!.id);
      clearSessionCookie(reply, app.config);
      const endSessionUrl = idToken ? await app.oidc!.endSessionUrl(idToken).catch(() => null) : null;
      return endSessionUrl ? { ok: true, end_session_url: endSessionUrl } : { ok: true };
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { endpoint: ENDPOINTS.session },
      schema: { tags: ['auth'], response: { 200: Session } },
    },
    async (request) => present(request.session!),
  );

  app.post(
    '/api/auth/password',
    {
      config: { endpoint: ENDPOINTS.changePassword, auditSelf: true },
      schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: Ok, 400: ErrorResponse, 429: ErrorResponse } },
    },
    async (request, reply) => {
      const user = (await findUserById(app.db, request.user!.id))!;
      const audit = (event: string, outcome: AuditOutcome) => writeAudit(request, { event, outcome, object: { type: 'user', id: user.username } });
      // In the sign-in's throttle of the account: a session must not become a way to guess the password.
      const current = await checkOwnPassword(app.db, app.clock, user, request.body.current_password, request.ip);
      if (!current.ok && current.reason === 'locked') {
        await audit('password_change_throttled', 'denied');
        return tooManyAttempts(reply, current.retryAfterSeconds);
      }
      if (!current.ok) {
        await audit('password_change_failed', 'failure');
        throw ApiError.badRequest('body.current_password', 'het huidige wachtwoord klopt niet');
      }
      const same = await verifyPassword(user.password_hash, request.body.new_password);
      const problem = same ? 'kies een ander wachtwoord dan het huidige' : passwordProblem(request.body.new_password, user.username);
      if (problem) {
        await audit('changePassword', 'failure');
        throw ApiError.badRequest('body.new_password', problem);
      }
      const hash = await hashPassword(request.body.new_password);
      await app.db.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, { password_hash: hash, must_change_password: 0, updated_at: app.clock.now().toISOString() });
        await deleteUserSessions(trx, user.id);
      });
      await audit('changePassword', 'success');
      clearSessionCookie(reply, app.config);
      return { ok: true };
    },
  );

  await secondFactorRoutes(app, {});
  await recoveryCodeRoutes(app, {});
};
export default auth;
