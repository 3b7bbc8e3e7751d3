import path from 'node:path';
import type { Insertable } from 'kysely';
import { localDate } from '../core/dates.ts';
import { maskedRaw, type RawRow } from '../core/raw-row.ts';
import { checkSignalRow, type SignalInput } from '../core/signal-row.ts';
import type { SignalTable } from '../db/schema.ts';
import { openRows } from '../io/read-rows.ts';
import { emptyRun, insertIngestRun, updateIngestRun } from '../repositories/ingest-run-repository.ts';
import { insertQuarantine, type QuarantineEntry } from '../repositories/quarantine-repository.ts';
import { existingHouseholds, findSignals, householdsByBsnHash, insertSignals, replaceSignal, type StoredSignal } from '../repositories/signal-repository.ts';
import type { Executor } from '../repositories/types.ts';
import type { EngineContext } from './context.ts';
import { missingFeedColumns } from './file-columns.ts';
import { recordFailedRun } from './failed-run.ts';
import { quarantineEntry } from './registry-import.ts';

export interface FeedCounts {
  read: number;
  stored: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  unlinked: number;
}
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

const BATCH = 2000;

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

/** Ingests a signal feed (contract 2.2) in one transaction: all of it, or on failure nothing. */
export async function ingestFeed(ctx: EngineContext, file: string, options: FeedIngestOptions = {}): Promise<FeedIngestResult> {
  const started = ctx.clock.now();
  const fileName = path.basename(file);
  try {
    const source = await openRows(file, missingFeedColumns, { rename: options.columnMapping ?? undefined });
    const allowed = options.allowedIndicators ? new Set(options.allowedIndicators) : null;
    const ingestDate = localDate(started, ctx.timeZone);
    return await ctx.db.transaction().execute(async (trx) => {
      const at = started.toISOString();
      const runId = await insertIngestRun(trx, { ...emptyRun('feed', fileName, ctx.actor, at), source_name: options.sourceName ?? null });
      const counts: FeedCounts = { read: 0, stored: 0, updated: 0, unchanged: 0, quarantined: 0, unlinked: 0 };
      let batch: PreparedSignal[] = [];
      let bad: QuarantineEntry[] = [];
      const flush = async () => {
        await storeBatch(trx, batch, runId, at, counts);
        await insertQuarantine(trx, runId, bad, at);
        batch = [];
        bad = [];
        ctx.onProgress?.(counts.read);
      };
      for await (const row of source.rows) {
        counts.read++;
        const prepared = prepareRow(ctx, row, ingestDate, bad, allowed);
        if (prepared) batch.push(prepared);
        else counts.quarantined++;
        if (batch.length + bad.length >= BATCH) await flush();
      }
      await flush();
      const finished = ctx.clock.now();
      await updateIngestRun(trx, runId, {
        checksum: source.checksum(), finished_at: finished.toISOString(), duration_ms: finished.getTime() - started.getTime(),
        read_rows: counts.read, stored: counts.stored, updated: counts.updated, unchanged: counts.unchanged,
        quarantined: counts.quarantined, unlinked: counts.unlinked,
      });
      return { runId, ...counts };
    });
  } catch (error) {
    await recordFailedRun(ctx, 'feed', fileName, started, error);
    throw error;
  }
}

function prepareRow(ctx: EngineContext, row: RawRow, ingestDate: string, bad: QuarantineEntry[], allowed: Set<string> | null): PreparedSignal | null {
  const result = checkSignalRow(row, ingestDate);
  const indicator = row.fields.indicator ?? '';
  const reasons = result.ok ? [] : [...result.reasons];
  if (allowed && indicator !== '' && !allowed.has(indicator)) reasons.push(`indicator ${indicator} is not one this source may deliver`);
  if (!result.ok || reasons.length) {
    bad.push(quarantineEntry(ctx, row, maskedRaw(row), reasons, row.fields.source || ''));
    return null;
  }
  return hashed(ctx, result.signal);
}

function hashed(ctx: EngineContext, s: SignalInput): PreparedSignal {
  return {
    source: s.source, recordId: s.recordId, indicator: s.indicator, observedOn: s.observedOn, value: s.value,
    bsnHash: s.bsn === null ? null : ctx.pseudonymize(s.bsn), addressKey: s.addressKey,
  };
}

const keyOf = (source: string, recordId: string) => `${source}\u0000${recordId}`;

function sameContent(a: StoredSignal | PreparedSignal, b: PreparedSignal): boolean {
  const av = 'observed_on' in a
    ? [a.indicator, a.observed_on, a.value, a.bsn_hash, a.address_key]
    : [a.indicator, a.observedOn, a.value, a.bsnHash, a.addressKey];
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
    indicator: s.indicator, observed_on: s.observedOn, value: s.value, bsn_hash: s.bsnHash, address_key: s.addressKey,
    household_key: links(s), ingest_run_id: runId, updated_at: at,
  });
  await insertSignals(trx, [...inserts.values()].map((s): Insertable<SignalTable> => ({ source: s.source, record_id: s.recordId, ...row(s) })));
  for (const { id, signal } of updates.values()) await replaceSignal(trx, id, row(signal));
}

/** Links by bsn only when a bsn is given, otherwise by address (contract 2.2). */
async function resolveLinks(trx: Executor, batch: PreparedSignal[]): Promise<(s: PreparedSignal) => string | null> {
  const hashes = [...new Set(batch.flatMap((s) => (s.bsnHash ? [s.bsnHash] : [])))];
  const addresses = [...new Set(batch.flatMap((s) => (s.bsnHash === null && s.addressKey ? [s.addressKey] : [])))];
  const byBsn = await householdsByBsnHash(trx, hashes);
  const known = await existingHouseholds(trx, addresses);
  return (s) => (s.bsnHash ? byBsn.get(s.bsnHash) ?? null : s.addressKey && known.has(s.addressKey) ? s.addressKey : null);
}
