import path from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from '../../server/src/server.ts';
import { buildServer } from '../../server/src/server.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { expectFailure, expectSuccess } from '../cli/support.ts';
import { runCli } from '../helpers/cli.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext } from '../helpers/engine.ts';
import { sessionCookie, testConfig } from './support/fixture.ts';

// `mpg users …` as the operator runs it (a child process on the real database), and the
// API server on the same database: the first beheerder of a fresh installation, the
// one-time password that must be changed, a reset, a deactivation and the list.

const NEW_PASSWORD = 'mijn eigen lange wachtwoord 7';
const oneTimePassword = (stdout: string) => /: (\S+)$/.exec(stdout.split('\n').find((l) => l.startsWith('eenmalig'))!)![1]!;

describe.each(DIALECTS)('mpg users (%s)', (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importRegistry(engineContext(t.db), path.join(EXAMPLE_DIR, 'registry.csv'));
    app = await buildServer({ config: testConfig(t), db: t.db, clock: { now: () => new Date() } });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
  const mpg = (...args: string[]) => runCli(['users', ...args], { DATABASE_URL: t.url, NODE_ENV: 'test' });
  const login = async (username: string, password: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const body = res.statusCode === 200 ? res.json() : {};
    let cookie = res.statusCode === 200 ? sessionCookie(res) : '';
    let csrf = body.csrf_token;
    // Like a browser, follows the new session cookie of a completed sign-in step.
    const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
      const r = await app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(payload ? { payload } : {}) });
      if (r.statusCode === 200 && r.cookies.some((c) => c.name.endsWith('vs_session') && c.value)) {
        cookie = sessionCookie(r);
        csrf = r.json().session?.csrf_token ?? r.json().csrf_token;
      }
      return r;
    };
    return { status: res.statusCode, body, call };
  };
  const signInFully = async (username: string, password: string) => {
    const s = await login(username, password);
    expect(s.body.pending).toBeUndefined();
    return s;
  };

  it('creates the first beheerder with a one-time password that must be changed before anything else', async () => {
    const out = expectSuccess(await mpg('create', 'eerste.beheerder', '--role', 'beheerder'));
    expect(out).toMatch(/^gebruiker: eerste\.beheerder, rol: beheerder\n/);
    const otp = oneTimePassword(out);
    expect(otp.length).toBeGreaterThanOrEqual(20);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('event', '=', 'cli:users_create').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ role: 'beheer (CLI)', object_id: 'eerste.beheerder', detail: 'rol beheerder', outcome: 'success' });
    expect(JSON.stringify(audit)).not.toContain(otp);

    const first = await login('eerste.beheerder', otp);
    expect(first.status).toBe(200);
    expect(first.body.pending).toBe('password');
    expect((await first.call('GET', '/api/users')).statusCode).toBe(403);
    const changed = await first.call('POST', '/api/auth/password', { current_password: otp, new_password: NEW_PASSWORD });
    expect(changed.statusCode).toBe(200);
    expect((await login('eerste.beheerder', otp)).status).toBe(401);
    const s = await signInFully('eerste.beheerder', NEW_PASSWORD);
    expect((await s.call('GET', '/api/users')).statusCode).toBe(200);
  });

  it('creates a wijkteam member in known wijken and refuses unknown roles, wijken and taken names in one line', async () => {
    expect(expectSuccess(await mpg('create', 'wijk.lid', '--role', 'wijkteam', '--wijk', 'Beijum', 'Vinkhuizen'))).toMatch(
      /^gebruiker: wijk\.lid, rol: wijkteam, wijken: Beijum, Vinkhuizen\n/,
    );
    expectFailure(await mpg('create', 'iemand', '--role', 'baas'), /^error: onbekende rol 'baas'/);
    expectFailure(await mpg('create', 'iemand', '--role', 'wijkteam', '--wijk', 'Nergens'), /^error: onbekende wijk 'Nergens'/);
    for (const name of ['Hoofdletter', 'ab', 'met spatie']) {
      expectFailure(await mpg('create', name, '--role', 'coordinator'), /^error: ongeldige gebruikersnaam '.*': 3 tot 64 tekens/);
    }
    expect(await t.db.selectFrom('users').select('username').where('username', '=', 'Hoofdletter').executeTakeFirst()).toBeUndefined();
    expectFailure(await mpg('create', 'wijk.lid', '--role', 'coordinator'), /^error: gebruiker 'wijk\.lid' bestaat al/);
  });

  it('reset-password ends the sessions and forces a new password and then a new second factor', async () => {
    const s = await signInFully('eerste.beheerder', NEW_PASSWORD);
    const { secret } = (await s.call('POST', '/api/auth/second-factor/enrolment')).json();
    const code = await generate({ secret });
    expect((await s.call('POST', '/api/auth/second-factor/enrolment/confirm', { code })).statusCode).toBe(200);

    const out = expectSuccess(await mpg('reset-password', 'eerste.beheerder'));
    const otp = oneTimePassword(out);
    expect((await s.call('GET', '/api/users')).statusCode).toBe(401);
    expect((await login('eerste.beheerder', NEW_PASSWORD)).status).toBe(401);

    // No code is asked for: the old second factor is gone. A new password comes first …
    const first = await login('eerste.beheerder', otp);
    expect(first.body.pending).toBe('password');
    expect((await first.call('POST', '/api/auth/password', { current_password: otp, new_password: `${NEW_PASSWORD}!` })).statusCode).toBe(200);
    // … then a new second factor, although the demo does not require one.
    const second = await login('eerste.beheerder', `${NEW_PASSWORD}!`);
    expect(second.body.pending).toBe('enrol');
    expect((await second.call('GET', '/api/users')).statusCode).toBe(403);
    const enrolment = (await second.call('POST', '/api/auth/second-factor/enrolment')).json();
    expect(enrolment.secret).not.toBe(secret);
    const done = await second.call('POST', '/api/auth/second-factor/enrolment/confirm', { code: await generate({ secret: enrolment.secret }) });
    expect(done.json().session.pending).toBeUndefined();
    expect((await second.call('GET', '/api/users')).statusCode).toBe(200);
    expectFailure(await mpg('reset-password', 'niemand'), /^error: gebruiker 'niemand' bestaat niet/);
  });

  it('deactivate ends every session of the account at once; the last beheerder cannot be deactivated', async () => {
    const otp = oneTimePassword(expectSuccess(await mpg('create', 'coordinator1', '--role', 'coordinator')));
    await (await login('coordinator1', otp)).call('POST', '/api/auth/password', { current_password: otp, new_password: NEW_PASSWORD });
    const a = await signInFully('coordinator1', NEW_PASSWORD);
    const b = await signInFully('coordinator1', NEW_PASSWORD);
    expect((await a.call('GET', '/api/runs')).statusCode).toBe(200);
    expect(expectSuccess(await mpg('deactivate', 'coordinator1'))).toBe('gedeactiveerd: coordinator1 (alle sessies beëindigd)\n');
    expect((await a.call('GET', '/api/runs')).statusCode).toBe(401);
    expect((await b.call('GET', '/api/runs')).statusCode).toBe(401);
    expect((await login('coordinator1', NEW_PASSWORD)).status).toBe(401);
    expectFailure(await mpg('deactivate', 'eerste.beheerder'), /^error: er moet ten minste één actieve beheerder overblijven/);
  });

  it('lists the users with role, wijken, status, second factor and last sign-in, without secrets', async () => {
    const out = expectSuccess(await mpg('list'));
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('gebruiker\trol\twijken\tactief\ttweede factor\tlaatst ingelogd');
    const rows = Object.fromEntries(lines.slice(1).map((l) => [l.split('\t')[0], l.split('\t').slice(1, 5)]));
    expect(rows).toEqual({
      coordinator1: ['coordinator', '-', 'nee', 'nee'],
      'eerste.beheerder': ['beheerder', '-', 'ja', 'ja'],
      'wijk.lid': ['wijkteam', 'Beijum,Vinkhuizen', 'ja', 'nee'],
    });
    expect(lines.find((l) => l.startsWith('wijk.lid'))!.split('\t')[5]).toBe('nooit');
    expect(out).not.toMatch(/argon2|v1\./);
  });

  it('refuses mpg start in production before creating anything: no demo users there', async () => {
    const r = await runCli(['start'], { DATABASE_URL: t.url, NODE_ENV: 'production', MPG_BSN_KEY: 'a'.repeat(40), MPG_DEMO_DIR: '/nonexistent-demo' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mpg start is de demo/);
    const names = (await t.db.selectFrom('users').select('username').execute()).map((u) => u.username);
    expect(names).not.toContain('coordinator');
  });

  it('refuses reset-password for an account of the organisation’s provider, in one Dutch line', async () => {
    expectSuccess(await mpg('create', 'org.lid', '--role', 'coordinator'));
    const user = await t.db.selectFrom('users').select(['id', 'password_hash']).where('username', '=', 'org.lid').executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    await t.db
      .insertInto('oidc_identities')
      .values({ issuer: 'https://idp.example', subject: 'org-lid', user_id: user.id, email: null, created_at: at, last_login_at: at })
      .execute();
    expectFailure(await mpg('reset-password', 'org.lid'), /^error: dit account meldt zich aan via de identiteitsprovider van de organisatie/);
    const after = await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(after.password_hash).toBe(user.password_hash);
  });
});
