import path from 'node:path';
import { fixedClock, systemClock } from '../core/clock.ts';
import { createPseudonymizer } from '../core/pseudonym.ts';
import { loadConfig, type Config } from '../config.ts';
import { createDb, type Db } from '../db/connection.ts';
import type { EngineContext } from '../services/context.ts';

/** Opens what a CLI verb needs and closes it afterwards, whatever happens. */
export async function withEngine<T>(work: (ctx: EngineContext, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db: Db = createDb(config.database);
  try {
    const ctx: EngineContext = {
      db,
      clock: config.fixedNow ? fixedClock(config.fixedNow) : systemClock,
      pseudonymize: createPseudonymizer(config.bsnKey),
      timeZone: config.timeZone,
      actor: 'cli',
      deadlines: config.deadlines,
      onProgress: progressReporter(),
    };
    return await work(ctx, config);
  } finally {
    await db.destroy();
  }
}

/** Operator paths are relative to where the command was typed, not to the repository. */
export function operatorPath(file: string): string {
  return path.resolve(loadConfig().workingDir, file);
}

function progressReporter(): ((rows: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (rows) => {
    const now = Date.now();
    if (now - last < 250) return;
    last = now;
    process.stderr.write(`\r${rows.toLocaleString('nl-NL')} rijen gelezen…`);
  };
}

export function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}
