import { Type, type Static } from 'typebox';
import { Count, IsoDate, IsoDateTime } from './common.ts';

// What the municipality publishes about Vroegsignaal: the public "Hoe werkt het?" page
// (no session, no household data, no person's name), the Algoritmeregister export and
// the DPIA fact sheet.

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const PublicApproval = Type.Object({
  /** vier-ogen: requested by one beleidsmaker, approved by another; beheer: published by the operator CLI; onbekend: no approval recorded. */
  via: Type.Union([Type.Literal('vier-ogen'), Type.Literal('beheer'), Type.Literal('onbekend')]),
  requested_at: Nullable(IsoDateTime),
  requested_by_role: Nullable(Type.String()),
  approved_at: Nullable(IsoDateTime),
  approved_by_role: Nullable(Type.String()),
  /** One Dutch sentence saying when and by which role. */
  text: Type.String(),
});

export const PublicIndicator = Type.Object({
  indicator: Type.String(),
  label: Type.String(),
  domain: Type.String(),
  domain_label: Type.String(),
  weight: Type.Number(),
  threshold: Type.Union([Type.Number(), Type.Null()]),
  window_days: Type.Integer(),
  min_count: Type.Integer(),
  description: Type.String(),
});

export const PublicTransparency = Type.Object({
  organisation: Nullable(Type.String()),
  purpose: Type.String(),
  legal_basis: Type.Object({ text: Type.String(), title: Nullable(Type.String()), url: Nullable(Type.String()) }),
  signal_not_decision: Type.String(),
  human_oversight: Type.String(),
  rule_set: Type.Union([
    Type.Object({
      name: Type.String(),
      version: Type.Integer(),
      published_at: Nullable(IsoDateTime),
      flag_threshold: Type.Number(),
      min_domains: Type.Union([Type.Integer(), Type.Null()]),
      approval: PublicApproval,
    }),
    Type.Null(),
  ]),
  flag_condition: Type.String(),
  indicators: Type.Array(PublicIndicator),
  sources: Type.Array(Type.Object({ name: Type.String(), indicators: Type.Array(Type.Object({ indicator: Type.String(), label: Type.String() })) })),
  /** The newest scoring run's total, published through the small-cell rules. */
  latest_run: Type.Union([Type.Object({ as_of: IsoDate, flags: Count }), Type.Null()]),
  roles: Type.Array(Type.Object({ role: Type.String(), sees: Type.String() })),
  retention: Type.Array(Type.Object({ what: Type.String(), days: Type.Integer() })),
  small_cells: Type.String(),
  rights: Type.String(),
  contact: Nullable(Type.String()),
});
export type PublicTransparency = Static<typeof PublicTransparency>;

export const RegisterExportQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })) },
  { additionalProperties: false },
);
export type RegisterExportQuery = Static<typeof RegisterExportQuery>;

const FieldValue = Type.Union([Type.String(), Type.Array(Type.String()), Type.Null()]);

export const RegisterExport = Type.Object({
  schema: Type.String(),
  /** The register's field names as keys; null where nobody filled the field in. */
  entry: Type.Record(Type.String(), FieldValue),
  /** Mandatory fields still empty, by their register name. */
  missing: Type.Array(Type.String()),
  empty_shown: Type.Array(Type.String()),
  invalid: Type.Array(Type.Object({ field: Type.String(), reason: Type.String() })),
});
export type RegisterExport = Static<typeof RegisterExport>;

export const DpiaQuery = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    format: Type.Optional(Type.Union([Type.Literal('md'), Type.Literal('pdf')], { default: 'md' })),
  },
  { additionalProperties: false },
);
export type DpiaQuery = Static<typeof DpiaQuery>;
