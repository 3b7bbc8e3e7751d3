import { generate } from 'otplib';
import { expect } from 'vitest';
import type { ApiFixture } from './fixture.ts';

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
