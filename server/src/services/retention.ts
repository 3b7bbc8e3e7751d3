import { addDays, localDate } from '../core/dates.ts';
import { deleteJobRunsStartedBefore, deleteQuarantineCreatedBefore, deleteSignalsObservedBefore, deleteSignalVersionsObservedBefore } from '../repositories/retention-repository.ts';
import type { EngineContext } from './context.ts';

export interface RetentionPolicy {
  /** Signals observed longer ago than this are deleted. */
  retentionDays: number;
  /** Quarantined rows kept longer than this are deleted. */
  quarantineRetentionDays: number;
}

/** Job runs are operational records; a poll every few minutes adds up, so they go after a year. */
export const JOB_RUN_RETENTION_DAYS = 365;

export interface RetentionResult {
  signalsDeleted: number;
  /** Versions of signals replaced by a correction, kept as the evidence of flags: they follow the signals' retention. */
  versionsDeleted: number;
  quarantineDeleted: number;
  jobRunsDeleted: number;
  /** Signals observed before this date are gone. */
  signalsBefore: string;
  quarantineBefore: string;
}

/** Deletes what is past its retention, in one transaction; returns counts only, never contents. */
export async function applyRetention(ctx: EngineContext, policy: RetentionPolicy): Promise<RetentionResult> {
  const now = ctx.clock.now();
  const signalsBefore = addDays(localDate(now, ctx.timeZone), -policy.retentionDays);
  const quarantineBefore = new Date(now.getTime() - policy.quarantineRetentionDays * 86_400_000).toISOString();
  return ctx.db.transaction().execute(async (trx) => ({
    signalsDeleted: await deleteSignalsObservedBefore(trx, signalsBefore),
    versionsDeleted: await deleteSignalVersionsObservedBefore(trx, signalsBefore),
    quarantineDeleted: await deleteQuarantineCreatedBefore(trx, quarantineBefore),
    jobRunsDeleted: await deleteJobRunsStartedBefore(trx, new Date(now.getTime() - JOB_RUN_RETENTION_DAYS * 86_400_000).toISOString()),
    signalsBefore,
    quarantineBefore,
  }));
}
