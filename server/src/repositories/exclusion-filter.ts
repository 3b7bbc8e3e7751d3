import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';

// An exclusion (restriction, objection) is for the persons who lived in the household when it
// was made (household_exclusion_persons), not for the address: it applies to every household
// where one of them lives now (current registry), so new occupants of their old address are
// scored and listed. What was recorded at their old address before the exclusion took effect
// (flags of earlier runs, cases, agenda items) is theirs, and stays hidden there after they move.
// Every reader of "is this household excluded" goes through this file.

const eb = () => expressionBuilder<Database, never>();

/** Exclusions in force on `on`: not lifted, the period holds the date. */
const inForceOn = (on: string) =>
  eb().selectFrom('household_exclusions as x').where('x.lifted_at', 'is', null).where('x.from_date', '<=', on).where('x.to_date', '>=', on);

/**
 * The households excluded on `on`: each address where a person of an exclusion in force on
 * `on` now lives. An uncorrelated set, computed once per statement from the few active
 * exclusions (their persons by primary key); never null.
 */
export function excludedHouseholdsOn(on: string) {
  return inForceOn(on)
    .innerJoin('household_exclusion_persons as xp', 'xp.exclusion_id', 'x.id')
    .innerJoin('persons as xperson', 'xperson.bsn_hash', 'xp.bsn_hash')
    .select('xperson.address_key as household_key');
}

/**
 * An exclusion in force on `on`, made for `household`, that took effect (made, and its period
 * begun) after `madeAt`: data from before that is of its persons, who lived there then. A date
 * sorts before every timestamp of its day, so `from_date > madeAt` is "begun after madeAt".
 */
function madeBefore(household: Expression<string>, on: string, madeAt: Expression<string>) {
  return eb().exists(
    inForceOn(on)
      .select('x.id')
      .where('x.household_key', '=', household)
      .where((e) => e.or([e('x.created_at', '>=', madeAt), e('x.from_date', '>', madeAt)])),
  );
}

/**
 * Data of household `household` (a column reference, e.g. `eb.ref('f.household_key')`) is
 * hidden on `on`: one of an exclusion's persons lives there now, or, when `madeAt` (an ISO
 * timestamp: the start of a flag's run, a case's creation) is given, an exclusion made for this
 * household took effect after the data. A run made now needs no `madeAt`.
 */
export function excludedOn(household: Expression<string>, on: string, madeAt?: Expression<string>): Expression<SqlBool> {
  const inSet = eb()(household, 'in', excludedHouseholdsOn(on));
  if (!madeAt) return inSet;
  // The union of both sets first, so the statement is driven by the few excluded households.
  const either = excludedHouseholdsOn(on).union(inForceOn(on).select('x.household_key as household_key'));
  return eb().and([eb()(household, 'in', either), eb().or([inSet, madeBefore(household, on, madeAt)])]);
}

/**
 * The negation of `excludedOn`, written as `not in` and `not exists` so both databases plan a
 * hashed set and an anti-join: while an exclusion is in force every list and page leaves the
 * household out.
 */
export function notExcludedOn(household: Expression<string>, on: string, madeAt: Expression<string>): Expression<SqlBool> {
  return eb().and([eb()(household, 'not in', excludedHouseholdsOn(on)), eb().not(madeBefore(household, on, madeAt))]);
}

/** When run `runId` started, as one value for a statement over that run's flags. */
export function runStartedAt(runId: number) {
  return eb().selectFrom('scoring_runs as xrun').select('xrun.started_at').where('xrun.id', '=', runId).$asScalar();
}

/** Ids of the exclusions (lifted or not) with a person who now lives at `householdKey`. */
export function exclusionIdsAt(householdKey: string) {
  return eb()
    .selectFrom('household_exclusion_persons as xp')
    .innerJoin('persons as xperson', 'xperson.bsn_hash', 'xp.bsn_hash')
    .select('xp.exclusion_id')
    .where('xperson.address_key', '=', householdKey);
}
