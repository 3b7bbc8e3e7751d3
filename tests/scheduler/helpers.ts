import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../server/src/core/clock.ts';
import type { Db } from '../../server/src/db/connection.ts';
import { Scheduler } from '../../server/src/scheduler/scheduler.ts';
import type { SchedulerSettings } from '../../server/src/scheduler/jobs.ts';
import { sourcePolicy } from '../../server/src/services/sources.ts';
import { engineContext } from '../helpers/engine.ts';

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  private at: number;
  constructor(iso: string) {
    this.at = new Date(iso).getTime();
  }
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): Date {
    this.at = new Date(iso).getTime();
    return this.now();
  }
  advanceMinutes(minutes: number): Date {
    this.at += minutes * 60_000;
    return this.now();
  }
}

export const TEST_SETTINGS: SchedulerSettings = {
  scoringCron: '0 6 * * 1',
  retentionCron: '30 2 * * *',
  retentionDays: 730,
  quarantineRetentionDays: 90,
  auditRetentionDays: 1826,
  pullRetries: 2,
  pullRetryBaseMs: 10,
  pullTimeoutMs: 5000,
  // The temporary folders of the tests, and the HTTP test servers on 127.0.0.1.
  dropRoot: os.tmpdir(),
  pullAllowedHosts: [{ host: '127.0.0.1', port: null }],
};

/** Where sources of the scheduler tests may point. */
export const TEST_POLICY = sourcePolicy(TEST_SETTINGS);

export function testScheduler(db: Db, clock: Clock, overrides: Partial<SchedulerSettings> = {}, holder?: string): Scheduler {
  return new Scheduler({ engine: { ...engineContext(db, clock), actor: 'scheduler' }, settings: { ...TEST_SETTINGS, ...overrides }, holder });
}

export function tempDir(prefix = 'vs-sched-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function listDir(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

export const FEED_HEADER = 'source,record_id,indicator,observed_on,value,bsn,postcode,huisnummer,toevoeging';

/** A delivery of `rows` huurachterstand rows for addresses of the worked example. */
export function feedCsv(source: string, rows: number, prefix = 'r'): string {
  const lines = [FEED_HEADER];
  for (let i = 1; i <= rows; i++)
    lines.push(`${source},${prefix}-${i},huurachterstand,2026-09-${String((i % 28) + 1).padStart(2, '0')},${(i % 4) + 1},,9711AA,${i},`);
  return `${lines.join('\n')}\n`;
}

export async function jobRuns(db: Db, job?: string) {
  let q = db.selectFrom('job_runs').selectAll().orderBy('id');
  if (job) q = q.where('job', '=', job);
  return q.execute();
}

export function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The result of one job among those a tick ran. */
export function resultOf<T extends { job: string }>(results: T[], job: string): T | undefined {
  return results.find((r) => r.job === job);
}
