import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, PageInfo, PageQuery } from './common.ts';

// Beheerder: sources (configured feeds), their health and the scheduler's job runs.

export const SourceHealth = Type.Object({
  status: Type.Union([Type.Literal('green'), Type.Literal('amber'), Type.Literal('red')]),
  reasons: Type.Array(Type.String()),
  last_delivery_at: Type.Union([IsoDateTime, Type.Null()]),
  days_since_delivery: Type.Union([Type.Number(), Type.Null()]),
  last_rows: Type.Union([Type.Integer(), Type.Null()]),
  usual_rows: Type.Union([Type.Number(), Type.Null()]),
  quarantine_share: Type.Union([Type.Number(), Type.Null()]),
  usual_quarantine_share: Type.Union([Type.Number(), Type.Null()]),
});

export const SourceItem = Type.Object({
  name: Type.String(),
  indicators: Type.Array(Type.String()),
  fetch_kind: Type.Union([Type.Literal('folder'), Type.Literal('http')]),
  /** Drop folder or URL. An authentication header's value is never returned. */
  location: Type.String(),
  auth_header_name: Type.Union([Type.String(), Type.Null()]),
  schedule: Type.String(),
  expected_interval_days: Type.Integer(),
  column_mapping: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
  enabled: Type.Boolean(),
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
  health: SourceHealth,
  /** The newest failed pull of this source (its job run), to link to; null when none is on record. */
  last_failure: Type.Union([Type.Object({ id: Type.Integer(), started_at: IsoDateTime, error: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  /** Rows of this source in quarantine now. */
  quarantined_rows: Type.Integer(),
});
export type SourceItem = Static<typeof SourceItem>;
export const SourceList = Type.Array(SourceItem);

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const SourceBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9._-]*$' })),
    indicators: Type.Optional(Type.Array(Text(64), { maxItems: 20 })),
    folder: Type.Optional(Text(500)),
    url: Type.Optional(Text(2000)),
    auth_header: Type.Optional(Type.Union([Type.Object({ name: Text(100), value: Text(2000) }, { additionalProperties: false }), Type.Null()])),
    schedule: Type.Optional(Text(100)),
    expected_interval_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
    column_mapping: Type.Optional(Type.Union([Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 100 })), Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SourceBody = Static<typeof SourceBody>;

export const SourceParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }) });

/** What a job run did: counts, and flags such as `sameAsLastDelivery` (one schema for scheduler, CLI and API). */
export const JobCounts = Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]));
export type JobCounts = Static<typeof JobCounts>;

export const JobRunItem = Type.Object({
  id: Type.Integer(),
  job: Type.String(),
  source_name: Type.Union([Type.String(), Type.Null()]),
  trigger: Type.String(),
  started_at: IsoDateTime,
  finished_at: Type.Union([IsoDateTime, Type.Null()]),
  outcome: Type.String(),
  counts: Type.Union([JobCounts, Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type JobRunItem = Static<typeof JobRunItem>;
export const JobRunList = Type.Array(JobRunItem);

export const JobOutcome = Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('running')]);
export type JobOutcome = Static<typeof JobOutcome>;

export const JobsQuery = Type.Object(
  {
    job: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    outcome: Type.Optional(JobOutcome),
    /** Started on or after this day (UTC). */
    from: Type.Optional(IsoDate),
    /** Started on or before this day (UTC). */
    to: Type.Optional(IsoDate),
    /** Leave out pulls that found nothing new (an empty drop folder, the same file as last time). */
    skip_idle: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type JobsQuery = Static<typeof JobsQuery>;
export const JobRunPage = Type.Object({
  items: Type.Array(JobRunItem),
  ...PageInfo,
  /** Every job name on record, for the filter. */
  jobs: Type.Array(Type.String()),
});
export type JobRunPage = Static<typeof JobRunPage>;
