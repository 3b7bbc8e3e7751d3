import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { FlowChecks } from './oidc-client.ts';

// The state, nonce and PKCE verifier of one sign-in through the provider, from the redirect
// to the provider until its redirect back. That redirect comes from another site, so this
// cookie (only this one) is SameSite=Lax; it lives ten minutes, only on the flow's paths.

export const FLOW_TTL_MS = 10 * 60_000;
const PATH = '/api/auth/oidc';

const cookieName = (config: Config) => (config.secureCookies ? '__Secure-vs_oidc_flow' : 'vs_oidc_flow');

export function setFlowCookie(reply: FastifyReply, config: Config, checks: FlowChecks, now: Date): void {
  const value = Buffer.from(JSON.stringify({ ...checks, expires: now.getTime() + FLOW_TTL_MS })).toString('base64url');
  reply.setCookie(cookieName(config), value, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: PATH, maxAge: FLOW_TTL_MS / 1000 });
}

export function clearFlowCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieName(config), { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: PATH });
}

/** The flow's checks, or null when the cookie is missing, malformed or older than ten minutes. */
export function readFlowCookie(request: FastifyRequest, config: Config, now: Date): FlowChecks | null {
  const raw = request.cookies[cookieName(config)];
  if (!raw || raw.length > 2000) return null;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    const ok = ['state', 'nonce', 'verifier'].every((k) => typeof v[k] === 'string') && typeof v.expires === 'number';
    if (!ok || now.getTime() > (v.expires as number)) return null;
    return { state: v.state as string, nonce: v.nonce as string, verifier: v.verifier as string };
  } catch {
    return null;
  }
}
