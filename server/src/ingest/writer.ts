import type { Executor } from '../repositories/types.ts';

export interface FeedCounts {
  read: number;
  stored: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  unlinked: number;
}

/** Stores the valid rows of a batch (`ROW_WIDTH` values each, BSNs hashed, households found when `linked`) and counts them. */
export type WriteRows = (rows: (string | number | null)[], linked: boolean, counts: FeedCounts) => Promise<void>;

/**
 * Where an ingest writes: `db` runs the ingest's transaction; inside it,
 * `begin` gives the function that stores the signal rows of each batch.
 */
export interface SignalWriter {
  db: Executor;
  begin(trx: Executor, runId: number, at: string): WriteRows;
  close(): Promise<void>;
}
