import formbody from '@fastify/formbody';
import { ErrorResponse, Ok } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { BackchannelLogoutBody, LoginMethods, OidcCallbackQuery, type OidcNotice } from '@vroegsignaal/shared/api/oidc';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedIn } from '../../auth/oidc-client.ts';
import { clearFlowCookie, readFlowCookie, setFlowCookie } from '../../auth/oidc-flow-cookie.ts';
import { setSessionCookie } from '../../plugins/app/authentication.ts';
import { writeAudit } from '../../plugins/app/audit.ts';
import { endSession, purgeStale, startSession } from '../../services/auth.ts';
import { claimValues, grantFor, identityOf, signInOidcUser } from '../../services/oidc-sign-in.ts';
import { deleteOidcSessions, findOidcIdentity, setSessionOidc } from '../../repositories/oidc-repository.ts';
import { findUserById } from '../../repositories/user-repository.ts';
import type { RoutesPlugin } from '../types.ts';

// Sign-in through the municipality's OpenID Connect provider (authorization code flow with
// PKCE), and back-channel logout from it. Every outcome of a callback is audited; the
// browser always lands on a page of the dashboard, never on an error in JSON.

const LOGIN_PAGE = '/inloggen';
const notice = (reply: FastifyReply, code: OidcNotice) => reply.redirect(`${LOGIN_PAGE}?melding=${code}`, 303);
/** An error for the audit log: class, message, the library's code and what its cause names (never a token). */
function short(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 300);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause as Record<string, unknown> | undefined;
  const named =
    cause && typeof cause === 'object'
      ? ['claim', 'parameter', 'error', 'error_description'].filter((k) => typeof cause[k] === 'string').map((k) => `${k} ${cause[k]}`)
      : [];
  const inner = error.cause instanceof Error ? short(error.cause) : null;
  return [`${error.name}: ${error.message}`, typeof code === 'string' ? code : null, ...named, inner].filter(Boolean).join('; ').slice(0, 300);
}

