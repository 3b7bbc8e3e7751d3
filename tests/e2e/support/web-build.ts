import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const WEB = path.resolve(import.meta.dirname, '../../../web');
// The shared package is bundled into the dashboard too (schemas, the rule-set validator).
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', '../shared/src'];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((e) => newestMtime(path.join(entry, e))));
}

/** Builds web/dist when it is missing or older than any web source file. */
export function ensureWebBuild(): void {
  const built = path.join(WEB, 'dist', 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(
    ...SOURCES.map((s) => path.join(WEB, s))
      .filter((p) => fs.existsSync(p))
      .map(newestMtime),
  );
  if (builtAt > sourcesAt) return;
  // Vitest sets NODE_ENV=test, with which Vite would bundle React's development build: test what `pnpm build` ships.
  execFileSync('pnpm', ['--filter', '@vroegsignaal/web', 'build'], {
    cwd: path.resolve(WEB, '..'),
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
