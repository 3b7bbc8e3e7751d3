import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A database handle or an open transaction: repositories accept either. */
export type Executor = Kysely<Database>;

/** Splits rows so one statement stays under the dialects' bound-parameter limits. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function nowIso(now: Date): string {
  return now.toISOString();
}
