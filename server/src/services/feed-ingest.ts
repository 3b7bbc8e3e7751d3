import path from 'node:path';
import { localDate } from '../core/dates.ts';
import { emptyRun, insertIngestRun, updateIngestRun } from '../repositories/ingest-run-repository.ts';
import { insertQuarantine, type QuarantineEntry } from '../repositories/quarantine-repository.ts';
import { sqliteFileOf } from '../repositories/signal-repository.ts';
import { ROW_WIDTH, type BadRow } from '../ingest/batches.ts';
import { openFeed } from '../ingest/feed-source.ts';
import { kyselyWriter } from '../ingest/kysely-writer.ts';
import { sqliteWriter } from '../ingest/sqlite-writer.ts';
import type { FeedCounts, SignalWriter } from '../ingest/writer.ts';
import type { EngineContext } from './context.ts';
import { recordFailedRun } from './failed-run.ts';

export type { FeedCounts } from '../ingest/writer.ts';
export interface FeedIngestResult extends FeedCounts {
  runId: number;
}
export interface FeedIngestOptions {
  /** The configured source this delivery came from (scheduler); null for a hand-fed file. */
  sourceName?: string | null;
  /** The source's own column names → the contract's (a configured source). */
  columnMapping?: Readonly<Record<string, string>> | null;
  /** Indicators the source may deliver; a row with another one is quarantined. */
  allowedIndicators?: readonly string[] | null;
}

const BATCH = 4000;

/**
 * Ingests a signal feed (contract 2.2) in one transaction: all of it, or on
 * failure nothing. Reading and checking rows (on a worker thread for a large
 * file) runs alongside the writing.
 */
export async function ingestFeed(ctx: EngineContext, file: string, options: FeedIngestOptions = {}): Promise<FeedIngestResult> {
  const started = ctx.clock.now();
  const fileName = path.basename(file);
  try {
    const sqliteFile = await sqliteFileOf(ctx.db);
    const feed = await openFeed(
      {
        file,
        ingestDate: localDate(started, ctx.timeZone),
        allowedIndicators: options.allowedIndicators ?? null,
        columnMapping: options.columnMapping ?? null,
        batchSize: BATCH,
        sqliteFile,
      },
      ctx.pseudonymize,
    );
    const writer: SignalWriter = sqliteFile ? sqliteWriter(sqliteFile) : kyselyWriter(ctx.db);
    try {
      return await writer.db.transaction().execute(async (trx) => {
        const at = started.toISOString();
        const runId = await insertIngestRun(trx, { ...emptyRun('feed', fileName, ctx.actor, at), source_name: options.sourceName ?? null });
        const write = writer.begin(trx, runId, at);
        const counts: FeedCounts = { read: 0, stored: 0, updated: 0, unchanged: 0, quarantined: 0, unlinked: 0 };
        for await (const batch of feed.batches) {
          counts.read += batch.read;
          counts.quarantined += batch.bad.length;
          await write(batch.hashed ? batch.rows : hashBsns(ctx, batch.rows), batch.linked, counts);
          await insertQuarantine(
            trx,
            runId,
            batch.bad.map((b) => quarantined(ctx, b)),
            at,
          );
          ctx.onProgress?.(counts.read);
        }
        const finished = ctx.clock.now();
        await updateIngestRun(trx, runId, {
          checksum: feed.checksum(),
          finished_at: finished.toISOString(),
          duration_ms: finished.getTime() - started.getTime(),
          read_rows: counts.read,
          stored: counts.stored,
          updated: counts.updated,
          unchanged: counts.unchanged,
          quarantined: counts.quarantined,
          unlinked: counts.unlinked,
        });
        return { runId, ...counts };
      });
    } finally {
      await writer.close();
      await feed.close();
    }
  } catch (error) {
    await recordFailedRun(ctx, 'feed', fileName, started, error);
    throw error;
  }
}

/** Rows checked without the key (see ingest/feed-worker.ts) get their BSN hashed here. */
function hashBsns(ctx: EngineContext, rows: (string | number | null)[]): (string | number | null)[] {
  for (let o = 5; o < rows.length; o += ROW_WIDTH) if (rows[o] !== null) rows[o] = ctx.pseudonymize(rows[o] as string);
  return rows;
}

function quarantined(ctx: EngineContext, b: BadRow): QuarantineEntry {
  return { kind: 'feed', source: b.source, rowNumber: b.rowNumber, raw: b.raw, reasons: b.reasons, rawHash: b.rawHash ?? ctx.pseudonymize(b.fieldsJson) };
}
