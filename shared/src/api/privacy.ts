import { Type, type Static } from 'typebox';
import { IsoDate, VISIBLE_CHAR } from './common.ts';

// Residents' rights, handled by the privacy officer: access requests (AVG art. 15),
// signals marked incorrect (art. 16) and households excluded from scoring (art. 18/21).
// A BSN or address travels only in a POST body; no response ever holds a BSN.

/** A reason or ground: at least one visible character (zero-width spaces alone do not count). */
const Reason = Type.String({ minLength: 3, maxLength: 1000, pattern: VISIBLE_CHAR });

export const AccessRequestByBsn = Type.Object(
  { bsn: Type.String({ pattern: '^[0-9]{9}$', maxLength: 9 }), received_on: IsoDate },
  { additionalProperties: false },
);
export const AccessRequestByAddress = Type.Object(
  {
    postcode: Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$', maxLength: 7 }),
    huisnummer: Type.Integer({ minimum: 1, maximum: 99999 }),
    toevoeging: Type.Optional(Type.String({ maxLength: 4, pattern: '^[A-Za-z0-9]*$' })),
    received_on: IsoDate,
  },
  { additionalProperties: false },
);
export const CreateAccessRequestBody = Type.Union([AccessRequestByBsn, AccessRequestByAddress]);
export type CreateAccessRequestBody = Static<typeof CreateAccessRequestBody>;

export const AccessRequestItem = Type.Object({
  id: Type.Integer(),
  identified_by: Type.Union([Type.Literal('bsn'), Type.Literal('adres')]),
  received_on: IsoDate,
  deadline: IsoDate,
  extension_reason: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('open'), Type.Literal('afgehandeld')]),
  /** Days until the deadline, negative when it has passed. */
  days_left: Type.Integer(),
  /**
   * The day the person (or, by address, the first of the residents) came to live at the
   * address the request found, by the registry (the UTC date of the import); null: no limit.
   * The request covers its residences' periods: by BSN earlier addresses too.
   */
  scope_from: Type.Union([IsoDate, Type.Null()]),
  /** Whether the request's person(s) live in a household now: only then can it exclude one. */
  household: Type.Boolean(),
});
export type AccessRequestItem = Static<typeof AccessRequestItem>;
export const AccessRequestList = Type.Array(AccessRequestItem);

export const ExtendBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type ExtendBody = Static<typeof ExtendBody>;

export const WithholdBody = Type.Object(
  { triage_event_id: Type.Integer({ minimum: 1, maximum: 2147483647 }), ground: Reason },
  { additionalProperties: false },
);
export type WithholdBody = Static<typeof WithholdBody>;

/** A triage note of the household, for the privacy officer to decide whether to withhold it. */
export const RequestNote = Type.Object({
  triage_event_id: Type.Integer(),
  at: Type.String(),
  role: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
  withheld_ground: Type.Union([Type.String(), Type.Null()]),
});
export const RequestDetail = Type.Object({
  request: AccessRequestItem,
  signals: Type.Integer(),
  /** Of `signals`, those linked to no household: counted in no calculation. */
  unlinked_signals: Type.Integer(),
  flags: Type.Integer(),
  notes: Type.Array(RequestNote),
  exclusions: Type.Array(Type.Object({ id: Type.Integer(), ground: Type.String(), reason: Type.String(), from: IsoDate, to: IsoDate, lifted: Type.Boolean() })),
});
export type RequestDetail = Static<typeof RequestDetail>;

export const MarkBody = Type.Object(
  { source: Type.String({ minLength: 1, maxLength: 100 }), record_id: Type.String({ minLength: 1, maxLength: 200 }), reason: Reason },
  { additionalProperties: false },
);
export type MarkBody = Static<typeof MarkBody>;
export const MarkItem = Type.Object({
  id: Type.Integer(),
  source: Type.String(),
  /** The source by its name in plain Dutch (`Woningcorporatie noord`), never the code alone on screen. */
  source_name: Type.String(),
  record_id: Type.String(),
  reason: Type.String(),
  marked_role: Type.String(),
  marked_at: Type.String(),
  lifted_at: Type.Union([Type.String(), Type.Null()]),
});
export type MarkItem = Static<typeof MarkItem>;
export const MarkList = Type.Array(MarkItem);

/** The sources that delivered signals: what a mark can name, by code and by name. */
export const SignalSource = Type.Object({ source: Type.String(), name: Type.String() });
export type SignalSource = Static<typeof SignalSource>;
export const SignalSourceList = Type.Array(SignalSource);

export const ExclusionBody = Type.Object(
  {
    ground: Type.Union([Type.Literal('beperking'), Type.Literal('bezwaar')]),
    reason: Reason,
    from: IsoDate,
    to: IsoDate,
  },
  { additionalProperties: false },
);
export type ExclusionBody = Static<typeof ExclusionBody>;

export const RequestParams = Type.Object({ requestId: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
export const WithheldParams = Type.Object({
  requestId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  triageEventId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
export const ExclusionParams = Type.Object({
  requestId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  exclusionId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
