import { expressionBuilder, type Expression } from 'kysely';
import type { Database } from '../db/schema.ts';

// An exclusion (restriction, objection) is for the persons who lived in the household when it
// was made (household_exclusion_persons), not for the address: it applies to every household
// where one of them lives now (current registry), and to no address none of them lives at.
// Every reader of "is this household excluded" goes through this file.

const eb = () => expressionBuilder<Database, never>();

/**
 * The households excluded on `on`: each address where a person of an exclusion in force on
 * `on` (not lifted, the period holds the date) now lives. An uncorrelated set, computed once
 * per statement from the few active exclusions (persons by primary key); never null.
 */
export function excludedHouseholdsOn(on: string) {
  return eb()
    .selectFrom('household_exclusions as x')
    .innerJoin('household_exclusion_persons as xp', 'xp.exclusion_id', 'x.id')
    .innerJoin('persons as xperson', 'xperson.bsn_hash', 'xp.bsn_hash')
    .select('xperson.address_key as household_key')
    .where('x.lifted_at', 'is', null)
    .where('x.from_date', '<=', on)
    .where('x.to_date', '>=', on);
}

/** The household `household` (a column reference, e.g. `eb.ref('f.household_key')`) is excluded on `on`. */
export function excludedOn(household: Expression<string>, on: string) {
  return eb()(household, 'in', excludedHouseholdsOn(on));
}

/**
 * The household `household` has no exclusion in force on `on`: while one is, every list and
 * page leaves it out.
 */
export function notExcludedOn(household: Expression<string>, on: string) {
  return eb()(household, 'not in', excludedHouseholdsOn(on));
}

/** Ids of the exclusions (lifted or not) with a person who now lives at `householdKey`. */
export function exclusionIdsAt(householdKey: string) {
  return eb()
    .selectFrom('household_exclusion_persons as xp')
    .innerJoin('persons as xperson', 'xperson.bsn_hash', 'xp.bsn_hash')
    .select('xp.exclusion_id')
    .where('xperson.address_key', '=', householdKey);
}
