import { MAIL_COUNTS } from '@vroegsignaal/shared/api/job-details';
import type { Selectable } from 'kysely';
import type { JobRunTable } from '../db/schema-scheduling.ts';
import type { Executor } from './types.ts';

export type JobRunRow = Selectable<JobRunTable>;

export interface NewJobRun {
  job: string;
  sourceName: string | null;
  tick: string | null;
  trigger: JobRunTable['trigger'];
  startedAt: string;
  holder: string;
}

/**
 * Records the start of a run. Returns null when a run of this job for this tick
 * is already on record (another process got there first).
 */
export async function claimJobRun(db: Executor, run: NewJobRun): Promise<number | null> {
  const row = await db
    .insertInto('job_runs')
    .values({
      job: run.job,
      source_name: run.sourceName,
      tick: run.tick,
      trigger: run.trigger,
      started_at: run.startedAt,
      finished_at: null,
      outcome: 'running',
      counts: null,
      error: null,
      holder: run.holder,
    })
    .onConflict((oc) => oc.columns(['job', 'tick']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function finishJobRun(
  db: Executor,
  id: number,
  values: { outcome: 'ok' | 'failed'; finishedAt: string; counts: object; error: string | null },
): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ outcome: values.outcome, finished_at: values.finishedAt, counts: JSON.stringify(values.counts), error: values.error })
    .where('id', '=', id)
    .execute();
}

export async function recentJobRuns(db: Executor, options: { limit: number; job?: string }): Promise<JobRunRow[]> {
  let query = db.selectFrom('job_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(options.limit);
  if (options.job) query = query.where('job', '=', options.job);
  return query.execute();
}

export interface JobRunFilter {
  job?: string;
  outcome?: JobRunTable['outcome'];
  /** started_at >= from (an ISO date or instant). */
  from?: string;
  /** started_at < toExclusive. */
  toExclusive?: string;
  skipIdle?: boolean;
}

/**
 * Pulls that found nothing: an empty drop folder or the same file as last time. The
 * counts are written by JSON.stringify of fixed objects (pull-folder.ts newTotals,
 * pull-http.ts ingestBody), so their text is known; the scheduler's idlePoll reads the same.
 */
const IDLE_FOLDER = '{"files":0,"failedFiles":0,"waiting":0,%';
const IDLE_HTTP = '%"sameAsLastDelivery":true%';
/** The e-mail job with nothing to send (its counts in MAIL_COUNTS order, all 0). */
const IDLE_MAIL = `{${MAIL_COUNTS.map((k) => `"${k}":0`).join(',')}}`;

/** One page of job runs, newest first, with the total that match. */
export async function pageJobRuns(db: Executor, f: JobRunFilter, limit: number, offset: number): Promise<{ items: JobRunRow[]; total: number }> {
  let q = db.selectFrom('job_runs');
  if (f.job) q = q.where('job', '=', f.job);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.from) q = q.where('started_at', '>=', f.from);
  if (f.toExclusive) q = q.where('started_at', '<', f.toExclusive);
  if (f.skipIdle) {
    q = q.where((eb) =>
      eb.or([
        eb('outcome', '!=', 'ok'),
        eb('counts', 'is', null),
        eb.and([eb('counts', 'not like', IDLE_FOLDER), eb('counts', 'not like', IDLE_HTTP), eb('counts', '!=', IDLE_MAIL)]),
      ]),
    );
  }
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Every job name on record, sorted. */
export async function jobNames(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('job_runs').select('job').distinct().orderBy('job').execute();
  return rows.map((r) => r.job);
}

/** The newest failed run of a job, if any. */
export async function lastFailedRun(db: Executor, job: string): Promise<JobRunRow | undefined> {
  return db.selectFrom('job_runs').selectAll().where('job', '=', job).where('outcome', '=', 'failed').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function countJobRuns(db: Executor, job?: string): Promise<number> {
  let query = db.selectFrom('job_runs').select((eb) => eb.fn.countAll<number>().as('n'));
  if (job) query = query.where('job', '=', job);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** SQLite job lock: takes the lease when it is free or expired; true when this holder has it now. */
export async function takeLease(db: Executor, job: string, holder: string, nowIso: string, expiresIso: string): Promise<boolean> {
  const row = await db
    .insertInto('scheduler_locks')
    .values({ job, holder, acquired_at: nowIso, expires_at: expiresIso })
    .onConflict((oc) => oc.column('job').doUpdateSet({ holder, acquired_at: nowIso, expires_at: expiresIso }).where('scheduler_locks.expires_at', '<', nowIso))
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

export async function renewLease(db: Executor, job: string, holder: string, expiresIso: string): Promise<void> {
  await db.updateTable('scheduler_locks').set({ expires_at: expiresIso }).where('job', '=', job).where('holder', '=', holder).execute();
}

export async function releaseLease(db: Executor, job: string, holder: string): Promise<void> {
  await db.deleteFrom('scheduler_locks').where('job', '=', job).where('holder', '=', holder).execute();
}

/** The scoring dates that already have a run (a backfill skips them). */
export async function scoredDates(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('scoring_runs').select('as_of').distinct().execute();
  return new Set(rows.map((r) => r.as_of));
}
