import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. An access request covers residences (access_request_residences): by BSN every
// residence of that person, open or closed; by address the open residences there at
// registration. Their (address, since, until) are its scope, read at every read, so a
// later move closes it and later occupants stay out; retention keeps a residence a
// request refers to. `scope_from` only shows when the residents of the address the
// request found came to live there (a date; null: no limit). A request may concern no
// household: a BSN the registry does not know but whose signals a feed delivered. Such
// a request keeps the ids of those signals, never the BSN or its hash. SQLite cannot drop NOT NULL in place, so it rebuilds the table under
// the same name (access_request_withheld refers to it by name). A partial index
// finds unlinked signals by bsn hash without burdening the ingest of linked ones.

const COLUMNS = ['id', 'household_key', 'identified_by', 'received_on', 'deadline', 'extension_reason', 'status', 'created_by', 'created_at', 'closed_at'];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg)
    await db.schema
      .alterTable('access_requests')
      .alterColumn('household_key', (c) => c.dropNotNull())
      .execute();
  else await rebuildSqlite(db, false);
  await db.schema.alterTable('access_requests').addColumn('scope_from', 'text').execute();
  await db.schema
    .createTable('access_request_signals')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('access_requests.id'))
    .addColumn('signal_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_request_signals_pk', ['request_id', 'signal_id'])
    .execute();
  await db.schema
    .createTable('access_request_residences')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('access_requests.id'))
    .addColumn('residence_id', 'integer', (c) => c.notNull().references('residences.id'))
    .addPrimaryKeyConstraint('access_request_residences_pk', ['request_id', 'residence_id'])
    .execute();
  await db.schema.createIndex('access_request_residences_residence').on('access_request_residences').column('residence_id').execute();
  await db.schema.createIndex('signals_unlinked_bsn').on('signals').column('bsn_hash').where(sql.ref('household_key'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('signals_unlinked_bsn').execute();
  await db.schema.dropTable('access_request_signals').execute();
  await db.schema.dropTable('access_request_residences').execute();
  await db.schema.alterTable('access_requests').dropColumn('scope_from').execute();
  // Requests without a household cannot exist before this migration.
  const orphans = db.selectFrom('access_requests').select('id').where('household_key', 'is', null);
  await db.deleteFrom('access_request_withheld').where('request_id', 'in', orphans).execute();
  await db.deleteFrom('access_requests').where('household_key', 'is', null).execute();
  if (pg)
    await db.schema
      .alterTable('access_requests')
      .alterColumn('household_key', (c) => c.setNotNull())
      .execute();
  else await rebuildSqlite(db, true);
}

/**
 * The table of 2026-12-05-0230 with household_key nullable or not, its rows kept.
 * Migrations run in a transaction, where foreign_keys cannot be switched off; with the
 * checks deferred, dropping the table orphans the withheld notes only until the same
 * rows are back under the same name, and the check at commit finds nothing wrong.
 */
async function rebuildSqlite(db: Kysely<any>, householdRequired: boolean): Promise<void> {
  await sql`pragma defer_foreign_keys = on`.execute(db);
  await sql`create table access_requests_copy as select * from access_requests`.execute(db);
  await db.schema.dropTable('access_requests').execute();
  await db.schema
    .createTable('access_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('household_key', 'text', (c) => (householdRequired ? c.notNull() : c))
    .addColumn('identified_by', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('extension_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.insertInto('access_requests').columns(COLUMNS).expression(db.selectFrom('access_requests_copy').select(COLUMNS)).execute();
  await db.schema.dropTable('access_requests_copy').execute();
}
