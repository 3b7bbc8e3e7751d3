import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen. Four eyes on rule sets: every step on a rule set's content (created, edited,
// publication requested, withdrawn, voided by an edit, approved) is kept with who did it,
// the content hash it applied to and, for an approval, the reason. An approval names the
// hash it approves; the publication channel says whether the operator CLI published it.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('rule_set_events')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('rule_set_id', 'integer', (c) => c.notNull().references('rule_sets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('rule_set_events_rule_set').on('rule_set_events').columns(['rule_set_id', 'id']).execute();
  await db.schema.alterTable('rule_sets').addColumn('approval_reason', 'text').execute();
  await db.schema.alterTable('rule_sets').addColumn('published_via', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rule_sets').dropColumn('published_via').execute();
  await db.schema.alterTable('rule_sets').dropColumn('approval_reason').execute();
  await db.schema.dropTable('rule_set_events').execute();
}
