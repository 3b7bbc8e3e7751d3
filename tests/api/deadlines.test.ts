import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from '../../server/src/server.ts';
import { DEMO_URGENT, parseUrgentIndicators, urgentDays } from '../../server/src/core/deadlines.ts';
import { loadConfig } from '../../server/src/config.ts';
import { findDeadline } from '../../server/src/repositories/deadline-repository.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { createApiFixture, seedExample, TestClock, type Agent, type ApiFixture } from './support/fixture.ts';

// First-contact deadlines: set by the run in which a household entered the list (28 days by
// default), never moved by later runs, shown on the list, the family page and the export,
// and filterable once passed. The worked example: run 1 (2026-10-01) flags 9711AA-1-,
// 9712BB-10-A and 9713CC-5-; run 2 (2026-10-08) keeps them and adds 9713CC-6-.

const DAY = 86_400_000;
const keys = (res: LightMyRequestResponse) => res.json().items.map((i: { household_key: string }) => i.household_key);

describe.each(DIALECTS)('first-contact deadlines (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;
  let runId: number;
  const list = (qs: string) => coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags?sort=address&${qs}` });

  beforeAll(async () => {
    f = await createApiFixture(dialect);
    coordinator = await f.login('coordinator');
    runId = f.runIds[1]!;
  });
  afterAll(async () => f?.close());

  it('counts the due date from the run the household entered the list in, and later runs do not move it', async () => {
    const items = (await list('')).json().items as { household_key: string; first_contact_due: string; overdue: boolean; urgent: boolean }[];
    expect(items.map((i) => [i.household_key, i.first_contact_due, i.overdue, i.urgent])).toEqual([
      ['9711AA-1-', '2026-10-29', false, false],
      ['9712BB-10-A', '2026-10-29', false, false],
      ['9713CC-5-', '2026-10-29', false, false],
      ['9713CC-6-', '2026-11-05', false, false],
    ]);
    const triage = await coordinator.request({ method: 'GET', url: `/api/flags/${await f.flagOf(runId, '9711AA-1-')}/triage` });
    expect(triage.json()).toMatchObject({ first_contact_due: '2026-10-29', urgent: false, id: null });
  });

  it('marks a flag overdue once the due date has passed while nobody picked it up, and filters on it', async () => {
    f.clock.advance(20 * DAY); // 2026-10-29: the due date itself is not overdue yet.
    coordinator = await f.login('coordinator'); // the session of three weeks ago has expired
    expect(keys(await list('overdue=true'))).toEqual([]);
    f.clock.advance(DAY); // 2026-10-30
    coordinator = await f.login('coordinator');
    const taken = await coordinator.request({
      method: 'POST',
      url: `/api/flags/${await f.flagOf(runId, '9713CC-5-')}/triage/status`,
      payload: { status: 'in_behandeling' },
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(keys(await list('overdue=true'))).toEqual(['9711AA-1-', '9712BB-10-A']);
    expect((await list('overdue=true&wijk=Vinkhuizen')).json()).toMatchObject({ total: 1, items: [{ household_key: '9712BB-10-A', overdue: true }] });
    const search = await coordinator.request({ method: 'POST', url: `/api/runs/${runId}/flags/search`, payload: { overdue: true, search: '9711' } });
    expect(keys(search)).toEqual(['9711AA-1-']);
    const csv = await coordinator.request({ method: 'POST', url: `/api/runs/${runId}/flags/export`, payload: { overdue: true } });
    expect(
      csv.body
        .trim()
        .split('\n')
        .map((l) => l.split(',').at(-1)),
    ).toEqual(['first_contact_due', '2026-10-29', '2026-10-29']);
    expect((await list('overdue=yes')).json()).toMatchObject({ statusCode: 400, field: 'querystring.overdue' });
  });
});

describe.each(DIALECTS)('urgent indicators shorten the deadline (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => t?.drop());

  it('gives rent arrears of four months or more three days, from the qualifying signal', async () => {
    // 9713CC-6- enters the list on 2026-10-08 with a signal of 5 months' rent arrears; 9711AA-1-
    // has huurachterstand active too, but with 3 months: the ordinary 28 days.
    const clock = new TestClock(Date.parse('2026-10-09T08:00:00Z'));
    const ctx = { ...engineContext(t.db, clock), deadlines: { firstContactDays: 28, urgent: DEMO_URGENT } };
    await seedExample(t, clock, ctx);
    // Every episode: a household's flag in the run where it entered the list.
    const entered = await t.db.selectFrom('flags').select(['household_key', 'run_id']).where('is_new', '=', 1).orderBy('household_key').execute();
    const rows = await Promise.all(entered.map(async (e) => ({ household_key: e.household_key, ...(await findDeadline(t.db, e.household_key, e.run_id)) })));
    expect(rows.map((r) => [r.household_key, r.first_contact_due, r.urgent])).toEqual([
      ['9711AA-1-', '2026-10-29', 0],
      ['9712BB-10-A', '2026-10-29', 0],
      ['9713CC-5-', '2026-10-29', 0],
      ['9713CC-6-', '2026-10-11', 1],
    ]);
  });
});

describe('deadline configuration', () => {
  it('reads MPG_FIRST_CONTACT_DAYS and MPG_URGENT_INDICATORS, and refuses what does not fit', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).deadlines).toEqual({ firstContactDays: 28, urgent: [] });
    const c = loadConfig({ NODE_ENV: 'test', MPG_FIRST_CONTACT_DAYS: '21', MPG_URGENT_INDICATORS: 'huurachterstand>=4:3, energieachterstand>=2.5:7' });
    expect(c.deadlines).toEqual({
      firstContactDays: 21,
      urgent: [
        { indicator: 'huurachterstand', minValue: 4, days: 3 },
        { indicator: 'energieachterstand', minValue: 2.5, days: 7 },
      ],
    });
    expect(() => loadConfig({ NODE_ENV: 'test', MPG_URGENT_INDICATORS: 'huurachterstand:3' })).toThrow(/MPG_URGENT_INDICATORS/);
    expect(() => loadConfig({ NODE_ENV: 'test', MPG_FIRST_CONTACT_DAYS: '0' })).toThrow(/MPG_FIRST_CONTACT_DAYS/);
    expect(parseUrgentIndicators('huurachterstand>=4:0')).toBeNull();
  });

  it('takes the shortest urgent deadline a signal meets, and none below the mark', () => {
    const policy = { firstContactDays: 28, urgent: [...DEMO_URGENT, { indicator: 'huurachterstand', minValue: 6, days: 1 }] };
    expect(urgentDays(policy, [{ indicator: 'huurachterstand', value: 3 }])).toBeNull();
    expect(urgentDays(policy, [{ indicator: 'huurachterstand', value: 4 }])).toBe(3);
    expect(urgentDays(policy, [{ indicator: 'huurachterstand', value: 7 }])).toBe(1);
    expect(
      urgentDays(policy, [
        { indicator: 'energieachterstand', value: 9 },
        { indicator: 'huurachterstand', value: null },
      ]),
    ).toBeNull();
  });
});
