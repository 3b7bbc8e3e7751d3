import type { Command } from 'commander';

/** `sources`, `jobs` and `scheduler` verbs (scheduled feed pulling). */
export function registerScheduling(_program: Command): void {}
