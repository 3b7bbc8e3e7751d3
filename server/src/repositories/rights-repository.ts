import type { Executor } from './types.ts';

// Residents' rights in scoring: signals marked incorrect and households excluded
// from scoring (restriction or objection) for a period.

/** Whether any mark is active, so a run must leave marked signals out. */
export async function hasActiveMarks(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('signal_marks').select('id').where('lifted_at', 'is', null).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Households excluded from scoring on date `asOf` (not lifted, period includes the date). */
export function excludedOn(db: Executor, asOf: string) {
  return db
    .selectFrom('household_exclusions')
    .select('household_key')
    .where('lifted_at', 'is', null)
    .where('from_date', '<=', asOf)
    .where('to_date', '>=', asOf);
}

/** Removes the run's flags of excluded households (before anything counts them); returns how many households were excluded. */
export async function applyExclusions(db: Executor, runId: number, asOf: string): Promise<number> {
  const keys = [...new Set((await excludedOn(db, asOf).execute()).map((r) => r.household_key))];
  if (keys.length) await db.deleteFrom('flags').where('run_id', '=', runId).where('household_key', 'in', excludedOn(db, asOf)).execute();
  return keys.length;
}
