import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, sessionCookie, type ApiFixture } from './support/fixture.ts';

// The audit log is complete: one entry per failed login, logins refused by the
// per-address limit, the session (as a hash) and user agent of every entry, which
// households a list showed, and every server error. Descriptions are Dutch.

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Vroegsignaal-test';

describe.each(DIALECTS)('the audit log is complete (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture(dialect, { loginRateLimit: 3 });
  });
  afterAll(async () => f?.close());
  const entries = () => f.t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  const login = (username: string, password: string, remoteAddress: string) =>
    f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers: { 'user-agent': BROWSER } });

  it('writes one entry for a failed login, not two', async () => {
    const before = (await entries()).length;
    expect((await login('coordinator', 'niet het goede wachtwoord', '192.0.2.10')).statusCode).toBe(401);
    const added = (await entries()).slice(before);
    expect(added.map((e) => [e.event, e.username, e.outcome, e.ip, e.user_agent])).toEqual([['login_failed', 'coordinator', 'failure', '192.0.2.10', BROWSER]]);
  });

  it('audits logins refused by the per-address rate limit', async () => {
    f.clock.advance(3600_000); // past the per-account delay of the failure above
    const before = (await entries()).length;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login('beheerder', 'fout fout fout fout', '192.0.2.20')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const added = (await entries()).slice(before);
    expect(added.map((e) => [e.event, e.outcome, e.ip])).toEqual([
      ['login_failed', 'failure', '192.0.2.20'],
      ['login_failed', 'failure', '192.0.2.20'],
      ['login_failed', 'failure', '192.0.2.20'],
      ['rate_limited:login', 'denied', '192.0.2.20'],
    ]);
    expect(added[3]!.user_agent).toBe(BROWSER);
  });

  it('records a hash of the session (never its id or token) and the user agent with every entry', async () => {
    f.clock.advance(3600_000);
    const res = await login('coordinator', f.passwords.get('coordinator')!, '192.0.2.30');
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookie(res);
    const token = cookie.split('=')[1]!;
    const sessionId = sha256(token);
    const runId = f.runIds[1]!;
    const flag = await f.flagOf(runId, '9713CC-5-');
    const before = (await entries()).length;
    await f.app.inject({ method: 'GET', url: `/api/flags/${flag}/household`, headers: { cookie, 'user-agent': BROWSER } });
    const [read] = (await entries()).slice(before);
    const loginEntry = (await entries()).filter((e) => e.event === 'login').at(-1)!;
    expect(read).toMatchObject({ event: 'household_read', username: 'coordinator', user_agent: BROWSER });
    expect(read!.session_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(read!.session_hash).toBe(loginEntry.session_hash);
    expect(read!.session_hash).not.toBe(sessionId);
    expect(read!.session_hash).not.toBe(sha256(sessionId));
    const everything = JSON.stringify(await entries());
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(sessionId);
  });

  it('records which households a flag list showed, by address key', async () => {
    const coordinator = await f.login('coordinator');
    const runId = f.runIds[1]!;
    const res = await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags?sort=address&page_size=2&page=2` });
    const shown = res.json().items.map((i: { household_key: string }) => i.household_key);
    expect(shown).toHaveLength(2);
    const entry = (await entries()).filter((e) => e.event === 'flags_list').at(-1)!;
    const detail = JSON.parse(entry.detail!);
    expect(detail).toMatchObject({ huishoudens: shown, getoond: 2, totaal: 4 });
    expect(entry.detail).not.toMatch(/huurachterstand|ggz_zorg|score/);
  });

  it('shows the beheerder a Dutch description of each event', async () => {
    const beheerder = await f.login('beheerder');
    const page = (await beheerder.request({ method: 'GET', url: '/api/audit?page_size=200' })).json();
    const described = Object.fromEntries(page.items.map((e: { event: string; description: string }) => [e.event, e.description]));
    expect(described).toMatchObject({
      login: 'inloggen',
      login_failed: 'inloggen: gebruikersnaam of wachtwoord onjuist',
      'rate_limited:login': 'geweigerd (te veel verzoeken vanaf dit adres): inloggen',
      household_read: 'huishouden inzien',
      flags_list: 'signaleringslijst bekijken (filter en pagina: zie details)',
    });
    expect(page.items[0]).toHaveProperty('session_hash');
    expect(page.items[0]).toHaveProperty('user_agent');
  });
});

describe.each(DIALECTS)('server errors are audited (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture(dialect, {}, false);
  });
  afterAll(async () => f?.close());

  it('writes an entry for every 5xx', async () => {
    const coordinator = await f.login('coordinator');
    await f.t.db.schema.alterTable('scoring_runs').renameTo('scoring_runs_weg').execute(); // the list of runs now fails
    const res = await coordinator.request({ method: 'GET', url: '/api/runs', headers: { 'user-agent': BROWSER } });
    expect(res.statusCode).toBe(500);
    // A server error's entry is written once the response is out (the database may be the cause): wait for it.
    const find = () => f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'server_error:runs').executeTakeFirst();
    await expect.poll(find, { timeout: 5000 }).toBeDefined();
    const entry = (await find())!;
    expect(entry).toMatchObject({
      username: 'coordinator',
      role: 'coordinator',
      outcome: 'failure',
      object_type: 'request',
      detail: 'GET /api/runs → 500',
      user_agent: BROWSER,
    });
    expect(entry.session_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
