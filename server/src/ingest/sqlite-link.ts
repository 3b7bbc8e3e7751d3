import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Linker } from './batches.ts';

/**
 * Links a signal by bsn hash only when it has one, otherwise by address key
 * (contract 2.2), with prepared lookups on an SQLite connection. Rows of one
 * person tend to follow each other, so the last bsn's household is kept.
 */
export function sqliteLinker(db: SqliteDatabase): Linker {
  const person = db.prepare('SELECT address_key FROM persons WHERE bsn_hash = ?').pluck();
  const household = db.prepare('SELECT 1 FROM households WHERE address_key = ?').pluck();
  let lastBsn: string | null = null;
  let lastLink: string | null = null;
  return (bsnHash, addressKey) => {
    if (bsnHash === null) return addressKey !== null && household.get(addressKey) !== undefined ? addressKey : null;
    if (bsnHash !== lastBsn) {
      lastBsn = bsnHash;
      lastLink = (person.get(bsnHash) as string | undefined) ?? null;
    }
    return lastLink;
  };
}
