import type { JobCounts, JobRunItem, SourceBody, SourceItem } from '@vroegsignaal/shared/api/operations';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { recentJobRuns } from '../repositories/job-run-repository.ts';
import { ApiError } from './errors.ts';
import { sourcesWithHealth } from './source-health.ts';
import { addSource, changeSource, SourceInvalid, SourceNotFound, redactedUrl, type SourceConfig, type SourceInput, type SourcePolicy } from './sources.ts';

// Sources, source health and job runs (the scheduler's services) as the API shows them.

export async function sourceList(db: Db, clock: Clock): Promise<SourceItem[]> {
  return (await sourcesWithHealth(db, clock)).map(({ source, health }) => ({
    ...present(source),
    health: {
      status: health.status,
      reasons: health.reasons,
      last_delivery_at: health.lastDeliveryAt,
      days_since_delivery: health.daysSinceDelivery,
      last_rows: health.lastRows,
      usual_rows: health.usualRows,
      quarantine_share: health.quarantineShare,
      usual_quarantine_share: health.usualQuarantineShare,
    },
  }));
}

function present(s: SourceConfig): Omit<SourceItem, 'health'> {
  return {
    name: s.name,
    indicators: s.indicators,
    fetch_kind: s.fetch.kind,
    location: s.fetch.kind === 'folder' ? s.fetch.folder : redactedUrl(s.fetch.url),
    auth_header_name: s.fetch.kind === 'http' ? (s.fetch.header?.name ?? null) : null,
    schedule: s.schedule,
    expected_interval_days: s.expectedIntervalDays,
    column_mapping: s.columnMapping,
    enabled: s.enabled,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

function input(body: SourceBody): SourceInput {
  return {
    name: body.name,
    indicators: body.indicators,
    folder: body.folder,
    url: body.url,
    authHeader: body.auth_header,
    schedule: body.schedule,
    expectedIntervalDays: body.expected_interval_days,
    columnMapping: body.column_mapping,
    enabled: body.enabled,
  };
}

async function translate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof SourceInvalid) throw new ApiError(400, e.message, `body.${e.problems[0]?.field ?? 'name'}`, e.errors.join('; '));
    if (e instanceof SourceNotFound) throw ApiError.notFound('bron niet gevonden');
    throw e;
  }
}

export async function createSource(db: Db, clock: Clock, body: SourceBody, policy: SourcePolicy): Promise<SourceItem> {
  const created = await translate(() => addSource(db, clock, input(body), policy));
  return (await sourceList(db, clock)).find((s) => s.name === created.name)!;
}

export async function updateSource(db: Db, clock: Clock, name: string, body: SourceBody, policy: SourcePolicy): Promise<SourceItem> {
  await translate(() => changeSource(db, clock, name, input(body), policy));
  return (await sourceList(db, clock)).find((s) => s.name === name)!;
}

export async function jobRuns(db: Db, job: string | undefined, limit: number): Promise<JobRunItem[]> {
  return (await recentJobRuns(db, { limit, job })).map((r) => ({
    id: r.id,
    job: r.job,
    source_name: r.source_name,
    trigger: r.trigger,
    started_at: r.started_at,
    finished_at: r.finished_at,
    outcome: r.outcome,
    counts: r.counts ? (JSON.parse(r.counts) as JobCounts) : null,
    error: r.error,
  }));
}
