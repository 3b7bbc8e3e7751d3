// What the beheerder's audit page may never show: which household an entry is about.
// The stored log keeps it (the privacy officer's access letter searches it); the audit API
// replaces it. Shared so that the web's filter form refuses what the server refuses.

/**
 * Object types whose id names one family: an address key, a flag or follow-up of one run,
 * or a resident's access request or a correction mark (the privacy officer's work, of which
 * the beheerder sees only that it happened).
 */
export const SHIELDED_OBJECT_TYPES = ['household', 'flag', 'triage', 'access_request', 'signal_mark'] as const;

export const isShieldedObjectType = (type: string | null | undefined): boolean =>
  type !== null && type !== undefined && (SHIELDED_OBJECT_TYPES as readonly string[]).includes(type);

/** What the audit API shows instead of an object id of a shielded type. */
export const SHIELDED_ID: Record<(typeof SHIELDED_OBJECT_TYPES)[number], string> = {
  household: 'huishouden (afgeschermd)',
  flag: 'signalering (afgeschermd)',
  triage: 'opvolging (afgeschermd)',
  access_request: 'inzageverzoek (afgeschermd)',
  signal_mark: 'markering (afgeschermd)',
};

/** What replaces an address, a postcode or a search term inside a detail. */
export const SHIELDED_TEXT = '(afgeschermd)';

/**
 * An address key (`9711AB-12-A`) or a postcode (`9711AB`, `9711 AB`, with a house number
 * after it or not). Capitals only: lower-case hex (content hashes) is no postcode.
 */
export const HOUSEHOLD_TEXT = '\\b[1-9][0-9]{3} ?[A-Z]{2}\\b(?:-[0-9]{1,5}-[A-Z0-9]*| [0-9]{1,5}(?: ?[A-Za-z0-9]{1,4}\\b)?)?';

/** A text with no address key or postcode in it (the audit API's object ids and details). */
export const NO_HOUSEHOLD_TEXT = `^(?![\\s\\S]*${HOUSEHOLD_TEXT})[\\s\\S]*$`;

/** Why a search on one shielded object is refused (`querystring.object_id`). */
export const SHIELDED_FILTER_REASON = 'zoeken op één huishouden, signalering, opvolging, verzoek of markering kan niet: die zijn afgeschermd';
/** Why a search on an object id needs its type (an id alone could still find a household). */
export const OBJECT_ID_NEEDS_TYPE_REASON = 'zoeken op een object kan alleen samen met een soort object';
