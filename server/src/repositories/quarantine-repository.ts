import type { Executor } from './types.ts';
import { chunk } from './types.ts';

export interface QuarantineEntry {
  kind: 'feed' | 'registry';
  source: string | null;
  rowNumber: number;
  raw: Record<string, string>;
  reasons: string[];
  rawHash: string;
}

/** Stores bad rows; the same row of the same file quarantined again is not duplicated. */
export async function insertQuarantine(db: Executor, ingestRunId: number, entries: QuarantineEntry[], at: string): Promise<void> {
  for (const part of chunk(entries, 500)) {
    await db
      .insertInto('quarantine')
      .values(
        part.map((e) => ({
          ingest_run_id: ingestRunId,
          kind: e.kind,
          source: e.source,
          row_number: e.rowNumber,
          raw: JSON.stringify(e.raw),
          reasons: JSON.stringify(e.reasons),
          raw_hash: e.rawHash,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['kind', 'raw_hash', 'row_number']).doNothing())
      .execute();
  }
}
