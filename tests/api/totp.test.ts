import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetUser } from '../../server/src/services/users.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { type ApiFixture, createApiFixture, sessionCookie } from './support/fixture.ts';

// The second factor of local accounts over HTTP on a real database: enrolment, the
// second sign-in step, replay, recovery codes, and failures in the password throttle.

interface Step {
  status: number;
  body: Record<string, unknown>;
  cookie: string;
  csrf: string;
}

async function signIn(f: ApiFixture, username: string, password = f.passwords.get(username)!): Promise<Step> {
  const res = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const body = res.json();
  return { status: res.statusCode, body, cookie: res.statusCode === 200 ? sessionCookie(res) : '', csrf: body.csrf_token };
}

/** A request of the session, which (like a browser) follows a renewed session cookie and its CSRF token. */
async function call(f: ApiFixture, s: Step, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await f.app.inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(payload ? { payload } : {}) });
  if (res.statusCode === 200 && res.cookies.some((c) => c.name.endsWith('vs_session') && c.value)) {
    s.cookie = sessionCookie(res);
    s.csrf = res.json().csrf_token ?? res.json().session.csrf_token;
  }
  return res;
}

const codeAt = (f: ApiFixture, secret: string) => generate({ secret, epoch: Math.floor(f.clock.now().getTime() / 1000) });

async function auditOf(f: ApiFixture, event: string, username: string) {
  return f.t.db.selectFrom('audit_log').selectAll().where('event', '=', event).where('username', '=', username).orderBy('id').execute();
}

/** Enrols `username` through the API; returns the secret and the recovery codes. */
async function enrol(f: ApiFixture, username: string): Promise<{ secret: string; codes: string[] }> {
  const s = await signIn(f, username);
  const start = await call(f, s, 'POST', '/api/auth/second-factor/enrolment');
  expect(start.statusCode).toBe(200);
  const { secret } = start.json();
  const done = await call(f, s, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: await codeAt(f, secret) });
  expect(done.statusCode).toBe(200);
  await call(f, s, 'POST', '/api/auth/logout');
  f.clock.advance(30_000);
  return { secret, codes: done.json().recovery_codes };
}

