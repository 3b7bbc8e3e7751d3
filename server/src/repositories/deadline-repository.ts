import { sql } from 'kysely';
import type { Executor } from './types.ts';

// First-contact due dates per episode: the due date of the run the episode started in
// (scoring_runs.first_contact_due), unless triage_deadlines has a row for the episode (an
// urgent one, or one written before runs kept the date). Join `scoring_runs as er` on the
// episode's run and `triage_deadlines as d` on the episode, then read DUE and URGENT.

/** An episode's first-contact due date, from `d` and `er`. */
export const DUE = sql<string | null>`coalesce(d.first_contact_due, er.first_contact_due)`;
/** 1 when an urgent indicator shortened the episode's deadline, from `d`. */
export const URGENT = sql<number>`coalesce(d.urgent, 0)`;

/** Sets the first-contact due date of the households that enter the list in this run. */
export async function setRunFirstContactDue(db: Executor, runId: number, due: string): Promise<void> {
  await db.updateTable('scoring_runs').set({ first_contact_due: due }).where('id', '=', runId).execute();
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

/** Gives an episode that entered the list in run `runId` the shorter due date of an urgent indicator. */
export async function markUrgent(db: Executor, householdKey: string, runId: number, due: string): Promise<void> {
  await db
    .insertInto('triage_deadlines')
    .values({ household_key: householdKey, episode_run_id: runId, first_contact_due: due, urgent: 1 })
    .onConflict((oc) => oc.columns(['household_key', 'episode_run_id']).doUpdateSet({ first_contact_due: due, urgent: 1 }))
    .execute();
}

/** An episode's first-contact due date and whether it is urgent; undefined when it has none (episodes from before deadlines existed). */
export async function findDeadline(db: Executor, householdKey: string, episodeRunId: number) {
  const row = await db
    .selectFrom('scoring_runs as er')
    .leftJoin('triage_deadlines as d', (j) => j.onRef('d.episode_run_id', '=', 'er.id').on('d.household_key', '=', householdKey))
    .select([DUE.as('first_contact_due'), URGENT.as('urgent')])
    .where('er.id', '=', episodeRunId)
    .executeTakeFirst();
  return row?.first_contact_due ? { first_contact_due: row.first_contact_due, urgent: Number(row.urgent) } : undefined;
}
