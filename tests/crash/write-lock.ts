import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../helpers/cli.ts';
import type { TestDatabase } from '../helpers/databases.ts';

interface SqliteHandle {
  exec(sql: string): void;
  close(): void;
}
type SqliteCtor = new (file: string, options?: { timeout?: number }) => SqliteHandle;

// better-sqlite3 is the server's dependency; load it from there.
const Sqlite = createRequire(path.join(REPO_ROOT, 'server', 'package.json'))('better-sqlite3') as SqliteCtor;

/**
 * True while another process holds an open write transaction on the database:
 * the proof that an ingest is in the middle of its work.
 */
export async function writeInProgress(t: TestDatabase): Promise<boolean> {
  if (t.dialect === 'sqlite') {
    const db = new Sqlite(t.url, { timeout: 0 });
    try {
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
      return false;
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
      throw e;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null and backend_type = 'client backend'`,
    );
    return (rows[0] as { n: number }).n > 0;
  } finally {
    await client.end();
  }
}
