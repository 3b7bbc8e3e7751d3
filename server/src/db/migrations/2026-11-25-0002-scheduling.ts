import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen once landed: a later change to the schema is a new migration file.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = postgres ? 'serial' : 'integer';
  const pk = (c: any) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('sources')
    .addColumn('id', id, pk)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('fetch_kind', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('auth_header_name', 'text')
    .addColumn('auth_header_value', 'text')
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('expected_interval_days', 'integer', (c) => c.notNull())
    .addColumn('column_mapping', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', id, pk)
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('tick', 'text')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('counts', 'text')
    .addColumn('error', 'text')
    .addColumn('holder', 'text', (c) => c.notNull())
    // One run per job per scheduled minute, whichever process gets there first.
    .addUniqueConstraint('job_runs_job_tick', ['job', 'tick'])
    .execute();
  await db.schema.createIndex('job_runs_started_at').on('job_runs').columns(['started_at', 'id']).execute();
  await db.schema.createIndex('job_runs_job').on('job_runs').columns(['job', 'id']).execute();

  await db.schema
    .createTable('scheduler_locks')
    .addColumn('job', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // Source health reads the recent deliveries of one source.
  await db.schema.createIndex('ingest_runs_source').on('ingest_runs').columns(['source_name', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ingest_runs_source').ifExists().execute();
  for (const table of ['scheduler_locks', 'job_runs', 'sources']) await db.schema.dropTable(table).ifExists().execute();
}
