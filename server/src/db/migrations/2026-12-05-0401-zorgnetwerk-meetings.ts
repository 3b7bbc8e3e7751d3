import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen. The zorgnetwerk meeting: a date and its wijken, the families on its agenda (one
// row per household per meeting), and per family what the meeting decided: the advice, the
// lead professional (regisseur: name and partner organisation) and the next step with its
// due date. A triage step taken by recording it links to the meeting.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = pg ? 'serial' : 'integer';
  const pk = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable('meetings')
    .addColumn('id', id, pk)
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('wijken', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('meeting_items')
    .addColumn('id', id, pk)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('flag_id', 'integer', (c) => c.notNull())
    .addColumn('household_key', 'text', (c) => c.notNull())
    .addColumn('wijk', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('advice', 'text')
    .addColumn('regisseur_name', 'text')
    .addColumn('regisseur_org', 'text')
    .addColumn('next_step', 'text')
    .addColumn('next_step_due', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text')
    .addUniqueConstraint('meeting_items_household', ['meeting_id', 'household_key'])
    .execute();
  await db.schema.alterTable('triage_events').addColumn('meeting_id', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('triage_events').dropColumn('meeting_id').execute();
  await db.schema.dropTable('meeting_items').execute();
  await db.schema.dropTable('meetings').execute();
}
