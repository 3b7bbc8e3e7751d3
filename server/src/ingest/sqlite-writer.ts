import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ROW_WIDTH } from './batches.ts';
import { sqliteLinker } from './sqlite-link.ts';
import type { FeedCounts, SignalWriter } from './writer.ts';

// SQLite: one prepared upsert per row on a connection of our own, instead of
// kysely's batched lookups, multi-row inserts and per-row updates. On the bench
// feed (1 000 000 rows, 100 000 households) this took the writing part from about
// 20 000 to well over 100 000 rows/s (tests/bench/results.md).

const UPSERT = `
INSERT INTO signals (source, record_id, indicator, observed_on, value, bsn_hash, address_key, household_key, ingest_run_id, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (source, record_id) DO UPDATE SET
  indicator = excluded.indicator, observed_on = excluded.observed_on, value = excluded.value, bsn_hash = excluded.bsn_hash,
  address_key = excluded.address_key, household_key = excluded.household_key, ingest_run_id = excluded.ingest_run_id,
  updated_at = excluded.updated_at
WHERE signals.indicator IS NOT excluded.indicator OR signals.observed_on IS NOT excluded.observed_on
  OR signals.value IS NOT excluded.value OR signals.bsn_hash IS NOT excluded.bsn_hash OR signals.address_key IS NOT excluded.address_key`;

// Telling a new row from an update by the connection's last insert rowid (an
// update leaves it alone) costs nothing, where RETURNING id took ~25% more CPU
// per row. Other inserts (quarantine) move it too, so each batch first sets it
// to 0 with an insert of rowid 0 into a scratch table.
const RESET_LAST_ROWID = 'INSERT OR REPLACE INTO temp.ingest_last_rowid (rowid, x) VALUES (0, 0)';

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
      const upsert = raw.prepare(UPSERT);
      raw.exec('CREATE TEMP TABLE IF NOT EXISTS ingest_last_rowid (x)');
      const reset = raw.prepare(RESET_LAST_ROWID);
      const linkOf = sqliteLinker(raw);
      return async (rows, linked, counts: FeedCounts) => {
        reset.run();
        let last = 0;
        for (let o = 0; o < rows.length; o += ROW_WIDTH) {
          const bsnHash = rows[o + 5] as string | null;
          const addressKey = rows[o + 6] as string | null;
          const link = linked ? (rows[o + 7] as string | null) : linkOf(bsnHash, addressKey);
          const r = upsert.run(rows[o], rows[o + 1], rows[o + 2], rows[o + 3], rows[o + 4], bsnHash, addressKey, link, runId, at);
          if (r.changes === 0) counts.unchanged++;
          else if (r.lastInsertRowid !== last) {
            counts.stored++;
            last = r.lastInsertRowid as number;
          } else counts.updated++;
          if (link === null) counts.unlinked++;
        }
      };
    },
    close: () => db.destroy(),
  };
}
