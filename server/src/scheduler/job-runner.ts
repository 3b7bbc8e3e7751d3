import type { Db } from '../db/connection.ts';
import type { Clock } from '../core/clock.ts';
import { claimJobRun, finishJobRun } from '../repositories/job-run-repository.ts';
import type { JobCounts } from '@vroegsignaal/shared/api/operations';
import type { JobLock } from './lock.ts';

export type { JobCounts };

export interface JobSpec {
  /** `pull:<source>`, `scoring`, `retention`. */
  name: string;
  sourceName: string | null;
  cron: string;
  run(): Promise<JobCounts>;
}

/** A run that failed after doing part of its work: the counts are still recorded. */
export class JobFailure extends Error {
  override name = 'JobFailure';
  constructor(
    message: string,
    readonly counts: JobCounts,
  ) {
    super(message);
  }
}

export type RunResult =
  | { job: string; status: 'ok'; runId: number; counts: JobCounts }
  | { job: string; status: 'failed'; runId: number; counts: JobCounts; error: string }
  | { job: string; status: 'skipped'; reason: 'still running' | 'locked by another process' | 'already run for this tick' };

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RunOptions {
  /** The scheduled minute (ISO); null for a run started by hand. */
  tick: string | null;
  trigger: 'schedule' | 'manual' | 'backfill';
}

/**
 * Runs jobs so that none overlaps itself: not in this process (a job still
 * running is skipped), not across processes (the lock), and not twice for the
 * same tick (the unique job run record). Every run is recorded.
 */
/** Jobs one process runs at once on PostgreSQL (its pool has 10 connections, see db/connection.ts). */
export const MAX_PARALLEL_JOBS = 4;

export class JobRunner {
  private readonly running = new Set<string>();
  /** Jobs under way, and those waiting for a free place. */
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * `serial`: run this process's jobs one after another. On SQLite they all
   * write to one file, and a synchronous wait for the write lock held by
   * another connection of this same process would stall the event loop.
   */
  constructor(private readonly deps: { db: Db; clock: Clock; lock: JobLock; holder: string; logger: Logger; serial?: boolean }) {}

  isRunning(job: string): boolean {
    return this.running.has(job);
  }

  async run(spec: JobSpec, options: RunOptions): Promise<RunResult> {
    if (this.running.has(spec.name)) return this.skipped(spec, 'still running');
    this.running.add(spec.name);
    try {
      const locked = await this.inTurn(() => this.deps.lock.run(spec.name, () => this.claimAndRun(spec, options)));
      return locked.acquired ? locked.value : this.skipped(spec, 'locked by another process');
    } finally {
      this.running.delete(spec.name);
    }
  }

  /**
   * At most one job at a time when serial, otherwise MAX_PARALLEL_JOBS: on
   * PostgreSQL each job holds a pooled connection for its advisory lock and needs
   * another for its work, so more jobs at once than half the pool would deadlock.
   */
  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    const limit = this.deps.serial ? 1 : MAX_PARALLEL_JOBS;
    // A finished job hands its place straight to the next waiting one.
    if (this.active >= limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  private async claimAndRun(spec: JobSpec, options: RunOptions): Promise<RunResult> {
    const { db, clock, holder } = this.deps;
    const startedAt = clock.now().toISOString();
    const runId = await claimJobRun(db, { job: spec.name, sourceName: spec.sourceName, tick: options.tick, trigger: options.trigger, startedAt, holder });
    if (runId === null) return this.skipped(spec, 'already run for this tick');
    try {
      const counts = await spec.run();
      await finishJobRun(db, runId, { outcome: 'ok', finishedAt: clock.now().toISOString(), counts, error: null });
      return { job: spec.name, status: 'ok', runId, counts };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const counts = e instanceof JobFailure ? e.counts : {};
      await finishJobRun(db, runId, { outcome: 'failed', finishedAt: clock.now().toISOString(), counts, error });
      this.deps.logger.error(`job ${spec.name} failed: ${error}`);
      return { job: spec.name, status: 'failed', runId, counts, error };
    }
  }

  private skipped(spec: JobSpec, reason: Extract<RunResult, { status: 'skipped' }>['reason']): RunResult {
    this.deps.logger.info(`job ${spec.name} skipped: ${reason}`);
    return { job: spec.name, status: 'skipped', reason };
  }
}
