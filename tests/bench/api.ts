import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { systemClock } from '../../server/src/core/clock.ts';
import { createDb } from '../../server/src/db/connection.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { buildServer } from '../../server/src/server.ts';
import { setUpDemo } from '../../server/src/cli/demo-setup.ts';
import { ensureDemoUsers } from '../../server/src/services/demo-users.ts';
import { previewRuleSet } from '../../server/src/services/preview.ts';
import { newestPublished } from '../../server/src/repositories/rule-set-repository.ts';
import { engineContext } from '../helpers/engine.ts';

// API benchmark: `pnpm exec tsx tests/bench/api.ts [--database URL] [--weeks 52] [--seconds 10]`.
// The demo city with a year of weekly runs (kept in the temp folder for the next time),
// then 50 concurrent clients on 127.0.0.1 against the flags list and household detail.

const run = promisify(execFile);

const { values: opts } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    database: { type: 'string' },
    weeks: { type: 'string', default: '52' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});

const cacheDir = path.join(os.tmpdir(), `vs-bench-api-${opts.weeks}w`);
const base = loadConfig({ NODE_ENV: 'test', ...(opts.database ? { DATABASE_URL: opts.database } : {}) });
const config: Config = {
  ...base,
  database: opts.database ? base.database : { dialect: 'sqlite', file: path.join(cacheDir, 'demo.sqlite') },
  demoDir: path.join(cacheDir, 'demo'),
  apiRateLimit: 10_000_000,
  loginRateLimit: 1000,
  port: 0,
} as Config;
fs.mkdirSync(cacheDir, { recursive: true });
const db = createDb(config.database);
await migrateToLatest(db);
const ctx = engineContext(db, systemClock);
const t0 = Date.now();
const report = await setUpDemo(ctx, { demoDir: config.demoDir, settings: config, weeks: Number(opts.weeks), log: (m) => console.log(m) });
console.log(`demo city ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${report.scoringRuns} runs scored now)`);

const created = await ensureDemoUsers(db, systemClock, 'test');
const password = created.find((u) => u.username === 'coordinator')?.password;
if (!password) {
  // Reused database: give the coordinator a known password for this run.
  const { hashPassword } = await import('../../server/src/auth/passwords.ts');
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword('bench wachtwoord 2026!') })
    .where('username', '=', 'coordinator')
    .execute();
}
const app = await buildServer({ config, db, clock: systemClock });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const login = await fetch(`${address}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'coordinator', password: password ?? 'bench wachtwoord 2026!' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const runs = (await (await fetch(`${address}/api/runs`, { headers: { cookie } })).json()) as { id: number; flags: number }[];
const newest = runs[0]!;
const flagIds = (await db.selectFrom('flags').select('id').where('run_id', '=', newest.id).execute()).map((r) => r.id);
console.log(`${runs.length} runs; newest run ${newest.id} has ${newest.flags} flags`);

async function measure(title: string, paths: string[]): Promise<void> {
  const input = JSON.stringify({ url: address, cookie, paths, connections: Number(opts.connections), seconds: Number(opts.seconds) });
  const { stdout: out } = await run(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'api-load.ts'), input], { maxBuffer: 1 << 26 });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { requests: number; perSecond: number; p50: number; p95: number; p99: number; failures: number };
  console.log(
    `${title}: ${r.requests} requests, ${r.perSecond.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, failures ${r.failures}`,
  );
}

await measure('flags list (page of 50, by score)', [
  `/api/runs/${newest.id}/flags?page_size=50`,
  `/api/runs/${newest.id}/flags?page_size=50&page=2`,
  `/api/runs/${newest.id}/flags?page_size=50&kind=new`,
]);
await measure(
  'household detail',
  flagIds.map((id) => `/api/flags/${id}/household`),
);

const rs = await newestPublished(db);
const p0 = Date.now();
const preview = await previewRuleSet(db, systemClock, config.timeZone, rs!.id, 'bench');
const households = await db
  .selectFrom('households')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
console.log(`rule-set preview over ${Number(households.n)} households: ${Date.now() - p0} ms (draft flags ${String(preview.totals.draft)})`);
await app.close();
await db.destroy();
