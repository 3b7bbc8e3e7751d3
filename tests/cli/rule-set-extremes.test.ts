import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../shared/src/index.ts';
import { runCli } from '../helpers/cli.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR, tempFile } from '../helpers/engine.ts';
import { expectSuccess } from './support.ts';

// `mpg score` with a rule set at the edges the validator allows: a window of 1e9 days
// (reaching before year 1) and the largest weight, 1e8, summed exactly.
const example = (name: string) => path.join(EXAMPLE_DIR, name);

describe.each(DIALECTS)('mpg score with extreme rule sets (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => t?.drop());
  const mpg = (...args: string[]) => runCli(args, { DATABASE_URL: t.url });

  it('scores a window of 1e9 days and weights of 1e8 with exact scores', async () => {
    expectSuccess(await mpg('registry', 'import', example('registry.csv')));
    expectSuccess(await mpg('feed', 'ingest', example('feed-1.csv')));
    const rules = {
      ...DEFAULT_RULE_SET,
      flag_threshold: 100_000_000,
      rules: DEFAULT_RULE_SET.rules.map((r) => ({ ...r, weight: 100_000_000, window_days: 1_000_000_000 })),
    };
    expectSuccess(await mpg('rules', 'import', tempFile('extreme.json', JSON.stringify(rules)), '--publish'));
    expect(expectSuccess(await mpg('score', '--as-of', '2026-10-08'))).toMatch(/^run: \d+, flags: [1-9]\d*\n$/);
    const csv = expectSuccess(await mpg('flags', 'export', '--format', 'csv'));
    const scores = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[2]);
    expect(scores.length).toBeGreaterThan(0);
    for (const score of scores) expect(score).toMatch(/^[1-9]\d{0,2}00000000$/);
  }, 120_000);
});
