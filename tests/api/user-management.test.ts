import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { sessionCookie, useSignedInFixture } from './support/fixture.ts';

// A beheerder manages accounts: no change of their own role, every role change audited
// with before and after, deactivation and reset end the account's sessions at once.

describe.each(DIALECTS)('account management by a beheerder (%s)', (dialect) => {
  const s = useSignedInFixture(dialect, 'beheerder');
  const idOf = async (username: string) =>
    ((await s.agent.request({ method: 'GET', url: '/api/users' })).json() as { id: number; username: string }[]).find((u) => u.username === username)!.id;
  const lastAudit = async (event: string) =>
    s.f.t.db.selectFrom('audit_log').selectAll().where('event', '=', event).orderBy('id', 'desc').executeTakeFirstOrThrow();

  it('refuses a beheerder changing their own role (403, in Dutch), also with another beheerder active, and audits the refusal', async () => {
    const other = await s.agent.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'beheer2', role: 'beheerder' },
    });
    expect(other.statusCode).toBe(201);
    const res = await s.agent.request({ method: 'PATCH', url: `/api/users/${await idOf('beheerder')}`, payload: { role: 'coordinator' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('u kunt uw eigen rol niet wijzigen: laat dat een andere beheerder doen');
    const row = await s.f.t.db.selectFrom('users').select('role').where('username', '=', 'beheerder').executeTakeFirstOrThrow();
    expect(row.role).toBe('beheerder');
    const audit = await lastAudit('denied:updateUser');
    expect(audit).toMatchObject({ outcome: 'denied', object_type: 'user', object_id: 'beheerder' });
  });

  it('audits a role change with the role and wijken before and after', async () => {
    const id = await idOf('coordinator');
    const res = await s.agent.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { role: 'wijkteam', wijken: ['Beijum', 'Vinkhuizen'] } });
    expect(res.statusCode).toBe(200);
    expect(await lastAudit('updateUser')).toMatchObject({
      outcome: 'success',
      object_id: 'coordinator',
      detail: 'rol: coordinator → wijkteam; wijken: – → Beijum, Vinkhuizen',
    });
    await s.agent.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { role: 'coordinator' } });
    expect((await lastAudit('updateUser')).detail).toBe('rol: wijkteam → coordinator; wijken: Beijum, Vinkhuizen → –');
  });

  it('ends all sessions of a deactivated account: its next request is 401', async () => {
    const victim = await s.f.login('wijkteam2');
    expect((await victim.request({ method: 'GET', url: '/api/runs' })).statusCode).toBe(200);
    const res = await s.agent.request({ method: 'PATCH', url: `/api/users/${await idOf('wijkteam2')}`, payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect((await lastAudit('updateUser')).detail).toBe('rol: wijkteam → wijkteam; wijken: Lewenborg → Lewenborg; actief: ja → nee');
    expect((await victim.request({ method: 'GET', url: '/api/runs' })).statusCode).toBe(401);
    const again = await s.f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'wijkteam2', password: s.f.passwords.get('wijkteam2') },
    });
    expect(again.statusCode).toBe(401);
  });

  it('resets an account: sessions end, the one-time password leads to a new password, then a new second factor', async () => {
    const victim = await s.f.login('beleidsmaker2');
    const res = await s.agent.request({ method: 'POST', url: `/api/users/${await idOf('beleidsmaker2')}/password-reset` });
    expect(res.statusCode).toBe(200);
    const otp: string = res.json().one_time_password;
    expect(res.json().user).toMatchObject({ username: 'beleidsmaker2', reset_pending: true, second_factor: false });
    expect((await victim.request({ method: 'GET', url: '/api/aggregates/weeks' })).statusCode).toBe(401);
    expect(await lastAudit('resetUser')).toMatchObject({ outcome: 'success', object_id: 'beleidsmaker2' });
    expect((await lastAudit('resetUser')).detail).not.toContain(otp);

    const login = await s.f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'beleidsmaker2', password: otp } });
    expect(login.json().pending).toBe('password');
    const headers = { cookie: sessionCookie(login), 'x-csrf-token': login.json().csrf_token };
    const newPassword = 'een ander lang wachtwoord 5';
    const changed = await s.f.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { current_password: otp, new_password: newPassword } });
    expect(changed.statusCode).toBe(200);
    const next = await s.f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'beleidsmaker2', password: newPassword } });
    expect(next.json().pending).toBe('enrol');
    // Not even a reset may be done by anyone but a beheerder.
    const other = await s.f.login('coordinator');
    expect((await other.request({ method: 'POST', url: `/api/users/${await idOf('beheerder')}/password-reset` })).statusCode).toBe(403);
  });

  it('creates an account with a server-made one-time password, shown once, that must be changed at the first sign-in', async () => {
    const typed = await s.agent.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'nieuw1', role: 'coordinator', password: 'een heel lang wachtwoord 42' },
    });
    expect(typed.statusCode).toBe(400);
    const res = await s.agent.request({ method: 'POST', url: '/api/users', payload: { username: 'nieuw1', role: 'coordinator' } });
    expect(res.statusCode).toBe(201);
    const otp: string = res.json().one_time_password;
    expect(otp.length).toBeGreaterThanOrEqual(12);
    expect(res.json().user).toMatchObject({ username: 'nieuw1', role: 'coordinator', reset_pending: true });
    expect((await lastAudit('createUser')).detail).not.toContain(otp);
    const list = (await s.agent.request({ method: 'GET', url: '/api/users' })).body;
    expect(list).not.toContain(otp);
    const login = await s.f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nieuw1', password: otp } });
    expect(login.json().pending).toBe('password');
    const headers = { cookie: sessionCookie(login), 'x-csrf-token': login.json().csrf_token };
    expect((await s.f.app.inject({ method: 'GET', url: '/api/runs', headers })).statusCode).toBe(403);
    // The one-time password may not be kept as the own password.
    const same = await s.f.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { current_password: otp, new_password: otp } });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({ field: 'body.new_password', message: 'body.new_password: kies een ander wachtwoord dan het huidige' });
    const own = 'mijn eigen lange wachtwoord 8';
    expect(
      (await s.f.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { current_password: otp, new_password: own } })).statusCode,
    ).toBe(200);
    const next = await s.f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nieuw1', password: own } });
    expect(next.statusCode).toBe(200);
    expect(next.json().pending).toBeUndefined();
  });

  it('refuses a password in a change of an account: only the reset sets one (400, nothing changed)', async () => {
    const id = await idOf('coordinator');
    const before = await s.f.t.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
    const res = await s.agent.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { password: 'een heel lang wachtwoord 42' } });
    expect(res.statusCode).toBe(400);
    const after = await s.f.t.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.password_hash).toBe(before.password_hash);
  });

  it('refuses a reset and password sign-in for an account of the organisation’s provider, and says how it signs in', async () => {
    const id = await idOf('privacy');
    const at = s.f.clock.now().toISOString();
    await s.f.t.db
      .insertInto('oidc_identities')
      .values({ issuer: 'https://idp.example', subject: 'sub-privacy', user_id: id, email: null, created_at: at, last_login_at: at })
      .execute();
    const listed = (await s.agent.request({ method: 'GET', url: '/api/users' })).json() as { username: string; sign_in: string }[];
    expect(listed.find((u) => u.username === 'privacy')?.sign_in).toBe('organisatie');
    expect(listed.find((u) => u.username === 'beheerder')?.sign_in).toBe('lokaal');
    const before = await s.f.t.db.selectFrom('users').select(['password_hash', 'must_change_password']).where('id', '=', id).executeTakeFirstOrThrow();
    const reset = await s.agent.request({ method: 'POST', url: `/api/users/${id}/password-reset` });
    expect(reset.statusCode).toBe(409);
    expect(reset.json().message).toBe('dit account meldt zich aan via de identiteitsprovider van de organisatie: het wachtwoord wordt daar beheerd, niet hier');
    const after = await s.f.t.db.selectFrom('users').select(['password_hash', 'must_change_password']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    // Even the right local password no longer opens the account: the same answer as a wrong one.
    const login = await s.f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'privacy', password: s.f.passwords.get('privacy') } });
    expect(login.statusCode).toBe(401);
    expect(login.json().message).toBe('gebruikersnaam of wachtwoord onjuist');
    expect(await lastAudit('login_failed')).toMatchObject({ username: 'privacy', outcome: 'failure', object_id: 'privacy' });
  });
});
