import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { migrateTo, migrateToLatest } from '../../server/src/db/migrate.ts';
import { insertSession } from '../../server/src/repositories/session-repository.ts';
import { insertUser } from '../../server/src/repositories/user-repository.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { FakeClock, resultOf, testScheduler } from './helpers.ts';

// Accounts nobody signs in with lose their access: the nightly job deactivates those not
// signed in for the configured number of days, ends their sessions and audits each one.

const NOW = '2026-10-02T00:30:00Z'; // 02:30 in Amsterdam: the nightly jobs' minute
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

describe.each(DIALECTS)('the nightly inactivity job (%s)', (dialect) => {
  let t: TestDatabase;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const users: [string, 'coordinator' | 'beheerder', string | null, string][] = [
      ['oud', 'coordinator', daysAgo(100), daysAgo(400)],
      ['recent', 'coordinator', daysAgo(10), daysAgo(400)],
      ['nooit', 'coordinator', null, daysAgo(120)],
      ['nieuw', 'coordinator', null, daysAgo(5)],
      ['enige-beheerder', 'beheerder', daysAgo(200), daysAgo(400)],
      // Made later (higher ids) but signed in longer ago or never: not the one kept.
      ['oude-beheerder', 'beheerder', daysAgo(300), daysAgo(400)],
      ['nooit-beheerder', 'beheerder', null, daysAgo(400)],
    ];
    for (const [username, role, last, created] of users) {
      ids[username] = (await insertUser(t.db, {
        username,
        role,
        password_hash: 'x',
        wijken: '[]',
        active: 1,
        created_at: created,
        updated_at: created,
        last_login_at: last,
      }))!;
    }
    await insertSession(t.db, { id: 'sessie-oud', user_id: ids.oud!, csrf_token: 'c', created_at: daysAgo(0.01), last_seen_at: daysAgo(0.01), ip: null });
  });
  afterAll(async () => t?.drop());

  const active = async () => (await t.db.selectFrom('users').select('username').where('active', '=', 1).orderBy('username').execute()).map((u) => u.username);

  it('reads MPG_INACTIVITY_DAYS (default 90) through the config module', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).inactivityDays).toBe(90);
    expect(loadConfig({ NODE_ENV: 'test', MPG_INACTIVITY_DAYS: '30' }).inactivityDays).toBe(30);
    expect(() => loadConfig({ NODE_ENV: 'test', MPG_INACTIVITY_DAYS: '0' })).toThrow(/MPG_INACTIVITY_DAYS/);
  });

  it('deactivates accounts not signed in for 90 days, ends their sessions, keeps the last beheerder, and audits each without names in its record', async () => {
    const clock = new FakeClock(NOW);
    const run = resultOf(await testScheduler(t.db, clock).tick(clock.now()), 'inactivity');
    expect(run).toMatchObject({ status: 'ok', counts: { deactivated: 4, keptLastBeheerder: 1 } });
    expect(JSON.stringify(run)).not.toMatch(/oud|nooit|beheerder/);
    expect(await active()).toEqual(['enige-beheerder', 'nieuw', 'recent']);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', ids.oud!).execute()).toHaveLength(0);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('event', '=', 'user_inactive_deactivated').orderBy('object_id').execute();
    expect(audit.map((a) => [a.object_id, a.outcome])).toEqual([
      ['enige-beheerder', 'failure'],
      ['nooit', 'success'],
      ['nooit-beheerder', 'success'],
      ['oud', 'success'],
      ['oude-beheerder', 'success'],
    ]);
    expect(audit.find((a) => a.object_id === 'nooit')!.detail).toBe(
      `nooit ingelogd (aangemaakt ${daysAgo(120).slice(0, 10)}), langer dan 90 dagen geleden; sessies beëindigd`,
    );
    expect(audit.find((a) => a.object_id === 'enige-beheerder')!.detail).toBe(
      `niet gedeactiveerd: laatste actieve beheerder (laatst ingelogd ${daysAgo(200).slice(0, 10)})`,
    );
    expect(audit.find((a) => a.object_id === 'oud')!.detail).toBe(
      `laatst ingelogd ${daysAgo(100).slice(0, 10)}, langer dan 90 dagen geleden; sessies beëindigd`,
    );
  });

  it('follows a shorter configured period', async () => {
    const clock = new FakeClock(new Date(Date.parse(NOW) + 86_400_000).toISOString());
    const run = resultOf(await testScheduler(t.db, clock, { inactivityDays: 7 }).tick(clock.now()), 'inactivity');
    expect(run).toMatchObject({ status: 'ok', counts: { deactivated: 1 } });
    expect(await active()).toEqual(['enige-beheerder', 'nieuw']);
  });
});

describe.each(DIALECTS)('upgrading an installation with accounts (%s)', (dialect) => {
  it('starts the inactivity period of every existing account at the upgrade', async () => {
    const t = await createTestDatabase(dialect, false);
    try {
      await migrateTo(t.db, '2026-12-05-0300-signal-marks-unique');
      const old = '2025-01-01T00:00:00.000Z';
      await t.db
        .insertInto('users')
        .values({ username: 'al-lang', role: 'coordinator', password_hash: 'x', wijken: '[]', active: 1, created_at: old, updated_at: old } as never)
        .execute();
      const before = Date.now();
      await migrateToLatest(t.db);
      const row = await t.db.selectFrom('users').select(['last_login_at', 'must_change_password']).executeTakeFirstOrThrow();
      expect(Date.parse(row.last_login_at!)).toBeGreaterThanOrEqual(before - 1000);
      expect(row.must_change_password).toBe(0);
    } finally {
      await t.drop();
    }
  });
});
