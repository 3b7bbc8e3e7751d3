import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// The flag list and household detail are shared through a cache that is valid
// only while the data behind them is unchanged: every change shows at once, and
// every read is still logged.

const BEIJUM = '9711AA-1-';

describe.each(DIALECTS)('cached read models (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;
  let flagId: number;
  let runId: number;
  beforeAll(async () => {
    f = await createApiFixture(dialect);
    coordinator = await f.login('coordinator');
    runId = f.runIds[1]!;
    flagId = await f.flagOf(runId, BEIJUM);
  });
  afterAll(async () => f?.close());

  const detail = async () => (await coordinator.request({ method: 'GET', url: `/api/flags/${flagId}/household` })).json();
  const listed = async () =>
    (await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags?page_size=50` })).json().items.find((i: any) => i.household_key === BEIJUM);

  it('shows a triage step and an assignment on the next read', async () => {
    expect((await detail()).triage.status).toBe('nieuw');
    expect((await listed()).assigned_to).toBeNull();
    await coordinator.request({ method: 'POST', url: `/api/flags/${flagId}/triage/status`, payload: { status: 'in_behandeling' } });
    await coordinator.request({ method: 'POST', url: `/api/flags/${flagId}/triage/assignment`, payload: { assigned_to: 'wijkteam' } });
    expect((await detail()).triage.status).toBe('in_behandeling');
    expect(await listed()).toMatchObject({ triage_status: 'in_behandeling', assigned_to: 'wijkteam' });
  });

  it('shows a new delivery in the timeline on the next read', async () => {
    const before = (await detail()).timeline.length;
    const feed = 'source,record_id,indicator,observed_on,value,bsn,postcode,huisnummer,toevoeging\ncache-test,c1,overlastmelding,2026-09-25,1,,9711AA,1,\n';
    await ingestFeed(engineContext(f.t.db), tempFile('cache.csv', feed));
    expect((await detail()).timeline.length).toBe(before + 1);
  });

  it('logs every read, also those answered from the cache', async () => {
    const count = async () =>
      Number(
        (
          await f.t.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('event', '=', 'household_read')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const start = await count();
    await detail();
    await detail();
    await detail();
    expect(await count()).toBe(start + 3);
  });
});
