import type { Command } from 'commander';

/** `serve` (API server + scheduler) and `start` (demo city set-up, then serve). */
export function registerServe(_program: Command): void {}
