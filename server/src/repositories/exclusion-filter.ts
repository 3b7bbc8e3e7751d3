import { expressionBuilder, type Expression } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The household `household` (a column reference, e.g. `eb.ref('f.household_key')`) has no
 * exclusion (restriction, objection) active on `on`: while one is, every list and page leaves it out.
 */
export function notExcludedOn(household: Expression<string>, on: string) {
  const eb = expressionBuilder<Database, never>();
  return eb.not(
    eb.exists(
      eb
        .selectFrom('household_exclusions as x')
        .select('x.id')
        .where('x.household_key', '=', household)
        .where('x.lifted_at', 'is', null)
        .where('x.from_date', '<=', on)
        .where('x.to_date', '>=', on),
    ),
  );
}
