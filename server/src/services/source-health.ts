import { HEALTH_RULES, sourceHealth, type SourceHealth } from '../core/source-health.ts';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../core/clock.ts';
import { lastFailedRun } from '../repositories/job-run-repository.ts';
import { recentDeliveries } from '../repositories/source-repository.ts';
import { pullJobName } from '../scheduler/jobs.ts';
import { listSourceConfigs, type SourceConfig } from './sources.ts';

export interface SourceWithHealth {
  source: SourceConfig;
  health: SourceHealth;
}

/** Every configured source with its health now (for `mpg sources` and the dashboard). */
export async function sourcesWithHealth(db: Db, clock: Clock): Promise<SourceWithHealth[]> {
  const now = clock.now();
  const sources = await listSourceConfigs(db);
  return Promise.all(sources.map(async (source) => ({ source, health: await healthOf(db, source, now) })));
}

async function healthOf(db: Db, source: SourceConfig, now: Date): Promise<SourceHealth> {
  const deliveries = await recentDeliveries(db, source.name, HEALTH_RULES.history + 1);
  const failed = await lastFailedRun(db, pullJobName(source.name));
  return sourceHealth({
    expectedIntervalDays: source.expectedIntervalDays,
    enabled: source.enabled,
    configuredAt: source.createdAt,
    deliveries: deliveries.map((d) => ({ at: d.started_at, ok: d.status === 'ok', rows: d.read_rows, quarantined: d.quarantined })),
    lastFailedPull: failed ? { at: failed.finished_at ?? failed.started_at, error: failed.error } : null,
    now,
  });
}
