import type { Kysely } from 'kysely';

// Frozen. A scoring run keeps the first-contact due date of the households that enter the
// list in it, instead of one triage_deadlines row per such household: at a million
// households the first run wrote 245 000 rows, which took the run past 1.25x the best
// statement (tests/bench/results.md). triage_deadlines keeps the exceptions (urgent) and
// the rows written before this migration, which still count first.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scoring_runs').addColumn('first_contact_due', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scoring_runs').dropColumn('first_contact_due').execute();
}
