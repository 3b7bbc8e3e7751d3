import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen. Sign-in through the municipality's OpenID Connect provider: which user an
// identity (issuer + subject) is, with the e-mail address the provider last sent, and per
// session the provider's session id and ID token (for back-channel and RP-initiated logout).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('oidc_identities')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id'))
    .addColumn('email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('oidc_identities_issuer_subject', ['issuer', 'subject'])
    .execute();
  await db.schema.alterTable('sessions').addColumn('oidc_sid', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('oidc_id_token', 'text').execute();
  await db.schema.createIndex('sessions_oidc_sid').on('sessions').column('oidc_sid').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_oidc_sid').execute();
  await db.schema.alterTable('sessions').dropColumn('oidc_id_token').execute();
  await db.schema.alterTable('sessions').dropColumn('oidc_sid').execute();
  await db.schema.dropTable('oidc_identities').execute();
}
