import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ROW_WIDTH } from './batches.ts';
import { sqliteLinker } from './sqlite-link.ts';
import type { FeedCounts, SignalWriter } from './writer.ts';

// SQLite: prepared statements run per row on a connection of our own, instead of
// kysely's batched lookups, multi-row inserts and per-row updates. On the bench
// feed (1 000 000 rows, 100 000 households) this took the writing part from about
// 20 000 to well over 100 000 rows/s (tests/bench/results.md).
//
// A row is inserted unless its (source, record_id) is stored already; only then
// is the stored row updated, when it differs: one upsert (ON CONFLICT … DO UPDATE)
// made every insert dearer than a plain one (tests/bench/results.md).

const COLUMNS = 'source, record_id, indicator, observed_on, value, bsn_hash, address_key, household_key, ingest_run_id, updated_at';
const INSERT = `INSERT INTO signals (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, record_id) DO NOTHING`;

// A correction: the stored row takes the new values when one of the signal's own
// values differs (the link and the run follow along, but alone change nothing).
const CORRECT = `
UPDATE signals SET indicator = ?, observed_on = ?, value = ?, bsn_hash = ?, address_key = ?, household_key = ?, ingest_run_id = ?, updated_at = ?
WHERE source = ? AND record_id = ?
  AND (indicator IS NOT ? OR observed_on IS NOT ? OR value IS NOT ? OR bsn_hash IS NOT ? OR address_key IS NOT ?)`;
/** CORRECT's parameters from INSERT's. */
const correction = (v: unknown[]) => [...v.slice(2), v[0], v[1], ...v.slice(2, 7)];

/** A writer on its own connection to the same SQLite file, with the pragmas of `createDb`. */
export function sqliteWriter(file: string): SignalWriter {
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('cache_size = -200000');
  raw.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    db,
    begin(_trx, runId, at) {
      const insert = raw.prepare(INSERT);
      const correct = raw.prepare(CORRECT);
      const linkOf = sqliteLinker(raw);
      return async (rows, linked, counts: FeedCounts) => {
        for (let o = 0; o < rows.length; o += ROW_WIDTH) {
          const bsnHash = rows[o + 5] as string | null;
          const addressKey = rows[o + 6] as string | null;
          const link = linked ? (rows[o + 7] as string | null) : linkOf(bsnHash, addressKey);
          const values = [rows[o], rows[o + 1], rows[o + 2], rows[o + 3], rows[o + 4], bsnHash, addressKey, link, runId, at];
          if (insert.run(values).changes === 1) counts.stored++;
          else if (correct.run(correction(values)).changes === 1) counts.updated++;
          else counts.unchanged++;
          if (link === null) counts.unlinked++;
        }
      };
    },
    close: () => db.destroy(),
  };
}