describe.each(DIALECTS)('TOTP second factor for local accounts (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture(dialect);
  });
  afterAll(async () => f?.close());

  it('enrols with a QR code, confirms with a code, shows ten recovery codes once and stores the secret encrypted', async () => {
    const s = await signIn(f, 'coordinator');
    expect(s.body.pending).toBeUndefined();
    expect(s.body.second_factor).toBe(false);
    const start = await call(f, s, 'POST', '/api/auth/second-factor/enrolment');
    expect(start.statusCode).toBe(200);
    const { secret, otpauth_uri, qr_code } = start.json();
    expect(otpauth_uri).toContain(`secret=${secret}`);
    expect(qr_code).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qr_code.split(',')[1], 'base64').toString()).toContain('<svg');

    const wrong = await call(f, s, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: '000000' === (await codeAt(f, secret)) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/code klopt niet/);
    expect(await auditOf(f, 'totp_enrol_failed', 'coordinator')).toHaveLength(1);

    const done = await call(f, s, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: await codeAt(f, secret) });
    expect(done.statusCode).toBe(200);
    const codes: string[] = done.json().recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(done.json().session.second_factor).toBe(true);
    expect(await auditOf(f, 'totp_enrolled', 'coordinator')).toHaveLength(1);

    const row = await f.t.db.selectFrom('users').selectAll().where('username', '=', 'coordinator').executeTakeFirstOrThrow();
    expect(row.totp_secret).toBeTruthy();
    expect(row.totp_secret).not.toContain(secret);
    expect(row.totp_pending_secret).toBeNull();
    const stored = await f.t.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', row.id).execute();
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored.map((r) => r.code_hash)).not.toContain(c);
    // Enrolling again is refused; the secret is never shown again.
    expect((await call(f, s, 'POST', '/api/auth/second-factor/enrolment')).statusCode).toBe(409);
    const session = await call(f, s, 'GET', '/api/auth/session');
    expect(session.body).not.toContain(secret);
    await call(f, s, 'POST', '/api/auth/logout');
    f.clock.advance(30_000);

    // The next sign-in needs the code: the password alone reaches nothing else.
    const next = await signIn(f, 'coordinator');
    expect(next.body.pending).toBe('totp');
    const refused = await call(f, next, 'GET', '/api/runs');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/rond eerst het inloggen af/);
    const ok = await call(f, next, 'POST', '/api/auth/second-factor', { code: await codeAt(f, secret) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().pending).toBeUndefined();
    expect((await call(f, next, 'GET', '/api/runs')).statusCode).toBe(200);
    const logins = await auditOf(f, 'login', 'coordinator');
    expect(logins.at(-1)!.detail).toBe('met code van de authenticator-app');
    expect(await auditOf(f, 'login_first_step', 'coordinator')).toHaveLength(1);
  });

  it('refuses the same code a second time within its window, and audits the replay', async () => {
    const { secret } = await enrol(f, 'wijkteam');
    const first = await signIn(f, 'wijkteam');
    const code = await codeAt(f, secret);
    expect((await call(f, first, 'POST', '/api/auth/second-factor', { code })).statusCode).toBe(200);
    f.clock.advance(5_000);
    const second = await signIn(f, 'wijkteam');
    const replay = await call(f, second, 'POST', '/api/auth/second-factor', { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().message).toMatch(/al gebruikt/);
    expect(await auditOf(f, 'totp_replayed', 'wijkteam')).toHaveLength(1);
    expect((await call(f, second, 'GET', '/api/runs')).statusCode).toBe(403);
    f.clock.advance(30_000);
    expect((await call(f, second, 'POST', '/api/auth/second-factor', { code: await codeAt(f, secret) })).statusCode).toBe(200);
  });

  it('counts wrong codes in the password throttle (a right password does not reset it) and audits each', async () => {
    const { secret } = await enrol(f, 'beleidsmaker');
    for (let i = 0; i < 3; i++) {
      const s = await signIn(f, 'beleidsmaker');
      expect(s.status).toBe(200);
      const wrong = await call(f, s, 'POST', '/api/auth/second-factor', { code: (await codeAt(f, secret)) === '123456' ? '654321' : '123456' });
      expect(wrong.statusCode).toBe(400);
    }
    expect(await auditOf(f, 'totp_failed', 'beleidsmaker')).toHaveLength(3);
    // After three failures the account waits, for the password and the code alike.
    const locked = await signIn(f, 'beleidsmaker');
    expect(locked.status).toBe(429);
    expect(locked.body.message).toBe('te veel mislukte pogingen; probeer het over 1 seconde opnieuw');
    expect(await auditOf(f, 'login_throttled', 'beleidsmaker')).toHaveLength(1);
    f.clock.advance(2_000);
    const s = await signIn(f, 'beleidsmaker');
    expect(s.status).toBe(200);
    const fourth = await call(f, s, 'POST', '/api/auth/second-factor', { code: '999999' === (await codeAt(f, secret)) ? '888888' : '999999' });
    expect(fourth.statusCode).toBe(400);
    const throttled = await call(f, s, 'POST', '/api/auth/second-factor', { code: await codeAt(f, secret) });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();
    expect(await auditOf(f, 'totp_throttled', 'beleidsmaker')).toHaveLength(1);
    f.clock.advance(5_000);
    expect((await call(f, s, 'POST', '/api/auth/second-factor', { code: await codeAt(f, secret) })).statusCode).toBe(200);
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const { codes } = await enrol(f, 'privacy');
    const s = await signIn(f, 'privacy');
    const typed = ` ${codes[0]!.toLowerCase().replace(/-/g, ' ')} `;
    const ok = await call(f, s, 'POST', '/api/auth/second-factor', { code: typed });
    expect(ok.statusCode).toBe(200);
    expect((await auditOf(f, 'login', 'privacy')).at(-1)!.detail).toBe('met herstelcode (nog 9 over)');
    const again = await signIn(f, 'privacy');
    const reuse = await call(f, again, 'POST', '/api/auth/second-factor', { code: codes[0] });
    expect(reuse.statusCode).toBe(400);
    expect(await auditOf(f, 'totp_failed', 'privacy')).toHaveLength(1);
    expect((await call(f, again, 'POST', '/api/auth/second-factor', { code: codes[1] })).statusCode).toBe(200);
  });
});

