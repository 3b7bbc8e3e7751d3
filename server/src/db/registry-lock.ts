import { sql } from 'kysely';
import { isPostgres, type Db } from './connection.ts';

// A scoring run decides whether a household's residents changed by comparing when they came
// (the start of the registry import that saw them) with when the previous run started. That
// holds only if a run sees every import that started before it: the registry import and the
// scoring run take turns. PostgreSQL: a session advisory lock, taken before the transaction
// (and so before its snapshot and its start instant), waited for rather than skipped. SQLite
// lets one writer at a time anyway, and both begin by writing.

/** Arbitrary first key of the two-int advisory lock (scheduler/lock.ts uses another). */
const NAMESPACE = 0x56_53_52_47; // 'VSRG'

/** Runs `work` on a connection holding the registry lock (PostgreSQL), or on `db` (SQLite). */
export async function withRegistryLock<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return work(db);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${NAMESPACE}, 0)`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`select pg_advisory_unlock(${NAMESPACE}, 0)`.execute(conn);
    }
  });
}
