import { maskedRaw, type RawRow } from '../core/raw-row.ts';
import { checkSignalRow } from '../core/signal-row.ts';
import type { Pseudonymizer } from '../core/pseudonym.ts';
import { sniffFormat } from '../io/file-format.ts';
import { openRows } from '../io/read-rows.ts';
import { missingFeedColumns } from '../services/file-columns.ts';
import { isPlainCsv, openPlainCsv } from './plain-csv.ts';

// Turns a feed file into batches of checked rows: the part of an ingest that
// needs no database, so it can run on a worker thread while the main thread writes.

/** Values per valid row in `SignalBatch.rows`. */
export const ROW_WIDTH = 8;

/** The household a signal links to (contract 2.2), from its bsn hash or address key. */
export type Linker = (bsnHash: string | null, addressKey: string | null) => string | null;

export interface BadRow {
  rowNumber: number;
  source: string;
  raw: Record<string, string>;
  reasons: string[];
  /** The keyed hash of the row's fields, or null when the main thread must make it from `fieldsJson`. */
  rawHash: string | null;
  fieldsJson: string;
}

export interface SignalBatch {
  /** Rows read for this batch, good and bad. */
  read: number;
  /** Per valid row: source, record_id, indicator, observed_on, value, bsn (hash when `hashed`), address_key, household (when `linked`). */
  rows: (string | number | null)[];
  hashed: boolean;
  linked: boolean;
  bad: BadRow[];
}

export interface FeedParams {
  file: string;
  ingestDate: string;
  allowedIndicators: readonly string[] | null;
  columnMapping: Readonly<Record<string, string>> | null;
  batchSize: number;
  /** The SQLite file to link signals against on the worker (null: the writer links). */
  sqliteFile: string | null;
}

export interface FeedBatches {
  batches: AsyncGenerator<SignalBatch>;
  /** SHA-256 of the whole file, once `batches` is exhausted. */
  checksum(): string;
}

/** Opens the file (a whole-file problem throws FileRejected here) and checks its rows in batches. */
export async function openFeedBatches(p: FeedParams, hash: Pseudonymizer | null, linker: (() => Linker) | null = null): Promise<FeedBatches> {
  const rename = renamer(p.columnMapping);
  const format = await sniffFormat(p.file);
  if (format.kind === 'csv' && isPlainCsv(p.file)) {
    const csv = openPlainCsv(p.file, format.delimiter, missingFeedColumns, rename);
    return { batches: batched(csv.rows, p, hash, linker), checksum: csv.checksum };
  }
  const source = await openRows(p.file, missingFeedColumns, { rename: p.columnMapping ?? undefined });
  return { batches: batched(source.rows, p, hash, linker), checksum: source.checksum };
}

/** `linker` is made only once the first batch is wanted (the worker links within the writer's transaction). */
async function* batched(
  rows: Iterable<RawRow> | AsyncIterable<RawRow>,
  p: FeedParams,
  hash: Pseudonymizer | null,
  makeLinker: (() => Linker) | null,
): AsyncGenerator<SignalBatch> {
  const allowed = p.allowedIndicators ? new Set(p.allowedIndicators) : null;
  const link = hash && makeLinker ? makeLinker() : null;
  const empty = (): SignalBatch => ({ read: 0, rows: [], hashed: hash !== null, linked: link !== null, bad: [] });
  let batch = empty();
  for await (const row of rows) {
    batch.read++;
    checkRow(row, p.ingestDate, allowed, hash, link, batch);
    if (batch.read >= p.batchSize) {
      yield batch;
      batch = empty();
    }
  }
  if (batch.read > 0) yield batch;
}

/** The same checks, in the same order, as a row ingested one by one (contract 2.2). */
function checkRow(row: RawRow, ingestDate: string, allowed: Set<string> | null, hash: Pseudonymizer | null, link: Linker | null, batch: SignalBatch): void {
  const result = checkSignalRow(row, ingestDate);
  const indicator = row.fields.indicator ?? '';
  const reasons = result.ok ? [] : [...result.reasons];
  if (allowed && indicator !== '' && !allowed.has(indicator)) reasons.push(`indicator ${indicator} mag deze bron niet leveren`);
  if (!result.ok || reasons.length) {
    const fieldsJson = JSON.stringify(row.fields);
    batch.bad.push({
      rowNumber: row.rowNumber,
      source: row.fields.source || '',
      raw: maskedRaw(row),
      reasons,
      rawHash: hash ? hash(fieldsJson) : null,
      fieldsJson,
    });
    return;
  }
  const s = result.signal;
  const bsn = s.bsn === null ? null : hash ? hash(s.bsn) : s.bsn;
  batch.rows.push(s.source, s.recordId, s.indicator, s.observedOn, s.value, bsn, s.addressKey, link ? link(bsn, s.addressKey) : null);
}

/** A source's own column names (lower case) → the contract's; as `openRows` renames. */
function renamer(map: Readonly<Record<string, string>> | null): (name: string) => string {
  if (!map || Object.keys(map).length === 0) return (name) => name;
  const lower = new Map(Object.entries(map).map(([from, to]) => [from.trim().toLowerCase(), to.trim().toLowerCase()]));
  return (name) => lower.get(name) ?? name;
}
