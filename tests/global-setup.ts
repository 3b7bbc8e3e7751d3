import { ensureWebBuild } from './e2e/support/web-build.ts';

// Builds the dashboard once before any test file runs: browser test files run two at a
// time, and two builds into web/dist at once break each other.
export default function setup(): void {
  ensureWebBuild();
}
