import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Pseudonymizer } from '../core/pseudonym.ts';
import { FileRejected } from '../io/file-format.ts';
import { openFeedBatches, type FeedBatches, type FeedParams, type SignalBatch } from './batches.ts';
import type { ToMain, WorkerInput } from './protocol.ts';

// A file below this size is read on the main thread: starting a worker (~0.4 s
// with the TypeScript loader) would cost more than it saves.
const WORKER_FROM_BYTES = 4 << 20;
const IN_FLIGHT = 4;

/**
 * The checked batches of a feed file. A large file is parsed and checked on a
 * worker thread, so that the main thread only writes; memory stays bounded by
 * `IN_FLIGHT` batches.
 */
export async function openFeed(params: FeedParams, pseudonymize: Pseudonymizer): Promise<FeedBatches & { close(): Promise<void> }> {
  const size = fs.statSync(params.file, { throwIfNoEntry: false })?.size ?? 0;
  if (size < WORKER_FROM_BYTES) return { ...(await openFeedBatches(params, pseudonymize)), close: async () => {} };
  return openOnWorker(params, pseudonymize);
}

async function openOnWorker(params: FeedParams, pseudonymize: Pseudonymizer) {
  const text = 'vroegsignaal key probe';
  const input: WorkerInput = { params, probe: { text, hash: pseudonymize(text) }, inFlight: IN_FLIGHT };
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: input });
  const queue: ToMain[] = [];
  let waiting: (() => void) | null = null;
  const push = (m: ToMain) => {
    queue.push(m);
    waiting?.();
    waiting = null;
  };
  worker.on('message', push);
  worker.on('error', (e) => push({ type: 'error', name: e.name, message: e.message }));
  worker.on('exit', (code) => push({ type: 'error', name: 'Error', message: `the ingest worker stopped (${code})` }));
  const next = async (): Promise<ToMain> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
    const m = queue.shift()!;
    if (m.type === 'error') throw m.name === 'FileRejected' ? new FileRejected(m.message) : new Error(m.message);
    return m;
  };
  const close = async () => void (await worker.terminate());
  // `start` is sent when the first batch is wanted, inside the writer's transaction.
  try {
    await next(); // 'ready': the header was fine
  } catch (e) {
    await close();
    throw e;
  }
  let checksum = '';
  async function* batches(): AsyncGenerator<SignalBatch> {
    worker.postMessage('start');
    for (;;) {
      const m = await next();
      if (m.type === 'done') {
        checksum = m.checksum;
        return;
      }
      if (m.type === 'batch') {
        worker.postMessage('credit');
        yield m.batch;
      }
    }
  }
  return { batches: batches(), checksum: () => checksum, close };
}
