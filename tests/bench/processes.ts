import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const PROBE = pathToFileURL(path.join(import.meta.dirname, 'rss-probe.mjs')).href;

export interface CliRun {
  seconds: number;
  /** When the process ended (ms since the epoch). */
  endedAt: number;
  stdout: string;
  /** Peak RSS of the CLI process in MiB. */
  peakMiB: number;
}

/**
 * Runs the operator CLI (of the checkout at `root`) as one node process (`node --import tsx …/main.ts`, what
 * `pnpm mpg` starts, without pnpm's own process in between) and measures it.
 */
export function runCli(args: string[], databaseUrl: string, root = REPO_ROOT): Promise<CliRun> {
  const rssFile = path.join(os.tmpdir(), `vs-bench-rss-${process.pid}-${Date.now()}`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, 'server/src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const endedAt = Date.now();
      if (code !== 0) return reject(new Error(`mpg ${args.join(' ')} failed (${code}): ${stderr.trim()}`));
      const peakMiB = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
      fs.rmSync(rssFile, { force: true });
      resolve({ seconds, endedAt, stdout: stdout.trim(), peakMiB });
    });
  });
}

/** Peak memory of the PostgreSQL backends serving one database, sampled from /proc. */
export class BackendSampler {
  private timer: NodeJS.Timeout | undefined;
  private peakKiB = 0;
  private peakAnonKiB = 0;
  private busy = false;

  constructor(
    private readonly admin: pg.Client,
    private readonly database: string,
  ) {}

  start(): void {
    this.peakKiB = 0;
    this.peakAnonKiB = 0;
    this.timer = setInterval(() => void this.sample(), 200);
  }

  async stop(): Promise<{ peakMiB: number; peakAnonMiB: number }> {
    clearInterval(this.timer);
    while (this.busy) await new Promise((r) => setTimeout(r, 20));
    return { peakMiB: this.peakKiB / 1024, peakAnonMiB: this.peakAnonKiB / 1024 };
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.admin.query('select pid from pg_stat_activity where datname = $1', [this.database]);
      for (const { pid } of rows as { pid: number }[]) {
        const status = readStatus(pid);
        // VmHWM counts the shared buffers a backend touched; RssAnon is its private memory.
        this.peakKiB = Math.max(this.peakKiB, status.VmHWM ?? 0);
        this.peakAnonKiB = Math.max(this.peakAnonKiB, status.RssAnon ?? 0);
      }
    } catch {
      // a backend that just ended has no /proc entry any more
    } finally {
      this.busy = false;
    }
  }
}

function readStatus(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  let text = '';
  try {
    text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    const m = /^(\w+):\s+(\d+) kB/.exec(line);
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}
