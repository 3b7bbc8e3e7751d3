import type { Executor } from './types.ts';

// A household's composition and signals. Birth dates only: never the bsn_hash.

export async function findHousehold(db: Executor, key: string) {
  return db.selectFrom('households').select(['address_key', 'wijk', 'persons']).where('address_key', '=', key).executeTakeFirst();
}

export async function birthDatesAt(db: Executor, key: string): Promise<string[]> {
  const rows = await db.selectFrom('persons').select('birth_date').where('address_key', '=', key).orderBy('birth_date').execute();
  return rows.map((r) => r.birth_date);
}

export async function signalTimeline(db: Executor, key: string, limit: number) {
  return db
    .selectFrom('signals')
    .select(['id', 'indicator', 'source', 'observed_on', 'value'])
    .where('household_key', '=', key)
    .orderBy('observed_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
