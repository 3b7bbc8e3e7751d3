import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BsnSequence, corruptBsn } from '../../data/src/bsn.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';

// A feed large enough (> 4 MiB) to be read on the worker thread, with every kind
// of row: new, unchanged, corrected, bad, linked by bsn or address, unlinked.
// Whichever path ingests it (worker hashing and linking with the configured key,
// or the main thread doing so for a caller's own key; the plain-CSV reader or
// csv-parse for a quoted file), counts and stored signals must be the same.

const HOUSEHOLDS = 200;
const bsns = new BsnSequence(7);
const personBsn = (h: number, p: number) => bsns.at(h * 3 + p);
const postcode = (h: number) => `${1000 + Math.floor(h / 20)}AB`;

function registryCsv(): string {
  const lines = ['bsn,birth_date,postcode,huisnummer,toevoeging,wijk'];
  for (let h = 0; h < HOUSEHOLDS; h++) {
    lines.push(`${personBsn(h, 0)},1980-01-01,${postcode(h)},${(h % 20) + 1},,Noord`);
    lines.push(`${personBsn(h, 1)},2015-06-01,${postcode(h)},${(h % 20) + 1},,Noord`);
  }
  return `${lines.join('\n')}\n`;
}

interface Expected {
  read: number;
  stored: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  unlinked: number;
}

/** The feed and the counts it must give; `quoted` puts quotes around one field so csv-parse reads it. */
function feedCsv(quoted: boolean): { text: string; expected: Expected } {
  const lines = ['source,record_id,indicator,observed_on,value,bsn,postcode,huisnummer,toevoeging,note'];
  const e: Expected = { read: 0, stored: 0, updated: 0, unchanged: 0, quarantined: 0, unlinked: 0 };
  const pad = 'x'.repeat(40);
  for (let i = 0; i < 60_000; i++) {
    const h = i % HOUSEHOLDS;
    const kind = i % 10;
    e.read++;
    if (kind === 9) {
      lines.push(`woco,bad-${i},huurachterstand,2026-02-30,3,${corruptBsn(personBsn(h, 0))},,,,${pad}`);
      e.quarantined++;
    } else if (kind === 8) {
      lines.push(`politie,a-${i},overlastmelding,2026-09-0${1 + (i % 9)},,,${postcode(h).slice(0, 4)} ab,${(h % 20) + 1},,${pad}`);
      e.stored++;
    } else if (kind === 7) {
      lines.push(`politie,u-${i},overlastmelding,2026-09-01,,,9999ZZ,1,,${pad}`);
      e.stored++;
      e.unlinked++;
    } else if (kind === 6) {
      lines.push(`ggz,x-${i},ggz_zorg,2026-08-01,,${bsns.at(100_000 + i)},,,,${pad}`);
      e.stored++;
      e.unlinked++;
    } else {
      lines.push(`woco,r-${i},huurachterstand,2026-09-01,${kind},${personBsn(h, kind % 2)},,,,${pad}`);
      e.stored++;
    }
  }
  // Repeats far apart: the same content changes nothing, other content replaces.
  for (let i = 0; i < 6_000; i += 10) {
    lines.push(`woco,r-${i},huurachterstand,2026-09-01,0,${personBsn(i % HOUSEHOLDS, 0)},,,,${pad}`);
    lines.push(`woco,r-${i + 1},huurachterstand,2026-09-02,5,${personBsn((i + 1) % HOUSEHOLDS, 1)},,,,${pad}`);
    e.read += 2;
    e.unchanged++;
    e.updated++;
  }
  if (quoted) lines[1] = lines[1]!.replace(/,x{40}$/, ',"quoted, note"');
  return { text: `${lines.join('\r\n')}\r\n`, expected: e };
}

describe.each(DIALECTS)('a large feed on every ingest path (%s)', (dialect) => {
  const plain = feedCsv(false);
  const plainFile = tempFile('big.csv', plain.text);
  const quotedFile = tempFile('big-quoted.csv', feedCsv(true).text);
  const registryFile = tempFile('registry.csv', registryCsv());
  const dbs: TestDatabase[] = [];
  beforeAll(() => expect(fs.statSync(plainFile).size).toBeGreaterThan(4 << 20));
  afterAll(async () => Promise.all(dbs.map((t) => t.drop())));

  async function ingestWith(file: string, key: 'configured' | 'own') {
    const t = await createTestDatabase(dialect);
    dbs.push(t);
    const ctx = engineContext(t.db);
    if (key === 'configured') ctx.pseudonymize = createPseudonymizer(loadConfig().bsnKey);
    await importRegistry(ctx, registryFile);
    const counts = await ingestFeed(ctx, file);
    const signals = await t.db
      .selectFrom('signals')
      .select(['source', 'record_id', 'indicator', 'observed_on', 'value', 'address_key', 'household_key'])
      .select((eb) => eb('bsn_hash', 'is not', null).as('has_bsn'))
      .orderBy('source')
      .orderBy('record_id')
      .execute();
    return { counts, signals: signals.map((s) => ({ ...s, has_bsn: Boolean(s.has_bsn) })) };
  }

  it("gives the same counts and signals with the configured key, a caller's own key and csv-parse", { timeout: 180_000 }, async () => {
    const worker = await ingestWith(plainFile, 'configured');
    expect(worker.counts).toMatchObject(plain.expected);
    expect(worker.signals).toHaveLength(plain.expected.stored);
    expect(worker.signals.filter((s) => s.household_key === null)).toHaveLength(plain.expected.unlinked);
    const corrected = worker.signals.find((s) => s.record_id === 'r-1');
    expect(corrected).toMatchObject({ observed_on: '2026-09-02', value: 5 });
    const own = await ingestWith(plainFile, 'own');
    expect(own).toEqual(worker);
    const quoted = await ingestWith(quotedFile, 'configured');
    expect(quoted).toEqual(worker);
  });

  it('stores nothing of a large file that turns out broken half-way', { timeout: 120_000 }, async () => {
    const t = await createTestDatabase(dialect);
    dbs.push(t);
    const ctx = engineContext(t.db);
    const items = Array.from({ length: 60_000 }, (_, i) =>
      JSON.stringify({
        source: 'woco',
        record_id: `j-${i}`,
        indicator: 'huurachterstand',
        observed_on: '2026-09-01',
        value: 3,
        postcode: '1000AB',
        huisnummer: 1,
        note: 'y'.repeat(40),
      }),
    );
    const file = tempFile('broken.json', `[${items.join(',\n')},\n{"source": "woco", "record_id": `);
    await expect(ingestFeed(ctx, file)).rejects.toThrow(/geen geldige JSON-lijst/);
    expect(
      await t.db
        .selectFrom('signals')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ).toMatchObject({ n: 0 });
    const runs = await t.db.selectFrom('ingest_runs').select(['status']).execute();
    expect(runs).toEqual([{ status: 'failed' }]);
  });
});
