import { sql } from 'kysely';
import { isPostgres } from '../db/connection.ts';
import type { Insertable, Selectable } from 'kysely';
import type { SignalTable } from '../db/schema.ts';
import type { Executor } from './types.ts';
import { chunk } from './types.ts';

export type StoredSignal = Pick<Selectable<SignalTable>, 'id' | 'source' | 'record_id' | 'indicator' | 'observed_on' | 'value' | 'bsn_hash' | 'address_key'>;

// PostgreSQL: a whole batch in one statement with array parameters (unnest,
// = any) instead of chunked IN lists and kysely multi-row VALUES, which were
// much slower (tests/bench/results.md).

/** The stored signals for these `(source, record_id)` keys. */
export async function findSignals(db: Executor, keys: { source: string; recordId: string }[]): Promise<StoredSignal[]> {
  if (isPostgres(db)) {
    const { rows } = await sql<StoredSignal>`
      select s.id, s.source, s.record_id, s.indicator, s.observed_on, s.value, s.bsn_hash, s.address_key
      from signals s join unnest(${keys.map((k) => k.source)}::text[], ${keys.map((k) => k.recordId)}::text[]) as k(source, record_id)
        on s.source = k.source and s.record_id = k.record_id`.execute(db);
    return rows;
  }
  const found: StoredSignal[] = [];
  for (const part of chunk(keys, 500)) {
    const rows = await db
      .selectFrom('signals')
      .select(['id', 'source', 'record_id', 'indicator', 'observed_on', 'value', 'bsn_hash', 'address_key'])
      .where((eb) =>
        eb(
          eb.refTuple('source', 'record_id'),
          'in',
          part.map((k) => eb.tuple(k.source, k.recordId)),
        ),
      )
      .execute();
    found.push(...rows);
  }
  return found;
}

/** Household address keys of these BSN hashes under the current registry. */
export async function householdsByBsnHash(db: Executor, hashes: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (isPostgres(db)) {
    const { rows } = await sql<{
      bsn_hash: string;
      address_key: string;
    }>`select bsn_hash, address_key from persons where bsn_hash = any(${hashes}::text[])`.execute(db);
    for (const r of rows) map.set(r.bsn_hash, r.address_key);
    return map;
  }
  for (const part of chunk(hashes, 1000)) {
    const rows = await db.selectFrom('persons').select(['bsn_hash', 'address_key']).where('bsn_hash', 'in', part).execute();
    for (const r of rows) map.set(r.bsn_hash, r.address_key);
  }
  return map;
}

export async function existingHouseholds(db: Executor, keys: string[]): Promise<Set<string>> {
  const set = new Set<string>();
  if (isPostgres(db)) {
    const { rows } = await sql<{ address_key: string }>`select address_key from households where address_key = any(${keys}::text[])`.execute(db);
    return new Set(rows.map((r) => r.address_key));
  }
  for (const part of chunk(keys, 1000)) {
    const rows = await db.selectFrom('households').select('address_key').where('address_key', 'in', part).execute();
    for (const r of rows) set.add(r.address_key);
  }
  return set;
}

export async function insertSignals(db: Executor, rows: Insertable<SignalTable>[]): Promise<void> {
  if (isPostgres(db)) {
    if (rows.length === 0) return;
    const col = <K extends keyof Insertable<SignalTable>>(k: K) => rows.map((r) => r[k] ?? null);
    await sql`
      insert into signals (source, record_id, indicator, observed_on, value, bsn_hash, address_key, household_key, ingest_run_id, updated_at)
      select * from unnest(${col('source')}::text[], ${col('record_id')}::text[], ${col('indicator')}::text[], ${col('observed_on')}::text[],
        ${col('value')}::float8[], ${col('bsn_hash')}::text[], ${col('address_key')}::text[], ${col('household_key')}::text[],
        ${col('ingest_run_id')}::int[], ${col('updated_at')}::text[])`.execute(db);
    return;
  }
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
