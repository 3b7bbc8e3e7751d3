import type { Generated } from 'kysely';

// Tables of the scheduler: sources, job runs and the job lock (migration 0002).

export type FetchKind = 'folder' | 'http';

/** A delivering organisation, as a beheerder configured it. */
export interface SourceTable {
  id: Generated<number>;
  name: string;
  /** JSON array of the indicator codes this source may deliver. */
  indicators: string;
  fetch_kind: FetchKind;
  /** A drop-folder path (folder) or an http(s) URL (http). */
  location: string;
  /** Optional header sent with an HTTP pull, e.g. `Authorization`. */
  auth_header_name: string | null;
  auth_header_value: string | null;
  /** Cron expression (5 fields) in the configured time zone. */
  schedule: string;
  expected_interval_days: number;
  /** JSON object: the source's own column name → the contract's. */
  column_mapping: string | null;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export type JobOutcome = 'running' | 'ok' | 'failed';

export interface JobRunTable {
  id: Generated<number>;
  /** `pull:<source>`, `scoring` or `retention`. */
  job: string;
  source_name: string | null;
  /** The scheduled minute (ISO) this run belongs to; null for a run started by hand. */
  tick: string | null;
  trigger: 'schedule' | 'manual' | 'backfill';
  started_at: string;
  finished_at: string | null;
  outcome: JobOutcome;
  /** JSON object of counts (never contents). */
  counts: string | null;
  error: string | null;
  /** `host:pid` of the process that ran it. */
  holder: string;
}

/** Lease-based job lock for SQLite (PostgreSQL uses advisory locks). */
export interface SchedulerLockTable {
  job: string;
  holder: string;
  acquired_at: string;
  expires_at: string;
}

export interface SchedulingTables {
  sources: SourceTable;
  job_runs: JobRunTable;
  scheduler_locks: SchedulerLockTable;
}
