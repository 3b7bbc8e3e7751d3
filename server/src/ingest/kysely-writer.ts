import type { Insertable } from 'kysely';
import type { SignalTable } from '../db/schema.ts';
import { existingHouseholds, findSignals, householdsByBsnHash, insertSignals, replaceSignal, type StoredSignal } from '../repositories/signal-repository.ts';
import type { Executor } from '../repositories/types.ts';
import { ROW_WIDTH } from './batches.ts';
import type { FeedCounts, SignalWriter } from './writer.ts';

/** A valid row ready to store: its BSN already replaced by the keyed hash. */
interface PreparedSignal {
  source: string;
  recordId: string;
  indicator: string;
  observedOn: string;
  value: number | null;
  bsnHash: string | null;
  addressKey: string | null;
}

/** The portable writer (PostgreSQL, or an SQLite database without a file): batched kysely statements. */
export function kyselyWriter(db: Executor): SignalWriter {
  return {
    db,
    begin: (trx, runId, at) => (rows, _linked, counts) => storeBatch(trx, toSignals(rows), runId, at, counts),
    close: async () => {},
  };
}

function toSignals(rows: (string | number | null)[]): PreparedSignal[] {
  const out: PreparedSignal[] = [];
  for (let o = 0; o < rows.length; o += ROW_WIDTH) {
    out.push({
      source: rows[o] as string,
      recordId: rows[o + 1] as string,
      indicator: rows[o + 2] as string,
      observedOn: rows[o + 3] as string,
      value: rows[o + 4] as number | null,
      bsnHash: rows[o + 5] as string | null,
      addressKey: rows[o + 6] as string | null,
    });
  }
  return out;
}

const keyOf = (source: string, recordId: string) => `${source}\u0000${recordId}`;

function sameContent(a: StoredSignal | PreparedSignal, b: PreparedSignal): boolean {
  const av =
    'observed_on' in a ? [a.indicator, a.observed_on, a.value, a.bsn_hash, a.address_key] : [a.indicator, a.observedOn, a.value, a.bsnHash, a.addressKey];
  return av[0] === b.indicator && av[1] === b.observedOn && av[2] === b.value && av[3] === b.bsnHash && av[4] === b.addressKey;
}

/**
 * Applies a batch in file order: a new key is stored, a key with other content
 * is replaced (the row ingested last wins), the same content changes nothing.
 */
async function storeBatch(trx: Executor, batch: PreparedSignal[], runId: number, at: string, counts: FeedCounts): Promise<void> {
  if (batch.length === 0) return;
  const stored = new Map((await findSignals(trx, batch)).map((s) => [keyOf(s.source, s.record_id), s]));
  const links = await resolveLinks(trx, batch);
  const inserts = new Map<string, PreparedSignal>();
  const updates = new Map<string, { id: number; signal: PreparedSignal }>();
  for (const signal of batch) {
    const key = keyOf(signal.source, signal.recordId);
    const current = inserts.get(key) ?? updates.get(key)?.signal ?? stored.get(key);
    if (!current) {
      inserts.set(key, signal);
      counts.stored++;
    } else if (sameContent(current, signal)) {
      counts.unchanged++;
    } else {
      if (inserts.has(key)) inserts.set(key, signal);
      else updates.set(key, { id: stored.get(key)!.id, signal });
      counts.updated++;
    }
    if (links(signal) === null) counts.unlinked++;
  }
  const row = (s: PreparedSignal) => ({
    indicator: s.indicator,
    observed_on: s.observedOn,
    value: s.value,
    bsn_hash: s.bsnHash,
    address_key: s.addressKey,
    household_key: links(s),
    ingest_run_id: runId,
    updated_at: at,
  });
  await insertSignals(
    trx,
    [...inserts.values()].map((s): Insertable<SignalTable> => ({ source: s.source, record_id: s.recordId, ...row(s) })),
  );
  for (const { id, signal } of updates.values()) await replaceSignal(trx, id, row(signal));
}

/** Links by bsn only when a bsn is given, otherwise by address (contract 2.2). */
async function resolveLinks(trx: Executor, batch: PreparedSignal[]): Promise<(s: PreparedSignal) => string | null> {
  const hashes = [...new Set(batch.flatMap((s) => (s.bsnHash ? [s.bsnHash] : [])))];
  const addresses = [...new Set(batch.flatMap((s) => (s.bsnHash === null && s.addressKey ? [s.addressKey] : [])))];
  const byBsn = await householdsByBsnHash(trx, hashes);
  const known = await existingHouseholds(trx, addresses);
  return (s) => (s.bsnHash ? (byBsn.get(s.bsnHash) ?? null) : s.addressKey && known.has(s.addressKey) ? s.addressKey : null);
}
