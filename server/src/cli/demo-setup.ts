import fs from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_RULE_SET } from '@vroegsignaal/shared';
import { DEMO_SOURCES, writeDemoCity } from '@vroegsignaal/data/demo-city';
import type { Clock } from '../core/clock.ts';
import { addDays, localDate } from '../core/dates.ts';
import { DEFAULT_DEADLINE_POLICY, DEMO_URGENT } from '../core/deadlines.ts';
import { scoredDates } from '../repositories/job-run-repository.ts';
import { countRows } from '../repositories/registry-repository.ts';
import { newestPublished } from '../repositories/rule-set-repository.ts';
import { findSource } from '../repositories/source-repository.ts';
import { pullJob, scoringJob, type SchedulerSettings } from '../scheduler/jobs.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import type { EngineContext } from '../services/context.ts';
import { importRegistry } from '../services/registry-import.ts';
import { storeRuleSet } from '../services/rule-sets.ts';
import { addSource, getSourceConfig, sourcePolicy } from '../services/sources.ts';

// `pnpm start` on a fresh clone: a synthetic city with a year of weekly
// deliveries and scoring runs, run through the same jobs as the live scheduler
// with the clock set back to each week, so the history looks as if it happened.

export interface DemoSetupOptions {
  demoDir: string;
  settings: SchedulerSettings;
  /** Weeks of history with a scoring run each. */
  weeks?: number;
  /** Weeks of deliveries before the first scoring run, so the history does not start from nothing. */
  warmUpWeeks?: number;
  seed?: number;
  log?: (message: string) => void;
}

export interface DemoSetupReport {
  generated: boolean;
  registryImported: boolean;
  sourcesAdded: number;
  weeksBackfilled: number;
  scoringRuns: number;
  backfillMs: number;
}

interface DemoManifest {
  asOf: string;
  weeks: number;
  firstWeek: string;
}

const WARM_UP_WEEKS = 13;

/** The demo marks rent arrears of four months or more urgent (3 days) unless the municipality configured its own. */
function withDemoDeadlines(ctx: EngineContext): EngineContext {
  const policy = ctx.deadlines ?? DEFAULT_DEADLINE_POLICY;
  return { ...ctx, deadlines: policy.urgent.length ? policy : { ...policy, urgent: DEMO_URGENT } };
}

export async function setUpDemo(engine: EngineContext, options: DemoSetupOptions): Promise<DemoSetupReport> {
  const ctx = withDemoDeadlines(engine);
  const log = options.log ?? (() => undefined);
  const { manifest, generated } = await ensureCity(ctx, options, log);
  const registryImported = await ensureRegistry(ctx, options.demoDir, log);
  const sourcesAdded = await ensureSources(ctx, options);
  if (!(await newestPublished(ctx.db))) await storeRuleSet({ ...ctx, actor: 'demo' }, DEFAULT_RULE_SET, true);
  const started = Date.now();
  const { weeks, scored } = await backfill(ctx, options, manifest, log);
  return { generated, registryImported, sourcesAdded, weeksBackfilled: weeks, scoringRuns: scored, backfillMs: Date.now() - started };
}

/** The last Sunday before today: the newest complete week of deliveries. */
export function lastWeekEnd(now: Date, timeZone: string): string {
  const today = localDate(now, timeZone);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, -(weekday === 0 ? 7 : weekday));
}

async function ensureCity(ctx: EngineContext, options: DemoSetupOptions, log: (m: string) => void) {
  const file = path.join(options.demoDir, 'manifest.json');
  const existing = await fs.readFile(file, 'utf8').catch(() => null);
  if (existing) return { manifest: JSON.parse(existing) as DemoManifest, generated: false };
  const asOf = lastWeekEnd(ctx.clock.now(), ctx.timeZone);
  const weeks = (options.weeks ?? 52) + (options.warmUpWeeks ?? WARM_UP_WEEKS);
  log(`demostad genereren in ${options.demoDir} (${weeks} weken tot en met ${asOf})…`);
  const result = await writeDemoCity(options.demoDir, { seed: options.seed ?? 2026, asOf, weeks });
  log(`demostad: ${result.registryRows} personen, ${result.deliveryFiles} leveringen, ${result.signalRows} signaalrijen`);
  return { manifest: JSON.parse(await fs.readFile(file, 'utf8')) as DemoManifest, generated: true };
}

