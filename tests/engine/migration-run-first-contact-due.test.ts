import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/src/db/migrate.ts';
import { findDeadline } from '../../server/src/repositories/deadline-repository.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { seedScoringRun } from './support/old-run.ts';

// Migration 2026-12-05-1110 lets a run keep the first-contact due date of the households
// entering the list in it. Episodes from before it keep the due dates of their own rows;
// an episode without one still has none ("Geen termijn"), as before.

describe.each(DIALECTS)('first-contact due dates kept per run (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it('keeps the due dates written per episode before it, and gives a run’s date to its episodes without a row', async () => {
    t = await createTestDatabase(dialect, false);
    await migrateTo(t.db, '2026-12-05-1100-signal-marks-per-role');
    const db = t.db as any; // the schema before the migration
    const run = await seedScoringRun(db, 2);
    await db.insertInto('triage_deadlines').values({ household_key: '9711AA-1-', episode_run_id: run, first_contact_due: '2026-10-29', urgent: 0 }).execute();

    await migrateToLatest(t.db);
    expect(await findDeadline(t.db, '9711AA-1-', run)).toEqual({ first_contact_due: '2026-10-29', urgent: 0 });
    expect(await findDeadline(t.db, '9712BB-2-', run)).toBeUndefined();
    await t.db.updateTable('scoring_runs').set({ first_contact_due: '2026-10-30' }).where('id', '=', run).execute();
    expect(await findDeadline(t.db, '9712BB-2-', run)).toEqual({ first_contact_due: '2026-10-30', urgent: 0 });
    expect(await findDeadline(t.db, '9711AA-1-', run)).toEqual({ first_contact_due: '2026-10-29', urgent: 0 });
  });
});
