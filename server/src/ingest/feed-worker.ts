import SQLite from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { createPseudonymizer, type Pseudonymizer } from '../core/pseudonym.ts';
import { loadConfig } from '../config.ts';
import { openFeedBatches, type Linker } from './batches.ts';
import { sqliteLinker } from './sqlite-link.ts';
import type { ToMain, WorkerInput } from './protocol.ts';

// The worker side of a large ingest: reads, parses, checks and (SQLite) links the
// rows and sends batches to the main thread, never more than `inFlight` ahead.

const input = workerData as WorkerInput;
const port = parentPort!;
const send = (message: ToMain) => port.postMessage(message);

let credits = input.inFlight;
let started = false;
let wake: (() => void) | null = null;
port.on('message', (m: 'start' | 'credit') => {
  if (m === 'start') started = true;
  else credits++;
  wake?.();
  wake = null;
});
const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise<void>((resolve) => (wake = resolve));
};

/**
 * The BSN key is the configured one; the worker hashes only when that gives the
 * same hash as the caller's pseudonymizer (a test may bring its own key), else
 * it sends BSNs as they are and the main thread hashes and links them.
 */
function workerHash(): Pseudonymizer | null {
  try {
    const hash = createPseudonymizer(loadConfig().bsnKey);
    return hash(input.probe.text) === input.probe.hash ? hash : null;
  } catch {
    return null;
  }
}

async function run(): Promise<void> {
  const { params } = input;
  let reader: SQLite.Database | null = null;
  // Made on the first batch, after 'start': the writer then holds the write lock,
  // so the registry read here is the one its transaction sees.
  const linker = params.sqliteFile
    ? (): Linker => {
        reader = new SQLite(params.sqliteFile!, { readonly: true });
        reader.exec('BEGIN');
        return sqliteLinker(reader);
      }
    : null;
  const feed = await openFeedBatches(params, workerHash(), linker);
  send({ type: 'ready' });
  await until(() => started);
  try {
    for await (const batch of feed.batches) {
      await until(() => credits > 0);
      credits--;
      send({ type: 'batch', batch });
    }
  } finally {
    (reader as SQLite.Database | null)?.close();
  }
  send({ type: 'done', checksum: feed.checksum() });
}

run().catch((error: unknown) => {
  const e = error instanceof Error ? error : new Error(String(error));
  send({ type: 'error', name: e.name, message: e.message });
});
