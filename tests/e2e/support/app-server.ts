import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../../server/src/config.ts';
import { systemClock, type Clock } from '../../../server/src/core/clock.ts';
import { buildServer } from '../../../server/src/server.ts';
import { setUpDemo } from '../../../server/src/cli/demo-setup.ts';
import { ensureDemoUsers } from '../../../server/src/services/demo-users.ts';
import { addSource, sourcePolicy } from '../../../server/src/services/sources.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { engineContext } from '../../helpers/engine.ts';

export interface RunningApp {
  baseURL: string;
  passwords: Record<string, string>;
  /** The source that never delivered: the beheerder must see it red. */
  brokenSource: string;
  stop(): Promise<void>;
}

const WEEKS = 10;
export const BROKEN_SOURCE = 'schuldhulp-e2e';

/** A real API server on a random port over a fresh SQLite database with a small demo city. */
export async function startApp(): Promise<RunningApp> {
  const database: TestDatabase = await createTestDatabase('sqlite');
  const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-e2e-demo-'));
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test' }),
    database: database.target,
    demoDir,
    dropRoot: demoDir,
    port: 0,
    loginRateLimit: 1000,
    apiRateLimit: 100_000,
  };
  const ctx = engineContext(database.db, systemClock);
  await setUpDemo(ctx, { demoDir, settings: config, weeks: WEEKS });
  await addBrokenSource(database, demoDir, config);
  const users = await ensureDemoUsers(database.db, systemClock, 'test');
  const app = await buildServer({ config, db: database.db, clock: systemClock });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    baseURL: address,
    passwords: Object.fromEntries(users.map((u) => [u.username, u.password])),
    brokenSource: BROKEN_SOURCE,
    async stop() {
      await app.close();
      await database.drop();
      fs.rmSync(demoDir, { recursive: true, force: true });
    },
  };
}

/** A source configured 30 days ago, expected weekly, that never delivered. */
async function addBrokenSource(database: TestDatabase, demoDir: string, config: Config): Promise<void> {
  const monthAgo: Clock = { now: () => new Date(Date.now() - 30 * 86_400_000) };
  const folder = path.join(demoDir, 'drops', BROKEN_SOURCE);
  fs.mkdirSync(folder, { recursive: true });
  await addSource(
    database.db,
    monthAgo,
    { name: BROKEN_SOURCE, indicators: ['huurachterstand'], folder, schedule: '0 5 * * 1', expectedIntervalDays: 7 },
    sourcePolicy(config),
  );
}
