import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestDatabase, type Dialect, type TestDatabase } from '../../helpers/databases.ts';
import type { Db } from '../../../server/src/db/connection.ts';

// Children before parents, so foreign keys never object.
const ENGINE_TABLES = [
  'signal_versions',
  'run_wijk_stats',
  'flags',
  'scoring_run_rules',
  'scoring_runs',
  'rule_set_rules',
  'rule_set_events',
  'rule_sets',
  'quarantine',
  'signals',
  'ingest_runs',
  'registry_staging',
  'households',
  'persons',
  'residences',
] as const;

export async function emptyEngine(db: Db): Promise<void> {
  for (const table of ENGINE_TABLES) await db.deleteFrom(table).execute();
}

/**
 * One fresh database for a describe block (creating a PostgreSQL database costs
 * about half a second), emptied before every test so tests stay independent.
 */
export function useDatabase(dialect: Dialect): () => TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => t?.drop());
  beforeEach(async () => emptyEngine(t!.db));
  return () => t!;
}
