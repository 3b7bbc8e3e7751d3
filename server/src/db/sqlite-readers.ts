import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';

type Statement = Pick<CompiledQuery, 'sql' | 'parameters'>;

/** The statements one reader runs: setup first (temporary tables), then the queries in order. */
export interface ReaderWork {
  setup: Statement[];
  queries: Statement[];
}

/** Receives a batch of rows (arrays in column order) of a reader's query number `query`. */
export type RowSink = (query: number, rows: unknown[][]) => Promise<void>;

type Message = { query: number; rows: unknown[][] } | { error: string };

const BATCH_ROWS = 2000;

/**
 * Runs each reader's work on its own read-only connection to the SQLite file, in
 * worker threads, and hands the rows to `sink` one batch at a time, in arrival
 * order. The readers see the last committed state: while the caller holds the
 * write lock (an immediate transaction) that is one state for all of them.
 * Resolves when every reader is done and every batch was sunk; on the first
 * failure it stops the readers and rejects.
 */
export function readInParallel(file: string, work: ReaderWork[], sink: RowSink): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let pending = work.length;
    let sinking = Promise.resolve();
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const url = new URL('./sqlite-reader-worker.mjs', import.meta.url);
    work.forEach((w, reader) => {
      const worker = new Worker(url, { workerData: { file, setup: w.setup, queries: w.queries, batchRows: BATCH_ROWS } });
      workers.push(worker);
      worker.on('message', (m: Message) => {
        if ('error' in m) return fail(new Error(m.error));
        sinking = sinking.then(() => (failed ? undefined : sink(m.query, m.rows))).catch(fail);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) return fail(new Error(`SQLite reader ${reader} stopped with exit code ${code}`));
        if (--pending === 0) sinking.then(() => !failed && resolve(), fail);
      });
    });
    if (!work.length) resolve();
  });
}
