import { sql, type Kysely } from 'kysely';

// Frozen. At most one active mark per signal and role, instead of per signal: a beheerder
// marking a signal on a source's instruction gets a mark of their own also where the
// privacy officer marked it for a resident, so the answer no longer tells the beheerder
// that a resident corrected it. A signal counts in no run while any mark is in force.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('signal_marks_one_active').execute();
  await db.schema
    .createIndex('signal_marks_one_active_per_role')
    .unique()
    .on('signal_marks')
    .columns(['source', 'record_id', 'marked_role'])
    .where(sql.ref('lifted_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('signal_marks_one_active_per_role').execute();
  await db.schema
    .createIndex('signal_marks_one_active')
    .unique()
    .on('signal_marks')
    .columns(['source', 'record_id'])
    .where(sql.ref('lifted_at'), 'is', null)
    .execute();
}
