import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJobRun, finishJobRun } from '../../server/src/repositories/job-run-repository.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { applyRetention } from '../../server/src/services/retention.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext, tempFile } from '../helpers/engine.ts';
import { FEED_HEADER, FakeClock, jobRuns, resultOf, testScheduler } from './helpers.ts';

const row = (id: string, observedOn: string) => `retention-test,${id},huurachterstand,${observedOn},3,,9711AA,1,`;

describe.each(DIALECTS)('the nightly retention job (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importRegistry(engineContext(t.db), path.join(EXAMPLE_DIR, 'registry.csv'));
  });
  afterAll(async () => t?.drop());

  it('deletes signals observed over 730 days ago and quarantine over 90 days old, and records only counts', async () => {
    // Today is 2026-10-02 in Amsterdam; 730 days back is 2024-10-02.
    const old = [
      FEED_HEADER,
      row('a', '2024-09-30'),
      row('b', '2024-10-01'),
      row('c', '2024-10-02'),
      row('d', '2026-05-01'),
      'retention-test,bad1,huurachterstand,not-a-date,3,,9711AA,1,',
    ];
    await ingestFeed(engineContext(t.db, new FakeClock('2026-06-01T10:00:00Z')), tempFile('old.csv', `${old.join('\n')}\n`));
    const recent = [FEED_HEADER, 'retention-test,bad2,huurachterstand,2026-13-01,3,,9711AA,1,'];
    await ingestFeed(engineContext(t.db, new FakeClock('2026-09-30T10:00:00Z')), tempFile('recent.csv', `${recent.join('\n')}\n`));

    for (const startedAt of ['2025-10-01T00:00:00.000Z', '2025-10-03T00:00:00.000Z']) {
      const id = await claimJobRun(t.db, { job: 'pull:old', sourceName: null, tick: startedAt, trigger: 'schedule', startedAt, holder: 'h' });
      await finishJobRun(t.db, id!, { outcome: 'ok', finishedAt: startedAt, counts: {}, error: null });
    }
    const clock = new FakeClock('2026-10-02T00:30:00Z'); // 02:30 in Amsterdam (CEST)
    const scheduler = testScheduler(t.db, clock);
    const run = resultOf(await scheduler.tick(clock.now()), 'retention');
    expect(run).toMatchObject({
      status: 'ok',
      counts: { signalsDeleted: 2, quarantineDeleted: 1, jobRunsDeleted: 1, signalsBefore: '2024-10-02', quarantineBefore: '2026-07-04T00:30:00.000Z' },
    });
    const left = await t.db.selectFrom('signals').select('record_id').where('source', '=', 'retention-test').orderBy('record_id').execute();
    expect(left.map((s) => s.record_id)).toEqual(['c', 'd']);
    const quarantine = await t.db.selectFrom('quarantine').select('created_at').orderBy('created_at').execute();
    // Left: the bad row of recent.csv and the example registry's rejected row.
    expect(quarantine.map((q) => q.created_at)).toEqual(['2026-09-30T10:00:00.000Z', '2026-10-01T10:00:00.000Z']);
    const [recorded] = await jobRuns(t.db, 'retention');
    expect(recorded!.counts).not.toMatch(/9711|huurachterstand/);
    expect(resultOf(await scheduler.tick(clock.advanceMinutes(60 * 24)), 'retention')).toMatchObject({
      status: 'ok',
      counts: { signalsDeleted: 1, quarantineDeleted: 0 },
    });
    await scheduler.stop();
  });

  it('follows the configured retention', async () => {
    const clock = new FakeClock('2026-10-05T00:30:00Z');
    const scheduler = testScheduler(t.db, clock, { retentionDays: 30 });
    const run = resultOf(await scheduler.tick(clock.now()), 'retention');
    expect(run).toMatchObject({ status: 'ok', counts: { signalsDeleted: 1, signalsBefore: '2026-09-05' } });
    await scheduler.stop();
  });

  it('also deletes the replaced versions of old signals, kept as the evidence of flags', async () => {
    const feed = (value: number) =>
      [FEED_HEADER, ...['2026-03-01', '2026-09-01'].map((d, i) => `retention-test,v${i},huurachterstand,${d},${value},,9711AA,1,`)].join('\n');
    await ingestFeed(engineContext(t.db, new FakeClock('2026-09-20T08:00:00Z')), tempFile('v.csv', `${feed(3)}\n`));
    await ingestFeed(engineContext(t.db, new FakeClock('2026-09-21T08:00:00Z')), tempFile('v.csv', `${feed(4)}\n`));
    const versions = async () =>
      (await t.db.selectFrom('signal_versions').select(['record_id', 'value']).orderBy('record_id').execute()).map((v) => [v.record_id, Number(v.value)]);
    expect(await versions()).toEqual([
      ['v0', 3],
      ['v1', 3],
    ]);
    const result = await applyRetention(engineContext(t.db, new FakeClock('2026-10-02T00:30:00Z')), {
      retentionDays: 200,
      quarantineRetentionDays: 90,
      auditRetentionDays: 1826,
    });
    expect(result.signalsBefore).toBe('2026-03-16');
    expect(result.versionsDeleted).toBe(1);
    expect(await versions()).toEqual([['v1', 3]]);
  });
});
