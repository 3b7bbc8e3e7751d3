import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/src/core/clock.ts';
import { addDays } from '../../server/src/core/dates.ts';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { applyRetention } from '../../server/src/services/retention.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext, TEST_BSN_KEY } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';
import { feedFile, person, registryFile } from './support/moves.ts';

// An exclusion follows the persons who objected, not their address. Family A objects at
// address X, then the registry moves A to Y and family B into X: the next run and the week
// list show B at X and leave A out at Y; what was recorded about A at X before stays hidden;
// lifting the exclusion brings A back at Y. Both databases, real registry import.

const X = '9711AA-1-';
const Y = '9714DD-7-';
const A = ['908301662', '131860914', '390996038'];
const B_PARENT = '111222345';
const B_CHILD = '111222357';
const ON = '2026-10-09';
const MINUTE = 60_000;

/** A file of the example registry with family A moved from X to Y and family B living at X. */
function movedRegistry(): string {
  const [, ...lines] = fs.readFileSync(path.join(EXAMPLE_DIR, 'registry.csv'), 'utf8').trim().split('\n');
  const moved = lines.map((line) => (A.includes(line.split(',')[0]!) ? line.replace(/,9711 ?[Aa]{2},1,,/, ',9714DD,7,,') : line));
  expect(moved.filter((line) => line.includes('9714DD,7'))).toHaveLength(3);
  return registryFile('registry.csv', [...moved, person(B_PARENT, '1984-04-04', X), person(B_CHILD, '2014-02-02', X)]);
}

/** A third domain for A (a police contact of its child), and enough for B to be flagged at X with X's own overlast. */
const extraFeed = () =>
  feedFile('extra.csv', [
    'politie,p-9,jeugd_politiecontact,2026-09-25,,131860914,,,',
    'woco-noord,h-20,huurachterstand,2026-09-20,4,111222345,,,',
    'ggz,g-20,ggz_zorg,2026-09-01,,111222345,,,',
  ]);

