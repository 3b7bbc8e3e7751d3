import { generate } from 'otplib';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Config } from '../../../server/src/config.ts';
import type { Dialect } from '../../helpers/databases.ts';
import { type ApiFixture, createApiFixture } from './fixture.ts';

// A client of the API over real HTTP (fetch against `app.listen`): a session is the cookie
// and CSRF token it holds, kept as they were given unless the caller replaces them.

export interface HttpSession {
  cookie: string;
  csrf: string;
}

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown> & { message?: string };
  /** The Set-Cookie headers of the answer. */
  setCookies: string[];
  retryAfter: string | null;
}

/** The Dutch answer of the account's sign-in throttle to an attempt within the second it waits. */
export const WAIT_ONE_SECOND = 'te veel mislukte pogingen; probeer het over 1 seconde opnieuw';

/** A fixture without scoring runs, its API listening on a free port of 127.0.0.1 (`base`). */
export async function listeningFixture(dialect: Dialect, overrides: Partial<Config> = {}): Promise<{ f: ApiFixture; base: string }> {
  const f = await createApiFixture(dialect, overrides, false);
  return { f, base: await f.app.listen({ host: '127.0.0.1', port: 0 }) };
}

/**
 * The hooks of one listening fixture for a describe block: from beforeAll on `use` is handed
 * the fixture and its base URL; afterAll closes it.
 */
export function useListeningFixture(dialect: Dialect, use: (s: { f: ApiFixture; base: string }) => void, overrides: Partial<Config> = {}): void {
  let f: ApiFixture | undefined;
  beforeAll(async () => {
    const s = await listeningFixture(dialect, overrides);
    f = s.f;
    use(s);
  });
  afterAll(async () => f?.close());
}

type AuditColumn = 'outcome' | 'detail' | 'object_id';

/** The audit entries of one event for one user, oldest first, with these columns. */
export const auditsOf = async (f: ApiFixture, event: string, username: string, columns: AuditColumn[]) =>
  f.t.db.selectFrom('audit_log').select(columns).where('event', '=', event).where('username', '=', username).orderBy('id').execute();

export async function send(base: string, session: HttpSession | null, method: string, url: string, body?: object): Promise<HttpAnswer> {
  const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, setCookies: res.headers.getSetCookie(), retryAfter: res.headers.get('retry-after') };
}

/** The session cookie set by an answer, as `name=value`, or null. */
export function sessionCookieOf(a: HttpAnswer): string | null {
  const c = a.setCookies.find((h) => /^(__Host-)?vs_session=[^;]/.test(h));
  return c ? c.split(';')[0]! : null;
}

export async function signIn(base: string, username: string, password: string): Promise<HttpSession & { answer: HttpAnswer }> {
  const answer = await send(base, null, 'POST', '/api/auth/login', { username, password });
  return { cookie: sessionCookieOf(answer) ?? '', csrf: String(answer.body.csrf_token ?? ''), answer };
}

/** The session an answer of a completed sign-in step hands over (new cookie and CSRF token). */
export function handedOver(a: HttpAnswer): HttpSession {
  const cookie = sessionCookieOf(a);
  if (!cookie) throw new Error(`no session cookie in ${a.status} ${JSON.stringify(a.body)}`);
  const session = (a.body.session ?? a.body) as { csrf_token: string };
  return { cookie, csrf: session.csrf_token };
}

export const codeAt = (f: ApiFixture, secret: string) => generate({ secret, epoch: Math.floor(f.clock.now().getTime() / 1000) });

/** A six-digit code that is not the right one now. */
export async function wrongCodeAt(f: ApiFixture, secret: string, seed = 0): Promise<string> {
  const right = await codeAt(f, secret);
  const wrong = String(100000 + seed).padStart(6, '0');
  return wrong === right ? String(200000 + seed) : wrong;
}

/** Signs in with password and a code of the app half a minute on; returns the full session. */
export async function signInWithCode(f: ApiFixture, base: string, username: string, secret: string): Promise<HttpSession> {
  f.clock.advance(31_000);
  const pending = await signIn(base, username, f.passwords.get(username)!);
  const done = await send(base, pending, 'POST', '/api/auth/second-factor', { code: await codeAt(f, secret) });
  expect(done.status).toBe(200);
  return handedOver(done);
}

/** Enrols `username` (signed in without a second factor) over HTTP; returns the secret and recovery codes. */
export async function enrolOverHttp(f: ApiFixture, base: string, username: string): Promise<{ secret: string; codes: string[] }> {
  const s = await signIn(base, username, f.passwords.get(username)!);
  expect(s.answer.status).toBe(200);
  const start = await send(base, s, 'POST', '/api/auth/second-factor/enrolment');
  const secret = String(start.body.secret);
  const done = await send(base, s, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: await codeAt(f, secret) });
  expect(done.status).toBe(200);
  await send(base, s, 'POST', '/api/auth/logout');
  f.clock.advance(30_000);
  return { secret, codes: done.body.recovery_codes as string[] };
}
