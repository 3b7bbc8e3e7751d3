import { Type, type Static } from 'typebox';
import { IsoDate } from './common.ts';
import { Triage } from './triage.ts';

// The detail of one flagged household, reached through a flag id. Never a BSN.

export const Member = Type.Object({ age: Type.Integer(), minor: Type.Boolean() });

export const FlagExplanation = Type.Object({
  flag_id: Type.Integer(),
  run_id: Type.Integer(),
  as_of: IsoDate,
  score: Type.Number(),
  domains: Type.Integer(),
  flag_threshold: Type.Number(),
  min_domains: Type.Union([Type.Integer(), Type.Null()]),
  rule_set: Type.Object({ id: Type.Integer(), name: Type.String(), version: Type.Integer() }),
  /** The active rules, with the signals that made each one active. */
  rules: Type.Array(
    Type.Object({
      indicator: Type.String(),
      domain: Type.String(),
      weight: Type.Number(),
      qualifying: Type.Integer(),
      signals: Type.Array(
        Type.Object({
          source: Type.String(),
          record_id: Type.String(),
          observed_on: IsoDate,
          value: Type.Union([Type.Number(), Type.Null()]),
          /** Set when the signal was later marked incorrect (AVG art. 16): it no longer counts in new runs. */
          correction: Type.Optional(Type.Object({ reason: Type.String(), marked_at: Type.String() })),
          /** Observed before the current residents came to live here and naming none of them (it may still count): not to be attributed to them. */
          before_residents: Type.Boolean(),
        }),
      ),
    }),
  ),
});
export type FlagExplanation = Static<typeof FlagExplanation>;

export const TimelineSignal = Type.Object({
  /** The stored signal version's id: a stable list key. */
  id: Type.Integer(),
  indicator: Type.String(),
  domain: Type.String(),
  source: Type.String(),
  observed_on: IsoDate,
  value: Type.Union([Type.Number(), Type.Null()]),
  /** Names a current resident and was observed before they came to live here: possibly at a previous address. */
  before_arrival: Type.Boolean(),
});

export const TrendPoint = Type.Object({
  run_id: Type.Integer(),
  as_of: IsoDate,
  flagged: Type.Boolean(),
  score: Type.Union([Type.Number(), Type.Null()]),
  domains: Type.Union([Type.Integer(), Type.Null()]),
});

export const HouseholdDetail = Type.Object({
  household_key: Type.String(),
  /** The day the current residents came to live here: earlier flags, trend, signals and notes from before it are left out; null: nothing left out. */
  shown_from: Type.Union([IsoDate, Type.Null()]),
  address: Type.Object({ postcode: Type.String(), huisnummer: Type.Integer(), toevoeging: Type.String() }),
  wijk: Type.String(),
  composition: Type.Object({ adults: Type.Integer(), minors: Type.Integer(), members: Type.Array(Member) }),
  /** The flag this detail was opened from. */
  flag: FlagExplanation,
  /** Earlier flags of this household, newest first, with their rules and weights; their signals come with their own detail. */
  earlier_flags: Type.Array(FlagExplanation),
  /** Whether the household was on the list in each run, oldest first (weeks on list and trend). */
  trend: Type.Array(TrendPoint),
  weeks_on_list: Type.Integer(),
  timeline: Type.Array(TimelineSignal),
  triage: Triage,
});
export type HouseholdDetail = Static<typeof HouseholdDetail>;
