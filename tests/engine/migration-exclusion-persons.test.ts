import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/src/db/migrate.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';

// Migration 2026-12-05-0710 gives every exclusion the persons it is for; those made before
// it get the persons living at their household now, so they apply exactly as before.

const AT = '2026-10-01T08:00:00.000Z';

describe.each(DIALECTS)('exclusions get their persons (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it('fills the persons of earlier exclusions, lifted or not, from the registry at their household', async () => {
    t = await createTestDatabase(dialect, false);
    await migrateTo(t.db, '2026-12-05-0610-second-factor-lock');
    const db = t.db as any; // the schema before the migration
    const person = (bsn_hash: string, address_key: string) => ({ bsn_hash, birth_date: '1990-01-01', address_key, wijk: 'Beijum' });
    await db
      .insertInto('persons')
      .values([person('h-a1', '9711AA-1-'), person('h-a2', '9711AA-1-'), person('h-b1', '9711AA-2-')])
      .execute();
    const exclusion = (household_key: string, lifted_at: string | null) => ({
      household_key,
      ground: 'bezwaar',
      reason: 'Bezwaar toegekend',
      from_date: '2026-10-01',
      to_date: '2026-10-31',
      created_by: 'privacy',
      created_at: AT,
      lifted_at,
      lifted_by: lifted_at ? 'privacy' : null,
    });
    const ids: number[] = [];
    for (const x of [exclusion('9711AA-1-', null), exclusion('9711AA-2-', AT), exclusion('9799ZZ-9-', null)])
      ids.push((await db.insertInto('household_exclusions').values(x).returning('id').executeTakeFirstOrThrow()).id);

    await migrateToLatest(t.db);
    const rows = await t.db.selectFrom('household_exclusion_persons').selectAll().orderBy('exclusion_id').orderBy('bsn_hash').execute();
    expect(rows).toEqual([
      { exclusion_id: ids[0], bsn_hash: 'h-a1' },
      { exclusion_id: ids[0], bsn_hash: 'h-a2' },
      { exclusion_id: ids[1], bsn_hash: 'h-b1' },
    ]);
  });
});
