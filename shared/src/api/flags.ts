import { Type, type Static } from 'typebox';
import { IdParams, IsoDate, IsoDateTime, PageInfo, PageQuery } from './common.ts';
import { TriageOutcome, TriageStatus } from './triage.ts';

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

export const FLAG_SORTS = ['score', 'weeks_on_list', 'address', 'wijk', 'domains'] as const;

export const FlagsQuery = Type.Object(
  {
    wijk: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    status: Type.Optional(TriageStatus),
    /** `new`: entered the list in this run; `persisting`: was on the list in the run before too. */
    kind: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('persisting')])),
    min_score: Type.Optional(Type.Number({ minimum: 0, maximum: 1000000 })),
    indicator: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    assigned_to_me: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Union([Type.Literal('score'), Type.Literal('weeks_on_list'), Type.Literal('address'), Type.Literal('wijk'), Type.Literal('domains')])),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type FlagsQuery = Static<typeof FlagsQuery>;

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
});
export type FlagItem = Static<typeof FlagItem>;

export const FlagsPage = Type.Object({ run_id: Type.Integer(), as_of: IsoDate, items: Type.Array(FlagItem), ...PageInfo });
export type FlagsPage = Static<typeof FlagsPage>;
