import { describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { useDatabase } from './support/db.ts';
import { feedFile, jsonFile, ndjsonFile } from './support/files.ts';
import { TOWN, importTown, signalsOf } from './support/fixture.ts';

// The same three signals, written every way the contract allows.
const expected = (t: { parentA: string }) => [
  {
    source: 'leerplicht',
    record_id: 'l-1',
    indicator: 'schoolverzuim',
    observed_on: '2026-09-10',
    value: 20.5,
    address_key: null,
    household_key: '9711AA-1-',
    bsn: t.parentA,
  },
  {
    source: 'meldpunt',
    record_id: 'o-1',
    indicator: 'overlastmelding',
    observed_on: '2026-09-01',
    value: null,
    address_key: '9712BB-10-A',
    household_key: '9712BB-10-A',
    bsn: null,
  },
  {
    source: 'woco',
    record_id: 'h-1',
    indicator: 'huurachterstand',
    observed_on: '2026-08-01',
    value: 3,
    address_key: '9713CC-5-',
    household_key: '9713CC-5-',
    bsn: null,
  },
];

describe.each(DIALECTS)('feed file formats (%s)', (dialect) => {
  const t = useDatabase(dialect);

  async function ingest(file: string) {
    const db = t().db;
    await importTown(db);
    const counts = await ingestFeed(engineContext(db), file);
    const hash = engineContext(db).pseudonymize;
    const want = expected(TOWN).map(({ bsn, ...s }) => ({ ...s, bsn_hash: bsn ? hash(bsn) : null }));
    return { counts, got: await signalsOf(db), want };
  }

  it('reads a comma CSV', async () => {
    const file = feedFile([
      { source: 'leerplicht', record_id: 'l-1', indicator: 'schoolverzuim', observed_on: '2026-09-10', value: '20.5', bsn: TOWN.parentA },
      { source: 'meldpunt', record_id: 'o-1', indicator: 'overlastmelding', observed_on: '2026-09-01', postcode: '9712 bb', huisnummer: '10', toevoeging: 'a' },
      { source: 'woco', record_id: 'h-1', indicator: 'huurachterstand', observed_on: '2026-08-01', value: '3', postcode: '9713CC', huisnummer: '005' },
    ]);
    const { counts, got, want } = await ingest(file);
    expect(counts).toMatchObject({ read: 3, stored: 3, updated: 0, unchanged: 0, quarantined: 0, unlinked: 0 });
    expect(got).toEqual(want);
  });

  it('reads a semicolon CSV with a BOM, CRLF line ends and decimal commas', async () => {
    const text =
      '\uFEFFsource;record_id;indicator;observed_on;value;bsn;postcode;huisnummer;toevoeging\r\n' +
      `leerplicht;l-1;schoolverzuim;2026-09-10;20,5;${TOWN.parentA};;;\r\n` +
      'meldpunt;o-1;overlastmelding;2026-09-01;;;9712BB;10;A\r\n' +
      'woco;h-1;huurachterstand;2026-08-01;"3,0";;9713CC;5;\r\n';
    const { counts, got, want } = await ingest(tempFile('feed.csv', text));
    expect(counts).toMatchObject({ read: 3, stored: 3, quarantined: 0 });
    expect(got).toEqual(want);
  });

  it('takes columns in any order, in any case, ignores unknown columns, trims spaces and skips empty lines', async () => {
    const text =
      ' Huisnummer , OPMERKING ,Value, Record_ID ,source,observed_on,indicator,postcode,toevoeging,bsn,naam\n' +
      '\n' +
      `, vrij tekst ,  20.5 , l-1 , leerplicht , 2026-09-10 , schoolverzuim ,,, ${TOWN.parentA} ,Jansen\n` +
      '   \n' +
      '10,,, o-1,meldpunt,2026-09-01,overlastmelding, 9712BB ,A,,\n' +
      '5,,3,h-1,woco,2026-08-01,huurachterstand,9713CC,,,\n' +
      '\n\n';
    const { counts, got, want } = await ingest(tempFile('feed.csv', text));
    expect(counts).toMatchObject({ read: 3, stored: 3, quarantined: 0 });
    expect(got).toEqual(want);
  });

  it('reads RFC 4180 quoting: delimiters, quotes and line breaks inside fields', async () => {
    const db = t().db;
    await importTown(db);
    const text =
      'source,record_id,indicator,observed_on,value,bsn,postcode,huisnummer,toevoeging\n' +
      `"woco, noord","h-""1""",huurachterstand,2026-08-01,"3",${TOWN.parentA},,,\n` +
      `"meld\npunt","o;1",overlastmelding,"2026-09-01",,,"9712BB","10","A"\n` +
      `woco,h-2,huurachterstand,2026-08-01," 4 ",${TOWN.parentA},,,\n`;
    const counts = await ingestFeed(engineContext(db), tempFile('feed.csv', text));
    expect(counts).toMatchObject({ read: 3, stored: 3, quarantined: 0 });
    const got = await signalsOf(db);
    expect(got.map((s) => [s.source, s.record_id, s.value, s.household_key])).toEqual([
      ['meld\npunt', 'o;1', null, '9712BB-10-A'],
      ['woco', 'h-2', 4, '9711AA-1-'],
      ['woco, noord', 'h-"1"', 3, '9711AA-1-'],
    ]);
  });

  it('reads a semicolon CSV with quoted semicolons and a decimal comma in quotes', async () => {
    const db = t().db;
    await importTown(db);
    const text = `source;record_id;indicator;observed_on;value;bsn\n"a;b";"x;1";schoolverzuim;2026-09-10;"16,25";${TOWN.childA}\n`;
    expect(await ingestFeed(engineContext(db), tempFile('feed.csv', text))).toMatchObject({ stored: 1, quarantined: 0 });
    expect((await signalsOf(db))[0]).toMatchObject({ source: 'a;b', record_id: 'x;1', value: 16.25 });
  });

  const jsonRows = () => [
    { source: 'leerplicht', record_id: 'l-1', indicator: 'schoolverzuim', observed_on: '2026-09-10', value: 20.5, bsn: Number(TOWN.parentA), postcode: null },
    {
      source: 'meldpunt',
      record_id: 'o-1',
      indicator: 'overlastmelding',
      observed_on: '2026-09-01',
      value: null,
      bsn: null,
      postcode: '9712 bb',
      huisnummer: 10,
      toevoeging: 'a',
    },
    {
      Source: ' woco ',
      RECORD_ID: 'h-1',
      indicator: 'huurachterstand',
      observed_on: '2026-08-01',
      value: '3',
      postcode: '9713CC',
      huisnummer: '5',
      extra: { nested: true },
    },
  ];

  it('reads a JSON array: null and missing are empty, numbers as JSON numbers or strings', async () => {
    const { counts, got, want } = await ingest(jsonFile(jsonRows()));
    expect(counts).toMatchObject({ read: 3, stored: 3, quarantined: 0 });
    expect(got).toEqual(want);
  });

  it('reads a pretty-printed JSON array with a BOM', async () => {
    const { counts, got, want } = await ingest(tempFile('feed.json', `\uFEFF${JSON.stringify(jsonRows(), null, 2)}`));
    expect(counts).toMatchObject({ read: 3, stored: 3, quarantined: 0 });
    expect(got).toEqual(want);
  });

  it('reads NDJSON, skipping empty lines', async () => {
    const text = `${jsonRows()
      .map((r) => JSON.stringify(r))
      .join('\n\n')}\n`;
    const { counts, got, want } = await ingest(tempFile('feed.ndjson', text));
    expect(counts).toMatchObject({ read: 3, stored: 3, quarantined: 0 });
    expect(got).toEqual(want);
  });

  it('reads a BSN of 8 digits as a JSON number (its leading zero lost)', async () => {
    const db = t().db;
    // 012345672 passes the elfproef
    await importTown(db, [{ bsn: '012345672', birth_date: '1980-01-01', postcode: '9711AA', huisnummer: 1, wijk: 'Beijum' }]);
    const file = ndjsonFile([{ source: 's', record_id: '1', indicator: 'ggz_zorg', observed_on: '2026-09-01', bsn: 12345672 }]);
    expect(await ingestFeed(engineContext(db), file)).toMatchObject({ stored: 1, unlinked: 0 });
    expect((await signalsOf(db))[0]!.household_key).toBe('9711AA-1-');
  });

  it('reads a JSON value written with an exponent', async () => {
    const db = t().db;
    await importTown(db);
    const file = jsonFile([
      { source: 's', record_id: '1', indicator: 'huurachterstand', observed_on: '2026-09-01', value: 1e-7, bsn: TOWN.parentA },
      { source: 's', record_id: '2', indicator: 'huurachterstand', observed_on: '2026-09-01', value: 2.5e1, bsn: TOWN.parentA },
    ]);
    expect(await ingestFeed(engineContext(db), file)).toMatchObject({ stored: 2, quarantined: 0 });
    expect((await signalsOf(db)).map((s) => s.value)).toEqual([1e-7, 25]);
  });
});
