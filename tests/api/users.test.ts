import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { useSignedInFixture } from './support/fixture.ts';

describe.each(DIALECTS)('users: the last active beheerder and the wijken of a user (%s)', (dialect) => {
  const s = useSignedInFixture(dialect, 'beheerder');
  const idOf = async (username: string) =>
    ((await s.agent.request({ method: 'GET', url: '/api/users' })).json() as { id: number; username: string }[]).find((u) => u.username === username)!.id;
  const activeBeheerders = async () =>
    (await s.f.t.db.selectFrom('users').select('id').where('role', '=', 'beheerder').where('active', '=', 1).execute()).length;

  it('refuses with 409 to deactivate or demote the only active beheerder, and leaves them as they were', async () => {
    const own = await idOf('beheerder');
    for (const payload of [{ active: false }, { role: 'coordinator' }, { role: 'wijkteam', wijken: ['Beijum'] }]) {
      const res = await s.agent.request({ method: 'PATCH', url: `/api/users/${own}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(409);
      expect(res.json().message).toBe('er moet ten minste één actieve beheerder overblijven: maak eerst een andere gebruiker beheerder');
    }
    expect(await activeBeheerders()).toBe(1);
    // Their session survives the refused change: it was rolled back.
    expect((await s.agent.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);
  });

  it('lets a beheerder step down once another beheerder is active', async () => {
    const other = await s.agent.request({ method: 'POST', url: '/api/users', payload: { username: 'beheer2', role: 'beheerder' } });
    expect(other.statusCode).toBe(201);
    const res = await s.agent.request({ method: 'PATCH', url: `/api/users/${other.json().user.id}`, payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect(await activeBeheerders()).toBe(1);
  });

  it('refuses a wijkteam member without wijken or with a wijk the registry does not know (400 naming body.wijken)', async () => {
    const create = (wijken?: string[]) =>
      s.agent.request({ method: 'POST', url: '/api/users', payload: { username: 'wijk9', role: 'wijkteam', ...(wijken ? { wijken } : {}) } });
    for (const wijken of [undefined, [], ['Nergenswijk'], ['Beijum', 'Nergenswijk']]) {
      const res = await create(wijken);
      expect(res.statusCode, JSON.stringify(wijken)).toBe(400);
      expect(res.json().message).toMatch(/^body\.wijken: /);
    }
    expect((await create(['Nergenswijk'])).json().message).toContain("onbekende wijk 'Nergenswijk'");
    const made = await create(['Beijum', ' Beijum']);
    expect(made.statusCode).toBe(201);
    expect(made.json().user.wijken).toEqual(['Beijum']);
    const moved = await s.agent.request({ method: 'PATCH', url: `/api/users/${made.json().user.id}`, payload: { wijken: ['Onbekend'] } });
    expect(moved.statusCode).toBe(400);
  });

  it('refuses wijken for other roles instead of dropping them, and a move into a wijkteam without wijken', async () => {
    const created = await s.agent.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'beleid9', role: 'beleidsmaker', wijken: ['Beijum'] },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().message).toMatch(/^body\.wijken: alleen een lid van een wijkteam heeft wijken/);
    const id = await idOf('beleidsmaker');
    for (const payload of [{ wijken: ['Onbekend'] }, { wijken: ['Beijum'] }, { role: 'wijkteam' }]) {
      const res = await s.agent.request({ method: 'PATCH', url: `/api/users/${id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(/^body\.wijken: /);
    }
    const joined = await s.agent.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { role: 'wijkteam', wijken: ['Lewenborg'] } });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().wijken).toEqual(['Lewenborg']);
  });
});
