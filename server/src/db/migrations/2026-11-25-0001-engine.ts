import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen: a later change to the schema is a new migration file.

function idType(db: Kysely<any>): 'serial' | 'integer' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'serial' : 'integer';
}

export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db);
  const pk = (c: any) => (id === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey());

  await db.schema
    .createTable('persons')
    .addColumn('bsn_hash', 'text', (c) => c.primaryKey())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('address_key', 'text', (c) => c.notNull())
    .addColumn('wijk', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_address_key').on('persons').columns(['address_key', 'birth_date']).execute();

  await db.schema
    .createTable('households')
    .addColumn('address_key', 'text', (c) => c.primaryKey())
    .addColumn('wijk', 'text', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('households_wijk').on('households').column('wijk').execute();

  await db.schema
    .createTable('registry_staging')
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('bsn_hash', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('address_key', 'text')
    .addColumn('wijk', 'text')
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ingest_runs')
    .addColumn('id', id, pk)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('read_rows', 'integer', (c) => c.notNull())
    .addColumn('stored', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('quarantined', 'integer', (c) => c.notNull())
    .addColumn('unlinked', 'integer', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ingest_runs_started_at').on('ingest_runs').column('started_at').execute();

  await db.schema
    .createTable('signals')
    .addColumn('id', id, pk)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('bsn_hash', 'text')
    .addColumn('address_key', 'text')
    .addColumn('household_key', 'text')
    .addColumn('ingest_run_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('signals_source_record', ['source', 'record_id'])
    .execute();
  await db.schema.createIndex('signals_household').on('signals').columns(['household_key', 'indicator']).execute();
  await db.schema.createIndex('signals_bsn_hash').on('signals').column('bsn_hash').execute();
  await db.schema.createIndex('signals_address_key').on('signals').column('address_key').execute();
  await db.schema.createIndex('signals_observed_on').on('signals').column('observed_on').execute();

  await db.schema
    .createTable('quarantine')
    .addColumn('id', id, pk)
    .addColumn('ingest_run_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('raw_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('quarantine_row', ['kind', 'raw_hash', 'row_number'])
    .execute();
  await db.schema.createIndex('quarantine_run').on('quarantine').column('ingest_run_id').execute();
  await db.schema.createIndex('quarantine_created_at').on('quarantine').column('created_at').execute();

  await db.schema
    .createTable('rule_sets')
    .addColumn('id', id, pk)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('flag_threshold', 'double precision', (c) => c.notNull())
    .addColumn('min_domains', 'integer')
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('publication_requested_by', 'text')
    .addColumn('publication_requested_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('approved_by', 'text')
    .addUniqueConstraint('rule_sets_name_version', ['name', 'version'])
    .execute();

  await db.schema
    .createTable('rule_set_rules')
    .addColumn('rule_set_id', 'integer', (c) => c.notNull().references('rule_sets.id'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('threshold', 'double precision')
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('min_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rule_set_rules_pk', ['rule_set_id', 'indicator'])
    .execute();

  await db.schema
    .createTable('scoring_runs')
    .addColumn('id', id, pk)
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('rule_set_id', 'integer', (c) => c.notNull().references('rule_sets.id'))
    .addColumn('previous_run_id', 'integer')
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('gezinshuishoudens', 'integer', (c) => c.notNull())
    .addColumn('flags', 'integer', (c) => c.notNull())
    .addColumn('new_flags', 'integer', (c) => c.notNull())
    .addColumn('persisting_flags', 'integer', (c) => c.notNull())
    .addColumn('dropped_flags', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scoring_runs_as_of').on('scoring_runs').columns(['as_of', 'id']).execute();

  await db.schema
    .createTable('scoring_run_rules')
    .addColumn('run_id', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('weight_micro', 'bigint', (c) => c.notNull())
    .addColumn('threshold', 'double precision')
    .addColumn('min_count', 'integer', (c) => c.notNull())
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scoring_run_rules_pk', ['run_id', 'indicator'])
    .execute();

  await db.schema
    .createTable('flags')
    .addColumn('id', id, pk)
    .addColumn('run_id', 'integer', (c) => c.notNull().references('scoring_runs.id'))
    .addColumn('household_key', 'text', (c) => c.notNull())
    .addColumn('wijk', 'text', (c) => c.notNull())
    .addColumn('score_micro', 'bigint', (c) => c.notNull())
    .addColumn('domains', 'integer', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('is_new', 'integer', (c) => c.notNull())
    .addColumn('weeks_on_list', 'integer', (c) => c.notNull())
    .addColumn('adults', 'integer', (c) => c.notNull())
    .addColumn('minors', 'integer', (c) => c.notNull())
    .addUniqueConstraint('flags_run_household', ['run_id', 'household_key'])
    .execute();
  await db.schema.createIndex('flags_household').on('flags').columns(['household_key', 'run_id']).execute();

  await db.schema
    .createTable('flag_rules')
    .addColumn('flag_id', 'integer', (c) => c.notNull().references('flags.id'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('weight_micro', 'bigint', (c) => c.notNull())
    .addColumn('qualifying', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('flag_rules_pk', ['flag_id', 'indicator'])
    .execute();

  await db.schema
    .createTable('flag_evidence')
    .addColumn('flag_id', 'integer', (c) => c.notNull().references('flags.id'))
    .addColumn('signal_id', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addPrimaryKeyConstraint('flag_evidence_pk', ['flag_id', 'signal_id'])
    .execute();

  await db.schema
    .createTable('run_wijk_stats')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('scoring_runs.id'))
    .addColumn('wijk', 'text', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('gezinshuishoudens', 'integer', (c) => c.notNull())
    .addColumn('flags', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_wijk_stats_pk', ['run_id', 'wijk'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'run_wijk_stats',
    'flag_evidence',
    'flag_rules',
    'flags',
    'scoring_run_rules',
    'scoring_runs',
    'rule_set_rules',
    'rule_sets',
    'quarantine',
    'signals',
    'ingest_runs',
    'registry_staging',
    'households',
    'persons',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
