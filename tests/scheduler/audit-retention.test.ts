import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { FakeClock, jobRuns, resultOf, testScheduler } from './helpers.ts';

// The audit log is append-only in the database itself: UPDATE is refused, DELETE is
// refused for entries inside the retention period, and the nightly retention job
// deletes only what is past it and records how many.

const DAY = 86_400_000;
const NOW = '2026-10-02T00:30:00Z'; // the job's tick: 02:30 in Amsterdam
const daysAgo = (n: number, from = 0) => new Date(Date.parse(NOW) + from * DAY - n * DAY).toISOString();
const AGES = { a: 2000, b: 1700, c: 1000, d: 1 };

/** A statement as any other client of the database would send it. */
async function onOwnConnection(statement: string, url = currentUrl): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
let currentUrl = '';

describe.each(DIALECTS)('the audit log is append-only (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    currentUrl = t.url;
    await t.db
      .insertInto('audit_log')
      .values(Object.entries(AGES).map(([name, age]) => ({ at: daysAgo(age), event: 'login', username: name, outcome: 'success' as const })))
      .execute();
  });
  afterAll(async () => t?.drop());

  const left = async () =>
    (await t.db.selectFrom('audit_log').select('username').where('event', '=', 'login').orderBy('username').execute()).map((r) => r.username);
  // Each run on a later night: the scheduler runs a job once per tick.
  let night = 0;
  const retention = async (auditRetentionDays: number) => {
    const clock = new FakeClock(daysAgo(-night++));
    const scheduler = testScheduler(t.db, clock, { auditRetentionDays });
    const run = resultOf(await scheduler.tick(clock.now()), 'retention');
    await scheduler.stop();
    return run;
  };

  it('refuses every UPDATE of an entry, old or new', async () => {
    await expect(t.db.updateTable('audit_log').set({ username: 'iemand anders' }).where('username', '=', 'd').execute()).rejects.toThrow(/append-only/);
    await expect(t.db.updateTable('audit_log').set({ outcome: 'failure' }).where('username', '=', 'a').execute()).rejects.toThrow(/append-only/);
    expect(await left()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses deleting a recent entry, or all of them', async () => {
    await expect(t.db.deleteFrom('audit_log').where('username', '=', 'd').execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres') await expect(onOwnConnection('truncate audit_log')).rejects.toThrow(/append-only/);
    expect(await left()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('the retention job deletes only entries past the configured period and records the count', async () => {
    expect(await retention(1500)).toMatchObject({ status: 'ok', counts: { auditDeleted: 2, auditBefore: daysAgo(1500) } });
    expect(await left()).toEqual(['c', 'd']);
    const [recorded] = await jobRuns(t.db, 'retention');
    expect(JSON.parse(recorded!.counts!)).toMatchObject({ auditDeleted: 2 });
    expect(await retention(1826)).toMatchObject({ status: 'ok', counts: { auditDeleted: 0, auditBefore: daysAgo(1826, 1) } });
    expect(await left()).toEqual(['c', 'd']);
  });

  it('keeps the longest period applied: it cannot be shortened to delete entries inside it', async () => {
    // c is 1000 days old: past a shorter period, but inside the 1826 days applied before.
    await expect(t.db.deleteFrom('audit_log').where('username', '=', 'c').execute()).rejects.toThrow(/append-only/);
    await expect(t.db.updateTable('audit_retention').set({ days: 30 }).execute()).rejects.toThrow(/may only grow/);
    await expect(t.db.deleteFrom('audit_retention').execute()).rejects.toThrow(/cannot be deleted|may only grow/);
    expect(await retention(30)).toMatchObject({ status: 'ok', counts: { auditDeleted: 0, auditBefore: daysAgo(1826, 2) } });
    expect(await left()).toEqual(['c', 'd']);
    expect((await t.db.selectFrom('audit_retention').select('days').executeTakeFirstOrThrow()).days).toBe(1826);
  });
});
