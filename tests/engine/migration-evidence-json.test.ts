import { afterEach, describe, expect, it } from 'vitest';
import { parseEvidence } from '../../server/src/core/evidence.ts';
import { migrateTo, migrateToLatest } from '../../server/src/db/migrate.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { seedScoringRun } from './support/old-run.ts';

// Migration 2026-12-05-0105 turns the stored text `indicator:qualifying:id,id;…` into
// JSON: every flag scored before it explains itself exactly as before, and down
// gives back the very same text.

const BEFORE = '2026-12-04-0500-audit-append-only';
const OLD_TEXTS = [
  '',
  'huurachterstand:1:7',
  'huiselijk_geweld:2:12,-3;huurachterstand:1:9',
  // Ids of versions gone by retention leave an empty list behind.
  'energieschuld:3:;schoolverzuim:4:1,2,3,4',
];

async function seed(db: any): Promise<number[]> {
  const run = await seedScoringRun(db, OLD_TEXTS.length);
  const ids: number[] = [];
  for (const [i, evidence] of OLD_TEXTS.entries()) {
    const { id } = await db.insertInto('flags').values({
      run_id: run, household_key: `9711AA-${i + 1}-`, wijk: 'Beijum', score_micro: 6_000_000, domains: 1, indicators: '', evidence,
      is_new: 1, weeks_on_list: 1, adults: 1, minors: 1,
    }).returning('id').executeTakeFirstOrThrow();
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
      [{ indicator: 'huiselijk_geweld', qualifying: 2, signalIds: [12, -3] }, { indicator: 'huurachterstand', qualifying: 1, signalIds: [9] }],
      [{ indicator: 'energieschuld', qualifying: 3, signalIds: [] }, { indicator: 'schoolverzuim', qualifying: 4, signalIds: [1, 2, 3, 4] }],
    ]);
    await migrateTo(t.db, BEFORE);
    expect(await stored(t, ids)).toEqual(OLD_TEXTS);
  });
});
