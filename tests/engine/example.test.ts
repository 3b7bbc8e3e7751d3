import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { readRuleSetFile, storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { exportFlagsCsv } from '../../server/src/services/flag-export.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext } from '../helpers/engine.ts';

const file = (name: string) => path.join(EXAMPLE_DIR, name);

describe.each(DIALECTS)('the worked example of the contract (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => t?.drop());

  it('imports, ingests idempotently, scores and exports the expected flags', async () => {
    const ctx = engineContext(t.db);
    const registry = await importRegistry(ctx, file('registry.csv'));
    expect(registry).toMatchObject({ persons: 13, households: 6, rejected: 1 });
    expect(await ingestFeed(ctx, file('feed-1.csv'))).toMatchObject({ read: 20, stored: 18, quarantined: 2, unlinked: 1 });
    expect(await ingestFeed(ctx, file('feed-2.csv'))).toMatchObject({ read: 4, stored: 3, quarantined: 1 });
    expect(await ingestFeed(ctx, file('feed-1.csv'))).toMatchObject({ read: 20, stored: 0, updated: 0, unchanged: 18, quarantined: 2 });
    await storeRuleSet(ctx, await readRuleSetFile(file('ruleset.json')), true);
    const run = await scoreAsOf(ctx, fs.readFileSync(file('as_of.txt'), 'utf8').trim());
    expect(run.flags).toBe(3);
    expect(await exportFlagsCsv(t.db, run.runId)).toBe(fs.readFileSync(file('expected_flags.csv'), 'utf8'));
  });
});
