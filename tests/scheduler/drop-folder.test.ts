import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { addSource } from '../../server/src/services/sources.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext } from '../helpers/engine.ts';
import { FEED_HEADER, FakeClock, TEST_POLICY, feedCsv, jobRuns, listDir, resultOf, tempDir, testScheduler } from './helpers.ts';

describe.each(DIALECTS)('a drop-folder source (%s)', (dialect) => {
  let t: TestDatabase;
  const clock = new FakeClock('2026-10-01T10:00:00Z');
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importRegistry(engineContext(t.db), path.join(EXAMPLE_DIR, 'registry.csv'));
  });
  afterAll(async () => t?.drop());

  async function folderSource(name: string, extra: object = {}) {
    const folder = tempDir();
    await addSource(t.db, clock, { name, indicators: ['huurachterstand', 'overlastmelding'], folder, schedule: '* * * * *', ...extra }, TEST_POLICY);
    return folder;
  }
  const signals = async (source: string) =>
    Number(
      (
        await t.db
          .selectFrom('signals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('source', '=', source)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('ingests a finished file on the second look and only then moves it to processed/', async () => {
    const folder = await folderSource('woco-a');
    fs.writeFileSync(path.join(folder, 'week-40.csv'), feedCsv('woco-a', 5));
    fs.writeFileSync(path.join(folder, 'half.csv.part'), feedCsv('woco-a', 3, 'p'));
    fs.writeFileSync(path.join(folder, 'vroegsignaal.sqlite'), 'not a delivery');
    const scheduler = testScheduler(t.db, clock);
    const first = resultOf(await scheduler.tick(clock.advanceMinutes(1)), 'pull:woco-a');
    expect(first).toMatchObject({ job: 'pull:woco-a', status: 'ok', counts: { files: 0, waiting: 1 } });
    expect(await signals('woco-a')).toBe(0);
    const second = resultOf(await scheduler.tick(clock.advanceMinutes(1)), 'pull:woco-a');
    expect(second).toMatchObject({ status: 'ok', counts: { files: 1, read: 5, stored: 5, waiting: 0 } });
    expect(await signals('woco-a')).toBe(5);
    expect(listDir(folder)).toEqual(['half.csv.part', 'processed', 'vroegsignaal.sqlite']);
    expect(listDir(path.join(folder, 'processed'))).toEqual(['week-40.csv']);
    const ingest = await t.db.selectFrom('ingest_runs').select(['source_name', 'started_by']).where('file_name', '=', 'week-40.csv').execute();
    expect(ingest).toEqual([{ source_name: 'woco-a', started_by: 'scheduler' }]);
    await scheduler.stop();
  });

  it('does not pick up a file that is still growing', async () => {
    const folder = await folderSource('woco-b');
    const file = path.join(folder, 'delivery.csv');
    const content = feedCsv('woco-b', 6);
    const cut = content.indexOf('\n', content.length / 2) + 1;
    fs.writeFileSync(file, content.slice(0, cut));
    const scheduler = testScheduler(t.db, clock);
    await scheduler.tick(clock.advanceMinutes(1));
    fs.appendFileSync(file, content.slice(cut));
    const growing = resultOf(await scheduler.tick(clock.advanceMinutes(1)), 'pull:woco-b');
    expect(growing).toMatchObject({ counts: { files: 0, waiting: 1 } });
    const done = resultOf(await scheduler.tick(clock.advanceMinutes(1)), 'pull:woco-b');
    expect(done).toMatchObject({ counts: { files: 1, read: 6, stored: 6 } });
    await scheduler.stop();
  });

  it('changes nothing when the same delivery comes twice', async () => {
    const folder = await folderSource('woco-c');
    const scheduler = testScheduler(t.db, clock);
    for (const name of ['first.csv', 'again.csv']) {
      fs.writeFileSync(path.join(folder, name), feedCsv('woco-c', 4));
      await scheduler.tick(clock.advanceMinutes(1));
      await scheduler.tick(clock.advanceMinutes(1));
    }
    fs.writeFileSync(path.join(folder, 'first.csv'), feedCsv('woco-c', 4));
    await scheduler.tick(clock.advanceMinutes(1));
    const last = resultOf(await scheduler.tick(clock.advanceMinutes(1)), 'pull:woco-c');
    expect(last).toMatchObject({ counts: { files: 1, read: 4, stored: 0, updated: 0, unchanged: 4 } });
    expect(await signals('woco-c')).toBe(4);
    expect(listDir(path.join(folder, 'processed'))).toHaveLength(3);
    expect(listDir(path.join(folder, 'processed'))).toContain('first.csv');
    await scheduler.stop();
  });

  it('moves a rejected file to failed/ with the reason, and records the failed run', async () => {
    const folder = await folderSource('woco-d');
    fs.writeFileSync(path.join(folder, 'broken.csv'), 'source,record_id,observed_on\nwoco-d,1,2026-09-01\n');
    fs.writeFileSync(path.join(folder, 'good.csv'), feedCsv('woco-d', 2));
    const scheduler = testScheduler(t.db, clock);
    await scheduler.tick(clock.advanceMinutes(1));
    const run = resultOf(await scheduler.tick(clock.advanceMinutes(1)), 'pull:woco-d');
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/^broken\.csv geweigerd: .*indicator/), counts: { files: 1, failedFiles: 1 } });
    expect(listDir(path.join(folder, 'failed'))).toEqual(['broken.csv', 'broken.csv.error.txt']);
    expect(fs.readFileSync(path.join(folder, 'failed', 'broken.csv.error.txt'), 'utf8')).toMatch(/indicator/);
    expect(listDir(path.join(folder, 'processed'))).toEqual(['good.csv']);
    const [row] = (await jobRuns(t.db, 'pull:woco-d')).filter((r) => r.outcome === 'failed');
    expect(row!.error).toMatch(/broken\.csv geweigerd: het bestand mist .*bsn \(of postcode en huisnummer\)/);
    await scheduler.stop();
  });

  it('leaves a file in place when its ingest does not commit', async () => {
    const folder = await folderSource('woco-e');
    fs.writeFileSync(path.join(folder, 'delivery.csv'), feedCsv('woco-e', 3));
    const scheduler = testScheduler(t.db, clock);
    await scheduler.tick(clock.advanceMinutes(1));
    // A database failure halfway through the transaction (not a problem of the file).
    await t.db.schema.alterTable('signals').renameTo('signals_away').execute();
    try {
      const run = resultOf(await scheduler.tick(clock.advanceMinutes(1)), 'pull:woco-e');
      expect(run).toMatchObject({ status: 'failed' });
    } finally {
      await t.db.schema
        .alterTable('signals_away' as 'signals')
        .renameTo('signals')
        .execute();
    }
    expect(listDir(folder)).toEqual(['delivery.csv']);
    expect(await signals('woco-e')).toBe(0);
    const again = resultOf(await scheduler.tick(clock.advanceMinutes(1)), 'pull:woco-e');
    expect(again).toMatchObject({ status: 'ok', counts: { files: 1, stored: 3 } });
    await scheduler.stop();
  });

  it("applies the source's column mapping and quarantines indicators it may not deliver", async () => {
    const folder = await folderSource('meldpunt-x', {
      indicators: ['overlastmelding'],
      columnMapping: { melding_id: 'record_id', soort: 'indicator', datum: 'observed_on', pc: 'postcode', nr: 'huisnummer' },
    });
    const csv = [
      'source;melding_id;soort;datum;pc;nr',
      'meldpunt-x;m1;overlastmelding;2026-09-01;9711AA;1',
      'meldpunt-x;m2;huurachterstand;2026-09-02;9711AA;1',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(folder, 'export.csv'), csv);
    const scheduler = testScheduler(t.db, clock);
    await scheduler.tick(clock.advanceMinutes(1));
    const run = resultOf(await scheduler.tick(clock.advanceMinutes(1)), 'pull:meldpunt-x');
    expect(run).toMatchObject({ status: 'ok', counts: { read: 2, stored: 1, quarantined: 1 } });
    const q = await t.db.selectFrom('quarantine').select(['reasons']).where('source', '=', 'meldpunt-x').execute();
    expect(q).toHaveLength(1);
    expect(q[0]!.reasons).toMatch(/huurachterstand mag deze bron niet leveren/);
    await scheduler.stop();
  });

  it('is not pulled while disabled', async () => {
    const folder = await folderSource('woco-f', { enabled: false });
    fs.writeFileSync(path.join(folder, 'x.csv'), `${FEED_HEADER}\n`);
    const scheduler = testScheduler(t.db, clock);
    const results = await scheduler.tick(clock.advanceMinutes(1));
    expect(results.map((r) => r.job)).not.toContain('pull:woco-f');
    await scheduler.stop();
  });
});
