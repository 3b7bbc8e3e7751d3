import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. A flag's explanation becomes a reference instead of a copy: per active
// rule its qualifying count and the ids of the contributing signals, in
// `flags.evidence` (`indicator:count:id,id;…`, rules sorted by indicator),
// computed by the statement that finds the flags. A signal id now names one
// version of a signal: when a correction changes what an explanation shows
// (indicator, observed_on, value), a trigger keeps the replaced version in
// `signal_versions` under its id and gives the row a new id. A trigger, so that
// every writer (the SQLite fast path too) keeps versions without a lookup.
// Copying every contributing signal took 2.4 million evidence rows a run on the
// 1 000 000-household bench city, more than the flags themselves.
//
// Existing flags keep their explanation: an evidence copy that still equals its
// signal refers to it; one that no longer does (the signal was corrected)
// becomes a version with a negative id.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('signal_versions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('superseded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signal_versions_observed_on').on('signal_versions').column('observed_on').execute();
  await db.schema
    .alterTable('flags')
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await convertEvidence(db, pg);
  for (const statement of pg ? POSTGRES_TRIGGER : SQLITE_TRIGGER) await sql.raw(statement).execute(db);
  await db.schema.dropTable('flag_evidence').execute();
  await db.schema.dropTable('flag_rules').execute();
}

const CHANGED = `old.indicator is distinct from new.indicator or old.observed_on is distinct from new.observed_on
  or old.value is distinct from new.value`;
const KEEP = `insert into signal_versions (id, source, record_id, indicator, observed_on, value, superseded_at)
  values (old.id, old.source, old.record_id, old.indicator, old.observed_on, old.value, new.updated_at)`;

// AUTOINCREMENT: sqlite_sequence holds the largest id ever given, so the new id is never one in use or kept.
const SQLITE_TRIGGER = [
  `
  create trigger signals_keep_version after update of indicator, observed_on, value on signals
  when ${CHANGED}
  begin
    ${KEEP};
    update sqlite_sequence set seq = seq + 1 where name = 'signals';
    update signals set id = (select seq from sqlite_sequence where name = 'signals') where id = new.id;
  end`,
];

const POSTGRES_TRIGGER = [
  `
  create function signals_keep_version() returns trigger language plpgsql as $$
  begin
    ${KEEP};
    new.id := nextval(pg_get_serial_sequence('signals', 'id'));
    return new;
  end $$`,
  `
  create trigger signals_keep_version before update of indicator, observed_on, value on signals
  for each row when (${CHANGED}) execute function signals_keep_version()`,
];

async function convertEvidence(db: Kysely<any>, pg: boolean): Promise<void> {
  await sql`
    create table m0005_versions as
    select row_number() over (order by e.signal_id, e.observed_on, e.source, e.record_id, e.value) as n, e.*
    from (select distinct signal_id, indicator, source, record_id, observed_on, value from flag_evidence) e
    where not exists (
      select 1 from signals s where s.id = e.signal_id and s.indicator = e.indicator and s.source = e.source
        and s.record_id = e.record_id and s.observed_on = e.observed_on and s.value is not distinct from e.value)`.execute(db);
  await sql`
    insert into signal_versions (id, source, record_id, indicator, observed_on, value, superseded_at)
    select -n, source, record_id, indicator, observed_on, value, ${new Date().toISOString()} from m0005_versions`.execute(db);
  const agg = (expr: string, sep: string, order: string) =>
    sql.raw(pg ? `string_agg(${expr}, '${sep}' order by ${order})` : `group_concat(${expr}, '${sep}' order by ${order})`);
  await sql`
    create table m0005_ids as
    select flag_id, indicator, ${agg(pg ? 'i::text' : 'i', ',', 'o, i')} as list from (
      select e.flag_id, e.indicator, coalesce(-v.n, e.signal_id) as i, e.observed_on as o from flag_evidence e
      left join m0005_versions v on v.signal_id = e.signal_id and v.indicator = e.indicator and v.source = e.source
        and v.record_id = e.record_id and v.observed_on = e.observed_on and v.value is not distinct from e.value) x
    group by flag_id, indicator`.execute(db);
  await sql`create index m0005_ids_flag on m0005_ids (flag_id, indicator)`.execute(db);
  await sql`
    update flags set evidence = coalesce((
      select ${agg(`fr.indicator || ':' || fr.qualifying || ':' || coalesce(ids.list, '')`, ';', 'fr.indicator')}
      from flag_rules fr left join m0005_ids ids on ids.flag_id = fr.flag_id and ids.indicator = fr.indicator
      where fr.flag_id = flags.id), '')`.execute(db);
  await sql`drop table m0005_ids`.execute(db);
  await sql`drop table m0005_versions`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql.raw(`drop trigger if exists signals_keep_version${pg ? ' on signals' : ''}`).execute(db);
  if (pg) await sql`drop function if exists signals_keep_version`.execute(db);
  // The explanations stored since cannot be turned back into copies: they are dropped.
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
  await db.schema.alterTable('flags').dropColumn('evidence').execute();
  await db.schema.dropTable('signal_versions').execute();
}
