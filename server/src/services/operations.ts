import type { JobCounts, JobRunItem, JobRunPage, JobsQuery, SourceBody, SourceItem } from '@vroegsignaal/shared/api/operations';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/connection.ts';
import { addDays } from '../core/dates.ts';
import { jobNames, lastFailedRun, pageJobRuns, type JobRunRow } from '../repositories/job-run-repository.ts';
import { quarantinedPerSource } from '../repositories/operations-repository.ts';
import { pullJobName } from '../scheduler/jobs.ts';
import { ApiError } from './errors.ts';
import { sourcesWithHealth } from './source-health.ts';
import { addSource, changeSource, SourceInvalid, SourceNotFound, redactedUrl, type SourceConfig, type SourceInput, type SourcePolicy } from './sources.ts';

// Sources, source health and job runs (the scheduler's services) as the API shows them.

export async function sourceList(db: Db, clock: Clock): Promise<SourceItem[]> {
  const [sources, quarantined] = await Promise.all([sourcesWithHealth(db, clock), quarantinedPerSource(db)]);
  const failures = await Promise.all(sources.map(({ source }) => lastFailedRun(db, pullJobName(source.name))));
  return sources.map(({ source, health }, i) => ({
    ...present(source),
    last_failure: failures[i] ? { id: failures[i].id, started_at: failures[i].started_at, error: failures[i].error } : null,
    quarantined_rows: quarantined.get(source.name) ?? 0,
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

function present(s: SourceConfig): Omit<SourceItem, 'health' | 'last_failure' | 'quarantined_rows'> {
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

/** One page of job runs as the API shows them, with every job name for the filter. */
export async function jobRuns(db: Db, q: JobsQuery): Promise<JobRunPage> {
  const page = q.page ?? 1;
  const pageSize = q.page_size ?? 50;
  const filter = { job: q.job, outcome: q.outcome, from: q.from, toExclusive: q.to ? addDays(q.to, 1) : undefined, skipIdle: q.skip_idle };
  const [{ items, total }, jobs] = await Promise.all([pageJobRuns(db, filter, pageSize, (page - 1) * pageSize), jobNames(db)]);
  return { items: items.map(presentRun), total, page, page_size: pageSize, jobs };
}

function presentRun(r: JobRunRow): JobRunItem {
  return {
    id: r.id,
    job: r.job,
    source_name: r.source_name,
    trigger: r.trigger,
    started_at: r.started_at,
    finished_at: r.finished_at,
    outcome: r.outcome,
    counts: r.counts ? (JSON.parse(r.counts) as JobCounts) : null,
    error: r.error,
  };
}
