import { describe, expect, it } from 'vitest';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { invalidBsn, validBsn } from './support/bsn.ts';
import { useDatabase } from './support/db.ts';
import { jsonFile, registryFile, type Row } from './support/files.ts';
import { TOWN, importTown, quarantineOf, townRows } from './support/fixture.ts';
import { allText } from './support/snapshot.ts';

const person = (n: number, over: Row = {}): Row => ({ bsn: validBsn(n), birth_date: '1980-01-01', postcode: '9711AA', huisnummer: 1, wijk: 'Beijum', ...over });

describe.each(DIALECTS)('registry import (%s)', (dialect) => {
  const t = useDatabase(dialect);
  const households = async () =>
    Object.fromEntries(
      (await t().db.selectFrom('households').select(['address_key', 'wijk', 'persons']).execute()).map((h) => [h.address_key, [h.wijk, Number(h.persons)]]),
    );

  it('counts persons, households and rejected rows, and builds address keys', async () => {
    const result = await importTown(t().db, [...townRows(), person(50, { bsn: invalidBsn(50) })]);
    expect(result).toMatchObject({ read: 6, persons: 5, households: 3, rejected: 1 });
    expect(await households()).toEqual({ '9711AA-1-': ['Beijum', 2], '9712BB-10-A': ['Vinkhuizen', 2], '9713CC-5-': ['Lewenborg', 1] });
  });

  it('replaces the whole registry: persons absent from the new snapshot are gone', async () => {
    const db = t().db;
    await importTown(db);
    expect(await importTown(db, [person(60, { postcode: '1234AB' })])).toMatchObject({ persons: 1, households: 1 });
    expect(await households()).toEqual({ '1234AB-1-': ['Beijum', 1] });
    expect(await db.selectFrom('persons').selectAll().execute()).toHaveLength(1);
  });

  it('an empty snapshot empties the registry', async () => {
    await importTown(t().db);
    expect(await importTown(t().db, [])).toMatchObject({ persons: 0, households: 0, rejected: 0 });
  });

  it('a bsn that appears twice in one file is an error for both rows, also in its 8-digit form', async () => {
    const db = t().db;
    const eight = '012345672';
    const result = await importTown(db, [
      person(70),
      person(71),
      person(70, { wijk: 'Elders' }),
      person(0, { bsn: eight }),
      person(0, { bsn: '12345672', postcode: '9999ZZ' }),
      person(72, { birth_date: 'x' }),
      person(72),
    ]);
    expect(result).toMatchObject({ read: 7, persons: 1, rejected: 6 });
    const q = await quarantineOf(db);
    expect(q.map((e) => [e.row_number, e.reasons.join('; ')])).toEqual([
      [2, 'bsn appears more than once in the file'],
      [4, 'bsn appears more than once in the file'],
      [5, 'bsn appears more than once in the file'],
      [6, 'bsn appears more than once in the file'],
      [7, 'birth_date moet een bestaande datum zijn (JJJJ-MM-DD)'],
      [8, 'bsn appears more than once in the file'],
    ]);
  });

  it('keeps rejected rows in quarantine without the bsn', async () => {
    const db = t().db;
    const bad = invalidBsn(80);
    await importTown(db, [person(80, { bsn: bad }), person(81, { birth_date: '2030-01-01', naam: 'Jansen' }), person(82, { postcode: validBsn(83) })]);
    const q = await quarantineOf(db);
    expect(q.map((e) => e.kind)).toEqual(['registry', 'registry', 'registry']);
    expect(q[0]!.raw).toMatchObject({ bsn: '*********', birth_date: '1980-01-01', wijk: 'Beijum' });
    const text = await allText(db);
    for (const b of [bad, validBsn(81), validBsn(82), validBsn(83)]) expect(text).not.toContain(b);
    expect(text).not.toContain('Jansen');
  });

  it("a household's wijk is the one most of its persons have", async () => {
    await importTown(t().db, [
      person(1, { wijk: 'Zuid' }),
      person(2, { wijk: 'Oost' }),
      person(3, { wijk: 'Oost' }),
      person(4, { wijk: 'Zuid', huisnummer: 2 }),
    ]);
    expect(await households()).toEqual({ '9711AA-1-': ['Oost', 3], '9711AA-2-': ['Zuid', 1] });
  });

  it('a tie goes to the first wijk in byte order of the UTF-8 names, not in any locale order', async () => {
    await importTown(t().db, [
      person(1, { wijk: 'Één' }),
      person(2, { wijk: 'Zuid' }), // 'Z' (5A) < 'É' (C3 89)
      person(3, { wijk: 'Één', huisnummer: 2 }),
      person(4, { wijk: 'Zuid', huisnummer: 2 }),
      person(5, { wijk: 'Oost', huisnummer: 2 }),
      person(6, { wijk: 'oost', huisnummer: 3 }),
      person(7, { wijk: 'Zuid', huisnummer: 3 }), // 'Z' (5A) < 'o' (6F)
      person(8, { wijk: 'Noord', huisnummer: 4 }),
      person(9, { wijk: 'Één', huisnummer: 4 }),
      person(10, { wijk: 'Één', huisnummer: 4 }),
      person(11, { wijk: 'B', huisnummer: 5 }),
      person(12, { wijk: 'a', huisnummer: 5 }),
    ]);
    expect(await households()).toEqual({
      '9711AA-1-': ['Zuid', 2],
      '9711AA-2-': ['Oost', 3],
      '9711AA-3-': ['Zuid', 2],
      '9711AA-4-': ['Één', 3],
      '9711AA-5-': ['B', 2],
    });
  });

  it('trims the wijk and reads JSON snapshots too', async () => {
    const result = await importRegistry(
      engineContext(t().db),
      jsonFile([
        { bsn: TOWN.parentA, birth_date: '1980-01-01', postcode: '9711 aa', huisnummer: 1, toevoeging: null, wijk: '  Beijum ' },
        { bsn: Number(TOWN.childA), birth_date: '2015-01-01', postcode: '9711AA', huisnummer: '1', wijk: 'Beijum' },
      ]),
    );
    expect(result).toMatchObject({ persons: 2, households: 1, rejected: 0 });
    expect(await households()).toEqual({ '9711AA-1-': ['Beijum', 2] });
  });

  it('reads a semicolon CSV registry', async () => {
    const result = await importRegistry(engineContext(t().db), registryFile(townRows(), ';'));
    expect(result).toMatchObject({ persons: 5, households: 3, rejected: 0 });
  });
});
