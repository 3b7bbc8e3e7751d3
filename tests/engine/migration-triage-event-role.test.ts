import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/src/db/migrate.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';

// Migration 2026-12-05-0113 keeps the role next to the username of every triage event;
// events recorded before it get the role their user has, or none when the user is gone.

const AT = '2026-10-01T08:00:00.000Z';

describe.each(DIALECTS)('triage events get their role (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it('fills the role of earlier events from their users', async () => {
    t = await createTestDatabase(dialect, false);
    await migrateTo(t.db, '2026-12-04-0500-audit-append-only');
    const db = t.db as any; // the schema before the migration
    const user = (username: string, role: string) => ({ username, role, password_hash: 'x', wijken: '[]', active: 1, created_at: AT, updated_at: AT });
    await db
      .insertInto('users')
      .values([user('coordinator', 'coordinator'), user('wijkteam', 'wijkteam')])
      .execute();
    const { id } = await db
      .insertInto('triage')
      .values({
        household_key: '9711AA-1-',
        episode_run_id: 1,
        wijk: 'Beijum',
        status: 'in_behandeling',
        assigned_to: null,
        outcome: null,
        created_at: AT,
        updated_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const event = (by: string) => ({
      triage_id: id,
      at: AT,
      by_user: by,
      kind: 'note',
      from_status: null,
      to_status: null,
      assigned_to: null,
      outcome: null,
      note: 'n',
    });
    await db
      .insertInto('triage_events')
      .values([event('wijkteam'), event('coordinator'), event('vertrokken')])
      .execute();

    await migrateToLatest(t.db);
    const rows = await t.db.selectFrom('triage_events').select(['by_user', 'by_role']).orderBy('id').execute();
    expect(rows).toEqual([
      { by_user: 'wijkteam', by_role: 'wijkteam' },
      { by_user: 'coordinator', by_role: 'coordinator' },
      { by_user: 'vertrokken', by_role: null },
    ]);
  });
});
