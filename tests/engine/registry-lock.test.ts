import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRegistryLock } from '../../server/src/db/registry-lock.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { engineContext, EXAMPLE_DIR } from '../helpers/engine.ts';
import { seedExample, TestClock } from '../api/support/fixture.ts';

// A scoring run compares when residents came (the start of the registry import that saw
// them) with when the previous run started, so a run must see every import that started
// before it. On PostgreSQL the two run side by side unless they take turns: while a
// registry import holds the lock, a run waits, and it takes its start instant only once
// it may go. (SQLite lets one writer at a time, and both begin by writing.)

describe('the registry import and the scoring run take turns (postgres)', () => {
  let t: TestDatabase;
  const clock = new TestClock(Date.parse('2026-10-09T08:00:00Z'));
  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    await seedExample(t, clock, engineContext(t.db, clock));
  });
  afterAll(async () => t?.drop());

  const runs = async () => (await t.db.selectFrom('scoring_runs').select('id').execute()).length;

  for (const [name, start] of [
    ['a scoring run', () => scoreAsOf(engineContext(t.db, clock), '2026-10-15')],
    ['a registry import', () => importRegistry(engineContext(t.db, clock), `${EXAMPLE_DIR}/registry.csv`)],
  ] as const) {
    it(`${name} waits while another holds the lock, and starts when it may go`, async () => {
      let release!: () => void;
      let holding = false;
      const held = withRegistryLock(t.db, async () => {
        holding = true;
        await new Promise<void>((done) => {
          release = done;
        });
      });
      await expect.poll(() => holding).toBe(true);
      const before = { runs: await runs(), imports: await t.db.selectFrom('ingest_runs').select('id').execute() };
      let finished = false;
      const work = start().then((r) => {
        finished = true;
        return r;
      });
      await sleep(400);
      expect(finished).toBe(false);
      expect(await runs()).toBe(before.runs);
      expect(await t.db.selectFrom('ingest_runs').select('id').execute()).toEqual(before.imports);
      clock.advance(60_000); // the import under way takes a minute
      const released = clock.now().toISOString();
      release();
      await held;
      const { runId } = await work;
      const table = name === 'a scoring run' ? 'scoring_runs' : 'ingest_runs';
      const row = await t.db.selectFrom(table).select('started_at').where('id', '=', runId).executeTakeFirstOrThrow();
      expect(row.started_at).toBe(released);
    });
  }
});
