import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.ts';

// The active rule set in plain words, as in the municipality's algorithm register.

export const Transparency = Type.Object({
  /** Null when no rule set has been published yet. */
  rule_set: Type.Union([
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      version: Type.Integer(),
      published_at: Type.Union([IsoDateTime, Type.Null()]),
      published_by: Type.Union([Type.String(), Type.Null()]),
      approved_by: Type.Union([Type.String(), Type.Null()]),
      /** 'beheer' when the operator CLI published it (no second beleidsmaker), 'vier-ogen' after approval. */
      published_via: Type.Union([Type.Literal('beheer'), Type.Literal('vier-ogen')]),
    }),
    Type.Null(),
  ]),
  purpose: Type.String(),
  flag_condition: Type.String(),
  indicators: Type.Array(
    Type.Object({
      indicator: Type.String(),
      label: Type.String(),
      domain: Type.String(),
      domain_label: Type.String(),
      weight: Type.Number(),
      threshold: Type.Union([Type.Number(), Type.Null()]),
      window_days: Type.Integer(),
      min_count: Type.Integer(),
      description: Type.String(),
    }),
  ),
  human_oversight: Type.String(),
});
export type Transparency = Static<typeof Transparency>;
