import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen. Residents' rights (AVG art. 15, 16, 18, 21): access requests registered by the
// privacy officer (the household only, never a BSN), notes withheld from a letter with
// their ground, signals marked incorrect by (source, record_id), households excluded
// from scoring for a period, and the number excluded per run.

const id = (pg: boolean) => [pg ? 'serial' : 'integer', (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement())] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('access_requests')
    .addColumn('id', ...id(pg))
    .addColumn('household_key', 'text', (c) => c.notNull())
    .addColumn('identified_by', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('extension_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createTable('access_request_withheld')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('access_requests.id'))
    .addColumn('triage_event_id', 'integer', (c) => c.notNull())
    .addColumn('ground', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_request_withheld_pk', ['request_id', 'triage_event_id'])
    .execute();
  await db.schema
    .createTable('signal_marks')
    .addColumn('id', ...id(pg))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text', (c) => c.notNull())
    .addColumn('marked_role', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('lifted_by', 'text')
    .execute();
  await db.schema.createIndex('signal_marks_record').on('signal_marks').columns(['source', 'record_id']).execute();
  await db.schema
    .createTable('household_exclusions')
    .addColumn('id', ...id(pg))
    .addColumn('household_key', 'text', (c) => c.notNull())
    .addColumn('ground', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('lifted_by', 'text')
    .execute();
  await db.schema.createIndex('household_exclusions_household').on('household_exclusions').columns(['household_key']).execute();
  await db.schema
    .alterTable('scoring_runs')
    .addColumn('excluded_households', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scoring_runs').dropColumn('excluded_households').execute();
  await db.schema.dropTable('household_exclusions').execute();
  await db.schema.dropTable('signal_marks').execute();
  await db.schema.dropTable('access_request_withheld').execute();
  await db.schema.dropTable('access_requests').execute();
}
