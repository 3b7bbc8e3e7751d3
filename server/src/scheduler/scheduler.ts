import cron, { type ScheduledTask } from 'node-cron';
import { isPostgres } from '../db/connection.ts';
import type { EngineContext } from '../services/context.ts';
import { listSourceConfigs, sourcePolicy } from '../services/sources.ts';
import { JobRunner, type JobSpec, type Logger, type RunResult } from './job-runner.ts';
import { inactivityJob, notificationJob, pullJob, pullJobName, retentionJob, reviewJob, scoringJob, type PullDeps, type SchedulerSettings } from './jobs.ts';
import { createJobLock, processHolder } from './lock.ts';
import type { FolderMemory } from './pull-folder.ts';
import type { Resolve } from './pull-http.ts';

export interface SchedulerOptions {
  /** Clock, database and time zone of every job; its actor is recorded on ingests and runs. */
  engine: EngineContext;
  settings: SchedulerSettings;
  holder?: string;
  logger?: Logger;
  /** Back-off waits of HTTP retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  /** Host names of HTTP sources → addresses (tests map names of their own). */
  resolve?: Resolve;
}

const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Decides each minute which jobs are due and runs them. `tick(at)` is the whole
 * of it, so tests drive it with any clock; `start()` only adds a node-cron
 * heartbeat that calls `tick` every minute with the real time.
 */
export class Scheduler {
  readonly runner: JobRunner;
  private readonly memories = new Map<string, FolderMemory>();
  private readonly matchers = new Map<string, ScheduledTask>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private heartbeat: ScheduledTask | null = null;
  private readonly logger: Logger;
  private readonly holder: string;

  constructor(private readonly options: SchedulerOptions) {
    const { db, clock } = options.engine;
    const holder = options.holder ?? processHolder();
    this.holder = holder;
    this.logger = options.logger ?? silentLogger;
    this.runner = new JobRunner({ db, clock, holder, logger: this.logger, lock: createJobLock(db, clock, holder), serial: !isPostgres(db) });
  }

  /** Every job as configured now: sources are re-read, so a change needs no restart. */
  async jobs(): Promise<JobSpec[]> {
    const { engine, settings } = this.options;
    const sources = (await listSourceConfigs(engine.db)).filter((s) => s.enabled);
    const notifications = settings.notifications ? notificationJob(engine, settings.notifications, this.holder) : null;
    return [
      scoringJob(engine, settings.scoringCron),
      retentionJob(engine, settings),
      reviewJob(engine, settings.reviewCron ?? '15 6 * * *'),
      inactivityJob(engine, settings),
      ...(notifications ? [notifications] : []),
      ...sources.map((s) => pullJob(engine, s, this.pullDeps())),
    ];
  }

  pullDeps(): PullDeps {
    const { settings, sleep, resolve } = this.options;
    return {
      http: {
        retries: settings.pullRetries,
        retryBaseMs: settings.pullRetryBaseMs,
        timeoutMs: settings.pullTimeoutMs,
        allowedHosts: settings.pullAllowedHosts,
        sleep,
        resolve,
      },
      places: sourcePolicy(settings),
      memoryOf: (source) => {
        let memory = this.memories.get(source);
        if (!memory) {
          memory = new Map();
          this.memories.set(source, memory);
        }
        return memory;
      },
    };
  }

  /** Runs the jobs due in the minute of `at`; resolves when they have finished. */
  async tick(at: Date = this.options.engine.clock.now()): Promise<RunResult[]> {
    const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    const due = (await this.jobs()).filter((job) => this.isDue(job, minute));
    return Promise.all(due.map((job) => this.runner.run(job, { tick: minute.toISOString(), trigger: 'schedule' })));
  }

  /** Runs one job now, outside the schedule (`mpg scheduler --run`, backfill). */
  async runNow(name: string, trigger: 'manual' | 'backfill' = 'manual'): Promise<RunResult> {
    const { engine } = this.options;
    const source = (await listSourceConfigs(engine.db)).find((s) => pullJobName(s.name) === name);
    // By hand a drop folder is looked at twice within the run, a second apart.
    const job = source ? pullJob(engine, source, this.pullDeps(), { settleMs: 1000 }) : (await this.jobs()).find((j) => j.name === name);
    if (!job) throw new Error(`there is no job '${name}'`);
    return this.runner.run(job, { tick: null, trigger });
  }

  isDue(job: JobSpec, minute: Date): boolean {
    const key = `${job.cron}\u0000${this.options.engine.timeZone}`;
    let matcher = this.matchers.get(key);
    try {
      if (!matcher) {
        matcher = cron.createTask(job.cron, () => undefined, { timezone: this.options.engine.timeZone });
        this.matchers.set(key, matcher);
      }
      return matcher.match(minute);
    } catch (e) {
      this.logger.warn(`job ${job.name} has an unusable schedule '${job.cron}': ${(e as Error).message}`);
      return false;
    }
  }

  start(): void {
    if (this.heartbeat) return;
    this.heartbeat = cron.schedule('* * * * *', () => this.track(this.tick()), { name: 'vroegsignaal-scheduler' });
    this.logger.info('scheduler started');
  }

  /** Stops the heartbeat and waits for running jobs to finish. */
  async stop(): Promise<void> {
    await this.heartbeat?.destroy();
    this.heartbeat = null;
    await Promise.allSettled([...this.inFlight]);
    for (const matcher of this.matchers.values()) await matcher.destroy();
    this.matchers.clear();
  }

  private track(work: Promise<RunResult[]>): void {
    const tracked = work
      .then((results) => {
        for (const r of results)
          if (r.status === 'failed' || (r.status === 'ok' && !idlePoll(r.counts))) this.logger.info(`job ${r.job}: ${r.status} ${JSON.stringify(r.counts)}`);
      })
      .catch((e: unknown) => this.logger.error(`scheduler tick failed: ${(e as Error).message}`))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}

/** A drop-folder poll that found nothing: not worth a log line (it is still recorded). */
function idlePoll(counts: Record<string, unknown>): boolean {
  return counts.files === 0 && counts.failedFiles === 0 && counts.waiting === 0;
}
