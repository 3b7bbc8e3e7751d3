import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { TEST_BSN_KEY } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// A privacy officer's correction comes from a resident's request: the beheerder neither
// reads its reason nor lifts it. The beheerder's own marks (on a source's instruction)
// stay theirs to see and lift; the privacy officer sees and lifts every mark.

describe.each(DIALECTS)('signal marks by role (%s)', (dialect) => {
  let f: ApiFixture;
  let privacy: Agent;
  let beheerder: Agent;
  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY });
    privacy = await f.login('privacy');
    beheerder = await f.login('beheerder');
  });
  afterAll(async () => f?.close());

  const mark = (agent: Agent, record_id: string, reason: string) =>
    agent.request({ method: 'POST', url: '/api/privacy/marks', payload: { source: 'woco-noord', record_id, reason } });
  const list = async (agent: Agent) => (await agent.request({ method: 'GET', url: '/api/privacy/marks' })).json() as { id: number; reason: string }[];

  it('hides the privacy officer’s marks from the beheerder and refuses their lifting as not found', async () => {
    const resident = await mark(privacy, 'h-1', 'De inwoner toonde een betalingsbewijs.');
    const source = await mark(beheerder, 'h-2', 'De corporatie trekt de regel in.');
    expect([resident.statusCode, source.statusCode]).toEqual([201, 201]);
    const seen = await list(beheerder);
    expect(seen.map((m) => m.id)).toEqual([source.json().id]);
    expect(JSON.stringify(seen)).not.toContain('betalingsbewijs');
    expect((await list(privacy)).map((m) => m.id).sort()).toEqual([resident.json().id, source.json().id].sort());

    const lift = await beheerder.request({ method: 'POST', url: `/api/privacy/marks/${resident.json().id}/lift` });
    expect(lift.statusCode).toBe(404);
    expect(lift.json().message).toBe('markering niet gevonden of al opgeheven');
    const stillActive = await f.t.db.selectFrom('signal_marks').select('lifted_at').where('id', '=', resident.json().id).executeTakeFirstOrThrow();
    expect(stillActive.lifted_at).toBeNull();

    expect((await beheerder.request({ method: 'POST', url: `/api/privacy/marks/${source.json().id}/lift` })).statusCode).toBe(200);
    expect((await privacy.request({ method: 'POST', url: `/api/privacy/marks/${resident.json().id}/lift` })).statusCode).toBe(200);
  });

  it('takes the beheerder’s mark on a signal the privacy officer marked as on any other, and refuses only a second mark of their own', async () => {
    const resident = await mark(privacy, 'h-1', 'De inwoner toonde een afschrift van de bank.');
    expect(resident.statusCode).toBe(201);
    const onResident = await mark(beheerder, 'h-1', 'De corporatie trekt de regel in.');
    const onFree = await mark(beheerder, 'h-2', 'De corporatie trekt de regel in.');
    expect([onResident.statusCode, onFree.statusCode]).toEqual([201, 201]);
    // The two answers differ only in the mark's id and record: nothing tells of the resident's mark.
    const shape = (body: Record<string, unknown>) => ({ ...body, id: 0, record_id: '' });
    expect(shape(onResident.json())).toEqual(shape(onFree.json()));
    expect(onResident.body).not.toMatch(/privacy|inwoner|afschrift/i);
    // A second mark of their own is refused, the same on both signals.
    const again = [await mark(beheerder, 'h-1', 'Nog eens.'), await mark(beheerder, 'h-2', 'Nog eens.')];
    expect(again.map((r) => r.statusCode)).toEqual([409, 409]);
    expect(again[0]!.body).toBe(again[1]!.body);
    expect(again[0]!.json().message).toBe('U hebt dit signaal al gemarkeerd: het telt al niet meer mee.');
    // Lifting their own mark leaves the resident's correction in force, and theirs alone.
    expect((await beheerder.request({ method: 'POST', url: `/api/privacy/marks/${onResident.json().id}/lift` })).statusCode).toBe(200);
    const active = await f.t.db.selectFrom('signal_marks').select(['marked_role']).where('record_id', '=', 'h-1').where('lifted_at', 'is', null).execute();
    expect(active).toEqual([{ marked_role: 'privacy' }]);
    expect((await list(beheerder)).map((m) => m.id)).not.toContain(resident.json().id);
    for (const id of [resident.json().id, onFree.json().id]) {
      expect((await privacy.request({ method: 'POST', url: `/api/privacy/marks/${id}/lift` })).statusCode).toBe(200);
    }
  });

  it('lists the sources that delivered signals by their Dutch names, and names a mark’s source so', async () => {
    const codes = (await f.t.db.selectFrom('signals').select('source').distinct().execute()).map((r) => r.source).sort();
    for (const agent of [privacy, beheerder]) {
      const res = await agent.request({ method: 'GET', url: '/api/privacy/sources' });
      expect(res.statusCode).toBe(200);
      const sources = res.json() as { source: string; name: string }[];
      expect(sources.map((s) => s.source).sort()).toEqual(codes);
      expect(sources.find((s) => s.source === 'woco-noord')?.name).toBe('Woningcorporatie noord');
      for (const s of sources) expect(s.name).not.toMatch(/\b[a-z]+[-_][a-z]+\b/);
    }
    const coordinator = await f.login('coordinator');
    expect((await coordinator.request({ method: 'GET', url: '/api/privacy/sources' })).statusCode).toBe(403);
    const made = await mark(beheerder, 'h-3', 'De corporatie trekt de regel in.');
    expect(made.json()).toMatchObject({ source: 'woco-noord', source_name: 'Woningcorporatie noord' });
    expect((await list(beheerder)).find((m) => m.id === made.json().id)).toMatchObject({ source_name: 'Woningcorporatie noord' });
  });
});
