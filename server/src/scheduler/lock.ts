import os from 'node:os';
import { sql } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { isPostgres, type Db } from '../db/connection.ts';
import { releaseLease, renewLease, takeLease } from '../repositories/job-run-repository.ts';

// One process at a time runs a given job, across every process on the database.
// PostgreSQL: a session advisory lock on a connection reserved for the job's
// duration (freed by the server if the process dies). SQLite: a lease row that
// expires unless renewed, so a crashed process does not block the job forever.

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

export interface JobLock {
  run<T>(job: string, work: () => Promise<T>): Promise<Locked<T>>;
}

/** Identifies this process in job runs and leases. */
export function processHolder(): string {
  return `${os.hostname()}:${process.pid}`;
}

/** Arbitrary first key of the two-int advisory lock, to keep clear of other users of advisory locks. */
const ADVISORY_NAMESPACE = 0x56_53_43_48; // 'VSCH'

export function createJobLock(db: Db, clock: Clock, holder: string, leaseMs = 10 * 60_000): JobLock {
  return isPostgres(db) ? advisoryLock(db) : leaseLock(db, clock, holder, leaseMs);
}

function advisoryLock(db: Db): JobLock {
  return {
    run: (job, work) =>
      db.connection().execute(async (conn) => {
        const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${ADVISORY_NAMESPACE}, hashtext(${job})) as locked`.execute(conn);
        if (!rows[0]?.locked) return { acquired: false } as const;
        try {
          return { acquired: true, value: await work() } as const;
        } finally {
          await sql`select pg_advisory_unlock(${ADVISORY_NAMESPACE}, hashtext(${job}))`.execute(conn);
        }
      }),
  };
}

function leaseLock(db: Db, clock: Clock, holder: string, leaseMs: number): JobLock {
  const expiry = () => new Date(clock.now().getTime() + leaseMs).toISOString();
  return {
    async run(job, work) {
      if (!(await takeLease(db, job, holder, clock.now().toISOString(), expiry()))) return { acquired: false };
      const renewal = setInterval(() => void renewLease(db, job, holder, expiry()).catch(() => undefined), leaseMs / 3);
      renewal.unref();
      try {
        return { acquired: true, value: await work() };
      } finally {
        clearInterval(renewal);
        await releaseLease(db, job, holder);
      }
    },
  };
}