describe.each(DIALECTS)('an exclusion follows its persons when they move (%s)', (dialect) => {
  let f: ApiFixture;
  let privacy: Agent;
  let coordinator: Agent;
  let requestId: number;
  let exclusionId: number;
  let openBefore: number;
  const ctx = () => engineContext(f.t.db, f.clock);
  const score = async () => {
    f.clock.advance(MINUTE);
    return (await scoreAsOf(ctx(), ON)).runId;
  };
  const flagged = async (runId: number) =>
    (await f.t.db.selectFrom('flags').select('household_key').where('run_id', '=', runId).execute()).map((r) => r.household_key);
  const excludedCount = async (runId: number) =>
    (await f.t.db.selectFrom('scoring_runs').select('excluded_households').where('id', '=', runId).executeTakeFirstOrThrow()).excluded_households;
  const weekList = async (runId: number) => {
    const res = await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags?page_size=200` });
    expect(res.statusCode).toBe(200);
    return res.json().items.map((i: { household_key: string }) => i.household_key) as string[];
  };
  const page = async (runId: number, household: string) =>
    (await coordinator.request({ method: 'GET', url: `/api/flags/${await f.flagOf(runId, household)}/household` })).statusCode;
  const fileRequest = async (bsn: string) => {
    const res = await privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn, received_on: '2026-10-02' } });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  const exclude = (id: number) =>
    privacy.request({
      method: 'POST',
      url: `/api/privacy/requests/${id}/exclusions`,
      payload: { ground: 'bezwaar', reason: 'Bezwaar tegen de verwerking toegekend', from: ON, to: '2026-10-31' },
    });
  /** Open cases of wijkteam in the coordinator's workload. */
  const open = async () =>
    (await coordinator.request({ method: 'GET', url: '/api/workload' })).json().find((w: { username: string }) => w.username === 'wijkteam')?.open ?? 0;
  const personsOf = async (exclusion: number) =>
    (await f.t.db.selectFrom('household_exclusion_persons').select('bsn_hash').where('exclusion_id', '=', exclusion).execute()).map((r) => r.bsn_hash);
  const lift = (id: number, exclusion: number) => privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/exclusions/${exclusion}/lift` });

  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY });
    privacy = await f.login('privacy');
    coordinator = await f.login('coordinator');
  });
  afterAll(async () => f?.close());

  it('stores the keyed bsn hashes of the persons living in the household, and nothing else about them', async () => {
    expect(await flagged(f.runIds[1]!)).toContain(X);
    // An open case about A at X, from before the exclusion.
    openBefore = await open();
    const flag = await f.flagOf(f.runIds[1]!, X);
    expect((await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/assignment`, payload: { assigned_to: 'wijkteam' } })).statusCode).toBe(
      200,
    );
    expect(await open()).toBe(openBefore + 1);
    f.clock.advance(MINUTE);
    requestId = await fileRequest(A[0]!);
    const made = await exclude(requestId);
    expect(made.statusCode).toBe(200);
    exclusionId = made.json().exclusions.at(-1).id;
    const rows = await f.t.db.selectFrom('household_exclusion_persons').selectAll().where('exclusion_id', '=', exclusionId).execute();
    const hash = createPseudonymizer(TEST_BSN_KEY);
    expect(rows.map((r) => r.bsn_hash).sort()).toEqual(A.map(hash).sort());
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['bsn_hash', 'exclusion_id']);
    const before = await score();
    expect(await flagged(before)).not.toContain(X);
    expect(await excludedCount(before)).toBe(1);
  });

  it('after the move the run and the week list show the new family at X and leave the objecting family out at Y', async () => {
    await ingestFeed(ctx(), extraFeed());
    f.clock.advance(MINUTE);
    await importRegistry(ctx(), movedRegistry());
    const hash = createPseudonymizer(TEST_BSN_KEY);
    const where = await f.t.db
      .selectFrom('persons')
      .select(['bsn_hash', 'address_key'])
      .where('bsn_hash', 'in', [...A, B_PARENT].map(hash))
      .execute();
    const expected = new Map<string, string>([...A.map((b): [string, string] => [hash(b), Y]), [hash(B_PARENT), X]]);
    expect(new Map(where.map((p) => [p.bsn_hash, p.address_key]))).toEqual(expected);

    const run = await score();
    const keys = await flagged(run);
    expect(keys).toContain(X); // B: huurachterstand, ggz and X's own overlast
    expect(keys).not.toContain(Y);
    expect(await excludedCount(run)).toBe(1); // Y, where A lives now; X no longer
    const week = await weekList(run);
    expect(week).toContain(X);
    expect(week).not.toContain(Y);
    expect(week.sort()).toEqual(keys.sort());
    expect(await page(run, X)).toBe(200);
    const weeks = (await coordinator.request({ method: 'GET', url: '/api/aggregates/weeks' })).json();
    expect(weeks.find((w: { run_id: number }) => w.run_id === run).excluded_households).toBe('<5');
  });

  it('what was recorded about the objecting family at X before the exclusion stays hidden after they move', async () => {
    const old = f.runIds[1]!;
    expect(await weekList(old)).not.toContain(X);
    expect(await page(old, X)).toBe(404);
    expect(await open()).toBe(openBefore); // A's case at X
    const runs = (await coordinator.request({ method: 'GET', url: '/api/runs' })).json();
    expect(runs.find((r: { id: number }) => r.id === old).flags).toBe((await flagged(old)).length - 1);
  });

  it('a new exclusion for the objecting family at Y overlaps theirs; one for the new family at X does not', async () => {
    const atY = await exclude(await fileRequest(A[0]!));
    expect(atY.statusCode).toBe(409);
    expect(atY.json().message).toContain('al uitgesloten van');
    const forB = await fileRequest(B_PARENT);
    const atX = await exclude(forB);
    expect(atX.statusCode).toBe(200);
    const made = atX.json().exclusions.at(-1);
    expect(await personsOf(made.id)).toHaveLength(2);
    const run = (await f.t.db.selectFrom('scoring_runs').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    expect(await weekList(run)).not.toContain(X);
    expect((await lift(forB, made.id)).statusCode).toBe(200);
    expect(await weekList(run)).toContain(X);
    expect(await personsOf(made.id)).toEqual([]);
  });

  it('lifting the exclusion brings the family back at Y, in the next run and the week list', async () => {
    expect((await lift(requestId, exclusionId)).statusCode).toBe(200);
    const run = await score();
    const keys = await flagged(run);
    expect(keys).toEqual(expect.arrayContaining([X, Y]));
    expect(await excludedCount(run)).toBe(0);
    expect(await weekList(run)).toEqual(expect.arrayContaining([X, Y]));
    expect(await weekList(f.runIds[1]!)).toContain(X);
    expect(await open()).toBe(openBefore + 1);
    expect(await personsOf(exclusionId)).toEqual([]); // a lifted exclusion needs no one
  });

  it('retention forgets the persons of an exclusion once it ended before the oldest kept signal', async () => {
    const made = await exclude(await fileRequest(A[0]!));
    expect(made.statusCode).toBe(200);
    const id = made.json().exclusions.at(-1).id as number;
    expect(await personsOf(id)).toHaveLength(3);
    const retain = (at: string, retentionDays: number) =>
      applyRetention(engineContext(f.t.db, fixedClock(at)), { retentionDays, quarantineRetentionDays: 90, auditRetentionDays: 1826 });
    // It ends 2026-10-31: kept while signals from that day are kept, forgotten the day after.
    const lastDay = addDays('2026-10-31', 730);
    expect((await retain(`${lastDay}T12:00:00Z`, 730)).exclusionPersonsDeleted).toBe(0);
    expect(await personsOf(id)).toHaveLength(3);
    expect((await retain(`${addDays(lastDay, 1)}T12:00:00Z`, 730)).exclusionPersonsDeleted).toBe(3);
    expect(await personsOf(id)).toEqual([]);
  });
});

describe.each(DIALECTS)('an exclusion that starts later covers what was recorded before it began (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY });
  });
  afterAll(async () => f?.close());

  it('a run made between the exclusion and its start, at the old address, stays hidden once it begins after the family moved', async () => {
    const privacy = await f.login('privacy');
    const requested = await privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn: A[0], received_on: '2026-10-02' } });
    const made = await privacy.request({
      method: 'POST',
      url: `/api/privacy/requests/${requested.json().id}/exclusions`,
      payload: { ground: 'beperking', reason: 'Beperking van de verwerking toegekend', from: '2026-10-20', to: '2026-11-30' },
    });
    expect(made.statusCode).toBe(200);
    f.clock.advance(MINUTE);
    const ctx = engineContext(f.t.db, f.clock);
    const between = (await scoreAsOf(ctx, ON)).runId; // A still at X, the period not begun: A is on it
    expect(await f.flagOf(between, X)).toBeGreaterThan(0);
    await ingestFeed(ctx, extraFeed());
    await importRegistry(ctx, movedRegistry());

    f.clock.advance(12 * 24 * 3600_000); // 2026-10-21: the period has begun
    const coordinator = await f.login('coordinator');
    const list = async (runId: number) =>
      (await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags?page_size=200` }))
        .json()
        .items.map((i: { household_key: string }) => i.household_key);
    expect(await list(between)).not.toContain(X);
    const flag = await f.flagOf(between, X);
    expect((await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/household` })).statusCode).toBe(404);
    const now = (await scoreAsOf(engineContext(f.t.db, f.clock), '2026-10-21')).runId;
    expect(await list(now)).toContain(X); // B
    expect(await list(now)).not.toContain(Y);
  });
});
