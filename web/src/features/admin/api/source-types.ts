// Sources and job runs as the scheduler's API sends them. Replace with the shared
// schema types once shared/src/api has them.

export interface SourceHealthView {
  status: 'green' | 'amber' | 'red';
  reasons: string[];
  last_delivery_at: string | null;
  days_since_delivery: number | null;
  last_rows: number | null;
  usual_rows: number | null;
}

export interface SourceView {
  name: string;
  indicators: string[];
  fetch_kind: string;
  schedule: string;
  expected_interval_days: number;
  enabled: boolean;
  health: SourceHealthView;
}

export interface JobRunView {
  id: number;
  job: string;
  source_name: string | null;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  outcome: 'running' | 'ok' | 'failed';
  counts: Record<string, number> | null;
  error: string | null;
}
