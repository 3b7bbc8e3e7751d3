import type { Kysely } from 'kysely';

// Frozen. An exclusion (restriction, objection) follows the persons who asked for it,
// not their address: it keeps the keyed bsn hashes of the persons who lived in the
// household when it was made, and applies wherever one of them lives now. Exclusions
// made before this migration get the persons living at their household now, so they
// apply exactly as before. No foreign key to persons: an import replaces that table.
// access_request_exclusions names the request an exclusion was made through, so that
// request still lists it once lifted (lifting forgets its persons).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household_exclusion_persons')
    .addColumn('exclusion_id', 'integer', (c) => c.notNull().references('household_exclusions.id'))
    .addColumn('bsn_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_exclusion_persons_pk', ['exclusion_id', 'bsn_hash'])
    .execute();
  await db.schema
    .createTable('access_request_exclusions')
    .addColumn('exclusion_id', 'integer', (c) => c.primaryKey().references('household_exclusions.id'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('access_requests.id'))
    .execute();
  await db.schema.createIndex('household_exclusion_persons_bsn').on('household_exclusion_persons').column('bsn_hash').execute();
  await db
    .insertInto('household_exclusion_persons')
    .columns(['exclusion_id', 'bsn_hash'])
    .expression(db.selectFrom('household_exclusions as x').innerJoin('persons as p', 'p.address_key', 'x.household_key').select(['x.id', 'p.bsn_hash']))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('access_request_exclusions').execute();
  await db.schema.dropTable('household_exclusion_persons').execute();
}
