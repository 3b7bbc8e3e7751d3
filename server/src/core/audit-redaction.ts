import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { HOUSEHOLD_TEXT, isShieldedObjectType, SHIELDED_ID, SHIELDED_TEXT, type SHIELDED_OBJECT_TYPES } from '@vroegsignaal/shared/api/audit-shield';

// What the beheerder reads of an audit entry. The stored entry names the households a user
// saw (their address keys), so that the privacy officer can tell a resident who looked; the
// beheerder keeps sources and users in order without household data, and must not be able
// to tell which household an objection took off a list by comparing two entries. So every
// household identifier becomes a neutral text; a list, export or meeting keeps its filter
// and page but no count of households (a count that drops by one next to an exclusion names
// the household); and of the privacy officer's work only the event, time and role remain.

interface Redactable {
  event: string;
  object_type: string | null;
  object_id: string | null;
  detail: string | null;
}

const householdText = new RegExp(HOUSEHOLD_TEXT, 'g');
/** Keys of a list's, export's or meeting's JSON detail that name or count its households. */
const COUNT_KEYS = ['huishoudens', 'adressen', 'getoond', 'totaal'];
/** The same keys when the JSON tail does not parse (`"huishoudens":[…]`, `"totaal":40`). */
const countEntries = /"(?:huishoudens|adressen|getoond|totaal)":(?:\d+|\[(?:"(?:[^"\\]|\\.)*",?)*\]),?/g;
/** The command line's export and run: `…naar stdout: 12 huishoudens`, `peildatum 2026-10-08: 40 signaleringen`. */
const countText = /:? ?\b\d+ (?:huishoudens|signaleringen)\b/g;
/** The address a user searched for (flag list search and export). */
const searchTerm = /"search":"(?:[^"\\]|\\.)*"/g;
/** A flag id: flags are numbered per run in address order, so an id hints at the address. */
const flagId = /\bsignalering \d+/g;

/** Events of residents' rights (requests, exclusions, withheld notes, marks), also when denied or failed. */
const PRIVACY_EVENTS = new Set([
  ...Object.entries(ENDPOINTS)
    .filter(([, e]) => e.url.startsWith('/api/privacy/'))
    .map(([name]) => name),
  'access_request_read',
  'access_letter',
]);
const isPrivacyEvent = (event: string) => PRIVACY_EVENTS.has(event.replace(/^(denied|rate_limited|server_error):/, ''));

/** An entry as the audit API shows it to the beheerder. */
export function redactAuditEntry<T extends Redactable>(entry: T): T {
  if (isPrivacyEvent(entry.event)) return { ...entry, object_id: entry.object_id === null ? null : shieldedId(entry.object_type), detail: null };
  return { ...entry, object_id: redactObjectId(entry.object_type, entry.object_id), detail: redactDetail(entry.detail) };
}

const shieldedId = (type: string | null) => (isShieldedObjectType(type) ? SHIELDED_ID[type as (typeof SHIELDED_OBJECT_TYPES)[number]] : SHIELDED_TEXT);

function redactObjectId(type: string | null, id: string | null): string | null {
  if (id === null) return null;
  if (isShieldedObjectType(type)) return shieldedId(type);
  return id.replace(householdText, SHIELDED_TEXT);
}

export function redactDetail(detail: string | null): string | null {
  if (detail === null) return null;
  const shown = withoutCounts(detail.replace(searchTerm, `"search":"${SHIELDED_TEXT}"`))
    .replace(countText, '')
    .replace(flagId, `signalering ${SHIELDED_TEXT}`)
    .replace(householdText, SHIELDED_TEXT)
    .trim();
  return shown === '' ? null : shown;
}

/** Drops the household keys and counts of a detail's JSON tail, and the tail itself once empty. */
function withoutCounts(detail: string): string {
  const start = detail.indexOf('{');
  if (start < 0) return detail;
  const head = detail.slice(0, start);
  const tail = parseObject(detail.slice(start));
  if (tail === null) return detail.replace(countEntries, '').replace(/,([}\]])/g, '$1');
  for (const key of COUNT_KEYS) delete tail[key];
  if (Object.keys(tail).length === 0) return head.replace(/[:;]?\s*$/, '');
  return `${head}${JSON.stringify(tail)}`;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
