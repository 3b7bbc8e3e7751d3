import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. Since when each person lives at an address, kept by the registry import:
// an access request then covers a person's data for the time they lived there, not what
// other occupants of the address left before or after. `since` and `until` are instants
// (ISO text, like other *_at columns): the start of the import that saw the move. `since`
// null: the person already lived there when the system first saw the registry; that
// is what everyone in the registry at this migration gets. `until` null: still there.
// Keyed by the bsn hash, as persons; no foreign key, since an import replaces persons.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('residences')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('bsn_hash', 'text', (c) => c.notNull())
    .addColumn('address_key', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    .addColumn('until', 'text')
    .execute();
  // One open residence per person and address; the import's anti-joins use it.
  await db.schema.createIndex('residences_open').unique().on('residences').columns(['bsn_hash', 'address_key']).where(sql.ref('until'), 'is', null).execute();
  await db.schema.createIndex('residences_open_address').on('residences').column('address_key').where(sql.ref('until'), 'is', null).execute();
  await db
    .insertInto('residences')
    .columns(['bsn_hash', 'address_key', 'since', 'until'])
    .expression(db.selectFrom('persons').select(['bsn_hash', 'address_key', sql`null`.as('since'), sql`null`.as('until')]))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('residences').execute();
}
