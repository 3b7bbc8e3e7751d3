import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. The audit log becomes append-only in the database itself, whoever connects:
// every UPDATE of an entry is refused, and a DELETE only of entries older than the
// retention floor, a number of days kept in the one-row table `audit_retention`.
// That floor may only grow (the nightly retention job raises it to the configured
// period), so no statement can first shorten it and then delete recent entries; a
// shorter period needs a database administrator. "Older" is measured against the
// database's own clock. Also: the hash of the session and the user agent of each entry.

/** The floor before the retention job first runs: a year. */
const INITIAL_FLOOR_DAYS = 365;
const MAX_DAYS = 36_600;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('audit_log').addColumn('session_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('user_agent', 'text').execute();
  await db.schema
    .createTable('audit_retention')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('days', 'integer', (c) => c.notNull().check(sql`days between 1 and ${sql.lit(MAX_DAYS)}`))
    .execute();
  await db.insertInto('audit_retention').values({ id: 1, days: INITIAL_FLOOR_DAYS }).execute();
  if (pg) await postgresGuards(db);
  else await sqliteGuards(db);
}

async function sqliteGuards(db: Kysely<any>): Promise<void> {
  const cutoff = sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (select days from audit_retention where id = 1) || ' days')`;
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only: an entry cannot be changed'); end`.execute(db);
  await sql`create trigger audit_log_no_early_delete before delete on audit_log
    when (select days from audit_retention where id = 1) is null or old.at >= ${cutoff}
    begin select raise(abort, 'audit_log is append-only: an entry inside the retention period cannot be deleted'); end`.execute(db);
  await sql`create trigger audit_retention_only_grows before update on audit_retention
    when new.id <> old.id or new.days < old.days
    begin select raise(abort, 'audit_retention may only grow'); end`.execute(db);
  await sql`create trigger audit_retention_no_delete before delete on audit_retention
    begin select raise(abort, 'audit_retention cannot be deleted'); end`.execute(db);
}

async function postgresGuards(db: Kysely<any>): Promise<void> {
  await sql`create function audit_log_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        raise exception 'audit_log is append-only: an entry cannot be changed';
      end if;
      if tg_op = 'TRUNCATE' or not exists (
        select 1 from audit_retention where id = 1
          and old.at < to_char((now() at time zone 'UTC') - make_interval(days => days), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      ) then
        raise exception 'audit_log is append-only: an entry inside the retention period cannot be deleted';
      end if;
      return old;
    end $$`.execute(db);
  await sql`create trigger audit_log_guard before update or delete on audit_log for each row execute function audit_log_guard()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_guard()`.execute(db);
  await sql`create function audit_retention_guard() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'UPDATE' or new.id <> old.id or new.days < old.days then
        raise exception 'audit_retention may only grow';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger audit_retention_guard before update or delete on audit_retention for each row execute function audit_retention_guard()`.execute(db);
  await sql`create trigger audit_retention_no_truncate before truncate on audit_retention for each statement execute function audit_retention_guard()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`drop trigger audit_log_guard on audit_log`.execute(db);
    await sql`drop trigger audit_log_no_truncate on audit_log`.execute(db);
    await sql`drop function audit_log_guard()`.execute(db);
  } else {
    for (const t of ['audit_log_no_update', 'audit_log_no_early_delete', 'audit_retention_only_grows', 'audit_retention_no_delete'])
      await sql`drop trigger ${sql.raw(t)}`.execute(db);
  }
  await db.schema.dropTable('audit_retention').execute();
  if (pg) await sql`drop function audit_retention_guard()`.execute(db);
  await db.schema.alterTable('audit_log').dropColumn('user_agent').execute();
  await db.schema.alterTable('audit_log').dropColumn('session_hash').execute();
}
