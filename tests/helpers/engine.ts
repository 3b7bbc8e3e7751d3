import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock, type Clock } from '../../server/src/core/clock.ts';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import type { Db } from '../../server/src/db/connection.ts';
import type { EngineContext } from '../../server/src/services/context.ts';

export const TEST_BSN_KEY = 'test-key-for-vroegsignaal-tests-only';

export function engineContext(db: Db, clock: Clock = fixedClock('2026-10-01T10:00:00Z')): EngineContext {
  return { db, clock, pseudonymize: createPseudonymizer(TEST_BSN_KEY), timeZone: 'Europe/Amsterdam', actor: 'test' };
}

/** Writes `content` to a fresh temporary file and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-file-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

export const EXAMPLE_DIR = path.resolve(import.meta.dirname, '../../../shared/spec/example');
