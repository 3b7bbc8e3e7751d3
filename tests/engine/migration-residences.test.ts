import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/src/core/clock.ts';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { migrateTo, migrateToLatest } from '../../server/src/db/migrate.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { engineContext, tempFile, TEST_BSN_KEY } from '../helpers/engine.ts';
import { validBsn } from './support/bsn.ts';

// Migrations 2026-12-05-0700 and 0701: everyone in the registry at the migration lived at
// their address "since before the first registry" (null); access requests keep their rows
// and withheld notes while household_key becomes nullable (SQLite rebuilds the table).

const BEFORE = '2026-12-05-0610-second-factor-lock';
const AT = '2026-10-01T08:00:00.000Z';
const hash = createPseudonymizer(TEST_BSN_KEY);

describe.each(DIALECTS)('residences and request scope migrations (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it('gives the persons already registered an open residence without a start, and keeps requests and their withheld notes', async () => {
    t = await createTestDatabase(dialect, false);
    await migrateTo(t.db, BEFORE);
    const db = t.db as any; // the schema before the migrations
    await db
      .insertInto('persons')
      .values([
        { bsn_hash: hash(validBsn(1)), birth_date: '1985-01-01', address_key: '9711AA-1-', wijk: 'Beijum' },
        { bsn_hash: hash(validBsn(2)), birth_date: '2014-01-01', address_key: '9711AA-1-', wijk: 'Beijum' },
      ])
      .execute();
    const request = {
      household_key: '9711AA-1-',
      identified_by: 'bsn',
      received_on: '2026-10-01',
      deadline: '2026-11-01',
      extension_reason: null,
      status: 'open',
      created_by: 'privacy',
      created_at: AT,
      closed_at: null,
    };
    const { id } = await db.insertInto('access_requests').values(request).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('access_request_withheld').values({ request_id: id, triage_event_id: 7, ground: 'Rechten van anderen' }).execute();

    await migrateToLatest(t.db);
    const residences = await t.db.selectFrom('residences').select(['bsn_hash', 'address_key', 'since', 'until']).orderBy('bsn_hash').execute();
    expect(residences).toEqual([hash(validBsn(1)), hash(validBsn(2))].sort().map((h) => ({ bsn_hash: h, address_key: '9711AA-1-', since: null, until: null })));
    expect(await t.db.selectFrom('access_requests').selectAll().execute()).toEqual([{ ...request, id, scope_from: null }]);
    expect(await t.db.selectFrom('access_request_withheld').selectAll().execute()).toEqual([
      { request_id: id, triage_event_id: 7, ground: 'Rechten van anderen' },
    ]);
    // A request without a household can be stored now; the withheld notes still need a request.
    const { id: next } = await t.db
      .insertInto('access_requests')
      .values({ ...request, household_key: null, scope_from: null } as any)
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next).toBe(id + 1);
    await expect(t.db.insertInto('access_request_withheld').values({ request_id: 999, triage_event_id: 1, ground: 'x' }).execute()).rejects.toThrow();

    // A registry existed before: a newcomer in the next import starts on its date.
    const file = tempFile(
      'registry.csv',
      `bsn,birth_date,postcode,huisnummer,toevoeging,wijk\n${validBsn(1)},1985-01-01,9711AA,1,,Beijum\n${validBsn(3)},1990-01-01,9711AA,1,,Beijum\n`,
    );
    await importRegistry(engineContext(t.db, fixedClock('2026-10-05T08:00:00Z')), file);
    const rows = await t.db.selectFrom('residences').select(['bsn_hash', 'since', 'until']).execute();
    expect(rows.find((r) => r.bsn_hash === hash(validBsn(3)))).toEqual({ bsn_hash: hash(validBsn(3)), since: '2026-10-05T08:00:00.000Z', until: null });
    expect(rows.find((r) => r.bsn_hash === hash(validBsn(2)))).toEqual({ bsn_hash: hash(validBsn(2)), since: null, until: '2026-10-05T08:00:00.000Z' });

    // A request covers residences; the link goes down with 0701.
    const residence = await t.db
      .selectFrom('residences')
      .select('id')
      .where('bsn_hash', '=', hash(validBsn(3)))
      .executeTakeFirstOrThrow();
    await t.db.insertInto('access_request_residences').values({ request_id: id, residence_id: residence.id }).execute();
    await expect(t.db.insertInto('access_request_residences').values({ request_id: 999, residence_id: residence.id }).execute()).rejects.toThrow();

    // And back: the request without a household cannot exist before 0701 and goes; the other stays.
    await migrateTo(t.db, BEFORE);
    expect(await db.selectFrom('access_requests').select('id').execute()).toEqual([{ id }]);
    expect(await db.selectFrom('access_request_withheld').select('request_id').execute()).toEqual([{ request_id: id }]);
  });
});