describe.each(DIALECTS)('TOTP required (production setting) (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture(dialect, { requireTotp: true }, false);
  });
  afterAll(async () => f?.close());

  it('sends a user without a second factor to enrolment before anything else, then lets them in', async () => {
    const s = await signIn(f, 'beheerder');
    expect(s.body.pending).toBe('enrol');
    expect((await call(f, s, 'GET', '/api/users')).statusCode).toBe(403);
    expect((await call(f, s, 'POST', '/api/auth/second-factor', { code: '123456' })).statusCode).toBe(403);
    const { secret } = (await call(f, s, 'POST', '/api/auth/second-factor/enrolment')).json();
    const done = await call(f, s, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: await codeAt(f, secret) });
    expect(done.statusCode).toBe(200);
    expect(done.json().session.pending).toBeUndefined();
    expect((await call(f, s, 'GET', '/api/users')).statusCode).toBe(200);
    const row = await f.t.db.selectFrom('users').select('last_login_at').where('username', '=', 'beheerder').executeTakeFirstOrThrow();
    expect(row.last_login_at).toBe(f.clock.now().toISOString());
  });

  it('locks the second factor after ten wrong codes in a row until a beheerder reset; a right code (typed with a space) ends the row', async () => {
    const { secret } = await enrol(f, 'coordinator');
    const wrongCode = async () => ((await codeAt(f, secret)) === '000000' ? '111111' : '000000');
    const attempt = async (code: string) => {
      f.clock.advance(31_000);
      const s = await signIn(f, 'coordinator');
      expect(s.status).toBe(200);
      return call(f, s, 'POST', '/api/auth/second-factor', { code });
    };
    for (let i = 0; i < 9; i++) expect((await attempt(await wrongCode())).statusCode).toBe(400);
    f.clock.advance(31_000);
    const right = await codeAt(f, secret);
    const spaced = await attempt(`${right.slice(0, 3)} ${right.slice(3)}`);
    expect(spaced.statusCode).toBe(200);
    for (let i = 0; i < 9; i++) expect((await attempt(await wrongCode())).statusCode).toBe(400);
    const tenth = await attempt(await wrongCode());
    expect(tenth.statusCode).toBe(403);
    const blocked = 'uw tweede factor is vergrendeld na te veel foute codes; neem contact op met de beheerder om uw account te laten resetten';
    expect(tenth.json().message).toBe(blocked);
    f.clock.advance(31_000);
    const stillRight = await attempt(await codeAt(f, secret));
    expect(stillRight.statusCode).toBe(403);
    expect(stillRight.json().message).toBe(blocked);
    const audits = await auditOf(f, 'totp_blocked', 'coordinator');
    expect(audits.map((a) => a.detail)).toEqual(['vergrendeld na 10 foute codes op rij', 'poging terwijl vergrendeld']);
    // A reset (the same service behind the beheerder's button and mpg users reset-password) ends the lock.
    const id = (await f.t.db.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirstOrThrow()).id;
    const { password: otp } = await resetUser(f.t.db, f.clock, id);
    f.clock.advance(31_000);
    const again = await signIn(f, 'coordinator', otp);
    expect(again.body.pending).toBe('password');
    const row = await f.t.db.selectFrom('users').select(['totp_failures', 'totp_secret']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_failures: 0, totp_secret: null });
  });
});
