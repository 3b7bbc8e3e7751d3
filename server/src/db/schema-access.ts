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
  /** Where notifications go; set by the beheerder (migration 2026-12-05-0530). */
  email: string | null;
  /** JSON array of the notification kinds this user switched off. */
  notifications_off: Generated<string>;
  /** 1: the password is a one-time password (CLI, reset) that must be changed at sign-in. */
  must_change_password: Generated<number>;
  /** 1: a new second factor must be enrolled at the next sign-in (after a reset). */
  must_enrol_totp: Generated<number>;
  /** The TOTP secret, AES-256-GCM encrypted (services/totp-crypto); null when not enrolled. */
  totp_secret: string | null;
  /** A secret shown for enrolment and not yet confirmed with a code. */
  totp_pending_secret: string | null;
  /** The newest TOTP time step accepted: a code of that step or before is a replay. */
  totp_last_step: number | string | null;
  /** Wrong second-factor codes in a row; at the limit the second factor is locked until a reset (migration 2026-12-05-0610). */
  totp_failures: Generated<number>;
  last_login_at: string | null;
}

/** One-time recovery codes, SHA-256 of the code (each has 80 random bits). */
export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
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
  /** `full`, or the step of the sign-in still to do: `totp`, `password`, `enrol`. */
  stage: Generated<string>;
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
  /** "Opnieuw bekijken op": a concluded case returns to the worklist on this date. */
  review_on: string | null;
}

/** The first-contact due date of an episode, set when the household entered the list. */
export interface TriageDeadlineTable {
  household_key: string;
  episode_run_id: number;
  first_contact_due: string;
  /** 1 when an urgent indicator set the shorter deadline. */
  urgent: number;
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
  /** The review date set with this step, if any. */
  review_on: string | null;
  /** The zorgnetwerk meeting whose record took this step. */
  meeting_id: number | null;
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
  /** Null for a person the registry does not know: the request holds their unlinked signals (access_request_signals). */
  household_key: string | null;
  identified_by: 'bsn' | 'adres';
  received_on: string;
  deadline: string;
  extension_reason: string | null;
  status: 'open' | 'afgehandeld';
  created_by: string;
  created_at: string;
  closed_at: string | null;
  /** Shown only: the day the residents of the address it found came to live there; null: no limit. Its scope is access_request_residences (migration 2026-12-05-0701). */
  scope_from: string | null;
}

/** An unlinked signal (its bsn not in the registry) that a request by that BSN found; never the bsn or its hash. */
export interface AccessRequestSignalTable {
  request_id: number;
  signal_id: number;
}

/** A residence a request covers (migration 2026-12-05-0701): its scope is their (address, since, until). */
export interface AccessRequestResidenceTable {
  request_id: number;
  residence_id: number;
}

/** The request an exclusion was made through (migration 2026-12-05-0710). */
export interface AccessRequestExclusionTable {
  exclusion_id: number;
  request_id: number;
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

/**
 * The persons an exclusion is for: the keyed bsn hash of each person living in its household
 * when it was made (migration 2026-12-05-0710). It applies wherever one of them lives now.
 */
export interface HouseholdExclusionPersonTable {
  exclusion_id: number;
  bsn_hash: string;
}

export interface MeetingTable {
  id: Generated<number>;
  held_on: string;
  /** JSON array of wijk names. */
  wijken: string;
  created_by: string;
  created_at: string;
}

export interface MeetingItemTable {
  id: Generated<number>;
  meeting_id: number;
  flag_id: number;
  household_key: string;
  wijk: string;
  added_by: string;
  added_at: string;
  advice: string | null;
  regisseur_name: string | null;
  regisseur_org: string | null;
  next_step: string | null;
  next_step_due: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
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
  access_request_signals: AccessRequestSignalTable;
  access_request_residences: AccessRequestResidenceTable;
  access_request_exclusions: AccessRequestExclusionTable;
  signal_marks: SignalMarkTable;
  household_exclusions: HouseholdExclusionTable;
  household_exclusion_persons: HouseholdExclusionPersonTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  recovery_codes: RecoveryCodeTable;
  triage: TriageTable;
  triage_events: TriageEventTable;
  triage_deadlines: TriageDeadlineTable;
  meetings: MeetingTable;
  meeting_items: MeetingItemTable;
  audit_log: AuditLogTable;
  audit_retention: AuditRetentionTable;
  oidc_identities: OidcIdentityTable;
}
