import type { Kysely } from 'kysely';

// Frozen once landed: a later change to the schema is a new migration file.

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
