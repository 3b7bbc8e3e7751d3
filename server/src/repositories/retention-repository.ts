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

/** Deletes replaced signal versions (kept as evidence of flags) observed before `beforeDate`; returns how many. */
export async function deleteSignalVersionsObservedBefore(db: Executor, beforeDate: string): Promise<number> {
  const result = await db.deleteFrom('signal_versions').where('observed_on', '<', beforeDate).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes residences that ended before `beforeDate` (YYYY-MM-DD); returns how many. */
export async function deleteResidencesEndedBefore(db: Executor, beforeDate: string): Promise<number> {
  const result = await db.deleteFrom('residences').where('until', '<', beforeDate).executeTakeFirst();
  return Number(result.numDeletedRows);
}
