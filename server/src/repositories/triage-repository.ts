import type { Insertable, Selectable, Updateable } from 'kysely';
import type { TriageEventTable, TriageTable } from '../db/schema-access.ts';
import { notExcludedOn } from './exclusion-filter.ts';
import type { Executor } from './types.ts';

export type TriageRow = Selectable<TriageTable>;

export async function findTriage(db: Executor, householdKey: string, episodeRunId: number): Promise<TriageRow | undefined> {
  return db.selectFrom('triage').selectAll().where('household_key', '=', householdKey).where('episode_run_id', '=', episodeRunId).executeTakeFirst();
}

/** Creates the triage of an episode unless it exists; returns it either way. */
export async function ensureTriage(db: Executor, values: Insertable<TriageTable>): Promise<TriageRow> {
  await db
    .insertInto('triage')
    .values(values)
    .onConflict((oc) => oc.columns(['household_key', 'episode_run_id']).doNothing())
    .execute();
  return (await findTriage(db, values.household_key, values.episode_run_id))!;
}

/** Updates only when the status is still `expected`, so two concurrent steps cannot both win. */
export async function updateTriage(db: Executor, id: number, expectedStatus: string, values: Updateable<TriageTable>): Promise<boolean> {
  const r = await db.updateTable('triage').set(values).where('id', '=', id).where('status', '=', expectedStatus).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertTriageEvent(db: Executor, values: Insertable<TriageEventTable>): Promise<number> {
  const { id } = await db.insertInto('triage_events').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function triageEvents(db: Executor, triageId: number) {
  return db.selectFrom('triage_events').selectAll().where('triage_id', '=', triageId).orderBy('id').execute();
}

/** The triages assigned to a user that are not yet concluded (status not in `finalStatuses`). */
export async function openTriagesAssignedTo(db: Executor, username: string, finalStatuses: readonly string[]) {
  return db
    .selectFrom('triage')
    .select(['id', 'wijk', 'status'])
    .where('assigned_to', '=', username)
    .where('status', 'not in', [...finalStatuses])
    .orderBy('id')
    .execute();
}

/** Concluded cases whose review date has come; a household excluded today waits until its exclusion ends. */
export async function dueReviews(db: Executor, today: string) {
  return db
    .selectFrom('triage as t')
    .selectAll()
    .where('t.review_on', 'is not', null)
    .where('t.review_on', '<=', today)
    .where((eb) => notExcludedOn(eb.ref('t.household_key'), today, eb.ref('t.created_at')))
    .orderBy('t.id')
    .execute();
}