async function ensureRegistry(ctx: EngineContext, demoDir: string, log: (m: string) => void): Promise<boolean> {
  if ((await countRows(ctx.db, 'households')) > 0) return false;
  const r = await importRegistry({ ...ctx, actor: 'demo' }, path.join(demoDir, 'registry.csv'));
  log(`basisregistratie: ${r.persons} personen in ${r.households} huishoudens`);
  return true;
}

async function ensureSources(ctx: EngineContext, { demoDir, settings }: DemoSetupOptions): Promise<number> {
  let added = 0;
  for (const s of DEMO_SOURCES) {
    if (await findSource(ctx.db, s.name)) continue;
    await addSource(
      ctx.db,
      ctx.clock,
      {
        name: s.name,
        indicators: [...s.indicators],
        folder: path.join(demoDir, 'drops', s.name),
        schedule: '*/5 * * * *',
        expectedIntervalDays: s.intervalDays,
      },
      sourcePolicy(settings),
    );
    added++;
  }
  return added;
}

/**
 * Each week not yet done: the deliveries of that week at Monday 05:00, the
 * scoring run at 06:00; the warm-up weeks before the history only deliver.
 */
async function backfill(ctx: EngineContext, options: DemoSetupOptions, manifest: DemoManifest, log: (m: string) => void) {
  const clock = new BackfillClock(ctx.clock);
  const engine: EngineContext = { ...ctx, clock, actor: 'scheduler', onProgress: undefined };
  const scheduler = new Scheduler({ engine, settings: options.settings });
  const done = await scoredDates(ctx.db);
  const sources = await Promise.all(DEMO_SOURCES.map((s) => getSourceConfig(ctx.db, s.name)));
  const all = Array.from({ length: manifest.weeks }, (_, i) => addDays(manifest.firstWeek, 7 * i));
  const firstScored = Math.max(0, manifest.weeks - (options.weeks ?? 52));
  const todo = all.map((week, i) => ({ week, score: i >= firstScored })).filter((w) => (w.score ? !done.has(addDays(w.week, 1)) : done.size === 0));
  for (const [i, { week, score }] of todo.entries()) {
    const monday = addDays(week, 1);
    clock.set(atLocalTime(monday, '05:00', ctx.timeZone));
    for (const source of sources) {
      const job = pullJob(engine, source, scheduler.pullDeps(), { assumeComplete: true, only: (name) => name <= `${week}.csv` });
      const r = await scheduler.runner.run(job, { tick: null, trigger: 'backfill' });
      if (r.status !== 'ok') log(`let op: ${source.name} week ${week}: ${r.status === 'failed' ? r.error : r.reason}`);
    }
    clock.set(atLocalTime(monday, '06:00', ctx.timeZone));
    if (score) await scheduler.runner.run(scoringJob(engine, options.settings.scoringCron), { tick: null, trigger: 'backfill' });
    if ((i + 1) % 4 === 0 || i === todo.length - 1) log(`historie: week ${i + 1} van ${todo.length} (${week})`);
  }
  await scheduler.stop();
  return { weeks: todo.length, scored: todo.filter((w) => w.score).length };
}

/** Runs from a set moment at real speed, never past the real now, so durations look real. */
class BackfillClock implements Clock {
  private anchor = 0;
  private since = Date.now();
  constructor(private readonly real: Clock) {}
  set(at: Date): void {
    this.anchor = at.getTime();
    this.since = Date.now();
  }
  now(): Date {
    return new Date(Math.min(this.anchor + (Date.now() - this.since), this.real.now().getTime()));
  }
}

/** The instant a wall-clock time on a date is in a time zone (daylight saving included). */
export function atLocalTime(date: string, time: string, timeZone: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(guess);
  const offset = new Date(`${shown.replace(' ', 'T')}Z`).getTime() - guess.getTime();
  return new Date(guess.getTime() - offset);
}
