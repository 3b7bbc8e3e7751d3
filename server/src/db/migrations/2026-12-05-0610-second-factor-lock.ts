import type { Kysely } from 'kysely';

// Frozen. The wrong second-factor codes in a row per account: at the limit the second
// factor is locked until a beheerder resets the account.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('totp_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_failures').execute();
}
