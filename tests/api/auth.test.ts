import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, sessionCookie, type ApiFixture } from './support/fixture.ts';

const MIN = 60_000;

describe.each(DIALECTS)('sign-in, sessions and CSRF (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture(dialect, {}, false);
  });
  afterAll(async () => f?.close());
  afterEach(() => f.clock.advance(2 * 3600_000)); // let throttling of earlier tests expire

  const login = (username: string, password: string) => f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const audit = (event: string, username: string) =>
    f.t.db.selectFrom('audit_log').selectAll().where('event', '=', event).where('username', '=', username).orderBy('id', 'desc').executeTakeFirst();

  it('signs in with a secure HttpOnly SameSite=Strict cookie and logs it', async () => {
    const res = await login('coordinator', f.passwords.get('coordinator')!);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c: { name: string }) => c.name === 'vs_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json()).toMatchObject({ user: { username: 'coordinator', role: 'coordinator', wijken: [] } });
    expect(res.json().csrf_token).toMatch(/^[\w-]{40,}$/);
    expect(await audit('login', 'coordinator')).toMatchObject({ outcome: 'success', role: 'coordinator', ip: '127.0.0.1' });
    // the database keeps only a hash of the token
    const stored = await f.t.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie.value);
  });

  it('refuses a wrong password or an unknown user alike, and logs both', async () => {
    const wrong = await login('coordinator', 'niet het goede wachtwoord');
    const unknown = await login('niemand', 'niet het goede wachtwoord');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(await audit('login_failed', 'coordinator')).toMatchObject({ outcome: 'failure' });
    expect(await audit('login_failed', 'niemand')).toMatchObject({ outcome: 'failure' });
  });

  it('makes the caller wait longer after each failed attempt beyond the third', async () => {
    const pw = f.passwords.get('wijkteam')!;
    for (let i = 0; i < 3; i++) expect((await login('wijkteam', 'fout fout fout fout')).statusCode).toBe(401);
    const blocked = await login('wijkteam', pw);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBe(1);
    f.clock.advance(1000);
    expect((await login('wijkteam', 'fout fout fout fout')).statusCode).toBe(401);
    const longer = await login('wijkteam', pw);
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBe(2);
    f.clock.advance(2000);
    expect((await login('wijkteam', pw)).statusCode).toBe(200);
  });

  it('allows at most 100 failed attempts per account per hour', async () => {
    for (let i = 0; i < 100; i++) {
      const res = await login('beheerder', 'fout fout fout fout');
      expect(res.statusCode).toBe(401);
      f.clock.advance(31_000); // past the growing delay, which tops out at 30 s
    }
    const locked = await login('beheerder', f.passwords.get('beheerder')!);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBe(3600 - 100 * 31); // until the oldest failure is an hour old
    f.clock.advance(3600_000);
    expect((await login('beheerder', f.passwords.get('beheerder')!)).statusCode).toBe(200);
  });

  it('ends a session after 15 idle minutes, but not while it is used', async () => {
    const agent = await f.login('beleidsmaker');
    for (let i = 0; i < 4; i++) {
      f.clock.advance(10 * MIN);
      expect((await agent.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    }
    f.clock.advance(15 * MIN);
    expect((await agent.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('ends a session 12 hours after sign-in however active', async () => {
    const agent = await f.login('beleidsmaker2');
    for (let i = 0; i < 12 * 6 - 1; i++) {
      f.clock.advance(10 * MIN);
      expect((await agent.request({ method: 'GET', url: '/api/transparency' })).statusCode).toBe(200);
    }
    f.clock.advance(10 * MIN);
    expect((await agent.request({ method: 'GET', url: '/api/transparency' })).statusCode).toBe(401);
  });

  it('clears expired sessions and old login attempts from the database at the next sign-in', async () => {
    await f.login('coordinator');
    await login('coordinator', 'fout fout fout fout');
    f.clock.advance(25 * 3600_000);
    await f.login('wijkteam');
    const cutoff = new Date(f.clock.now().getTime() - 15 * MIN).toISOString();
    const stale = await f.t.db.selectFrom('sessions').select('id').where('last_seen_at', '<', cutoff).execute();
    expect(stale).toEqual([]);
    expect(await f.t.db.selectFrom('sessions').select('id').execute()).toHaveLength(1);
    const attempts = await f.t.db.selectFrom('login_attempts').select('at').execute();
    expect(attempts.every((a) => a.at >= new Date(f.clock.now().getTime() - 86_400_000).toISOString())).toBe(true);
  });

  it('logout ends the session on the server, not just the cookie', async () => {
    const agent = await f.login('coordinator');
    expect((await agent.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await agent.request({ method: 'GET', url: '/api/runs' })).statusCode).toBe(401);
  });

  it('refuses a change without the session CSRF token, and logs it', async () => {
    const agent = await f.login('beheerder');
    const payload = { username: 'csrf-test', role: 'beheerder' };
    const missing = await f.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: agent.cookie }, payload });
    expect(missing.statusCode).toBe(403);
    const wrong = await agent.request({ method: 'POST', url: '/api/users', headers: { 'x-csrf-token': 'x'.repeat(43) }, payload });
    expect(wrong.statusCode).toBe(403);
    const other = await f.login('coordinator');
    const stolen = await agent.request({ method: 'POST', url: '/api/users', headers: { 'x-csrf-token': other.csrf }, payload });
    expect(stolen.statusCode).toBe(403);
    expect(await f.t.db.selectFrom('users').select('id').where('username', '=', 'csrf-test').executeTakeFirst()).toBeUndefined();
    expect(await audit('denied:createUser', 'beheerder')).toMatchObject({ outcome: 'denied' });
    expect((await agent.request({ method: 'POST', url: '/api/users', payload })).statusCode).toBe(201);
  });

  it('enforces the password policy on the first own password of a new account', async () => {
    const agent = await f.login('beheerder');
    const created = await agent.request({ method: 'POST', url: '/api/users', payload: { username: 'beleid3', role: 'beleidsmaker' } });
    expect(created.statusCode).toBe(201);
    const otp = created.json().one_time_password as string;
    const first = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'beleid3', password: otp } });
    const headers = { cookie: sessionCookie(first), 'x-csrf-token': first.json().csrf_token };
    const change = (password: string) =>
      f.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { current_password: otp, new_password: password } });
    for (const bad of ['kort', 'wachtwoord1234', 'aaaaaaaaaaaaaaab', 'mijn-beleid3-wachtwoord']) {
      const res = await change(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().field).toBe('body.new_password');
    }
    expect((await change('paars kwadraat onder de brug')).statusCode).toBe(200);
  });

  it('takes a role change into effect at once by ending the user’s sessions', async () => {
    const admin = await f.login('beheerder');
    const user = await f.login('wijkteam2');
    expect((await user.request({ method: 'GET', url: '/api/runs' })).statusCode).toBe(200);
    const id = (await f.t.db.selectFrom('users').select('id').where('username', '=', 'wijkteam2').executeTakeFirstOrThrow()).id;
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { role: 'beleidsmaker' } })).statusCode).toBe(200);
    expect((await user.request({ method: 'GET', url: '/api/runs' })).statusCode).toBe(401);
  });

  it('sets the Secure flag and the __Host- prefix when configured for HTTPS', async () => {
    const secure = await createApiFixture(dialect, { secureCookies: true }, false);
    try {
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'coordinator', password: secure.passwords.get('coordinator') },
      });
      expect(res.cookies[0]).toMatchObject({ name: '__Host-vs_session', secure: true, httpOnly: true, sameSite: 'Strict' });
      expect((await secure.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: sessionCookie(res) } })).statusCode).toBe(200);
    } finally {
      await secure.close();
    }
  });
});

describe.each(DIALECTS)('rate limiting (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture(dialect, { loginRateLimit: 3, apiRateLimit: 8 }, false);
  });
  afterAll(async () => f?.close());

  it('limits login requests per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await f.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `x${i}`, password: 'wat dan ook hier' },
        remoteAddress: '10.0.0.7',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const other = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'coordinator', password: f.passwords.get('coordinator') },
      remoteAddress: '10.0.0.8',
    });
    expect(other.statusCode).toBe(200);
  });

  it('limits API requests per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await f.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.0.0.9' })).statusCode);
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
    const limited = await f.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.0.0.9' });
    expect(limited.json()).toMatchObject({ statusCode: 429 });
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
