import { describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { invalidBsn, validBsn } from './support/bsn.ts';
import { useDatabase } from './support/db.ts';
import { feedFile, jsonFile, ndjsonFile, type Row } from './support/files.ts';
import { TOWN, importTown, quarantineOf, signalsOf, townRows } from './support/fixture.ts';
import { allText, snapshot } from './support/snapshot.ts';

const row = (over: Row = {}): Row => ({
  source: 'woco',
  record_id: 'h-1',
  indicator: 'huurachterstand',
  observed_on: '2026-09-01',
  value: '3',
  bsn: TOWN.parentA,
  ...over,
});

describe.each(DIALECTS)('feed ingestion semantics (%s)', (dialect) => {
  const t = useDatabase(dialect);
  const ingest = (file: string) => ingestFeed(engineContext(t().db), file);

  describe('quarantine', () => {
    it('keeps bad rows with their row number, the masked raw row and a reason per broken rule; ingests the rest', async () => {
      const db = t().db;
      await importTown(db);
      const bad = invalidBsn(7);
      const counts = await ingest(
        feedFile([
          row({ record_id: 'ok-1' }),
          row({ record_id: 'bad-1', value: '-1' }),
          row({ record_id: 'ok-2', bsn: TOWN.childA }),
          row({ record_id: 'bad-2', indicator: 'inkomen', observed_on: '2026-02-30', bsn: bad, postcode: '9711AA', huisnummer: '1' }),
          row({ record_id: '', source: '', bsn: '', observed_on: '2027-01-01' }),
        ]),
      );
      expect(counts).toMatchObject({ read: 5, stored: 2, updated: 0, unchanged: 0, quarantined: 3, unlinked: 0 });
      expect((await signalsOf(db)).map((s) => s.record_id)).toEqual(['ok-1', 'ok-2']);
      const q = await quarantineOf(db);
      expect(q.map((e) => [e.kind, e.row_number, e.reasons.length])).toEqual([
        ['feed', 3, 1],
        ['feed', 5, 3],
        ['feed', 6, 4],
      ]);
      expect(q[0]!.reasons[0]).toMatch(/0 of meer/);
      expect(q[1]!.reasons.join(' ')).toMatch(/indicatorcatalogus.*bestaande datum.*elfproef/);
      expect(q[2]!.reasons.join(' ')).toMatch(/source is verplicht.*record_id is verplicht.*na de datum van inlezen.*bsn of een volledig adres/);
      expect(q[0]!.raw).toMatchObject({ source: 'woco', record_id: 'bad-1', value: '-1', bsn: '*********' });
      expect(q[1]!.raw).toMatchObject({ record_id: 'bad-2', indicator: 'inkomen', bsn: '*********', postcode: '9711AA' });
    });

    it('numbers JSON array rows by position and NDJSON rows by line', async () => {
      const db = t().db;
      await importTown(db);
      await ingest(jsonFile([row({ record_id: 'a' }), row({ record_id: 'b', value: 'x' }), 'not an object', [1]]));
      expect((await quarantineOf(db)).map((e) => [e.row_number, e.reasons])).toEqual([
        [2, ['value moet een getal zijn (zonder scheidingsteken voor duizendtallen)']],
        [3, ['element is geen JSON-object']],
        [4, ['element is geen JSON-object']],
      ]);
      await db.deleteFrom('quarantine').execute();
      await ingest(
        tempFile('f.ndjson', `${JSON.stringify(row({ record_id: 'c' }))}\n\n{"source": "x", broken\n${JSON.stringify(row({ record_id: 'd', value: -2 }))}\n`),
      );
      expect((await quarantineOf(db)).map((e) => [e.row_number, e.raw.record_id ?? e.raw.line, e.reasons])).toEqual([
        [3, '{"source": "x", broken', ['regel is geen geldige JSON']],
        [4, 'd', ['value moet 0 of meer zijn']],
      ]);
    });

    it('a JSON field that is an object or a list makes the row bad', async () => {
      await importTown(t().db);
      const counts = await ingest(
        jsonFile([
          { ...row(), value: [3] },
          { ...row({ record_id: 'h-2' }), source: { name: 'woco' } },
        ]),
      );
      expect(counts).toMatchObject({ stored: 0, quarantined: 2 });
    });

    it('a CSV row with more fields than the header is bad; fewer fields read as empty', async () => {
      await importTown(t().db);
      const text = `source,record_id,indicator,observed_on,value,bsn\nwoco,h-1,huurachterstand,2026-09-01,3,${TOWN.parentA},extra\nwoco,h-2,huurachterstand,2026-09-01,,${TOWN.parentA}\nwoco,h-3,ggz_zorg,2026-09-01\n`;
      expect(await ingest(tempFile('f.csv', text))).toMatchObject({ read: 3, stored: 1, quarantined: 2 });
    });

    it('stores no BSN anywhere in the database, valid or not, also not in quarantine', async () => {
      const db = t().db;
      await importTown(db, [...townRows(), { bsn: invalidBsn(20), birth_date: '1980-01-01', postcode: '9711AA', huisnummer: 1, wijk: 'Beijum' }]);
      const bad = invalidBsn(21);
      await ingest(
        feedFile([
          row({ record_id: 'ok' }),
          row({ record_id: 'unknown', bsn: TOWN.stranger }),
          row({ record_id: 'bad', bsn: bad }),
          row({ record_id: 'bad-value', value: 'x', bsn: TOWN.childA }),
          row({ record_id: 'shifted', bsn: '', postcode: TOWN.childB, huisnummer: 'x' }),
        ]),
      );
      await ingest(tempFile('f.ndjson', `{"source": "x", "bsn": "${TOWN.parentB}", broken\n`));
      await ingest(ndjsonFile([{ ...row({ record_id: 'n' }), bsn: Number(TOWN.single), value: -1 }]));
      const text = await allText(db);
      const plain = [...Object.values(TOWN), invalidBsn(20), bad];
      for (const bsn of plain) {
        expect(text).not.toContain(bsn);
        expect(text).not.toContain(bsn.replace(/^0/, ''));
      }
      expect((await quarantineOf(db)).length).toBeGreaterThanOrEqual(5);
    });
  });

  describe('idempotency and corrections', () => {
    it('the same file twice leaves the database as after the first time (ingest runs aside)', async () => {
      const db = t().db;
      await importTown(db);
      const file = feedFile([
        row({ record_id: 'a' }),
        row({ record_id: 'b', value: '' }),
        row({ record_id: 'c', value: '-5' }),
        row({ record_id: 'd', bsn: TOWN.stranger }),
      ]);
      const first = await ingest(file);
      expect(first).toMatchObject({ read: 4, stored: 3, updated: 0, unchanged: 0, quarantined: 1, unlinked: 1 });
      const after = await snapshot(db, { exclude: ['ingest_runs'] });
      const second = await ingest(file);
      expect(second).toMatchObject({ read: 4, stored: 0, updated: 0, unchanged: 3, quarantined: 1, unlinked: 1 });
      expect(await snapshot(db, { exclude: ['ingest_runs'] })).toEqual(after);
    });

    it('the same content in another format or spelling is unchanged', async () => {
      const db = t().db;
      await importTown(db);
      await ingest(
        feedFile([row({ value: '3.0' }), row({ record_id: 'o', bsn: '', postcode: '9711 aa', huisnummer: '01', indicator: 'overlastmelding', value: '' })]),
      );
      const after = await snapshot(db, { exclude: ['ingest_runs'] });
      expect(
        await ingest(
          jsonFile([
            { ...row(), value: 3 },
            { ...row({ record_id: 'o', indicator: 'overlastmelding' }), bsn: null, value: null, postcode: '9711AA', huisnummer: 1 },
          ]),
        ),
      ).toMatchObject({ unchanged: 2, stored: 0, updated: 0 });
      expect(await ingest(feedFile([row({ value: '3,0' })], ';'))).toMatchObject({ unchanged: 1 });
      expect(await snapshot(db, { exclude: ['ingest_runs'] })).toEqual(after);
    });

    it('different content replaces the stored signal, the last ingested wins whatever its observed_on', async () => {
      const db = t().db;
      await importTown(db);
      await ingest(feedFile([row({ observed_on: '2026-09-20', value: '3' })]));
      expect(await ingest(feedFile([row({ observed_on: '2026-01-01', value: '1' })]))).toMatchObject({ stored: 0, updated: 1, unchanged: 0 });
      expect(await signalsOf(db)).toMatchObject([{ record_id: 'h-1', observed_on: '2026-01-01', value: 1, household_key: '9711AA-1-' }]);
      // a correction may move the signal to another household, or make it unlinked
      expect(await ingest(feedFile([row({ observed_on: '2026-01-01', value: '1', bsn: TOWN.parentB })]))).toMatchObject({ updated: 1 });
      expect((await signalsOf(db))[0]!.household_key).toBe('9712BB-10-A');
      expect(await ingest(feedFile([row({ bsn: '', postcode: '1234AB', huisnummer: '1' })]))).toMatchObject({ updated: 1, unlinked: 1 });
      expect(await signalsOf(db)).toMatchObject([{ household_key: null, address_key: '1234AB-1-', bsn_hash: null, value: 3 }]);
      // a value that goes from present to empty is a change too
      expect(await ingest(feedFile([row({ bsn: '', postcode: '1234AB', huisnummer: '1', value: '' })]))).toMatchObject({ updated: 1 });
      expect((await signalsOf(db))[0]!.value).toBe(null);
    });

    it('the same key twice within one file: the later row wins', async () => {
      const db = t().db;
      await importTown(db);
      const counts = await ingest(
        feedFile([
          row({ value: '1' }),
          row({ record_id: 'x' }),
          row({ value: '4', observed_on: '2026-08-01' }),
          row({ value: '4', observed_on: '2026-08-01' }),
        ]),
      );
      expect(counts).toMatchObject({ read: 4, stored: 2, updated: 1, unchanged: 1 });
      expect((await signalsOf(db)).find((s) => s.record_id === 'h-1')).toMatchObject({ value: 4, observed_on: '2026-08-01' });
    });

    it('the same key far apart in one large file (across batches): the later row wins', async () => {
      const db = t().db;
      await importTown(db);
      const rows = Array.from({ length: 4500 }, (_, i) => row({ record_id: `r-${i}` }));
      rows.push(row({ record_id: 'r-10', value: '9' }));
      expect(await ingest(feedFile(rows))).toMatchObject({ read: 4501, stored: 4500, updated: 1 });
      expect((await signalsOf(db)).find((s) => s.record_id === 'r-10')!.value).toBe(9);
    });

    it('the key is (source, record_id): the same record_id from another source is another signal', async () => {
      const db = t().db;
      await importTown(db);
      expect(await ingest(feedFile([row(), row({ source: 'woco-zuid' }), row({ source: 'WOCO' })]))).toMatchObject({ stored: 3 });
    });

    it('a bad row never removes or changes a stored signal', async () => {
      const db = t().db;
      await importTown(db);
      await ingest(feedFile([row()]));
      const before = await signalsOf(db);
      const counts = await ingest(
        feedFile([row({ value: '-1' }), row({ indicator: 'onbekend' }), row({ bsn: invalidBsn(3) }), row({ observed_on: '2030-01-01' })]),
      );
      expect(counts).toMatchObject({ stored: 0, updated: 0, quarantined: 4 });
      expect(await signalsOf(db)).toEqual(before);
    });
  });

  describe('linking', () => {
    it('keeps unlinked signals and links them when a later registry makes them resolvable', async () => {
      const db = t().db;
      await importTown(db);
      const counts = await ingest(
        feedFile([
          row({ record_id: 'by-bsn', bsn: TOWN.stranger }),
          row({ record_id: 'by-address', bsn: '', postcode: '9999ZZ', huisnummer: '9', toevoeging: 'b' }),
          row({ record_id: 'linked' }),
        ]),
      );
      expect(counts).toMatchObject({ stored: 3, unlinked: 2 });
      const links = async () => Object.fromEntries((await signalsOf(db)).map((s) => [s.record_id, s.household_key]));
      expect(await links()).toEqual({ 'by-bsn': null, 'by-address': null, linked: '9711AA-1-' });
      await importTown(db, [
        ...townRows(),
        { bsn: TOWN.stranger, birth_date: '1990-01-01', postcode: '9999zz', huisnummer: 9, toevoeging: 'B', wijk: 'Nieuw' },
      ]);
      expect(await links()).toEqual({ 'by-bsn': '9999ZZ-9-B', 'by-address': '9999ZZ-9-B', linked: '9711AA-1-' });
    });

    it('unlinks signals when the person or the household leaves, and follows a person who moves', async () => {
      const db = t().db;
      await importTown(db);
      await ingest(
        feedFile([
          row({ record_id: 'parent' }),
          row({ record_id: 'child', bsn: TOWN.childB }),
          row({ record_id: 'addr', bsn: '', postcode: '9713CC', huisnummer: '5' }),
        ]),
      );
      const links = async () => Object.fromEntries((await signalsOf(db)).map((s) => [s.record_id, s.household_key]));
      expect(await links()).toEqual({ parent: '9711AA-1-', child: '9712BB-10-A', addr: '9713CC-5-' });
      const moved = townRows()
        .filter((p) => p.bsn !== TOWN.parentA && p.bsn !== TOWN.single)
        .map((p) => (p.bsn === TOWN.childB ? { ...p, postcode: '9711AA', huisnummer: 1, toevoeging: '' } : p));
      await importTown(db, moved);
      expect(await links()).toEqual({ parent: null, child: '9711AA-1-', addr: null });
      await importTown(db);
      expect(await links()).toEqual({ parent: '9711AA-1-', child: '9712BB-10-A', addr: '9713CC-5-' });
    });

    it('a signal with a bsn links only through that bsn, never through its address', async () => {
      const db = t().db;
      await importTown(db);
      const counts = await ingest(
        feedFile([
          row({ record_id: 'unknown-bsn', bsn: TOWN.stranger, postcode: '9711AA', huisnummer: '1' }),
          row({ record_id: 'other-address', bsn: TOWN.parentB, postcode: '9711AA', huisnummer: '1' }),
        ]),
      );
      expect(counts).toMatchObject({ stored: 2, unlinked: 1 });
      const s = await signalsOf(db);
      expect(s.map((x) => [x.record_id, x.household_key])).toEqual([
        ['other-address', '9712BB-10-A'],
        ['unknown-bsn', null],
      ]);
      // A later registry in which the bsn is known at another address links it there.
      await importTown(db, [...townRows(), { bsn: TOWN.stranger, birth_date: '2001-01-01', postcode: '9713CC', huisnummer: 5, wijk: 'Lewenborg' }]);
      expect((await signalsOf(db)).find((x) => x.record_id === 'unknown-bsn')!.household_key).toBe('9713CC-5-');
    });

    it('an address without a household stays unlinked even when a person of that postcode exists', async () => {
      await importTown(t().db);
      expect(
        await ingest(
          feedFile([
            row({ bsn: '', postcode: '9711AA', huisnummer: '1', toevoeging: 'A' }),
            row({ record_id: 'h-2', bsn: '', postcode: '9711AA', huisnummer: '2' }),
          ]),
        ),
      ).toMatchObject({ stored: 2, unlinked: 2 });
    });

    it('BSN of 8 digits in a feed links to the same person as its 9-digit form', async () => {
      const db = t().db;
      const eight = validBsn(1000).startsWith('0') ? validBsn(1000) : '012345672';
      await importTown(db, [...townRows(), { bsn: eight, birth_date: '1990-01-01', postcode: '1234AB', huisnummer: 1, wijk: 'X' }]);
      expect(await ingest(feedFile([row({ bsn: eight.slice(1) })]))).toMatchObject({ stored: 1, unlinked: 0 });
    });
  });
});
