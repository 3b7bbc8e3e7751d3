import type { Kysely } from 'kysely';

// Frozen. Indexes for a city of 1 000 000 households and 10 000 000 signals
// (tests/bench): scoring reads one index range per rule, covering every column it
// needs; ingest keeps only the indexes something reads. Dropped: signals_bsn_hash
// and signals_address_key (relinking scans all signals anyway) and
// signals_observed_on (only the weekly retention job filters on it alone).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('signals_scoring').on('signals').columns(['indicator', 'observed_on', 'household_key', 'value']).execute();
  for (const name of ['signals_bsn_hash', 'signals_address_key', 'signals_observed_on']) await db.schema.dropIndex(name).ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('signals_scoring').ifExists().execute();
  await db.schema.createIndex('signals_bsn_hash').on('signals').column('bsn_hash').execute();
  await db.schema.createIndex('signals_address_key').on('signals').column('address_key').execute();
  await db.schema.createIndex('signals_observed_on').on('signals').column('observed_on').execute();
}
