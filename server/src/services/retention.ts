import { addDays, localDate } from '../core/dates.ts';
import { deleteQuarantineCreatedBefore, deleteSignalsObservedBefore } from '../repositories/retention-repository.ts';
import type { EngineContext } from './context.ts';

export interface RetentionPolicy {
  /** Signals observed longer ago than this are deleted. */
  retentionDays: number;
  /** Quarantined rows kept longer than this are deleted. */
  quarantineRetentionDays: number;
}

export interface RetentionResult {
  signalsDeleted: number;
  quarantineDeleted: number;
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
    quarantineDeleted: await deleteQuarantineCreatedBefore(trx, quarantineBefore),
    signalsBefore,
    quarantineBefore,
  }));
}
