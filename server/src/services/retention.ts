import { addDays, localDate } from '../core/dates.ts';
import { databaseNow, deleteAuditEntriesBefore, raiseAuditRetentionFloor } from '../repositories/audit-repository.ts';
import {
  deleteJobRunsStartedBefore,
  deleteQuarantineCreatedBefore,
  deleteResidencesEndedBefore,
  deleteSignalsObservedBefore,
  deleteSignalVersionsObservedBefore,
  deleteSpentExclusionPersons,
} from '../repositories/retention-repository.ts';
import type { Executor } from '../repositories/types.ts';
import type { EngineContext } from './context.ts';

export interface RetentionPolicy {
  /** Signals observed longer ago than this are deleted. */
  retentionDays: number;
  /** Quarantined rows kept longer than this are deleted. */
  quarantineRetentionDays: number;
  /** Audit entries older than this are deleted (never younger than the database's floor). */
  auditRetentionDays: number;
}

/** Job runs are operational records; a poll every few minutes adds up, so they go after a year. */
export const JOB_RUN_RETENTION_DAYS = 365;

export interface RetentionResult {
  signalsDeleted: number;
  /** Versions of signals replaced by a correction, kept as the evidence of flags: they follow the signals' retention. */
  versionsDeleted: number;
  /** Persons of exclusions lifted or ended before `signalsBefore` (they can no longer apply). */
  exclusionPersonsDeleted: number;
  /** Residences that ended (the person moved or left the registry) longer ago than the signals' retention. */
  residencesDeleted: number;
  quarantineDeleted: number;
  jobRunsDeleted: number;
  auditDeleted: number;
  /** Audit entries written before this instant are gone. */
  auditBefore: string;
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
    exclusionPersonsDeleted: await deleteSpentExclusionPersons(trx, signalsBefore),
    residencesDeleted: await deleteResidencesEndedBefore(trx, signalsBefore),
    quarantineDeleted: await deleteQuarantineCreatedBefore(trx, quarantineBefore),
    jobRunsDeleted: await deleteJobRunsStartedBefore(trx, new Date(now.getTime() - JOB_RUN_RETENTION_DAYS * 86_400_000).toISOString()),
    ...(await applyAuditRetention(trx, now, policy.auditRetentionDays)),
    signalsBefore,
    quarantineBefore,
  }));
}

/**
 * The database refuses to delete audit entries younger than its floor, measured by its
 * own clock (migration 0500). The job raises the floor to the configured period and
 * deletes only what is past both, by both clocks, so the guard never has to refuse it.
 */
async function applyAuditRetention(trx: Executor, now: Date, days: number): Promise<{ auditDeleted: number; auditBefore: string }> {
  const floor = await raiseAuditRetentionFloor(trx, days);
  const earlier = Math.min(now.getTime(), (await databaseNow(trx)).getTime());
  const auditBefore = new Date(earlier - Math.max(days, floor) * 86_400_000).toISOString();
  return { auditDeleted: await deleteAuditEntriesBefore(trx, auditBefore), auditBefore };
}
