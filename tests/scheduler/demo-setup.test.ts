import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SOURCES } from '../../data/src/demo-city.ts';
import { setUpDemo, lastWeekEnd, atLocalTime } from '../../server/src/cli/demo-setup.ts';
import { sourcesWithHealth } from '../../server/src/services/source-health.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { FakeClock, TEST_SETTINGS, jobRuns, listDir, tempDir } from './helpers.ts';

describe('demo set-up dates', () => {
  it('backfills up to the last Sunday before today, at local wall-clock times', () => {
    expect(lastWeekEnd(new Date('2026-11-25T12:00:00Z'), 'Europe/Amsterdam')).toBe('2026-11-22');
    expect(lastWeekEnd(new Date('2026-11-22T12:00:00Z'), 'Europe/Amsterdam')).toBe('2026-11-15');
    expect(lastWeekEnd(new Date('2026-11-22T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-11-22');
    expect(atLocalTime('2026-11-30', '06:00', 'Europe/Amsterdam').toISOString()).toBe('2026-11-30T05:00:00.000Z');
    expect(atLocalTime('2026-06-01', '06:00', 'Europe/Amsterdam').toISOString()).toBe('2026-06-01T04:00:00.000Z');
  });
});

describe.each(DIALECTS)('the demo city set-up of `start` (%s)', (dialect) => {
  let t: TestDatabase;
  const demoDir = path.join(tempDir('vs-demo-'), 'demo');
  const clock = new FakeClock('2026-11-25T12:00:00Z');
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.drop();
    fs.rmSync(path.dirname(demoDir), { recursive: true, force: true });
  });

  it('generates the city, configures its sources and backfills weekly deliveries and scoring runs, once', async () => {
    const ctx = { ...engineContext(t.db, clock), actor: 'cli' };
    const report = await setUpDemo(ctx, { demoDir, settings: TEST_SETTINGS, weeks: 3, warmUpWeeks: 1 });
    expect(report).toMatchObject({ generated: true, registryImported: true, sourcesAdded: DEMO_SOURCES.length, weeksBackfilled: 4, scoringRuns: 3 });

    const scoring = await t.db.selectFrom('scoring_runs').select(['as_of', 'started_at', 'flags']).orderBy('as_of').execute();
    expect(scoring.map((r) => [r.as_of, r.started_at.slice(0, 16)])).toEqual([
      ['2026-11-09', '2026-11-09T05:00'],
      ['2026-11-16', '2026-11-16T05:00'],
      ['2026-11-23', '2026-11-23T05:00'],
    ]);
    const pulls = (await jobRuns(t.db)).filter((r) => r.job.startsWith('pull:'));
    expect(pulls.filter((r) => r.started_at.startsWith('2026-11-02T04:00'))).toHaveLength(DEMO_SOURCES.length); // the warm-up week
    expect(pulls.every((r) => r.outcome === 'ok' && r.trigger === 'backfill')).toBe(true);
    expect(new Set(pulls.map((r) => r.job)).size).toBe(DEMO_SOURCES.length);
    for (const s of DEMO_SOURCES) {
      const folder = path.join(demoDir, 'drops', s.name);
      expect(listDir(folder)).toEqual(['processed']);
      expect(listDir(path.join(folder, 'processed')).at(-1)).toBe('2026-11-22.csv');
    }
    const health = await sourcesWithHealth(t.db, clock);
    expect(health.map((h) => h.health.lastDeliveryAt?.slice(0, 10))).toEqual(DEMO_SOURCES.map(() => '2026-11-23'));
    expect(health.filter((h) => h.health.status === 'red')).toEqual([]);

    const again = await setUpDemo(ctx, { demoDir, settings: TEST_SETTINGS, weeks: 3, warmUpWeeks: 1 });
    expect(again).toMatchObject({ generated: false, registryImported: false, sourcesAdded: 0, weeksBackfilled: 0, scoringRuns: 0 });
    expect(await t.db.selectFrom('scoring_runs').select('id').execute()).toHaveLength(3);
  });
});
