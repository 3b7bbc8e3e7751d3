import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { TEST_BSN_KEY } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// A refused action must not read as done in the stored audit log: until an action
// succeeds its entry says "poging: …"; only a success says what was done.

const PARENT_BSN = '908301662';

describe.each(DIALECTS)('audit details of refused and done actions (%s)', (dialect) => {
  let f: ApiFixture;
  let privacy: Agent;
  let beheerder: Agent;
  const last = async (event: string) =>
    f.t.db
      .selectFrom('audit_log')
      .select(['outcome', 'object_type', 'object_id', 'detail'])
      .where('event', '=', event)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
  const post = (agent: Agent, url: string, payload?: object) => agent.request({ method: 'POST', url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY });
    privacy = await f.login('privacy');
    beheerder = await f.login('beheerder');
  });
  afterAll(async () => f?.close());

  it('logs refused request actions as attempts, and the done text only after success', async () => {
    const id = (await post(privacy, '/api/privacy/requests', { bsn: PARENT_BSN, received_on: '2026-10-02' })).json().id as number;
    const url = `/api/privacy/requests/${id}`;

    expect((await post(privacy, `${url}/exclusions/999999/lift`)).statusCode).toBe(404);
    expect(await last('liftExclusion')).toEqual({
      outcome: 'failure',
      object_type: 'access_request',
      object_id: String(id),
      detail: 'poging: uitsluiting 999999 opheffen',
    });
    expect((await post(privacy, `${url}/withheld`, { triage_event_id: 999999, ground: 'Rechten van anderen' })).statusCode).toBe(404);
    expect(await last('withholdNote')).toMatchObject({ outcome: 'failure', detail: 'poging: notitie 999999 achterhouden' });
    expect((await post(privacy, `${url}/withheld/999999/release`)).statusCode).toBe(404);
    expect(await last('releaseNote')).toMatchObject({ outcome: 'failure', detail: 'poging: notitie 999999 weer opnemen' });

    const exclusion = { ground: 'beperking', reason: 'Beperking toegekend', from: '2026-10-09', to: '2026-10-20' };
    expect((await post(privacy, `${url}/exclusions`, exclusion)).statusCode).toBe(200);
    expect(await last('createExclusion')).toMatchObject({ outcome: 'success', detail: 'beperking: uitgesloten van 2026-10-09 tot en met 2026-10-20' });
    expect((await post(privacy, `${url}/exclusions`, exclusion)).statusCode).toBe(409);
    expect(await last('createExclusion')).toMatchObject({ outcome: 'failure', detail: 'poging: beperking: uitsluiten van 2026-10-09 tot en met 2026-10-20' });

    expect((await post(privacy, `${url}/close`)).statusCode).toBe(200);
    expect(await last('closeAccessRequest')).toMatchObject({ outcome: 'success', detail: 'afgehandeld' });
    expect((await post(privacy, `${url}/close`)).statusCode).toBe(409);
    expect(await last('closeAccessRequest')).toMatchObject({ outcome: 'failure', detail: 'poging: afhandelen' });
    expect((await post(privacy, `${url}/extend`, { reason: 'Veel gegevens' })).statusCode).toBe(409);
    expect(await last('extendAccessRequest')).toMatchObject({ outcome: 'failure', detail: 'poging: termijn verlengen' });
  });

  it('logs a refused lifting of a mark as an attempt', async () => {
    const mark = await post(beheerder, '/api/privacy/marks', { source: 'woco-noord', record_id: 'h-1', reason: 'De bron trekt de regel in.' });
    expect(mark.statusCode).toBe(201);
    const lift = `/api/privacy/marks/${mark.json().id}/lift`;
    expect((await post(beheerder, lift)).statusCode).toBe(200);
    expect(await last('liftSignalMark')).toEqual({
      outcome: 'success',
      object_type: 'signal_mark',
      object_id: String(mark.json().id),
      detail: 'markering opgeheven',
    });
    expect((await post(beheerder, lift)).statusCode).toBe(404);
    expect(await last('liftSignalMark')).toMatchObject({ outcome: 'failure', detail: 'poging: markering opheffen' });
  });

  it('logs a refused change of a source or a refused new user as an attempt', async () => {
    expect((await beheerder.request({ method: 'PATCH', url: '/api/sources/bestaat-niet', payload: { folder: '/tmp/elders' } })).statusCode).toBe(404);
    expect(await last('updateSource')).toMatchObject({ outcome: 'failure', detail: 'poging: wijzigen van folder' });
    const taken = await post(beheerder, '/api/users', { username: 'coordinator', role: 'coordinator', wijken: [] });
    expect(taken.statusCode).toBe(409);
    expect(await last('createUser')).toMatchObject({ outcome: 'failure', detail: 'poging: aanmaken met rol coordinator' });
  });
});
