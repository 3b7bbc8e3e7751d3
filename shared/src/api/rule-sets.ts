import { Type, type Static } from 'typebox';
import { Count, IsoDate, IsoDateTime } from './common.ts';

// Rule sets (beleidsmaker): drafts, preview, four-eyes publication.

export const RuleSetStatus = Type.Union([Type.Literal('draft'), Type.Literal('pending_approval'), Type.Literal('published')]);
export type RuleSetStatus = Static<typeof RuleSetStatus>;

export const Rule = Type.Object(
  {
    indicator: Type.String({ minLength: 1, maxLength: 64 }),
    domain: Type.String({ minLength: 1, maxLength: 64 }),
    weight: Type.Number({ minimum: 0, maximum: 1000 }),
    threshold: Type.Union([Type.Number({ minimum: 0, maximum: 1000000 }), Type.Null()]),
    window_days: Type.Integer({ minimum: 1, maximum: 3650 }),
    min_count: Type.Integer({ minimum: 1, maximum: 1000 }),
  },
  { additionalProperties: false },
);

/** The contract's rule-set JSON (section 3). */
export const RuleSetDefinition = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    flag_threshold: Type.Number({ minimum: 0, maximum: 100000 }),
    min_domains: Type.Union([Type.Integer({ minimum: 1, maximum: 7 }), Type.Null()]),
    rules: Type.Array(Rule, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type RuleSetDefinitionBody = Static<typeof RuleSetDefinition>;

export const RuleSetSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  version: Type.Integer(),
  status: RuleSetStatus,
  /** True for the published rule set that scoring uses now. */
  active: Type.Boolean(),
  created_at: IsoDateTime,
  created_by: Type.String(),
  publication_requested_by: Type.Union([Type.String(), Type.Null()]),
  publication_requested_at: Type.Union([IsoDateTime, Type.Null()]),
  published_at: Type.Union([IsoDateTime, Type.Null()]),
  published_by: Type.Union([Type.String(), Type.Null()]),
  approved_by: Type.Union([Type.String(), Type.Null()]),
});
export type RuleSetSummary = Static<typeof RuleSetSummary>;
export const RuleSetList = Type.Array(RuleSetSummary);

export const RuleSetDetail = Type.Object({ ...RuleSetSummary.properties, definition: RuleSetDefinition });
export type RuleSetDetail = Static<typeof RuleSetDetail>;

/** What a draft would do against the newest data: counts only, published as the aggregates are. */
export const PreviewResult = Type.Object({
  rule_set_id: Type.Integer(),
  as_of: IsoDate,
  /** The newest scoring run the draft is compared with (null when there is none). */
  compared_run_id: Type.Union([Type.Integer(), Type.Null()]),
  totals: Type.Object({ current: Count, draft: Count, entering: Count, leaving: Count, staying: Count }),
  /** Always empty: per wijk, previews of designed drafts would give small cells away (see the transparency page). */
  per_wijk: Type.Array(Type.Object({ wijk: Type.String(), current: Count, draft: Count, entering: Count, leaving: Count })),
  per_indicator: Type.Array(Type.Object({ indicator: Type.String(), current: Count, draft: Count })),
  duration_ms: Type.Integer(),
});
export type PreviewResult = Static<typeof PreviewResult>;
