import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchResult {
  dialect: 'sqlite' | 'postgres';
  households: number;
  persons: number;
  registrySeconds: number;
  rows: number;
  ingestSeconds: number;
  /** The ingest without the CLI's start-up: from its run record's start to the end of the process. */
  ingestOwnSeconds: number;
  ingestPeakMiB: number;
  ingestBackendMiB: { peakMiB: number; peakAnonMiB: number } | null;
  baselineRowsPerSecond: number;
  scoreSeconds: number;
  scoreCliSeconds: number;
  scorePeakMiB: number;
  scoreBackendMiB: { peakMiB: number; peakAnonMiB: number } | null;
  bestSeconds: number;
  previewSeconds: number;
  /** The run a week later, whose flags continue the previous run's. */
  nextRunSeconds: number;
  flags: number;
  flagsMatch: boolean;
}

const f = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mem = (mib: number | null) => (mib === null ? '–' : `${int(mib)} MiB`);
const backend = (b: { peakMiB: number; peakAnonMiB: number } | null) => (b === null ? '–' : `${int(b.peakMiB)} MiB (private ${int(b.peakAnonMiB)} MiB)`);

export function markdown(results: BenchResult[], command: string): string {
  const head = [
    '| dialect | households | signal rows | ingest rows/s | baseline rows/s | ingest / baseline | without start-up: rows/s, / baseline | ingest peak RSS | PG backend peak (ingest) | scoring run s | best statement s | scoring / best | scoring peak RSS | PG backend peak (scoring) | rule-set preview s | next run s (a week later) | flags (same set) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  const lines = results.map((r) => {
    const ingestRate = r.rows / r.ingestSeconds;
    const ownRate = r.rows / r.ingestOwnSeconds;
    return `| ${r.dialect} | ${int(r.households)} | ${int(r.rows)} | ${int(ingestRate)} | ${int(r.baselineRowsPerSecond)} | ${f(ingestRate / r.baselineRowsPerSecond, 2)} | ${int(ownRate)}, ${f(ownRate / r.baselineRowsPerSecond, 2)} | ${mem(r.ingestPeakMiB)} | ${backend(r.ingestBackendMiB)} | ${f(r.scoreSeconds)} | ${f(r.bestSeconds)} | ${f(r.scoreSeconds / r.bestSeconds, 2)} | ${mem(r.scorePeakMiB)} | ${backend(r.scoreBackendMiB)} | ${f(r.previewSeconds)} | ${f(r.nextRunSeconds)} | ${int(r.flags)} (${r.flagsMatch ? 'yes' : 'NO'}) |`;
  });
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${f(os.totalmem() / 2 ** 30, 0)} GiB RAM, Node ${process.version}`;
  return [
    `Command: \`${command}\``,
    '',
    `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 16)}Z.`,
    '',
    ...head,
    ...lines,
    '',
    'Ingest: `mpg feed ingest` as a child process, wall time of the whole process (start-up included), one file of all signal rows into a database holding the registry. Without start-up: from the start its ingest run records (after the CLI has loaded and opened the database) to the end of the process (commit included).',
    'Baseline: the same stored rows copied into a fresh migrated database, one prepared statement, one transaction (only inserts and commit timed).',
    'Scoring run: `duration_ms` the engine records for `mpg score` (flags with their explanation: per active rule the qualifying count and the ids of the contributing signals; the wijk statistics; all in its transaction). Best statement: the fastest of the hand-written formulations in `best-statement.ts` for the same flag set, which return the flags only (their timings are in the bench log).',
    "Rule-set preview: the API's preview of a draft (the same rules) against the scored data, as the server computes it, without storing a run.",
    "Next week's run: `duration_ms` of `mpg score` seven days later on the same data, where each flag continues the previous run's flag unless the household's residents all changed.",
    'Peak RSS: VmHWM of the CLI process (its peak resident set, worker threads included; see rss-probe.mjs); PG backend: peak VmHWM of the server backends of the benchmark database, which includes the shared buffers they touched, and in brackets their peak private memory (RssAnon).',
    '',
  ].join('\n');
}

export function writeResults(text: string): string {
  const file = path.join(import.meta.dirname, 'results.md');
  fs.writeFileSync(file, `# Benchmark results\n\n${text}`);
  return file;
}
