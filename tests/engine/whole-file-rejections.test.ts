import { describe, expect, it } from 'vitest';
import { FileRejected } from '../../server/src/io/file-format.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { useDatabase } from './support/db.ts';
import { feedFile, FEED_HEADER, REGISTRY_HEADER, csvText } from './support/files.ts';
import { TOWN, importTown } from './support/fixture.ts';
import { snapshot } from './support/snapshot.ts';

const goodRow = { source: 'woco', record_id: 'h-9', indicator: 'huurachterstand', observed_on: '2026-09-01', value: '3', bsn: TOWN.parentA };
const feedText = csvText(FEED_HEADER, [goodRow]);
const good = JSON.stringify(goodRow);

// Each of these is rejected as a whole, even where it has good rows first.
const badFeeds: [string, string | Buffer][] = [
  ['an empty file', ''],
  ['only blank lines', '\n\n  \n'],
  ['binary content', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])],
  ['text that is not UTF-8', Buffer.from('source,record_id\n\xe9\xe9\xff\n', 'latin1')],
  ['plain prose', 'Beste collega,\nhierbij de lijst van deze maand.\nGroet, Jan\n'],
  ['a CSV without the indicator column', feedText.replace('indicator', 'indicatorr')],
  ['a CSV without observed_on', `source,record_id,indicator,value,bsn\nwoco,1,huurachterstand,3,${TOWN.parentA}\n`],
  ['a CSV with neither bsn nor a full address column', 'source,record_id,indicator,observed_on,postcode\nwoco,1,huurachterstand,2026-09-01,9711AA\n'],
  ['a header only, without required columns', 'foo;bar\n'],
  ['a CSV with an unterminated quote after good rows', `${feedText + csvText(FEED_HEADER, [goodRow]).split('\n')[1]!.replace('woco', '"woco')}\nx,y\n`],
  ['a truncated JSON array', `[${good},${good.replace('h-9', 'h-10')},{"source": "wo`],
  ['a JSON array with garbage after an element', `[${good}, nonsense]`],
];

describe.each(DIALECTS)('a file rejected as a whole stores nothing (%s)', (dialect) => {
  const t = useDatabase(dialect);

  it.each(badFeeds)('feed: %s', async (_name, content) => {
    const db = t().db;
    await importTown(db);
    await ingestFeed(
      engineContext(db),
      feedFile([
        { ...goodRow, record_id: 'h-1' },
        { ...goodRow, value: '-1' },
      ]),
    );
    const before = await snapshot(db, { exclude: ['ingest_runs'] });
    const runsBefore = await db.selectFrom('ingest_runs').selectAll().orderBy('id').execute();
    const file = tempFile('feed.csv', content);
    await expect(ingestFeed(engineContext(db), file)).rejects.toThrow(FileRejected);
    expect(await snapshot(db, { exclude: ['ingest_runs'] })).toEqual(before);
    // Only the attempt is on record, marked failed, with no counts.
    const runs = await db.selectFrom('ingest_runs').selectAll().orderBy('id').execute();
    expect(runs.slice(0, runsBefore.length)).toEqual(runsBefore);
    expect(runs.slice(runsBefore.length)).toEqual([
      expect.objectContaining({ status: 'failed', error: expect.any(String), read_rows: 0, stored: 0, quarantined: 0, kind: 'feed' }),
    ]);
  });

  it('feed: a file that does not exist', async () => {
    await expect(ingestFeed(engineContext(t().db), '/nonexistent/feed.csv')).rejects.toThrow(/kan .* niet openen/);
  });

  it.each([
    [
      'a CSV without the wijk column',
      csvText(
        REGISTRY_HEADER.filter((c) => c !== 'wijk'),
        [{ bsn: TOWN.parentA, birth_date: '1980-01-01', postcode: '9711AA', huisnummer: 1 }],
      ),
    ],
    [
      'a CSV without birth_date',
      csvText(
        REGISTRY_HEADER.filter((c) => c !== 'birth_date'),
        [{ bsn: TOWN.parentA, postcode: '9711AA', huisnummer: 1, wijk: 'X' }],
      ),
    ],
    ['binary content', Buffer.from([0, 1, 2, 3, 255, 254])],
    ['a truncated JSON array', `[{"bsn": "${TOWN.parentA}", "birth_date": "1980-01-01", "postcode": "9711AA", "huisnummer": 1, "wijk": "X"}, {"bsn"`],
  ])('registry: %s leaves the old registry in place', async (_name, content) => {
    const db = t().db;
    await importTown(db);
    await ingestFeed(engineContext(db), feedFile([goodRow]));
    const before = await snapshot(db, { exclude: ['ingest_runs'] });
    await expect(importRegistry(engineContext(db), tempFile('registry.csv', content))).rejects.toThrow(FileRejected);
    expect(await snapshot(db, { exclude: ['ingest_runs'] })).toEqual(before);
  });
});
