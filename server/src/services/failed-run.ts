import { emptyRun, insertIngestRun } from '../repositories/ingest-run-repository.ts';
import type { EngineContext } from './context.ts';

/** A file that failed as a whole stores nothing of its rows, but the attempt is on record. */
export async function recordFailedRun(ctx: EngineContext, kind: 'feed' | 'registry', fileName: string, started: Date, error: unknown): Promise<void> {
  const finished = ctx.clock.now();
  try {
    await insertIngestRun(ctx.db, {
      ...emptyRun(kind, fileName, ctx.actor, started.toISOString()),
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      finished_at: finished.toISOString(),
      duration_ms: finished.getTime() - started.getTime(),
    });
  } catch {
    // Recording is best effort: the original error is what the operator must see.
  }
}
