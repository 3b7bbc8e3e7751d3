import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../shared/src/index.ts';
import type { RunResult } from '../../server/src/scheduler/job-runner.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { REPO_ROOT } from '../helpers/cli.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext } from '../helpers/engine.ts';
import { jobRuns } from './helpers.ts';

// Monday 30 November 2026, 06:00-06:02 in Amsterdam: the weekly scoring is due at the first.
const TICKS = ['2026-11-30T05:00:00.000Z', '2026-11-30T05:01:00.000Z', '2026-11-30T05:02:00.000Z'];

interface Child {
  process: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  done: Promise<{ pid: number; results: RunResult[] }>;
}

function startProcess(databaseUrl: string): Child {
  const child = spawn('pnpm', ['exec', 'tsx', path.join(import.meta.dirname, 'fixtures/scheduler-process.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, TICKS: TICKS.join(','), PROBE_MS: '700' },
  });
  let out = '';
  let err = '';
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout.on('data', (d) => {
    out += d;
    if (out.includes('ready\n')) onReady();
  });
  child.stderr.on('data', (d) => (err += d));
  const done = new Promise<{ pid: number; results: RunResult[] }>((resolve, reject) =>
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`scheduler process exited ${code}: ${err}`));
      else resolve(JSON.parse(last));
    }),
  );
  return { process: child, ready: Promise.race([ready, done.then(() => undefined)]), done };
}

describe.each(DIALECTS)('two scheduler processes on one database (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const ctx = engineContext(t.db);
    await importRegistry(ctx, path.join(EXAMPLE_DIR, 'registry.csv'));
    await storeRuleSet(ctx, DEFAULT_RULE_SET, true);
  });
  afterAll(async () => t?.drop());

  it('run each job once per tick, never at the same time', async () => {
    const children = [startProcess(t.url), startProcess(t.url)];
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.process.stdin.write('go\n');
    const outputs = await Promise.all(children.map((c) => c.done));

    const probeRuns = await jobRuns(t.db, 'probe');
    expect(probeRuns.map((r) => r.tick).sort()).toEqual(TICKS);
    expect(probeRuns.every((r) => r.outcome === 'ok')).toBe(true);
    const scoringRuns = await jobRuns(t.db, 'scoring');
    expect(scoringRuns).toHaveLength(1);
    expect(scoringRuns[0]).toMatchObject({ tick: TICKS[0], outcome: 'ok' });
    expect(await t.db.selectFrom('scoring_runs').select('id').execute()).toHaveLength(1);

    // No two probe runs overlapped in (real) time, whichever process ran them.
    const spans = probeRuns.map((r) => JSON.parse(r.counts!) as { from: number; to: number });
    for (const [i, a] of spans.entries()) for (const b of spans.slice(i + 1)) expect(a.to <= b.from || b.to <= a.from).toBe(true);

    // Per tick and job: one process ran it, the other was turned away by the lock or the record.
    const all = outputs.flatMap((o) => o.results);
    const probe = all.filter((r) => r.job === 'probe');
    expect(probe.filter((r) => r.status === 'ok')).toHaveLength(3);
    expect(probe.filter((r) => r.status === 'skipped')).toHaveLength(3);
    expect(all.filter((r) => r.status === 'skipped').map((r) => (r as { reason: string }).reason)).toContain('locked by another process');
  });
});
