import { HOUSEHOLD_TEXT, isShieldedObjectType, SHIELDED_ID, SHIELDED_TEXT, type SHIELDED_OBJECT_TYPES } from '@vroegsignaal/shared/api/audit-shield';

// What the beheerder reads of an audit entry. The stored entry names the households a user
// saw (their address keys), so that the privacy officer can tell a resident who looked; the
// beheerder keeps sources and users in order without household data, and must not be able
// to tell which household an objection took off the week list by comparing two list views.
// So every household identifier becomes a neutral text, and a list keeps how many
// households it showed, its filter and page, not which households.

interface Redactable {
  object_type: string | null;
  object_id: string | null;
  detail: string | null;
}

const householdText = new RegExp(HOUSEHOLD_TEXT, 'g');
/** `"huishoudens":["9711AB-1-",…]` (list views) and `"adressen":[…]` (exports). */
const shownKeys = /"(huishoudens|adressen)":\[((?:"(?:[^"\\]|\\.)*",?)*)\]/g;
/** A list's total under its filter: compared across views it tells where a household went. */
const listTotal = /,"totaal":\d+|"totaal":\d+,?/g;
/** The address a user searched for (flag list search and export). */
const searchTerm = /"search":"(?:[^"\\]|\\.)*"/g;
/** A flag id: flags are numbered per run in address order, so an id hints at the address. */
const flagId = /\bsignalering \d+/g;

/** An entry as the audit API shows it to the beheerder. */
export function redactAuditEntry<T extends Redactable>(entry: T): T {
  return { ...entry, object_id: redactObjectId(entry.object_type, entry.object_id), detail: redactDetail(entry.detail) };
}

function redactObjectId(type: string | null, id: string | null): string | null {
  if (id === null) return null;
  if (isShieldedObjectType(type)) return SHIELDED_ID[type as (typeof SHIELDED_OBJECT_TYPES)[number]];
  return id.replace(householdText, SHIELDED_TEXT);
}

export function redactDetail(detail: string | null): string | null {
  if (detail === null) return null;
  return detail
    .replace(shownKeys, (_, key: string, items: string) => `"${key}":${(JSON.parse(`[${items}]`) as unknown[]).length}`)
    .replace(listTotal, '')
    .replace(searchTerm, `"search":"${SHIELDED_TEXT}"`)
    .replace(flagId, `signalering ${SHIELDED_TEXT}`)
    .replace(householdText, SHIELDED_TEXT);
}
