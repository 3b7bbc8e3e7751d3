import type { Generated } from 'kysely';

// Tables of the API server: users, sessions, login attempts, triage, audit log (migration 0003).

export interface UserTable {
  id: Generated<number>;
  username: string;
  role: 'coordinator' | 'wijkteam' | 'beleidsmaker' | 'beheerder' | 'privacy';
  /** argon2id PHC string. */
  password_hash: string;
  /** JSON array of wijk names (wijkteam members). */
  wijken: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** A server-side session; the cookie holds a random token, the table only its SHA-256. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** The provider's session id (`sid`) of a session begun through OpenID Connect (migration 2026-12-05-0510). */
  oidc_sid: string | null;
  /** The ID token of that sign-in, sent back as id_token_hint at logout. */
  oidc_id_token: string | null;
  ip: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  at: string;
  success: number;
  ip: string | null;
}

/** One triage per household per episode on the list (keyed on the run it entered the list). */
export interface TriageTable {
  id: Generated<number>;
  household_key: string;
  episode_run_id: number;
  wijk: string;
  status: string;
  assigned_to: string | null;
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

export interface TriageEventTable {
  id: Generated<number>;
  triage_id: number;
  at: string;
  by_user: string;
  /** Null only for events of users removed before roles were kept. */
  by_role: string | null;
  kind: 'status' | 'assignment' | 'outcome' | 'note';
  from_status: string | null;
  to_status: string | null;
  assigned_to: string | null;
  outcome: string | null;
  note: string | null;
}

/** Append-only from the API. Never signal contents or a BSN. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  event: string;
  username: string | null;
  role: string | null;
  object_type: string | null;
  object_id: string | null;
  detail: string | null;
  outcome: 'success' | 'denied' | 'failure';
  ip: string | null;
  /** SHA-256 of the session's id (itself a hash of the cookie token); null without a session. */
  session_hash: string | null;
  user_agent: string | null;
}

/** The one row (id 1): audit entries younger than `days` cannot be deleted; it may only grow (migration 0500). */
export interface AuditRetentionTable {
  id: number;
  days: number;
}

/** An access request (AVG art. 15): the household it concerns, never the BSN it was found by. */
export interface AccessRequestTable {
  id: Generated<number>;
  household_key: string;
  identified_by: 'bsn' | 'adres';
  received_on: string;
  deadline: string;
  extension_reason: string | null;
  status: 'open' | 'afgehandeld';
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

/** A triage note left out of a request's letter, with the legal ground. */
export interface AccessRequestWithheldTable {
  request_id: number;
  triage_event_id: number;
  ground: string;
}

/** A signal marked incorrect (AVG art. 16): excluded from scoring while not lifted. */
export interface SignalMarkTable {
  id: Generated<number>;
  source: string;
  record_id: string;
  reason: string;
  marked_by: string;
  marked_role: string;
  marked_at: string;
  lifted_at: string | null;
  lifted_by: string | null;
}

/** A household excluded from scoring for a period (AVG art. 18 or 21). */
export interface HouseholdExclusionTable {
  id: Generated<number>;
  household_key: string;
  ground: 'beperking' | 'bezwaar';
  reason: string;
  from_date: string;
  to_date: string;
  created_by: string;
  created_at: string;
  lifted_at: string | null;
  lifted_by: string | null;
}

/** Who an OpenID Connect identity (issuer + subject) is in this system (migration 2026-12-05-0510). */
export interface OidcIdentityTable {
  id: Generated<number>;
  issuer: string;
  subject: string;
  user_id: number;
  /** The `email` claim of the last sign-in, when the provider sent one. */
  email: string | null;
  created_at: string;
  last_login_at: string;
}

export interface AccessTables {
  access_requests: AccessRequestTable;
  access_request_withheld: AccessRequestWithheldTable;
  signal_marks: SignalMarkTable;
  household_exclusions: HouseholdExclusionTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  triage: TriageTable;
  triage_events: TriageEventTable;
  audit_log: AuditLogTable;
  audit_retention: AuditRetentionTable;
  oidc_identities: OidcIdentityTable;
}
