import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/src/db/migrate.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';

// Migration 2026-12-05-1100 allows one mark in force per signal and role: marks made before
// it stay in force, a beheerder may now mark a signal the privacy officer marked, and a
// second mark of the same role on one signal is still refused by the database.

const mark = (marked_role: string, lifted_at: string | null = null) => ({
  source: 'woco-noord',
  record_id: 'h-1',
  reason: 'Onjuiste regel',
  marked_by: marked_role,
  marked_role,
  marked_at: '2026-10-01T08:00:00.000Z',
  lifted_at,
  lifted_by: lifted_at ? marked_role : null,
});

describe.each(DIALECTS)('one mark in force per signal and role (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it('keeps the marks made before it, takes another role’s mark on the same signal, and refuses a second of the same role', async () => {
    t = await createTestDatabase(dialect, false);
    await migrateTo(t.db, '2026-12-05-0710-exclusion-persons');
    const db = t.db as any; // the schema before the migration
    await db
      .insertInto('signal_marks')
      .values([mark('privacy'), mark('beheerder', '2026-10-02T08:00:00.000Z')])
      .execute();
    await expect(db.insertInto('signal_marks').values(mark('beheerder')).execute()).rejects.toThrow();

    await migrateToLatest(t.db);
    await t.db.insertInto('signal_marks').values(mark('beheerder')).execute();
    await expect(t.db.insertInto('signal_marks').values(mark('beheerder')).execute()).rejects.toThrow();
    const active = await t.db.selectFrom('signal_marks').select('marked_role').where('lifted_at', 'is', null).orderBy('marked_role').execute();
    expect(active).toEqual([{ marked_role: 'beheerder' }, { marked_role: 'privacy' }]);
  });
});
