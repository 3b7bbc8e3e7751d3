import { sql } from 'kysely';
import { isPostgres } from '../db/connection.ts';
import type { Insertable } from 'kysely';
import type { SignalTable } from '../db/schema.ts';
import type { Executor } from './types.ts';
import { chunk } from './types.ts';

export interface StoredSignal {
  id: number;
  source: string;
  record_id: string;
  indicator: string;
  observed_on: string;
  value: number | null;
  bsn_hash: string | null;
  address_key: string | null;
}

/** The stored signals for these `(source, record_id)` keys. */
export async function findSignals(db: Executor, keys: { source: string; recordId: string }[]): Promise<StoredSignal[]> {
  const found: StoredSignal[] = [];
  for (const part of chunk(keys, 500)) {
    const rows = await db
      .selectFrom('signals')
      .select(['id', 'source', 'record_id', 'indicator', 'observed_on', 'value', 'bsn_hash', 'address_key'])
      .where((eb) => eb(eb.refTuple('source', 'record_id'), 'in', part.map((k) => eb.tuple(k.source, k.recordId))))
      .execute();
    found.push(...rows);
  }
  return found;
}

/** Household address keys of these BSN hashes under the current registry. */
export async function householdsByBsnHash(db: Executor, hashes: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const part of chunk(hashes, 1000)) {
    const rows = await db.selectFrom('persons').select(['bsn_hash', 'address_key']).where('bsn_hash', 'in', part).execute();
    for (const r of rows) map.set(r.bsn_hash, r.address_key);
  }
  return map;
}

export async function existingHouseholds(db: Executor, keys: string[]): Promise<Set<string>> {
  const set = new Set<string>();
  for (const part of chunk(keys, 1000)) {
    const rows = await db.selectFrom('households').select('address_key').where('address_key', 'in', part).execute();
    for (const r of rows) set.add(r.address_key);
  }
  return set;
}

export async function insertSignals(db: Executor, rows: Insertable<SignalTable>[]): Promise<void> {
  for (const part of chunk(rows, 1000)) await db.insertInto('signals').values(part).execute();
}

export async function replaceSignal(db: Executor, id: number, row: Omit<Insertable<SignalTable>, 'source' | 'record_id'>): Promise<void> {
  await db.updateTable('signals').set(row).where('id', '=', id).execute();
}

/** The file of an SQLite database (null for PostgreSQL or an SQLite database in memory). */
export async function sqliteFileOf(db: Executor): Promise<string | null> {
  if (isPostgres(db)) return null;
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  return rows.find((r) => r.name === 'main')?.file || null;
}
