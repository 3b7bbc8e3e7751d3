import fs from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runBestStatement } from './best-statement.ts';
import { query, runParams } from './bench-db.ts';
import { runCli } from './processes.ts';

// `pnpm exec tsx tests/bench/compare-scoring.ts --base /path/to/other/checkout --db <kept bench database>`
// A/B of the scoring run of this checkout against another one (`--base`) on the same
// data: two copies of a database kept by `pnpm bench -- --keep`, each migrated by its
// own checkout, scored alternately `--runs` times so that load on the machine falls on
// both alike. Prints each run's recorded duration, the medians and their ratio, and this
// checkout's median against the best hand-written statement (tests/bench/results.md).

const { values: opts } = parseArgs({
  options: {
    base: { type: 'string' },
    db: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'as-of': { type: 'string', default: '2026-11-01' },
  },
});
if (!opts.base || !opts.db) throw new Error('--base <checkout> and --db <database> are required');
const dialect = opts.db.startsWith('postgres') ? 'postgres' : 'sqlite';

async function copyOf(url: string, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const file = `${url}.${label}`;
    fs.copyFileSync(url, file);
    return { url: file, drop: async () => fs.rmSync(file, { force: true }) };
  }
  const source = new URL(url);
  const name = `${source.pathname.slice(1)}_${label}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${source.pathname.slice(1)}`);
  await admin.end();
  const copy = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  return {
    url: copy,
    async drop() {
      const c = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function score(url: string, root?: string): Promise<{ runId: number; seconds: number }> {
  const out = await runCli(['score', '--as-of', opts['as-of']!], url, root);
  const runId = Number(/run: (\d+)/.exec(out.stdout)![1]);
  const [run] = await query<{ duration_ms: number }>(dialect, url, `SELECT duration_ms FROM scoring_runs WHERE id = ${runId}`);
  return { runId, seconds: Number(run!.duration_ms) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const base = await copyOf(opts.db, 'base');
const mine = await copyOf(opts.db, 'this');
try {
  await runCli(['db', 'migrate'], base.url, opts.base);
  const migrate = await runCli(['db', 'migrate'], mine.url);
  console.error(`migrated this copy in ${migrate.seconds.toFixed(1)} s`);
  const times = { base: [] as number[], this: [] as number[] };
  let last = 0;
  for (let i = 0; i < Number(opts.runs); i++) {
    times.base.push((await score(base.url, opts.base)).seconds);
    const run = await score(mine.url);
    times.this.push(run.seconds);
    last = run.runId;
    console.error(`run ${i + 1}: base ${times.base.at(-1)!.toFixed(2)} s, this ${run.seconds.toFixed(2)} s`);
  }
  const best = await runBestStatement(dialect === 'sqlite' ? { sqliteFile: mine.url } : { pgUrl: mine.url }, await runParams(dialect, mine.url, last));
  const [b, t] = [median(times.base), median(times.this)];
  console.log(
    `${dialect}: base median ${b.toFixed(2)} s, this median ${t.toFixed(2)} s, this / base ${(t / b).toFixed(3)}; best statement ${best.seconds.toFixed(2)} s (${best.name}), this / best ${(t / best.seconds).toFixed(2)}`,
  );
} finally {
  await base.drop();
  await mine.drop();
}
