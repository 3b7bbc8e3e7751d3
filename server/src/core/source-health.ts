// Source health: is a source delivering as usual? Pure, so the dashboard and the
// CLI show the same verdict and tests need no database.

export type HealthStatus = 'green' | 'amber' | 'red';

export interface DeliveryRecord {
  /** ISO time the delivery was ingested. */
  at: string;
  ok: boolean;
  rows: number;
  quarantined: number;
}

export interface HealthInput {
  expectedIntervalDays: number;
  enabled: boolean;
  /** When the source was configured (ISO); a new source is not overdue yet. */
  configuredAt: string;
  /** Recent deliveries, newest first. */
  deliveries: readonly DeliveryRecord[];
  /** The newest failed pull of the source (fetch failed, file rejected), if any. */
  lastFailedPull: { at: string; error: string | null } | null;
  now: Date;
}

export interface SourceHealth {
  status: HealthStatus;
  /** Why it is not green, in Dutch for the dashboard; empty when green. */
  reasons: string[];
  lastDeliveryAt: string | null;
  daysSinceDelivery: number | null;
  lastRows: number | null;
  /** Median rows of the earlier deliveries. */
  usualRows: number | null;
  quarantineShare: number | null;
  usualQuarantineShare: number | null;
}

export const HEALTH_RULES = {
  /** Deliveries compared against (besides the newest). */
  history: 8,
  /** Fewer earlier deliveries than this: no judgement on volume or quarantine. */
  minHistory: 3,
  graceDays: 1,
  /** Below this usual volume, counts vary too much by chance to judge. */
  minUsualRows: 20,
  rowsLow: 0.5,
  rowsHigh: 2,
  /** A quarantine jump: at least this many percentage points and double the usual share. */
  quarantineJump: 0.05,
  quarantineRed: 0.2,
} as const;

const DAY_MS = 86_400_000;

export function sourceHealth(input: HealthInput): SourceHealth {
  const ok = input.deliveries.filter((d) => d.ok);
  const last = ok[0];
  const earlier = ok.slice(1, 1 + HEALTH_RULES.history);
  const usualRows = earlier.length >= HEALTH_RULES.minHistory ? median(earlier.map((d) => d.rows)) : null;
  const usualShare = earlier.length >= HEALTH_RULES.minHistory ? median(earlier.map(share)) : null;
  const findings: Finding[] = [...timeliness(input, last), ...volume(last, usualRows), ...quarantine(last, usualShare), ...pullFailure(input, last)];
  if (!input.enabled) findings.push({ status: 'amber', reason: 'bron staat uit' });
  return {
    status: worst(findings.map((f) => f.status)),
    reasons: findings.map((f) => f.reason),
    lastDeliveryAt: last?.at ?? null,
    daysSinceDelivery: last ? ageDays(input.now, last.at) : null,
    lastRows: last?.rows ?? null,
    usualRows,
    quarantineShare: last ? share(last) : null,
    usualQuarantineShare: usualShare,
  };
}

interface Finding {
  status: HealthStatus;
  reason: string;
}

function timeliness(input: HealthInput, last: DeliveryRecord | undefined): Finding[] {
  const interval = input.expectedIntervalDays;
  const since = ageDays(input.now, last?.at ?? input.configuredAt);
  if (since <= interval + HEALTH_RULES.graceDays) return last ? [] : [{ status: 'amber', reason: 'nog geen levering ontvangen' }];
  const what = last ? `laatste levering ${Math.floor(since)} dagen geleden` : 'nog nooit geleverd';
  const status = since > 2 * interval + HEALTH_RULES.graceDays ? 'red' : 'amber';
  return [{ status, reason: `te laat: ${what}, verwacht elke ${interval} dagen` }];
}

function volume(last: DeliveryRecord | undefined, usual: number | null): Finding[] {
  if (!last || usual === null || usual < HEALTH_RULES.minUsualRows) return [];
  if (last.rows >= usual * HEALTH_RULES.rowsLow && last.rows <= usual * HEALTH_RULES.rowsHigh) return [];
  const direction = last.rows < usual ? 'minder' : 'meer';
  return [{ status: 'amber', reason: `${direction} rijen dan gebruikelijk: ${last.rows} in de laatste levering, meestal ${Math.round(usual)}` }];
}

function quarantine(last: DeliveryRecord | undefined, usual: number | null): Finding[] {
  if (!last || last.rows === 0) return [];
  const now = share(last);
  if (now >= HEALTH_RULES.quarantineRed) return [{ status: 'red', reason: `${percent(now)} van de rijen in quarantaine` }];
  if (usual === null || now - usual < HEALTH_RULES.quarantineJump || now < 2 * usual) return [];
  return [{ status: 'red', reason: `quarantaine-aandeel gestegen van ${percent(usual)} naar ${percent(now)}` }];
}

function pullFailure(input: HealthInput, last: DeliveryRecord | undefined): Finding[] {
  const pull = input.lastFailedPull;
  if (!pull || (last && last.at > pull.at)) return [];
  return [{ status: 'amber', reason: `laatste ophaalpoging mislukt: ${pull.error ?? 'onbekende fout'}` }];
}

function share(d: DeliveryRecord): number {
  return d.rows === 0 ? 0 : d.quarantined / d.rows;
}

function ageDays(now: Date, iso: string): number {
  return (now.getTime() - new Date(iso).getTime()) / DAY_MS;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percent(x: number): string {
  return `${(x * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
}

const ORDER: Record<HealthStatus, number> = { green: 0, amber: 1, red: 2 };

function worst(statuses: HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>((a, b) => (ORDER[b] > ORDER[a] ? b : a), 'green');
}
