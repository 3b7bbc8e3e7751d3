import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEFAULT_RULE_SET } from '../../shared/src/index.ts';
import { postgresBaseline, sqliteBaseline } from './baseline.ts';
import { runBestStatement, type FlagRow } from './best-statement.ts';
import { benchCity, type City } from './city.ts';
import { BackendSampler, runCli } from './processes.ts';
import { markdown, writeResults, type BenchResult } from './report.ts';
import { query, runParams } from './bench-db.ts';
import { systemClock } from '../../server/src/core/clock.ts';
import { addDays } from '../../server/src/core/dates.ts';
import { createDb } from '../../server/src/db/connection.ts';
import { definitionOf, newestPublished } from '../../server/src/repositories/rule-set-repository.ts';
import { createDraft } from '../../server/src/services/rule-set-workflow.ts';
import { previewRuleSet } from '../../server/src/services/preview.ts';

// `pnpm bench [-- --sizes 100000,1000000 --dialects sqlite,postgres --seed 2026]`

const { values: opts } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    seed: { type: 'string', default: '2026' },
    'as-of': { type: 'string', default: '2026-11-01' },
    'pg-url': { type: 'string', default: process.env.TEST_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = opts.sizes.split(',').map(Number);
const dialects = opts.dialects.split(',') as ('sqlite' | 'postgres')[];
const asOf = opts['as-of'];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-bench-'));

const admin = dialects.includes('postgres') ? new pg.Client({ connectionString: opts['pg-url'] }) : null;
await admin?.connect();

interface Target {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function freshDatabase(dialect: 'sqlite' | 'postgres', label: string): Promise<Target> {
  if (dialect === 'sqlite') {
    const file = path.join(work, `${label}.sqlite`);
    const drop = async () => {
      for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
    };
    return { url: file, name: file, drop };
  }
  const name = `vs_bench_${label}_${crypto.randomBytes(3).toString('hex')}`;
  await admin!.query(`CREATE DATABASE ${name}`);
  const url = new URL(opts['pg-url']);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: async () => void (await admin!.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

interface Backend {
  /** Peak VmHWM: includes the shared buffers the backends touched. */
  peakMiB: number;
  /** Peak RssAnon: the backends' private memory. */
  peakAnonMiB: number;
}

async function measured<T>(dialect: string, db: Target, work: () => Promise<T>): Promise<{ result: T; backendMiB: Backend | null }> {
  if (dialect !== 'postgres') return { result: await work(), backendMiB: null };
  const sampler = new BackendSampler(admin!, db.name);
  sampler.start();
  try {
    const result = await work();
    return { result, backendMiB: await sampler.stop() };
  } catch (e) {
    await sampler.stop();
    throw e;
  }
}

/** The API's rule-set preview of a draft copy of the published rules, in this process. */
async function timePreview(dialect: 'sqlite' | 'postgres', url: string): Promise<number> {
  const db = createDb(dialect === 'sqlite' ? { dialect, file: url } : { dialect, url });
  try {
    const published = await newestPublished(db);
    const draft = await createDraft(db, systemClock, 'bench', definitionOf(published!));
    const started = performance.now();
    await previewRuleSet(db, systemClock, 'Europe/Amsterdam', draft.id, 'bench');
    return (performance.now() - started) / 1000;
  } finally {
    await db.destroy();
  }
}

const key = (r: FlagRow) => `${r.household_key}|${Number(r.score)}|${Number(r.domains)}`;

async function benchOne(dialect: 'sqlite' | 'postgres', city: City, households: number, rulesFile: string): Promise<BenchResult> {
  const log = (text: string) => console.error(`  [${dialect} ${households}] ${text}`);
  const db = await freshDatabase(dialect, `engine_${households}`);
  const base = await freshDatabase(dialect, `baseline_${households}`);
  try {
    await runCli(['db', 'migrate'], db.url);
    await runCli(['db', 'migrate'], base.url);
    const registry = await runCli(['registry', 'import', city.registry], db.url);
    log(`registry: ${registry.stdout} in ${registry.seconds.toFixed(1)} s`);
    const ingest = await measured(dialect, db, () => runCli(['feed', 'ingest', city.signals], db.url));
    const rows = Number(/read: (\d+)/.exec(ingest.result.stdout)![1]);
    // From the ingest's own start (its run record) to the end of the process: without the CLI's start-up.
    const [ingestRun] = await query<{ started_at: string }>(dialect, db.url, `SELECT started_at FROM ingest_runs WHERE kind = 'feed' ORDER BY id DESC LIMIT 1`);
    const ingestOwnSeconds = (ingest.result.endedAt - Date.parse(ingestRun!.started_at)) / 1000;
    log(
      `ingest: ${ingest.result.stdout} in ${ingest.result.seconds.toFixed(1)} s (${ingestOwnSeconds.toFixed(1)} s after start-up), ${Math.round(rows / ingest.result.seconds)} rows/s, peak ${Math.round(ingest.result.peakMiB)} MiB`,
    );
    const baseline = dialect === 'sqlite' ? await sqliteBaseline(db.url, base.url) : await postgresBaseline(db.url, base.url);
    log(`baseline: ${baseline.rows} rows in ${baseline.seconds.toFixed(1)} s, ${Math.round(baseline.rows / baseline.seconds)} rows/s`);
    await base.drop();
    await runCli(['rules', 'import', rulesFile, '--publish'], db.url);
    const score = await measured(dialect, db, () => runCli(['score', '--as-of', asOf], db.url));
    const runId = Number(/run: (\d+)/.exec(score.result.stdout)![1]);
    const [run] = await query<{ duration_ms: number; flags: number }>(dialect, db.url, `SELECT duration_ms, flags FROM scoring_runs WHERE id = ${runId}`);
    log(`score: ${score.result.stdout}, run ${run!.duration_ms} ms, CLI ${score.result.seconds.toFixed(1)} s, peak ${Math.round(score.result.peakMiB)} MiB`);
    const best = await runBestStatement(dialect === 'sqlite' ? { sqliteFile: db.url } : { pgUrl: db.url }, await runParams(dialect, db.url, runId));
    const engineFlags = await query<FlagRow>(dialect, db.url, `SELECT household_key, score_micro AS score, domains FROM flags WHERE run_id = ${runId}`);
    const same = new Set(engineFlags.map(key));
    const flagsMatch = best.rows.length === engineFlags.length && best.rows.every((r) => same.has(key(r)));
    log(
      `best statement: ${best.rows.length} flags in ${best.seconds.toFixed(2)} s (${best.timings.map((t) => `${t.name}: ${t.seconds.toFixed(2)} s`).join(', ')}); same set: ${flagsMatch}`,
    );
    const previewSeconds = await timePreview(dialect, db.url);
    log(`rule-set preview: ${previewSeconds.toFixed(1)} s`);
    // A week later, as the scheduler does: each flag now continues (or not) the previous run's.
    const next = await runCli(['score', '--as-of', addDays(asOf, 7)], db.url);
    const [nextRun] = await query<{ duration_ms: number }>(
      dialect,
      db.url,
      `SELECT duration_ms FROM scoring_runs WHERE id = ${Number(/run: (\d+)/.exec(next.stdout)![1])}`,
    );
    log(`next week's score: ${next.stdout}, run ${nextRun!.duration_ms} ms`);
    return {
      dialect,
      households,
      persons: Number(/persons: (\d+)/.exec(registry.stdout)?.[1] ?? 0),
      registrySeconds: registry.seconds,
      rows,
      ingestSeconds: ingest.result.seconds,
      ingestOwnSeconds,
      ingestPeakMiB: ingest.result.peakMiB,
      ingestBackendMiB: ingest.backendMiB,
      baselineRowsPerSecond: baseline.rows / baseline.seconds,
      scoreSeconds: run!.duration_ms / 1000,
      scoreCliSeconds: score.result.seconds,
      scorePeakMiB: score.result.peakMiB,
      scoreBackendMiB: score.backendMiB,
      bestSeconds: best.seconds,
      previewSeconds,
      nextRunSeconds: nextRun!.duration_ms / 1000,
      flags: engineFlags.length,
      flagsMatch,
    };
  } finally {
    if (!opts.keep) await db.drop();
    else console.error(`  kept ${db.url}`);
    await base.drop();
  }
}

const rulesFile = path.join(work, 'ruleset.json');
fs.writeFileSync(rulesFile, JSON.stringify(DEFAULT_RULE_SET));
const results: BenchResult[] = [];
try {
  for (const households of sizes) {
    const city = await benchCity(Number(opts.seed), households, asOf);
    for (const dialect of dialects) results.push(await benchOne(dialect, city, households, rulesFile));
  }
} finally {
  await admin?.end();
  if (!opts.keep) fs.rmSync(work, { recursive: true, force: true });
}
const command = `pnpm bench -- --sizes ${opts.sizes} --dialects ${opts.dialects} --seed ${opts.seed}`;
const text = markdown(results, command);
console.log(text);
console.error(`written to ${writeResults(text)}`);
