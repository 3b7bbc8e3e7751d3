import { Type, type Static } from 'typebox';
import { Count, IsoDate } from './common.ts';

// Aggregates for beleidsmakers: counts only, below 5 shown as "<5", the rest rounded to tens.

export const AggregateRunQuery = Type.Object({ run: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) }, { additionalProperties: false });
export type AggregateRunQuery = Static<typeof AggregateRunQuery>;

export const WeeksQuery = Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) }, { additionalProperties: false });
export type WeeksQuery = Static<typeof WeeksQuery>;

export const WeekAggregate = Type.Object({
  run_id: Type.Integer(),
  as_of: IsoDate,
  rule_set_version: Type.Integer(),
  flags: Count,
  new_flags: Count,
  persisting_flags: Count,
  dropped_flags: Count,
});
export const WeeksAggregate = Type.Array(WeekAggregate);
export type WeekAggregate = Static<typeof WeekAggregate>;

export const WijkAggregate = Type.Object({
  wijk: Type.String(),
  flags: Count,
  gezinshuishoudens: Count,
  /** Flags per 100 gezinshuishoudens, from the rounded counts; null when a count behind it is hidden. */
  flag_rate: Type.Union([Type.Number(), Type.Null()]),
  /** Share of all flags and share of all gezinshuishoudens (0..1); null when suppressed. */
  share_of_flags: Type.Union([Type.Number(), Type.Null()]),
  share_of_gezinshuishoudens: Type.Union([Type.Number(), Type.Null()]),
  /** share_of_flags / share_of_gezinshuishoudens: above 1 means over-represented. */
  over_representation: Type.Union([Type.Number(), Type.Null()]),
});
export const WijkenAggregate = Type.Object({
  run_id: Type.Integer(),
  as_of: IsoDate,
  total_flags: Count,
  total_gezinshuishoudens: Count,
  wijken: Type.Array(WijkAggregate),
});
export type WijkenAggregate = Static<typeof WijkenAggregate>;

export const IndicatorsAggregate = Type.Object({
  run_id: Type.Integer(),
  as_of: IsoDate,
  total_flags: Count,
  /** Flags in which the indicator is active (a flag has several: these do not add up to the total). */
  indicators: Type.Array(Type.Object({ indicator: Type.String(), domain: Type.String(), flags: Count })),
  domains: Type.Array(Type.Object({ domain: Type.String(), flags: Count })),
});
export type IndicatorsAggregate = Static<typeof IndicatorsAggregate>;

export const PrecisionAggregate = Type.Array(
  Type.Object({
    indicator: Type.String(),
    terecht: Count,
    niet_terecht: Count,
    /** terecht / (terecht + niet_terecht) from the rounded counts; null when one is hidden. */
    precision: Type.Union([Type.Number(), Type.Null()]),
  }),
);
export type PrecisionAggregate = Static<typeof PrecisionAggregate>;
