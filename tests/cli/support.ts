import { expect } from 'vitest';
import type { CliResult } from '../helpers/cli.ts';

export function expectSuccess(r: CliResult): string {
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** A failure: a non-zero exit and exactly one line on stderr. */
export function expectFailure(r: CliResult, reason: RegExp): void {
  expect(r.code).not.toBe(0);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(lines[0]).toMatch(reason);
  expect(r.stdout).toBe('');
}
