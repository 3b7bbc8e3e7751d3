import { sql } from 'kysely';
import type { Executor } from './types.ts';

// A household's composition and signals. Birth dates only: never the bsn_hash.

export async function findHousehold(db: Executor, key: string) {
  return db.selectFrom('households').select(['address_key', 'wijk', 'persons']).where('address_key', '=', key).executeTakeFirst();
}

export async function birthDatesAt(db: Executor, key: string): Promise<string[]> {
  const rows = await db.selectFrom('persons').select('birth_date').where('address_key', '=', key).orderBy('birth_date').execute();
  return rows.map((r) => r.birth_date);
}

/** With `from`, an address-only signal only from that day on: one naming a person now living here is theirs whenever it was observed. */
export async function signalTimeline(db: Executor, key: string, limit: number, from: string | null = null) {
  return db
    .selectFrom('signals')
    .select(['id', 'indicator', 'source', 'observed_on', 'value', sql<number>`case when bsn_hash is not null then 1 else 0 end`.as('resident')])
    .where('household_key', '=', key)
    .$if(from !== null, (q) => q.where((eb) => eb.or([eb('bsn_hash', 'is not', null), eb('observed_on', '>=', from!)])))
    .orderBy('observed_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Those of the given wijken that some household of the registry lies in. */
/** Every wijk with a household in the registry. */
export async function allWijken(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('households').select('wijk').distinct().execute();
  return rows.map((r) => r.wijk).sort((a, b) => a.localeCompare(b, 'nl'));
}

export async function knownWijken(db: Executor, wijken: string[]): Promise<Set<string>> {
  if (wijken.length === 0) return new Set();
  const rows = await db.selectFrom('households').select('wijk').distinct().where('wijk', 'in', wijken).execute();
  return new Set(rows.map((r) => r.wijk));
}
