import { Type, type Static } from 'typebox';
import { RuleSetInput, RuleSetSchema } from '../rule-set.ts';
import { Count, IsoDate, IsoDateTime } from './common.ts';

// Rule sets (beleidsmaker): drafts, preview, four-eyes publication.

export const RuleSetStatus = Type.Union([Type.Literal('draft'), Type.Literal('pending_approval'), Type.Literal('published')]);
export type RuleSetStatus = Static<typeof RuleSetStatus>;

/** The contract's rule-set JSON (section 3) as a request body: what every validator accepts. */
export const RuleSetBody = RuleSetInput;
/** A rule set as stored and returned. */
export const RuleSetDefinition = RuleSetSchema;
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
  /** Why the second beleidsmaker approved it. */
  approval_reason: Type.Union([Type.String(), Type.Null()]),
  /** 'beheer' when the operator CLI published it, 'vier-ogen' after approval; null before publication. */
  published_via: Type.Union([Type.Literal('beheer'), Type.Literal('vier-ogen'), Type.Null()]),
  /** SHA-256 of the canonical definition: the exact version an approval names. */
  content_hash: Type.String(),
});
export type RuleSetSummary = Static<typeof RuleSetSummary>;
export const RuleSetList = Type.Array(RuleSetSummary);

export const RuleSetEvent = Type.Object({
  kind: Type.Union([
    Type.Literal('created'),
    Type.Literal('edited'),
    Type.Literal('requested'),
    Type.Literal('withdrawn'),
    Type.Literal('voided'),
    Type.Literal('approved'),
    Type.Literal('published'),
  ]),
  by: Type.String(),
  at: IsoDateTime,
  content_hash: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type RuleSetEvent = Static<typeof RuleSetEvent>;

export const RuleSetDetail = Type.Object({ ...RuleSetSummary.properties, definition: RuleSetDefinition, history: Type.Array(RuleSetEvent) });
export type RuleSetDetail = Static<typeof RuleSetDetail>;

/** What a draft would do against the newest data, compared with the rule set in use: counts only, published as the aggregates are. */
export const PreviewResult = Type.Object({
  rule_set_id: Type.Integer(),
  as_of: IsoDate,
  /** The newest scoring run, whose data both sets are scored on (null when there is none). */
  compared_run_id: Type.Union([Type.Integer(), Type.Null()]),
  /** The draft has the rules of the rule set in use, the newest published (name and rule order aside): the list would not change. */
  same_rules: Type.Boolean(),
  totals: Type.Object({ current: Count, draft: Count, entering: Count, leaving: Count, staying: Count }),
  // No counts per wijk: per wijk, previews of designed drafts would give small cells away (see the transparency page).
  per_indicator: Type.Array(Type.Object({ indicator: Type.String(), current: Count, draft: Count })),
  duration_ms: Type.Integer(),
});
export type PreviewResult = Static<typeof PreviewResult>;

/** An approval names the version it approves (its content hash) and why. */
export const ApproveRuleSet = Type.Object(
  {
    content_hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type ApproveRuleSet = Static<typeof ApproveRuleSet>;
