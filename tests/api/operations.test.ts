import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

describe.each(DIALECTS)('beheerder: sources, jobs, ingest runs, quarantine, users, audit (%s)', (dialect) => {
  let f: ApiFixture;
  let admin: Agent;
  beforeAll(async () => {
    f = await createApiFixture(dialect);
    admin = await f.login('beheerder');
  });
  afterAll(async () => f?.close());

  it('lists sources with their health and never an authentication secret', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/sources',
      payload: {
        name: 'politie',
        indicators: ['jeugd_politiecontact'],
        url: 'https://example.org/feed',
        auth_header: { name: 'Authorization', value: 'Bearer geheim-123' },
      },
    });
    expect(created.statusCode).toBe(201);
    const list = await admin.request({ method: 'GET', url: '/api/sources' });
    expect(list.body).not.toContain('geheim-123');
    const politie = list.json().find((s: any) => s.name === 'politie');
    expect(politie).toMatchObject({ fetch_kind: 'http', location: 'https://example.org/feed', auth_header_name: 'Authorization', enabled: true });
    expect(['green', 'amber', 'red']).toContain(politie.health.status);
    const bad = await admin.request({ method: 'POST', url: '/api/sources', payload: { name: 'x', indicators: ['onbekend'], folder: '/tmp/x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().reason).toContain("'onbekend'");
    const off = await admin.request({ method: 'PATCH', url: '/api/sources/politie', payload: { enabled: false } });
    expect(off.json()).toMatchObject({ name: 'politie', enabled: false });
    expect((await admin.request({ method: 'PATCH', url: '/api/sources/bestaat-niet', payload: { enabled: false } })).statusCode).toBe(404);
    expect((await admin.request({ method: 'GET', url: '/api/jobs?page_size=5' })).statusCode).toBe(200);
  });

  it('shows ingest runs and quarantined rows with reasons, never the raw row', async () => {
    const ctx = engineContext(f.t.db, f.clock);
    await ingestFeed(ctx, tempFile('slecht.csv', 'source,record_id,indicator,observed_on,bsn\nwoco,r1,huurachterstand,2026-09-01,111111111\n'));
    const runs = (await admin.request({ method: 'GET', url: '/api/ingest-runs?page_size=2' })).json();
    expect(runs).toMatchObject({ page: 1, page_size: 2 });
    expect(runs.total).toBeGreaterThanOrEqual(4);
    const q = await admin.request({ method: 'GET', url: `/api/quarantine?ingest_run=${runs.items[0].id}` });
    expect(q.json().items).toHaveLength(1);
    expect(q.json().items[0].reasons.join(' ')).toMatch(/bsn/);
    expect(q.body).not.toContain('111111111');
  });

  it('manages users and wijk assignments, and searches the audit log', async () => {
    const created = (
      await admin.request({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'wijk3', role: 'wijkteam', wijken: ['Beijum'] },
      })
    ).json().user;
    expect(created).toMatchObject({ username: 'wijk3', role: 'wijkteam', wijken: ['Beijum'], active: true });
    expect(
      (
        await admin.request({
          method: 'POST',
          url: '/api/users',
          payload: { username: 'wijk3', role: 'wijkteam', wijken: ['Beijum'] },
        })
      ).statusCode,
    ).toBe(409);
    const moved = (await admin.request({ method: 'PATCH', url: `/api/users/${created.id}`, payload: { wijken: ['Lewenborg'] } })).json();
    expect(moved.wijken).toEqual(['Lewenborg']);
    expect((await admin.request({ method: 'PATCH', url: '/api/users/99999', payload: { active: false } })).statusCode).toBe(404);
    const users = (await admin.request({ method: 'GET', url: '/api/users' })).json();
    expect(JSON.stringify(users)).not.toMatch(/argon2|password/);
    const search = (await admin.request({ method: 'GET', url: '/api/audit?object_type=user&outcome=success' })).json();
    expect(search.items.map((e: any) => e.event)).toEqual(expect.arrayContaining(['createUser', 'updateUser']));
    expect(search.items.every((e: any) => e.object_type === 'user')).toBe(true);
    const today = f.clock.now().toISOString().slice(0, 10);
    expect((await admin.request({ method: 'GET', url: `/api/audit?from=${today}&to=${today}&event=login` })).json().total).toBeGreaterThan(0);
    expect((await admin.request({ method: 'GET', url: '/api/audit?from=2001-01-01&to=2001-01-02' })).json().total).toBe(0);
  });
});
