import { excludedHouseholdsOn, excludedOn } from './exclusion-filter.ts';
import type { Executor } from './types.ts';

// Residents' rights in scoring: signals marked incorrect and households excluded
// from scoring (restriction or objection) for a period.

/** Whether any mark is active, so a run must leave marked signals out. */
export async function hasActiveMarks(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('signal_marks').select('id').where('lifted_at', 'is', null).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Households excluded from scoring on date `asOf`: where a person of an exclusion in force lives now. */
export async function excludedHouseholdKeys(db: Executor, asOf: string): Promise<Set<string>> {
  const rows = await db.selectFrom(excludedHouseholdsOn(asOf).as('e')).select('e.household_key').distinct().execute();
  return new Set(rows.map((r) => r.household_key));
}

/** Removes the run's flags of excluded households (before anything counts them); returns how many households were excluded. */
export async function applyExclusions(db: Executor, runId: number, asOf: string): Promise<number> {
  const keys = await excludedHouseholdKeys(db, asOf);
  if (keys.size)
    await db
      .deleteFrom('flags')
      .where('run_id', '=', runId)
      .where((eb) => excludedOn(eb.ref('household_key'), asOf))
      .execute();
  return keys.size;
}
