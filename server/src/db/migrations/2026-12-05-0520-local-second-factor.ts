import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen. Local accounts that are managed: a second factor (TOTP, RFC 6238) with its
// secret encrypted and the last accepted time step (replay), recovery codes stored as
// SHA-256 hashes, a one-time password that must be changed, a reset that forces a new
// second factor, the last sign-in (inactivity) and the stage a session has reached.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('must_enrol_totp', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
  await db.schema.alterTable('users').addColumn('last_login_at', 'text').execute();
  // Sign-ins before this upgrade were not recorded: every existing account gets the whole
  // inactivity period from now, instead of being deactivated at the first nightly run.
  await db.updateTable('users').set({ last_login_at: new Date().toISOString() }).execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('full'))
    .execute();
  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').columns(['user_id', 'code_hash']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recovery_codes').execute();
  await db.schema.alterTable('sessions').dropColumn('stage').execute();
  for (const c of ['last_login_at', 'totp_last_step', 'totp_pending_secret', 'totp_secret', 'must_enrol_totp', 'must_change_password']) {
    await db.schema.alterTable('users').dropColumn(c).execute();
  }
}
