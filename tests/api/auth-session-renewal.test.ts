import { ENDPOINTS } from '../../shared/src/api/endpoints.ts';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import type { ApiFixture } from './support/fixture.ts';
import { codeAt, enrolOverHttp, type HttpAnswer, type HttpSession, handedOver, useListeningFixture, send, signIn } from './support/http-session.ts';

// A session gets a new token when its sign-in completes a step (OWASP: a new session id on
// every change of privilege): the token of the password step, which an attacker may have
// planted or seen, is dead afterwards. Over real HTTP, with secure cookies, on both databases.

const protectedEndpoints = Object.values(ENDPOINTS).filter((e) => e.roles !== 'public');

/** Every endpoint that needs a session, called with `session`: each must answer 401. */
async function expectDeadEverywhere(base: string, session: HttpSession): Promise<void> {
  const answers = await Promise.all(
    protectedEndpoints.map(async (e) => {
      const a = await send(base, session, e.method, e.url.replace(/:\w+/g, '1'), e.method === 'GET' ? undefined : {});
      return `${e.method} ${e.url} ${a.status}`;
    }),
  );
  expect(answers).toEqual(protectedEndpoints.map((e) => `${e.method} ${e.url} 401`));
}

function expectSessionCookieAttributes(a: HttpAnswer): void {
  const header = a.setCookies.find((h) => h.startsWith('__Host-vs_session='))!;
  expect(header).toBeDefined();
  const attributes = header.split(';').map((p) => p.trim().toLowerCase());
  expect(attributes).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/']));
}

async function sessionsOf(f: ApiFixture, username: string): Promise<number> {
  const user = await f.t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await f.t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).length;
}

describe.each(DIALECTS)('a new session token after the second factor (%s)', (dialect) => {
  let f: ApiFixture;
  let base: string;
  useListeningFixture(dialect, (s) => ({ f, base } = s), { secureCookies: true });

  it('replaces the token of the password step once the code is right; the old one reaches no endpoint', async () => {
    const { secret } = await enrolOverHttp(f, base, 'coordinator');
    const pending = await signIn(base, 'coordinator', f.passwords.get('coordinator')!);
    expect(pending.answer.body.pending).toBe('totp');
    const done = await send(base, pending, 'POST', '/api/auth/second-factor', { code: await codeAt(f, secret) });
    expect(done.status).toBe(200);
    expect(done.body.pending).toBeUndefined();
    expectSessionCookieAttributes(done);
    const full = handedOver(done);
    expect(full.cookie).not.toBe(pending.cookie);
    expect(full.csrf).not.toBe(pending.csrf);

    expect((await send(base, pending, 'GET', '/api/auth/session')).status).toBe(401);
    await expectDeadEverywhere(base, pending);
    // The old cookie with the new CSRF token is no way in either.
    expect((await send(base, { cookie: pending.cookie, csrf: full.csrf }, 'GET', '/api/runs')).status).toBe(401);

    expect((await send(base, full, 'GET', '/api/runs')).status).toBe(200);
    const session = await send(base, full, 'GET', '/api/auth/session');
    expect(session.body).toMatchObject({ user: { username: 'coordinator' }, second_factor: true, csrf_token: full.csrf });
    expect(await sessionsOf(f, 'coordinator')).toBe(1);
    // The sign-in keeps its start: the absolute timeout is not extended by the step.
    expect(session.body.absolute_expires_at).toBe(pending.answer.body.absolute_expires_at);
    expect((await send(base, full, 'POST', '/api/auth/logout')).status).toBe(200);
    expect((await send(base, full, 'GET', '/api/runs')).status).toBe(401);
  });

  it('replaces it after a recovery code too; of two right codes sent at once on one session, one wins', async () => {
    const { codes } = await enrolOverHttp(f, base, 'wijkteam');
    const pending = await signIn(base, 'wijkteam', f.passwords.get('wijkteam')!);
    const answers = await Promise.all(codes.slice(0, 2).map((code) => send(base, pending, 'POST', '/api/auth/second-factor', { code })));
    // The loser finds the old session gone: at the door (401) or when replacing it (409).
    const [winner, loser] = answers[0]!.status === 200 ? answers : [answers[1]!, answers[0]!];
    expect(winner!.status).toBe(200);
    expect([401, 409]).toContain(loser!.status);
    if (loser!.status === 409) expect(loser!.body.message).toBe('deze stap van het inloggen is al afgerond of verlopen; log opnieuw in');
    expect(sessionCookieCount(loser!)).toBe(0);
    const full = handedOver(winner!);
    expect((await send(base, full, 'GET', '/api/runs')).status).toBe(200);
    await expectDeadEverywhere(base, pending);
    expect(await sessionsOf(f, 'wijkteam')).toBe(1);
  });
});

const sessionCookieCount = (a: HttpAnswer) => a.setCookies.filter((h) => h.includes('vs_session=')).length;

describe.each(DIALECTS)('a new session token after the first enrolment of a second factor (%s)', (dialect) => {
  let f: ApiFixture;
  let base: string;
  useListeningFixture(dialect, (s) => ({ f, base } = s), { secureCookies: true, requireTotp: true });

  it('replaces the token of the enrolment step when the confirmed code completes the sign-in', async () => {
    const pending = await signIn(base, 'beheerder', f.passwords.get('beheerder')!);
    expect(pending.answer.body.pending).toBe('enrol');
    const start = await send(base, pending, 'POST', '/api/auth/second-factor/enrolment');
    const done = await send(base, pending, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: await codeAt(f, String(start.body.secret)) });
    expect(done.status).toBe(200);
    expect((done.body.session as { pending?: string }).pending).toBeUndefined();
    expectSessionCookieAttributes(done);
    const full = handedOver(done);
    expect(full.cookie).not.toBe(pending.cookie);
    await expectDeadEverywhere(base, pending);
    expect((await send(base, full, 'GET', '/api/users')).status).toBe(200);
    expect(await sessionsOf(f, 'beheerder')).toBe(1);
  });
});
