import { afterEach, describe, expect, it } from 'vitest';
import { parseEvidence } from '../../server/src/core/evidence.ts';
import { migrateTo, migrateToLatest } from '../../server/src/db/migrate.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';

// Migration 2026-12-05-0105 turns the stored text `indicator:qualifying:id,id;…` into
// JSON: every flag scored before it explains itself exactly as before, and down
// gives back the very same text.

const BEFORE = '2026-12-04-0500-audit-append-only';
const AT = '2026-10-01T08:00:00.000Z';
const OLD_TEXTS = [
  '',
  'huurachterstand:1:7',
  'huiselijk_geweld:2:12,-3;huurachterstand:1:9',
  // Ids of versions gone by retention leave an empty list behind.
  'energieschuld:3:;schoolverzuim:4:1,2,3,4',
];

async function seed(db: any): Promise<number[]> {
  const { id: ruleSet } = await db
    .insertInto('rule_sets')
    .values({
      name: 'Standaard',
      version: 1,
      status: 'published',
      flag_threshold: 6,
      min_domains: null,
      definition: '{}',
      created_at: AT,
      created_by: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: run } = await db
    .insertInto('scoring_runs')
    .values({
      as_of: '2026-10-01',
      rule_set_id: ruleSet,
      previous_run_id: null,
      started_by: 'test',
      started_at: AT,
      finished_at: AT,
      duration_ms: 1,
      households: 4,
      gezinshuishoudens: 4,
      flags: 4,
      new_flags: 4,
      persisting_flags: 0,
      dropped_flags: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const [i, evidence] of OLD_TEXTS.entries()) {
    const { id } = await db
      .insertInto('flags')
      .values({
        run_id: run,
        household_key: `9711AA-${i + 1}-`,
        wijk: 'Beijum',
        score_micro: 6_000_000,
        domains: 1,
        indicators: '',
        evidence,
        is_new: 1,
        weeks_on_list: 1,
        adults: 1,
        minors: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  return ids;
}

const stored = async (t: TestDatabase, ids: number[]) =>
  Promise.all(ids.map(async (id) => (await t.db.selectFrom('flags').select('evidence').where('id', '=', id).executeTakeFirstOrThrow()).evidence));

describe.each(DIALECTS)('migration of the stored evidence to JSON (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it('keeps every rule, count and id in order, and down restores the text', async () => {
    t = await createTestDatabase(dialect, false);
    await migrateTo(t.db, BEFORE);
    const ids = await seed(t.db);
    await migrateToLatest(t.db);
    const parsed = (await stored(t, ids)).map(parseEvidence);
    expect(parsed).toEqual([
      [],
      [{ indicator: 'huurachterstand', qualifying: 1, signalIds: [7] }],
      [
        { indicator: 'huiselijk_geweld', qualifying: 2, signalIds: [12, -3] },
        { indicator: 'huurachterstand', qualifying: 1, signalIds: [9] },
      ],
      [
        { indicator: 'energieschuld', qualifying: 3, signalIds: [] },
        { indicator: 'schoolverzuim', qualifying: 4, signalIds: [1, 2, 3, 4] },
      ],
    ]);
    await migrateTo(t.db, BEFORE);
    expect(await stored(t, ids)).toEqual(OLD_TEXTS);
  });
});
