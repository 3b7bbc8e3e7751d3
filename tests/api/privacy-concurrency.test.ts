import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { TEST_BSN_KEY } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// Two officers acting on the same request or signal at the same moment: one succeeds,
// the other gets a Dutch 409, and nothing is stored twice. A refused mark leaves what was
// typed out of the audit log.

describe.each(DIALECTS)('residents’ rights, two requests at once (%s)', (dialect) => {
  let f: ApiFixture;
  let privacy: Agent;
  let beheerder: Agent;
  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY });
    privacy = await f.login('privacy');
    beheerder = await f.login('beheerder');
  });
  afterAll(async () => f?.close());

  const twice = <T>(make: () => Promise<T>) => Promise.all([make(), make(), make()]);

  it('extends a request once and closes it once', async () => {
    const created = (await privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn: '908301662', received_on: '2026-10-02' } })).json();
    const extend = () => privacy.request({ method: 'POST', url: `/api/privacy/requests/${created.id}/extend`, payload: { reason: 'veel gegevens' } });
    expect((await twice(extend)).map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const close = () => privacy.request({ method: 'POST', url: `/api/privacy/requests/${created.id}/close` });
    const closed = await twice(close);
    expect(closed.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(closed.find((r) => r.statusCode === 409)!.json().message).toMatch(/afgehandeld/);
  });

  it('marks a signal once', async () => {
    const mark = () =>
      beheerder.request({ method: 'POST', url: '/api/privacy/marks', payload: { source: 'woco-noord', record_id: 'h-1', reason: 'boekingsfout' } });
    expect((await twice(mark)).map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const active = await f.t.db.selectFrom('signal_marks').select('id').where('record_id', '=', 'h-1').where('lifted_at', 'is', null).execute();
    expect(active).toHaveLength(1);
  });

  it('keeps a refused mark’s typed values out of the audit log', async () => {
    const res = await beheerder.request({
      method: 'POST',
      url: '/api/privacy/marks',
      payload: { source: 'woco-noord', record_id: '446598021', reason: 'per ongeluk een bsn' },
    });
    expect(res.statusCode).toBe(404);
    const audit = JSON.stringify(await f.t.db.selectFrom('audit_log').selectAll().execute());
    expect(audit).not.toContain('446598021');
  });
});
