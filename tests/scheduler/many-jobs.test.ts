import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { addSource } from '../../server/src/services/sources.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext } from '../helpers/engine.ts';
import { FakeClock, TEST_POLICY, feedCsv, tempDir, testScheduler } from './helpers.ts';

// More jobs due in one minute than the PostgreSQL pool has connections: each job
// holds one for its lock and needs another for its work, so they must not all
// start at once (they hung before the runner capped how many run together).

const SOURCES = 14;

describe.each(DIALECTS)('a minute with many jobs due (%s)', (dialect) => {
  let t: TestDatabase;
  const clock = new FakeClock('2026-10-01T10:00:00Z');
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importRegistry(engineContext(t.db), path.join(EXAMPLE_DIR, 'registry.csv'));
  });
  afterAll(async () => t?.drop());

  it(`runs all ${SOURCES} pulls of one tick to the end`, async () => {
    for (let i = 0; i < SOURCES; i++) {
      const folder = tempDir();
      fs.writeFileSync(path.join(folder, 'week.csv'), feedCsv(`bron-${i}`, 3));
      await addSource(t.db, clock, { name: `bron-${i}`, indicators: ['huurachterstand', 'overlastmelding'], folder, schedule: '* * * * *' }, TEST_POLICY);
    }
    const scheduler = testScheduler(t.db, clock);
    await scheduler.tick(clock.advanceMinutes(1));
    const results = await scheduler.tick(clock.advanceMinutes(1));
    await scheduler.stop();
    const pulls = results.filter((r) => r.job.startsWith('pull:'));
    expect(pulls).toHaveLength(SOURCES);
    expect(pulls.every((r) => r.status === 'ok' && r.counts.stored === 3)).toBe(true);
  }, 60_000);
});
