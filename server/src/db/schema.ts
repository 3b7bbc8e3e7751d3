import type { ColumnType, Generated } from 'kysely';
import type { AccessTables } from './schema-access.ts';
import type { NotificationTables } from './schema-notifications.ts';
import type { SchedulingTables } from './schema-scheduling.ts';

// One interface per table; `Database` joins them. Dates are `YYYY-MM-DD` text and
// timestamps ISO-8601 UTC text in both dialects, so comparisons mean the same.

export interface PersonTable {
  bsn_hash: string;
  birth_date: string;
  address_key: string;
  wijk: string;
}

export interface HouseholdTable {
  address_key: string;
  wijk: string;
  persons: number;
}

/**
 * Since when a person (by bsn hash) lives at an address, kept by the registry import
 * (migration 2026-12-05-0700). `since` null: already there at the first registry the
 * system saw; `until` null: still there. A closed one is deleted after the signals' retention.
 */
export interface ResidenceTable {
  id: Generated<number>;
  bsn_hash: string;
  address_key: string;
  since: string | null;
  until: string | null;
}

export interface RegistryStagingTable {
  row_number: number;
  bsn_hash: string;
  birth_date: string | null;
  address_key: string | null;
  wijk: string | null;
  valid: number;
  raw: string;
}

export interface SignalTable {
  /** Names one version: a correction stores its content under a new id (see SignalVersionTable). */
  id: Generated<number>;
  source: string;
  record_id: string;
  indicator: string;
  observed_on: string;
  value: number | null;
  bsn_hash: string | null;
  /** The address the source gave; only for signals without a bsn. */
  address_key: string | null;
  /** The household this signal links to now; null while unlinked. */
  household_key: string | null;
  ingest_run_id: number;
  updated_at: string;
}

export interface QuarantineTable {
  id: Generated<number>;
  ingest_run_id: number;
  kind: 'feed' | 'registry';
  source: string | null;
  row_number: number;
  raw: string;
  reasons: string;
  raw_hash: string;
  created_at: string;
}

export interface IngestRunTable {
  id: Generated<number>;
  kind: 'feed' | 'registry';
  file_name: string;
  checksum: string;
  source_name: string | null;
  started_by: string;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  status: 'ok' | 'failed';
  error: string | null;
  read_rows: number;
  stored: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  unlinked: number;
  persons: number;
  households: number;
}

export interface RuleSetTable {
  id: Generated<number>;
  name: string;
  version: number;
  status: 'draft' | 'pending_approval' | 'published';
  flag_threshold: number;
  min_domains: number | null;
  definition: string;
  created_at: string;
  created_by: string;
  publication_requested_by: string | null;
  publication_requested_at: string | null;
  published_at: string | null;
  published_by: string | null;
  approved_by: string | null;
  approval_reason: string | null;
  /** 'beheer' when the operator CLI published it, 'vier-ogen' when a second beleidsmaker approved it. */
  published_via: string | null;
}

export type RuleSetEventKind = 'created' | 'edited' | 'requested' | 'withdrawn' | 'voided' | 'approved' | 'published';

/** Who did what to a rule set's content, and to which version of it (content hash). */
export interface RuleSetEventTable {
  id: Generated<number>;
  rule_set_id: number;
  kind: RuleSetEventKind;
  actor: string;
  at: string;
  content_hash: string;
  reason: string | null;
}

export interface RuleSetRuleTable {
  rule_set_id: number;
  indicator: string;
  domain: string;
  weight: number;
  threshold: number | null;
  window_days: number;
  min_count: number;
}

export interface ScoringRunTable {
  id: Generated<number>;
  as_of: string;
  rule_set_id: number;
  previous_run_id: number | null;
  started_by: string;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  households: number;
  gezinshuishoudens: number;
  flags: number;
  new_flags: number;
  persisting_flags: number;
  dropped_flags: number;
  /** Households excluded from this run by a restriction or objection (AVG art. 18/21). */
  excluded_households: Generated<number>;
  /** First contact due for the households entering the list in this run; an urgent one has a triage_deadlines row. */
  first_contact_due: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The rule parameters of one run, with the window resolved to dates. */
export interface ScoringRunRuleTable {
  run_id: number;
  indicator: string;
  domain: string;
  weight_micro: number;
  threshold: number | null;
  min_count: number;
  window_from: string;
  window_to: string;
}

export interface FlagTable {
  id: Generated<number>;
  run_id: number;
  household_key: string;
  wijk: string;
  score_micro: number;
  domains: number;
  indicators: string;
  /**
   * Per active rule, sorted by indicator: `indicator:qualifying:id,id,…`, joined
   * by `;`. The ids are of `signals` or, after a correction, `signal_versions`.
   */
  evidence: Generated<string>;
  is_new: number;
  weeks_on_list: number;
  adults: number;
  minors: number;
}

/** A replaced version of a signal (a correction), kept while flags refer to it. */
export interface SignalVersionTable {
  id: number;
  source: string;
  record_id: string;
  indicator: string;
  observed_on: string;
  value: number | null;
  superseded_at: string;
}

export interface RunWijkStatTable {
  run_id: number;
  wijk: string;
  households: number;
  gezinshuishoudens: number;
  flags: number;
}

/** The engine's tables; features add theirs in their own schema file. */
export interface EngineTables {
  persons: PersonTable;
  households: HouseholdTable;
  residences: ResidenceTable;
  registry_staging: RegistryStagingTable;
  signals: SignalTable;
  quarantine: QuarantineTable;
  ingest_runs: IngestRunTable;
  rule_sets: RuleSetTable;
  rule_set_rules: RuleSetRuleTable;
  rule_set_events: RuleSetEventTable;
  scoring_runs: ScoringRunTable;
  scoring_run_rules: ScoringRunRuleTable;
  flags: FlagTable;
  signal_versions: SignalVersionTable;
  run_wijk_stats: RunWijkStatTable;
}

export interface Database extends EngineTables, SchedulingTables, AccessTables, NotificationTables {}
