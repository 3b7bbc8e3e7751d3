import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import Cursor from 'pg-cursor';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import type { DatabaseTarget } from '../config.ts';
import type { Database } from './schema.ts';

// int8 (count(*), sums) as JS numbers: every value we store fits in 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

export type Db = Kysely<Database>;

export function createDb(target: DatabaseTarget): Db {
  if (target.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection closed by the server (restart, terminate) is dropped from the
    // pool and replaced on next use; without a listener it would crash the process.
    pool.on('error', () => undefined);
    return new Kysely<Database>({ dialect: new PoolPostgresDialect(pool) });
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  const sqlite = new SQLite(target.file);
  // WAL with synchronous=FULL: a commit that was reported survives a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -200000');
  sqlite.pragma('temp_store = MEMORY');
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }, path.resolve(target.file), sqlite) });
}

/**
 * Transactions take SQLite's write lock when they begin. A deferred transaction that
 * reads first and writes later fails at once with "database is locked" when another
 * process committed in between (busy_timeout cannot help a stale snapshot); an
 * immediate one waits its turn instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly file: string,
    private readonly handle: SQLite.Database,
  ) {
    super(settings);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter(this.file, this.handle);
  }
}

/** SQLite can roll back DDL: kysely's Migrator then runs each migration in one transaction, so a failed one leaves nothing behind. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  /**
   * The database file, for connections of other threads (sqlite-readers.ts), and
   * the connection itself, for statements run row by row (see sqliteConnection).
   */
  constructor(
    readonly file: string,
    readonly handle: SQLite.Database,
  ) {
    super();
  }
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class PoolPostgresDialect extends PostgresDialect {
  constructor(private readonly pool: pg.Pool) {
    super({ pool, cursor: Cursor });
  }
  override createAdapter(): DialectAdapter {
    return new PoolPostgresAdapter(this.pool);
  }
}

/**
 * Knows the pool and its clients by backend process id, so that a transaction's
 * own connection can run a COPY, which kysely cannot (see postgresClients).
 */
class PoolPostgresAdapter extends PostgresAdapter {
  readonly clients = new Map<number, pg.PoolClient>();
  constructor(readonly pool: pg.Pool) {
    super();
    pool.on('connect', (client) => this.clients.set(processId(client), client as pg.PoolClient));
    pool.on('remove', (client) => this.clients.delete(processId(client)));
  }
}

// Set by the server's BackendKeyData during start-up, before 'connect' is emitted.
const processId = (client: pg.Client) => (client as unknown as { processID: number }).processID;

/** A database handle or transaction of any schema (the migrations' too): all the helpers below use of it. */
type AnyDatabase = Pick<Kysely<unknown>, 'getExecutor' | 'executeQuery'>;

export interface PostgresClients {
  /** The connection of the caller's transaction. */
  own: pg.ClientBase;
  pool: pg.Pool;
}

/**
 * PostgreSQL: the client under `db` (also a transaction) and the pool, for work
 * kysely cannot express (COPY); null for SQLite.
 */
export async function postgresClients(db: AnyDatabase): Promise<PostgresClients | null> {
  const adapter = db.getExecutor().adapter;
  if (!(adapter instanceof PoolPostgresAdapter)) return null;
  const { rows } = await db.executeQuery<{ pid: number }>(CompiledQuery.raw('select pg_backend_pid() as pid'));
  const own = adapter.clients.get(rows[0]!.pid);
  if (!own) throw new Error(`no pooled client for backend ${rows[0]!.pid}`);
  return { own, pool: adapter.pool };
}

export function isPostgres(db: AnyDatabase): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The better-sqlite3 connection under `db` (also a transaction: SQLite has one
 * connection, so its statements are part of the open transaction), for a
 * prepared statement run per row; null for PostgreSQL.
 */
export function sqliteConnection(db: AnyDatabase): SQLite.Database | null {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof TransactionalDdlSqliteAdapter ? adapter.handle : null;
}

/** The file of a SQLite database (also from within a transaction), or null for PostgreSQL. */
export function sqliteFile(db: AnyDatabase): string | null {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof TransactionalDdlSqliteAdapter ? adapter.file : null;
}
