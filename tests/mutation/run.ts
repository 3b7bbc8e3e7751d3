// Mutation check of the engine (issue 14): applies each mutant of mutants.ts to
// the source, runs the tests that can see it, and requires a failing test on
// every database the mutant's code runs on. Prints the score; exits 1 when a
// mutant survives. The source is restored after each mutant, also on Ctrl-C.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MUTANTS, type Dialect, type Mutant } from './mutants.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The tests that see the engine's scoring and linking through the real runs. */
const TESTS = ['tests/engine/contract-edges.test.ts'];

interface Outcome {
  mutant: Mutant;
  failedOn: Set<Dialect>;
}

function runTests(): Set<Dialect> {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vs-mutation-')), 'report.json');
  spawnSync('pnpm', ['exec', 'vitest', 'run', ...TESTS, '--reporter=json', `--outputFile=${report}`], { cwd: ROOT, stdio: 'ignore', env: process.env });
  const failedOn = new Set<Dialect>();
  if (!fs.existsSync(report)) return new Set(['sqlite', 'postgres']); // the run itself broke: killed everywhere
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as {
    testResults: { assertionResults: { status: string; ancestorTitles: string[] }[]; status: string }[];
  };
  for (const file of json.testResults) {
    if (file.status === 'failed' && file.assertionResults.length === 0) return new Set(['sqlite', 'postgres']);
    for (const t of file.assertionResults) {
      if (t.status !== 'failed') continue;
      const title = t.ancestorTitles.join(' ');
      for (const d of ['sqlite', 'postgres'] as const) if (title.includes(`(${d})`)) failedOn.add(d);
    }
  }
  return failedOn;
}

function withMutant<T>(m: Mutant, body: () => T): T {
  const file = path.join(ROOT, m.file);
  const original = fs.readFileSync(file, 'utf8');
  if (!original.includes(m.from)) throw new Error(`mutant ${m.id}: '${m.from}' is not in ${m.file} (the code moved; update mutants.ts)`);
  const restore = () => fs.writeFileSync(file, original);
  process.once('SIGINT', () => {
    restore();
    process.exit(130);
  });
  fs.writeFileSync(file, original.split(m.from).join(m.to));
  try {
    return body();
  } finally {
    restore();
  }
}

function main() {
  const only = process.argv.slice(2);
  const mutants = only.length ? MUTANTS.filter((m) => only.includes(m.id)) : MUTANTS;
  for (const m of mutants) {
    if (!fs.readFileSync(path.join(ROOT, m.file), 'utf8').includes(m.from))
      throw new Error(`mutant ${m.id}: '${m.from}' is not in ${m.file} (the code moved; update mutants.ts)`);
  }
  const baseline = runTests();
  if (baseline.size) throw new Error(`the tests fail without any mutant (on ${[...baseline].join(', ')})`);
  const outcomes: Outcome[] = [];
  for (const mutant of mutants) {
    const started = Date.now();
    const failedOn = withMutant(mutant, runTests);
    outcomes.push({ mutant, failedOn });
    const survivedOn = mutant.dialects.filter((d) => !failedOn.has(d));
    console.log(
      `${survivedOn.length ? 'SURVIVED' : 'killed  '} ${mutant.id} (failing on: ${[...failedOn].join(', ') || 'none'}; ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  const killed = outcomes.filter((o) => o.mutant.dialects.every((d) => o.failedOn.has(d))).length;
  console.log(`mutation score: ${killed}/${outcomes.length} killed`);
  if (killed < outcomes.length) process.exit(1);
}

main();
