import type { Executor } from './types.ts';

/** Deletes signals observed before `beforeDate` (YYYY-MM-DD); returns how many. */
export async function deleteSignalsObservedBefore(db: Executor, beforeDate: string): Promise<number> {
  const result = await db.deleteFrom('signals').where('observed_on', '<', beforeDate).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes quarantined rows kept since before `beforeIso`; returns how many. */
export async function deleteQuarantineCreatedBefore(db: Executor, beforeIso: string): Promise<number> {
  const result = await db.deleteFrom('quarantine').where('created_at', '<', beforeIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes finished job runs started before `beforeIso`; returns how many. */
export async function deleteJobRunsStartedBefore(db: Executor, beforeIso: string): Promise<number> {
  const result = await db.deleteFrom('job_runs').where('started_at', '<', beforeIso).where('outcome', '!=', 'running').executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Forgets the persons of exclusions that can no longer apply: lifted, or ended before
 * `beforeDate` (the oldest signal kept, so no run as of a kept date needs them); returns how many.
 */
export async function deleteSpentExclusionPersons(db: Executor, beforeDate: string): Promise<number> {
  const spent = db
    .selectFrom('household_exclusions')
    .select('id')
    .where((eb) => eb.or([eb('lifted_at', 'is not', null), eb('to_date', '<', beforeDate)]));
  const result = await db.deleteFrom('household_exclusion_persons').where('exclusion_id', 'in', spent).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes replaced signal versions (kept as evidence of flags) observed before `beforeDate`; returns how many. */
export async function deleteSignalVersionsObservedBefore(db: Executor, beforeDate: string): Promise<number> {
  const result = await db.deleteFrom('signal_versions').where('observed_on', '<', beforeDate).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes residences that ended before `beforeDate` (YYYY-MM-DD; an instant of that day
 * sorts after it), except those an access request covers: its scope; returns how many.
 */
export async function deleteResidencesEndedBefore(db: Executor, beforeDate: string): Promise<number> {
  const result = await db
    .deleteFrom('residences')
    .where('until', '<', beforeDate)
    .where('id', 'not in', db.selectFrom('access_request_residences').select('residence_id'))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
