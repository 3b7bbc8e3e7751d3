import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, PageInfo, PageQuery } from './common.ts';
import { Role } from './auth.ts';
import { NO_HOUSEHOLD_TEXT } from './audit-shield.ts';

// Beheerder: users, roles, wijk assignments, the audit log, ingest runs and quarantine.

export const UserItem = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: Role,
  wijken: Type.Array(Type.String()),
  active: Type.Boolean(),
  created_at: IsoDateTime,
  /** Where e-mail notifications go; null when none is set. */
  email: Type.Union([Type.String(), Type.Null()]),
  /** A second factor (TOTP) is enrolled. */
  second_factor: Type.Optional(Type.Boolean()),
  /** The account waits for a new password (one-time password from create or reset) at its next sign-in. */
  reset_pending: Type.Optional(Type.Boolean()),
  last_login_at: Type.Optional(Type.Union([IsoDateTime, Type.Null()])),
  /** How the account signs in: with a local password, or through the organisation's OpenID Connect provider (no reset then). */
  sign_in: Type.Optional(Type.Union([Type.Literal('lokaal'), Type.Literal('organisatie')])),
});
export type UserItem = Static<typeof UserItem>;

/** After a reset: the one-time password, shown this once; a new second factor follows at sign-in. */
export const UserReset = Type.Object({ user: UserItem, one_time_password: Type.String() });
export type UserReset = Static<typeof UserReset>;
export const UserList = Type.Array(UserItem);

/** The wijken of the basisregistratie (where households live), sorted: what a wijkteam member can be given. */
export const WijkList = Type.Array(Type.String());

export const Username = Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9._-]+$' });
const Email = Type.String({ maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' });
const Wijken = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 });

/** No password: the server makes a one-time password that must be changed at the first sign-in. */
export const CreateUserBody = Type.Object({ username: Username, role: Role, wijken: Type.Optional(Wijken) }, { additionalProperties: false });
export type CreateUserBody = Static<typeof CreateUserBody>;
/** A new account with its one-time password, shown this once. */
export const UserCreated = Type.Object({ user: UserItem, one_time_password: Type.String() });
export type UserCreated = Static<typeof UserCreated>;

export const UpdateUserBody = Type.Object(
  {
    role: Type.Optional(Role),
    wijken: Type.Optional(Wijken),
    active: Type.Optional(Type.Boolean()),
    /** Null removes the address. */
    email: Type.Optional(Type.Union([Email, Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const AuditOutcome = Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')]);

/** Text the beheerder reads in the audit log: without an address key or postcode. */
const ShieldedText = Type.String({ pattern: NO_HOUSEHOLD_TEXT });

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: IsoDateTime,
  event: Type.String(),
  /** What the event means, in Dutch (describeAuditEvent). */
  description: Type.String(),
  username: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.String(), Type.Null()]),
  object_type: Type.Union([Type.String(), Type.Null()]),
  /** Never a household's address key or a flag id: "huishouden (afgeschermd)" (audit-shield.ts). */
  object_id: Type.Union([ShieldedText, Type.Null()]),
  /** Of a list, export or meeting its filter and page; never which households, nor how many. */
  detail: Type.Union([ShieldedText, Type.Null()]),
  outcome: AuditOutcome,
  ip: Type.Union([Type.String(), Type.Null()]),
  /** A hash of the session (never its id); the same for every entry of one session. */
  session_hash: Type.Union([Type.String(), Type.Null()]),
  user_agent: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Object(
  {
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    event: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    object_type: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Only with an object_type, and never of a household, flag or follow-up (SHIELDED_OBJECT_TYPES). */
    object_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    outcome: Type.Optional(AuditOutcome),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), ...PageInfo });
export type AuditPage = Static<typeof AuditPage>;

export const IngestRunItem = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  file_name: Type.String(),
  source_name: Type.Union([Type.String(), Type.Null()]),
  started_by: Type.String(),
  started_at: IsoDateTime,
  duration_ms: Type.Integer(),
  status: Type.String(),
  error: Type.Union([Type.String(), Type.Null()]),
  read_rows: Type.Integer(),
  stored: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  quarantined: Type.Integer(),
  unlinked: Type.Integer(),
});
export const IngestRunPage = Type.Object({ items: Type.Array(IngestRunItem), ...PageInfo });
export type IngestRunPage = Static<typeof IngestRunPage>;
export const PageOnlyQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

/** A quarantined row: where and why, never the raw row (it may hold a BSN). */
export const QuarantineItem = Type.Object({
  id: Type.Integer(),
  ingest_run_id: Type.Integer(),
  kind: Type.String(),
  source: Type.Union([Type.String(), Type.Null()]),
  row_number: Type.Integer(),
  reasons: Type.Array(Type.String()),
  created_at: IsoDateTime,
});
export const QuarantineQuery = Type.Object(
  {
    ingest_run: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
    /** Only the rows of this source. */
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type QuarantineQuery = Static<typeof QuarantineQuery>;
export const QuarantinePage = Type.Object({ items: Type.Array(QuarantineItem), ...PageInfo });
export type QuarantinePage = Static<typeof QuarantinePage>;
