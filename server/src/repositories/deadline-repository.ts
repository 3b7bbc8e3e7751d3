import { sql } from 'kysely';
import type { Executor } from './types.ts';

// First-contact due dates per episode (table triage_deadlines).

/** Gives every household that entered the list in this run its due date; an existing one stays. */
export async function openEpisodeDeadlines(db: Executor, runId: number, due: string): Promise<void> {
  await db
    .insertInto('triage_deadlines')
    .columns(['household_key', 'episode_run_id', 'first_contact_due', 'urgent'])
    .expression((eb) =>
      eb
        .selectFrom('flags')
        .select(['household_key', 'run_id', sql.lit(due).as('due'), sql.lit(0).as('urgent')])
        .where('run_id', '=', runId)
        .where('is_new', '=', 1),
    )
    .onConflict((oc) => oc.columns(['household_key', 'episode_run_id']).doNothing())
    .execute();
}

/** The run's new flags with one of these indicators active, with their stored explanation. */
export async function newFlagsWithIndicators(db: Executor, runId: number, indicators: string[]) {
  if (indicators.length === 0) return [];
  return db
    .selectFrom('flags')
    .select(['household_key', 'evidence'])
    .where('run_id', '=', runId)
    .where('is_new', '=', 1)
    .where((eb) => eb.or(indicators.map((i) => eb('indicators', 'like', `%${i}%`))))
    .execute();
}

export async function markUrgent(db: Executor, householdKey: string, runId: number, due: string): Promise<void> {
  await db
    .updateTable('triage_deadlines')
    .set({ first_contact_due: due, urgent: 1 })
    .where('household_key', '=', householdKey)
    .where('episode_run_id', '=', runId)
    .execute();
}

export async function findDeadline(db: Executor, householdKey: string, episodeRunId: number) {
  return db.selectFrom('triage_deadlines').selectAll().where('household_key', '=', householdKey).where('episode_run_id', '=', episodeRunId).executeTakeFirst();
}

/** For an episode from before deadlines existed: its due date counted from when it entered the list. */
export async function ensureDeadline(db: Executor, householdKey: string, episodeRunId: number, due: string): Promise<void> {
  await db
    .insertInto('triage_deadlines')
    .values({ household_key: householdKey, episode_run_id: episodeRunId, first_contact_due: due, urgent: 0 })
    .onConflict((oc) => oc.columns(['household_key', 'episode_run_id']).doNothing())
    .execute();
}