const oidcRoutes: RoutesPlugin = async (app) => {
  await app.register(formbody);

  app.get('/api/auth/methods', { config: { endpoint: ENDPOINTS.loginMethods }, schema: { tags: ['auth'], response: { 200: LoginMethods } } }, async () => ({
    local: app.config.localLogin,
    oidc: app.oidc !== null,
  }));

  app.get(
    '/api/auth/oidc/login',
    {
      config: { endpoint: ENDPOINTS.oidcLogin, rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], response: { 404: ErrorResponse } },
    },
    async (request, reply) => {
      if (!app.oidc) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'inloggen via de organisatie is niet ingesteld' });
      try {
        const { url, checks } = await app.oidc.begin();
        setFlowCookie(reply, app.config, checks, app.clock.now());
        return reply.redirect(url.toString(), 303);
      } catch (error) {
        request.log.error({ err: short(error) }, 'OpenID Connect provider unreachable');
        await writeAudit(request, { event: 'login_oidc_failed', outcome: 'failure', object: { type: 'oidc', id: 'discovery', detail: short(error) } });
        return notice(reply, 'niet-bereikbaar');
      }
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { endpoint: ENDPOINTS.oidcCallback, auditSelf: true, rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], querystring: OidcCallbackQuery, response: { 404: ErrorResponse } },
    },
    async (request, reply) => {
      if (!app.oidc) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'inloggen via de organisatie is niet ingesteld' });
      const checks = readFlowCookie(request, app.config, app.clock.now());
      clearFlowCookie(reply, app.config);
      const failed = async (detail: string) => {
        await writeAudit(request, { event: 'login_oidc_failed', outcome: 'failure', object: { type: 'oidc', id: 'callback', detail } });
        return notice(reply, 'mislukt');
      };
      if (!checks) return failed('geen of verlopen inlogpoging (cookie ontbreekt of is ouder dan tien minuten)');
      let signedIn: SignedIn;
      try {
        signedIn = await app.oidc.finish(callbackUrl(request, app.oidc.settings.redirectUrl), checks);
      } catch (error) {
        return failed(short(error));
      }
      return completeSignIn(request, reply, signedIn);
    },
  );

  async function completeSignIn(request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn) {
    const settings = app.oidc!.settings;
    const claims = signedIn.claims as Record<string, unknown>;
    const identity = identityOf(signedIn.issuer, claims);
    const granted = grantFor(claims, settings);
    const refuse = async (code: OidcNotice, detail: string) => {
      await writeAudit(request, {
        event: 'login_oidc_refused',
        outcome: 'denied',
        username: identity.suggestedName.slice(0, 64),
        object: { type: 'oidc', id: identity.subject.slice(0, 200), detail: detail.slice(0, 1000) },
      });
      return notice(reply, code);
    };
    if (!granted.ok) {
      const values = JSON.stringify(claimList(claims, settings.claim));
      return granted.reason === 'unmapped'
        ? refuse('geen-rol', `geen waarde van claim '${settings.claim}' is gekoppeld aan een rol (ontvangen: ${values})`)
        : refuse('meerdere-rollen', `waarden van claim '${settings.claim}' zijn gekoppeld aan verschillende rollen (ontvangen: ${values})`);
    }
    const result = await signInOidcUser(app.db, app.clock, identity, granted.grant);
    if (!result.ok) return refuse('gedeactiveerd', 'het account is in Vroegsignaal gedeactiveerd');
    if (request.session) await endSession(app.db, request.session.id);
    await purgeStale(app.db, app.clock);
    const { token, session } = await startSession(app.db, app.clock, result.user, request.ip);
    await setSessionOidc(app.db, session.id, typeof claims.sid === 'string' ? claims.sid : null, signedIn.idToken);
    request.user = result.user;
    const change = result.created
      ? `nieuw account, rol ${result.user.role}`
      : result.roleBefore !== result.user.role
        ? `rol ${result.roleBefore} → ${result.user.role}`
        : `rol ${result.user.role}`;
    const wijken = result.user.wijken.length ? `, wijken ${result.user.wijken.join(', ')}` : '';
    await writeAudit(request, {
      event: 'login_oidc',
      outcome: 'success',
      object: { type: 'user', id: result.user.username, detail: `${change}${wijken}`.slice(0, 1000) },
      sessionId: session.id,
    });
    setSessionCookie(reply, app.config, token);
    return reply.redirect('/', 303);
  }

  app.post(
    '/api/auth/oidc/backchannel-logout',
    {
      config: { endpoint: ENDPOINTS.oidcBackchannelLogout, auditSelf: true },
      schema: { tags: ['auth'], body: BackchannelLogoutBody, response: { 200: Ok, 400: ErrorResponse, 404: ErrorResponse } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!app.oidc) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'inloggen via de organisatie is niet ingesteld' });
      let token: Awaited<ReturnType<NonNullable<typeof app.oidc>['verifyLogoutToken']>>;
      try {
        token = await app.oidc.verifyLogoutToken(request.body.logout_token);
      } catch (error) {
        await writeAudit(request, { event: 'logout_oidc_backchannel', outcome: 'denied', object: { type: 'oidc', id: 'logout_token', detail: short(error) } });
        return reply.code(400).send({ statusCode: 400, error: 'invalid_request', message: 'het uitlogbericht van de inlogdienst is ongeldig' });
      }
      const identity = token.sub ? await findOidcIdentity(app.db, token.issuer, token.sub) : undefined;
      const ended = token.sub && !identity ? 0 : await deleteOidcSessions(app.db, identity?.user_id ?? null, token.sid);
      const user = identity ? await findUserById(app.db, identity.user_id) : undefined;
      await writeAudit(request, {
        event: 'logout_oidc_backchannel',
        outcome: 'success',
        username: user?.username ?? null,
        object: { type: 'oidc', id: (token.sid ?? token.sub ?? '').slice(0, 200), detail: `sessies beëindigd: ${ended}` },
      });
      return { ok: true };
    },
  );
};

/** The redirect URL as configured (the provider checks it exactly) with the query the provider sent. */
function callbackUrl(request: FastifyRequest, redirectUrl: string): URL {
  const url = new URL(redirectUrl);
  url.search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  return url;
}

const claimList = (claims: Record<string, unknown>, name: string) => claimValues(claims, name).slice(0, 20);

export default oidcRoutes;
