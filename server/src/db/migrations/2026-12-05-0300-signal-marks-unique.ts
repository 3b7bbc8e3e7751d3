import { sql, type Kysely } from 'kysely';

// Frozen. At most one active mark per signal (source, record_id), enforced by the
// database: two officers marking the same signal at once get one mark and one refusal.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('signal_marks_one_active')
    .unique()
    .on('signal_marks')
    .columns(['source', 'record_id'])
    .where(sql.ref('lifted_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('signal_marks_one_active').execute();
}
