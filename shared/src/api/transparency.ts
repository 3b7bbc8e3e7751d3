import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.ts';
import { PublicIndicator } from './publication.ts';

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
  indicators: Type.Array(PublicIndicator),
  human_oversight: Type.String(),
});
export type Transparency = Static<typeof Transparency>;
