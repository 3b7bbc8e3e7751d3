import crypto from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ENDPOINTS, type Endpoint } from '@vroegsignaal/shared/api/endpoints';
import type { Config } from '../../config.ts';
import { ABSOLUTE_TIMEOUT_MS, resolveSession, type ActiveSession } from '../../services/auth.ts';

// Sessions, the role guard and CSRF protection, for every route that declares an
// endpoint (shared/src/api/endpoints.ts). Runs before the body is even parsed.

export function cookieName(config: Config): string {
  return config.secureCookies ? '__Host-vs_session' : 'vs_session';
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(cookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieName(config), { httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/' });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A session still in a sign-in step reaches only what that step needs (services/second-factor.ts). */
const PENDING_ALLOWED: Record<string, readonly Endpoint[]> = {
  totp: [ENDPOINTS.session, ENDPOINTS.logout, ENDPOINTS.verifySecondFactor],
  password: [ENDPOINTS.session, ENDPOINTS.logout, ENDPOINTS.changePassword],
  enrol: [ENDPOINTS.session, ENDPOINTS.logout, ENDPOINTS.startTotpEnrolment, ENDPOINTS.confirmTotpEnrolment],
};

function csrfMatches(request: FastifyRequest, session: ActiveSession): boolean {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: 401 | 403, message: string) {
  request.denied = true;
  return reply.code(status).send({ statusCode: status, error: status === 401 ? 'Unauthorized' : 'Forbidden', message });
}

export default fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      const endpoint = request.routeOptions.config?.endpoint;
      if (!endpoint) return;
      const token = request.cookies[cookieName(app.config)];
      if (token) {
        request.session = await resolveSession(app.db, app.clock, token);
        request.user = request.session?.user ?? null;
      }
      if (endpoint.roles === 'public') return;
      if (!request.user) return refuse(request, reply, 401, 'niet ingelogd of sessie verlopen');
      const stage = request.session!.stage;
      if (stage !== 'full' && !PENDING_ALLOWED[stage]?.includes(endpoint)) {
        return refuse(request, reply, 403, 'rond eerst het inloggen af (tweede stap, nieuw wachtwoord of tweede factor instellen)');
      }
      if (endpoint.roles !== 'any' && !(endpoint.roles as readonly string[]).includes(request.user.role)) {
        return refuse(request, reply, 403, 'geen toegang voor uw rol');
      }
      if (!SAFE_METHODS.has(request.method) && !csrfMatches(request, request.session!)) {
        return refuse(request, reply, 403, 'CSRF-token ontbreekt of klopt niet (header x-csrf-token)');
      }
    });
  },
  { name: 'authentication', dependencies: ['context', 'cookie'] },
);
