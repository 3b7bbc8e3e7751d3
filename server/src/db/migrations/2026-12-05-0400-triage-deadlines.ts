import type { Kysely } from 'kysely';

// Frozen. One first-contact due date per episode on the list, set by the scoring run in
// which the household entered the list and never moved by later runs (its own table, so
// an untouched episode still has no triage row). A concluded case may carry a review date
// ("opnieuw bekijken op") on which it returns to the worklist.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('triage_deadlines')
    .addColumn('household_key', 'text', (c) => c.notNull())
    .addColumn('episode_run_id', 'integer', (c) => c.notNull())
    .addColumn('first_contact_due', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('triage_deadlines_pk', ['household_key', 'episode_run_id'])
    .execute();
  await db.schema.createIndex('triage_deadlines_due').on('triage_deadlines').column('first_contact_due').execute();
  await db.schema.alterTable('triage').addColumn('review_on', 'text').execute();
  await db.schema.alterTable('triage_events').addColumn('review_on', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('triage_events').dropColumn('review_on').execute();
  await db.schema.alterTable('triage').dropColumn('review_on').execute();
  await db.schema.dropTable('triage_deadlines').execute();
}
