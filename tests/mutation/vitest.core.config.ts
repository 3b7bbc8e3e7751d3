import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The in-process tests of the pure core (no database, server or browser): what
// StrykerJS runs against each mutant of the contract's rules in server/src/core and
// shared/src. The alias makes the workspace package resolve to the mutated copy in
// Stryker's sandbox (its node_modules link points at the original).
export default defineConfig({
  resolve: {
    alias: [{ find: /^@vroegsignaal\/shared$/, replacement: path.resolve(import.meta.dirname, '../../shared/src/index.ts') }],
  },
  test: {
    include: ['tests/engine/core-*.test.ts', 'tests/api/suppression.test.ts', 'tests/api/triage-machine.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
  },
});
