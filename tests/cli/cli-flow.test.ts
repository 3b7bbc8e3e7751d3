import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR } from '../helpers/engine.ts';
import { expectFailure, expectSuccess } from './support.ts';

// The contract's worked example through `pnpm --silent mpg …`, as an operator
// runs it, with the failures that depend on the database's state on the way.
// Every call costs a few seconds (pnpm + tsx), so one long scenario per dialect.
const example = (name: string) => path.join(EXAMPLE_DIR, name);

describe.each(DIALECTS)('the operator CLI end to end (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect, false);
  });
  afterAll(async () => t?.drop());
  const mpg = (...args: string[]) => runCli(args, { DATABASE_URL: t.url });

  it('migrates, imports, ingests, stores rules, scores and exports', async () => {
    expect(expectSuccess(await mpg('db', 'migrate'))).toMatch(/^migrated: 2026-11-25-0001-engine/);
    expect(expectSuccess(await mpg('db', 'migrate'))).toBe('schema is up to date\n');
    expectFailure(await mpg('flags', 'export', '--format', 'csv'), /nog geen scoringsrun/);
    expect(expectSuccess(await mpg('registry', 'import', example('registry.csv')))).toBe('persons: 13, households: 6, rejected: 1\n');
    expect(expectSuccess(await mpg('feed', 'ingest', example('feed-1.csv')))).toBe(
      'read: 20, stored: 18, updated: 0, unchanged: 0, quarantined: 2, unlinked: 1\n',
    );
    expect(expectSuccess(await mpg('feed', 'ingest', example('feed-2.csv')))).toBe(
      'read: 4, stored: 3, updated: 0, unchanged: 0, quarantined: 1, unlinked: 0\n',
    );
    expect(expectSuccess(await mpg('feed', 'ingest', example('feed-1.csv')))).toBe(
      'read: 20, stored: 0, updated: 0, unchanged: 18, quarantined: 2, unlinked: 1\n',
    );
    expect(expectSuccess(await mpg('rules', 'import', example('ruleset.json')))).toMatch(/^rule set: Standaard, version: 1, id: \d+, status: draft\n$/);
    expectFailure(await mpg('score', '--as-of', '2026-10-01'), /nog geen gepubliceerde regelset/);
    expect(expectSuccess(await mpg('rules', 'import', example('ruleset.json'), '--publish'))).toMatch(
      /^rule set: Standaard, version: 2, id: \d+, status: published\n$/,
    );

    const first = expectSuccess(await mpg('score', '--as-of', fs.readFileSync(example('as_of.txt'), 'utf8').trim()));
    const runId = /^run: (\d+), flags: 3\n$/.exec(first)?.[1];
    expect(runId).toBeDefined();
    expect(expectSuccess(await mpg('score', '--as-of', '2028-01-01'))).toMatch(/^run: \d+, flags: 0\n$/);

    expect(expectSuccess(await mpg('flags', 'export', '--run', runId!, '--format', 'csv'))).toBe(fs.readFileSync(example('expected_flags.csv'), 'utf8'));
    expect(expectSuccess(await mpg('flags', 'export', '--format', 'csv'))).toBe('address_key,wijk,score,domains,indicators\n');
    expectFailure(await mpg('flags', 'export', '--run', '999', '--format', 'csv'), /scoringsrun 999 bestaat niet/);
  }, 300_000);

  it('audits imports, publications, scoring and exports with the operating-system user, in the database only', async () => {
    const cli = await t.db.selectFrom('audit_log').selectAll().where('role', '=', 'beheer (CLI)').orderBy('id').execute();
    expect(cli.map((e) => [e.event, e.outcome])).toEqual([
      ['cli:flags_export', 'failure'], // no scoring run yet
      ['cli:registry_import', 'success'],
      ['cli:feed_ingest', 'success'],
      ['cli:feed_ingest', 'success'],
      ['cli:feed_ingest', 'success'],
      ['cli:rules_import', 'success'],
      ['cli:score', 'failure'], // no published rule set
      ['cli:rules_publish', 'success'],
      ['cli:score', 'success'],
      ['cli:score', 'success'],
      ['cli:flags_export', 'success'],
      ['cli:flags_export', 'success'],
      ['cli:flags_export', 'failure'], // run 999
    ]);
    for (const e of cli) expect(e).toMatchObject({ username: os.userInfo().username, ip: null, session_hash: null });
    expect(cli[1]).toMatchObject({
      object_type: 'ingest_run',
      user_agent: 'mpg registry import',
      detail: 'registry.csv: personen 13, huishoudens 6, geweigerd 1',
    });
    expect(cli[7]).toMatchObject({
      object_type: 'rule_set',
      user_agent: 'mpg rules import --publish',
      detail: expect.stringMatching(/^Standaard v2 \(gepubliceerd\) uit ruleset\.json$/),
    });
    expect(cli[10]).toMatchObject({ object_type: 'export', detail: 'signaleringen als CSV naar stdout: 3 huishoudens' });
    expect(cli[12]!.detail).toMatch(/^mislukt: scoringsrun 999 bestaat niet/);
    // never a BSN or a signal's contents
    const bsns = fs.readFileSync(example('registry.csv'), 'utf8').match(/\b\d{9}\b/g)!;
    for (const e of cli) for (const b of bsns) expect(JSON.stringify(e)).not.toContain(b);
  });
});
