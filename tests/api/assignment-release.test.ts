import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// An assignment may not outlive the assignee's access: when a beheerder takes a wijk away
// from a wijkteam member or deactivates them, their open cases there return to "niet toegewezen".

interface Item {
  id: number;
  household_key: string;
  wijk: string;
  assigned_to: string | null;
}

describe.each(DIALECTS)('assignments end with the assignee’s access (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;
  let beheerder: Agent;
  let run: number;

  beforeAll(async () => {
    f = await createApiFixture(dialect);
    coordinator = await f.login('coordinator');
    beheerder = await f.login('beheerder');
    run = f.runIds[1]!;
  });
  afterAll(async () => f?.close());

  const search = async (body: object): Promise<Item[]> => {
    const res = await coordinator.request({ method: 'POST', url: `/api/runs/${run}/flags/search`, payload: { page_size: 100, ...body } });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const firstIn = async (wijk: string) => (await search({ wijk }))[0]!;
  const assign = async (flagId: number, to: string) =>
    expect((await coordinator.request({ method: 'POST', url: `/api/flags/${flagId}/triage/assignment`, payload: { assigned_to: to } })).statusCode).toBe(200);
  const unassignedKeys = async () => (await search({ unassigned: true })).map((i) => i.household_key);
  const history = async (flagId: number) => (await coordinator.request({ method: 'GET', url: `/api/flags/${flagId}/triage` })).json();
  const userId = async (username: string) =>
    ((await beheerder.request({ method: 'GET', url: '/api/users' })).json() as { id: number; username: string }[]).find((u) => u.username === username)!.id;
  const patchUser = async (username: string, payload: object) =>
    expect((await beheerder.request({ method: 'PATCH', url: `/api/users/${await userId(username)}`, payload })).statusCode).toBe(200);
  const auditOf = (triageId: number) =>
    f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'triage_unassigned').where('object_id', '=', String(triageId)).execute();

  it('unassigns the cases in a wijk taken away, records why in the history and the audit log, and keeps the rest', async () => {
    const beijum = await firstIn('Beijum');
    const vinkhuizen = await firstIn('Vinkhuizen');
    await assign(beijum.id, 'wijkteam');
    await assign(vinkhuizen.id, 'wijkteam');
    expect(await unassignedKeys()).not.toContain(beijum.household_key);

    await patchUser('wijkteam', { wijken: ['Vinkhuizen'] });

    expect(await unassignedKeys()).toContain(beijum.household_key);
    expect(await unassignedKeys()).not.toContain(vinkhuizen.household_key);
    const released = await history(beijum.id);
    expect(released.assigned_to).toBeNull();
    expect(released.events.at(-1)).toMatchObject({
      kind: 'assignment',
      assigned_to: null,
      by: 'beheerder',
      role: 'beheerder',
      note: 'Toewijzing vervallen: wijkteamlid werkt niet meer in deze wijk',
    });
    const audit = await auditOf(released.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'beheerder', object_type: 'triage', outcome: 'success' });
    expect(audit[0]!.detail).toContain('wijkteamlid werkt niet meer in deze wijk');
    const kept = await history(vinkhuizen.id);
    expect(kept.assigned_to).toBe('wijkteam');
    expect(await auditOf(kept.id)).toHaveLength(0);
  });

  it('unassigns every open case of a deactivated member, in all their wijken', async () => {
    const lewenborg = await search({ wijk: 'Lewenborg' });
    for (const item of lewenborg) await assign(item.id, 'wijkteam2');
    expect(lewenborg.length).toBeGreaterThan(0);

    await patchUser('wijkteam2', { active: false });

    const open = await unassignedKeys();
    for (const item of lewenborg) {
      expect(open).toContain(item.household_key);
      const t = await history(item.id);
      expect(t.assigned_to).toBeNull();
      expect(t.events.at(-1)).toMatchObject({ kind: 'assignment', assigned_to: null, note: 'Toewijzing vervallen: account van het wijkteamlid gedeactiveerd' });
      expect(await auditOf(t.id)).toHaveLength(1);
    }
  });
});
