import { Type, type Static } from 'typebox';
import { IdParams, IsoDate, IsoDateTime, PageInfo, PageQuery } from './common.ts';
import { TRIAGE_STATUSES, TriageOutcome, TriageStatus } from './triage.ts';

// Scoring runs and their flags (coordinator: all wijken; wijkteam: own wijken only).

export const RunSummary = Type.Object({
  id: Type.Integer(),
  as_of: IsoDate,
  rule_set_id: Type.Integer(),
  rule_set_name: Type.String(),
  rule_set_version: Type.Integer(),
  finished_at: IsoDateTime,
  /** Flags visible to this user (a wijkteam member: in their wijken). */
  flags: Type.Integer(),
  new_flags: Type.Integer(),
  persisting_flags: Type.Integer(),
});
export type RunSummary = Static<typeof RunSummary>;
export const RunList = Type.Array(RunSummary);
export type RunList = Static<typeof RunList>;

export const RunParams = Type.Object({ runId: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
export type RunParams = Static<typeof RunParams>;
export const FlagParams = Type.Object({ flagId: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
export type FlagParams = Static<typeof FlagParams>;
export { IdParams };

export const FLAG_SORTS = ['score', 'weeks_on_list', 'address', 'wijk', 'domains', 'status', 'assignee'] as const;
export type FlagSort = (typeof FLAG_SORTS)[number];

/** Triage statuses of a closed case: out of the way on a worklist unless asked for. */
export const CLOSED_TRIAGE_STATUSES = ['geen_actie_nodig', 'afgesloten'] as const satisfies readonly TriageStatus[];

const Weeks = Type.Integer({ minimum: 1, maximum: 100000 });
const Score = Type.Number({ minimum: 0, maximum: 1000000 });

/** What narrows a run's flags; shared by the list, the search and the dashboard's export. */
const FlagFilterFields = {
  wijk: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  status: Type.Optional(TriageStatus),
  /** `new`: entered the list in this run ("nieuw deze week"); `persisting`: was on the list in the run before too. */
  kind: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('persisting')])),
  min_score: Type.Optional(Score),
  max_score: Type.Optional(Score),
  /** Weeks on the list, both ends included. */
  min_weeks: Type.Optional(Weeks),
  max_weeks: Type.Optional(Weeks),
  indicator: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  assigned_to_me: Type.Optional(Type.Boolean()),
  /** Only the flags assigned to this user. */
  assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** Only the flags nobody is assigned to ("niet toegewezen"). */
  unassigned: Type.Optional(Type.Boolean()),
  /** Leave out closed cases (CLOSED_TRIAGE_STATUSES). */
  hide_closed: Type.Optional(Type.Boolean()),
  /** Only flags whose first-contact deadline has passed while still `nieuw` ("termijn verstreken"). */
  overdue: Type.Optional(Type.Boolean()),
};

const FlagOrderFields = {
  sort: Type.Optional(
    Type.Union([
      Type.Literal('score'),
      Type.Literal('weeks_on_list'),
      Type.Literal('address'),
      Type.Literal('wijk'),
      Type.Literal('domains'),
      Type.Literal('status'),
      Type.Literal('assignee'),
    ]),
  ),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
};

export const FlagsQuery = Type.Object({ ...FlagFilterFields, ...FlagOrderFields, ...PageQuery }, { additionalProperties: false });
export type FlagsQuery = Static<typeof FlagsQuery>;

/**
 * Part of an address: a postcode (or its start), with a house number and toevoeging, e.g.
 * "9711 AB 12". Sent only in a POST body: a search term never appears in a URL or a request log.
 */
export const AddressSearchTerm = Type.String({ minLength: 1, maxLength: 40 });

export const FlagsSearchBody = Type.Object(
  { ...FlagFilterFields, ...FlagOrderFields, ...PageQuery, search: Type.Optional(AddressSearchTerm) },
  { additionalProperties: false },
);
export type FlagsSearchBody = Static<typeof FlagsSearchBody>;

/** The dashboard's export of a run: the same filters as the list (no paging), by address. */
export const FlagsExportQuery = Type.Object(FlagFilterFields, { additionalProperties: false });
export type FlagsExportQuery = Static<typeof FlagsExportQuery>;
export const FlagsExportBody = Type.Object({ ...FlagFilterFields, search: Type.Optional(AddressSearchTerm) }, { additionalProperties: false });
export type FlagsExportBody = Static<typeof FlagsExportBody>;

/** The dashboard export's header: the contract's columns, then the list's follow-up. */
export const DASHBOARD_EXPORT_HEADER = 'address_key,wijk,score,domains,indicators,weeks_on_list,triage_status,assigned_to,first_contact_due';

export const FlagItem = Type.Object({
  id: Type.Integer(),
  run_id: Type.Integer(),
  /** Address key `POSTCODE-HUISNUMMER-TOEVOEGING`. */
  household_key: Type.String(),
  wijk: Type.String(),
  score: Type.Number(),
  domains: Type.Integer(),
  indicators: Type.Array(Type.String()),
  is_new: Type.Boolean(),
  weeks_on_list: Type.Integer(),
  adults: Type.Integer(),
  minors: Type.Integer(),
  triage_status: TriageStatus,
  assigned_to: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([TriageOutcome, Type.Null()]),
  /** First contact due (set when the household entered the list); null for episodes from before deadlines existed. */
  first_contact_due: Type.Union([IsoDate, Type.Null()]),
  /** An urgent indicator set a shorter deadline. */
  urgent: Type.Boolean(),
  /** Still `nieuw` after the due date. */
  overdue: Type.Boolean(),
});
export type FlagItem = Static<typeof FlagItem>;

/** Flags per triage status under the same filter and wijken as the list, whatever its status filter. */
export const StatusCounts = Type.Object(
  Object.fromEntries(TRIAGE_STATUSES.map((s) => [s, Type.Integer({ minimum: 0 })])) as Record<TriageStatus, ReturnType<typeof Type.Integer>>,
);
export type StatusCounts = Static<typeof StatusCounts>;

export const FlagsPage = Type.Object({ run_id: Type.Integer(), as_of: IsoDate, items: Type.Array(FlagItem), status_counts: StatusCounts, ...PageInfo });
export type FlagsPage = Static<typeof FlagsPage>;
