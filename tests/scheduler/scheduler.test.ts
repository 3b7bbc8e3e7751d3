import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../shared/src/index.ts';
import { JobRunner, type JobSpec } from '../../server/src/scheduler/job-runner.ts';
import { createJobLock } from '../../server/src/scheduler/lock.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext } from '../helpers/engine.ts';
import { FakeClock, deferred, jobRuns, testScheduler } from './helpers.ts';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(DIALECTS)('the scheduler with a fake clock (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const ctx = engineContext(t.db);
    await importRegistry(ctx, path.join(EXAMPLE_DIR, 'registry.csv'));
    await storeRuleSet(ctx, DEFAULT_RULE_SET, true);
  });
  afterAll(async () => t?.drop());

  it('runs the weekly scoring at Monday 06:00 Amsterdam time, once per tick, and records it', async () => {
    // 2026-11-30 is a Monday; 06:00 in Amsterdam (CET) is 05:00 UTC.
    const clock = new FakeClock('2026-11-30T04:59:00Z');
    const scheduler = testScheduler(t.db, clock);
    expect((await scheduler.tick(clock.now())).map((r) => r.job)).toEqual([]);
    const [run] = await scheduler.tick(clock.advanceMinutes(1));
    expect(run).toMatchObject({ job: 'scoring', status: 'ok' });
    const again = await scheduler.tick(new Date('2026-11-30T05:00:40Z'));
    expect(again).toEqual([{ job: 'scoring', status: 'skipped', reason: 'already run for this tick' }]);
    expect(await scheduler.tick(clock.advanceMinutes(1))).toEqual([]);
    const runs = await jobRuns(t.db, 'scoring');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ tick: '2026-11-30T05:00:00.000Z', trigger: 'schedule', outcome: 'ok', error: null });
    expect(JSON.parse(runs[0]!.counts!)).toMatchObject({ scoringRunId: expect.any(Number), flags: expect.any(Number) });
    const scoring = await t.db.selectFrom('scoring_runs').select(['as_of', 'started_by']).execute();
    expect(scoring).toEqual([{ as_of: '2026-11-30', started_by: 'scheduler' }]);
    await scheduler.stop();
  });

  it('follows a configured scoring schedule and daylight saving time', async () => {
    // In summer (CEST) 06:00 Amsterdam is 04:00 UTC.
    const clock = new FakeClock('2026-06-01T04:00:00Z');
    const scheduler = testScheduler(t.db, clock, { scoringCron: '0 6 * * 1' });
    expect((await scheduler.tick(clock.now())).map((r) => r.job)).toEqual(['scoring']);
    const daily = testScheduler(t.db, clock, { scoringCron: '15 7 * * *' });
    expect(await daily.tick(clock.set('2026-06-02T05:14:00Z'))).toEqual([]);
    expect((await daily.tick(clock.set('2026-06-02T05:15:00Z'))).map((r) => r.job)).toEqual(['scoring']);
    await scheduler.stop();
    await daily.stop();
  });

  it('records a failing job with its error text', async () => {
    const clock = new FakeClock('2026-12-07T05:00:00Z');
    const scheduler = testScheduler(t.db, clock);
    await t.db.updateTable('rule_sets').set({ status: 'draft' }).execute();
    try {
      const [run] = await scheduler.tick(clock.now());
      expect(run).toMatchObject({ job: 'scoring', status: 'failed', error: expect.stringMatching(/nog geen gepubliceerde regelset/) });
      const [row] = await jobRuns(t.db, 'scoring').then((r) => r.filter((x) => x.tick === '2026-12-07T05:00:00.000Z'));
      expect(row).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/nog geen gepubliceerde regelset/) });
      expect(row!.finished_at).not.toBeNull();
    } finally {
      await t.db.updateTable('rule_sets').set({ status: 'published' }).execute();
      await scheduler.stop();
    }
  });

  it('does not start a job again while it is still running', async () => {
    const clock = new FakeClock('2026-10-01T10:00:00Z');
    const runner = new JobRunner({ db: t.db, clock, holder: 'test:1', logger: silent, lock: createJobLock(t.db, clock, 'test:1') });
    const gate = deferred();
    let started = 0;
    const slow: JobSpec = {
      name: 'slow',
      sourceName: null,
      cron: '* * * * *',
      run: async () => {
        started++;
        await gate.promise;
        return { done: 1 };
      },
    };
    const first = runner.run(slow, { tick: '2026-10-01T10:00:00.000Z', trigger: 'schedule' });
    await waitFor(() => started === 1);
    expect(await runner.run(slow, { tick: '2026-10-01T10:01:00.000Z', trigger: 'schedule' })).toEqual({
      job: 'slow',
      status: 'skipped',
      reason: 'still running',
    });
    gate.resolve();
    expect(await first).toMatchObject({ status: 'ok', counts: { done: 1 } });
    expect(await runner.run(slow, { tick: '2026-10-01T10:02:00.000Z', trigger: 'schedule' })).toMatchObject({ status: 'ok' });
    expect(started).toBe(2);
    expect((await jobRuns(t.db, 'slow')).map((r) => r.tick)).toEqual(['2026-10-01T10:00:00.000Z', '2026-10-01T10:02:00.000Z']);
  });

  it('lets only one holder of the database lock run a job', async () => {
    const clock = new FakeClock('2026-10-01T11:00:00Z');
    const runnerOf = (holder: string) => new JobRunner({ db: t.db, clock, holder, logger: silent, lock: createJobLock(t.db, clock, holder) });
    const [a, b] = [runnerOf('host-a:1'), runnerOf('host-b:2')];
    const gate = deferred();
    let started = 0;
    const job: JobSpec = {
      name: 'locked',
      sourceName: null,
      cron: '* * * * *',
      run: async () => {
        started++;
        await gate.promise;
        return {};
      },
    };
    const first = a.run(job, { tick: '2026-10-01T11:00:00.000Z', trigger: 'schedule' });
    await waitFor(() => started === 1);
    expect(await b.run(job, { tick: '2026-10-01T11:01:00.000Z', trigger: 'schedule' })).toEqual({
      job: 'locked',
      status: 'skipped',
      reason: 'locked by another process',
    });
    gate.resolve();
    await first;
    expect(await b.run(job, { tick: '2026-10-01T11:01:00.000Z', trigger: 'schedule' })).toMatchObject({ status: 'ok' });
    expect((await jobRuns(t.db, 'locked')).map((r) => r.holder)).toEqual(['host-a:1', 'host-b:2']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}
