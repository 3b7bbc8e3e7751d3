import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { tempFile } from '../helpers/engine.ts';
import { expectFailure } from './support.ts';

// Failures that do not depend on the kind of database (they happen before or
// without it; the flow test covers those that do), and help on every verb.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('sqlite');
});
afterAll(async () => t?.drop());
const mpg = (...args: string[]) => runCli(args, { DATABASE_URL: t.url });

describe('operator CLI failures', () => {
  it('fails with one line on stderr and a non-zero exit', async () => {
    expectFailure(await mpg('feed', 'ingest', '/nonexistent/feed.csv'), /kan .* niet openen/);
    expectFailure(
      await mpg('feed', 'ingest', tempFile('f.csv', 'source,record_id,observed_on,bsn\na,1,2026-01-01,908301662\n')),
      /mist de verplichte kolom indicator/,
    );
    expectFailure(await mpg('registry', 'import', tempFile('r.json', '[{"bsn": 1},')), /geen geldige JSON-lijst/);
    const invalid = tempFile(
      'rules.json',
      JSON.stringify(
        {
          name: 'Fout',
          flag_threshold: 6,
          min_domains: 3,
          rules: [
            { indicator: 'huurachterstand', domain: 'wonen', weight: -1, threshold: 2, window_days: 0, min_count: 1 },
            { indicator: 'huurachterstand', domain: 'financien', weight: 1, threshold: null, window_days: 90, min_count: 1.5 },
          ],
        },
        null,
        2,
      ),
    );
    const r = await mpg('rules', 'import', invalid, '--publish');
    expectFailure(r, /^error: de regelset is ongeldig: /);
    for (const mistake of ['rules[0].domain', 'rules[0].weight', 'rules[0].window_days', 'rules[1].indicator', 'rules[1].min_count'])
      expect(r.stderr).toContain(mistake);
    expectFailure(await mpg('score', '--as-of', '2026-02-30'), /geen bestaande datum/);
    expectFailure(await mpg('flags', 'export', '--run', 'abc', '--format', 'csv'), /geen run-id/);
  }, 300_000);
});

describe('operator CLI help', () => {
  it.each([
    [['db', 'migrate'], /schema/],
    [['registry', 'import'], /replace the registry/],
    [['feed', 'ingest'], /ingest FILE/],
    [['rules', 'import'], /--publish/],
    [['score'], /--as-of/],
    [['flags', 'export'], /--format/],
  ])(
    'prints help for %j and exits 0',
    async (verb, text) => {
      const r = await mpg(...verb, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: mpg /);
      expect(r.stdout).toMatch(text);
    },
    60_000,
  );
});
