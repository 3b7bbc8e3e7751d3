import type { FeedParams, SignalBatch } from './batches.ts';

/** What the main thread hands the ingest worker. */
export interface WorkerInput {
  params: FeedParams;
  /** A text and its hash under the caller's pseudonymizer, to tell whether the worker's key is the same. */
  probe: { text: string; hash: string };
  /** Batches the worker may send before the main thread has taken them. */
  inFlight: number;
}

export type ToMain =
  | { type: 'ready' }
  | { type: 'batch'; batch: SignalBatch }
  | { type: 'done'; checksum: string }
  | { type: 'error'; name: string; message: string };
