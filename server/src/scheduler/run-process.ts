import { fixedClock, systemClock } from '../core/clock.ts';
import { createPseudonymizer } from '../core/pseudonym.ts';
import { loadConfig, type Config } from '../config.ts';
import { createDb, type Db } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { EngineContext } from '../services/context.ts';
import type { Logger } from './job-runner.ts';
import { Scheduler } from './scheduler.ts';

// The long-running process of `mpg scheduler`, `mpg serve` and `mpg start`:
// open the database, optionally prepare (demo set-up) and the HTTP server,
// then tick every minute until SIGINT/SIGTERM, and shut down cleanly.

export interface ProcessOptions {
  /** Also serve the API and the dashboard. */
  http?: (ctx: EngineContext, config: Config, logger: Logger) => Promise<{ close(): Promise<unknown> } | null>;
  /** Work before the scheduler starts (e.g. the demo set-up). */
  prepare?: (ctx: EngineContext, config: Config) => Promise<void>;
  /** Run this one job now and exit instead of scheduling. */
  runOnce?: string;
}

export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`${new Date().toISOString()} ${m}\n`),
  warn: (m) => process.stderr.write(`${new Date().toISOString()} warning: ${m}\n`),
  error: (m) => process.stderr.write(`${new Date().toISOString()} error: ${m}\n`),
};

export async function runSchedulerProcess(options: ProcessOptions): Promise<void> {
  const config = loadConfig();
  const db: Db = createDb(config.database);
  const clock = config.fixedNow ? fixedClock(config.fixedNow) : systemClock;
  const ctx: EngineContext = {
    db,
    clock,
    pseudonymize: createPseudonymizer(config.bsnKey),
    timeZone: config.timeZone,
    actor: 'scheduler',
    deadlines: config.deadlines,
  };
  let scheduler: Scheduler | null = null;
  let http: { close(): Promise<unknown> } | null = null;
  try {
    await migrateToLatest(db);
    await options.prepare?.(ctx, config);
    scheduler = new Scheduler({ engine: ctx, settings: config, logger: stderrLogger });
    if (options.runOnce) return await runOnce(scheduler, options.runOnce);
    http = (await options.http?.(ctx, config, stderrLogger)) ?? null;
    scheduler.start();
    await untilStopped();
    stderrLogger.info('stopping: waiting for running jobs');
  } finally {
    await http?.close();
    await scheduler?.stop();
    await db.destroy();
  }
}

async function runOnce(scheduler: Scheduler, job: string): Promise<void> {
  const r = await scheduler.runNow(job);
  if (r.status === 'skipped') throw new Error(`${job} not run: ${r.reason}`);
  console.log(`${r.job}: ${r.status} (run ${r.runId}) ${JSON.stringify(r.counts)}`);
  if (r.status === 'failed') throw new Error(r.error);
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
