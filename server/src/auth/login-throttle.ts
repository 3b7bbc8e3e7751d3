// A growing delay after failed logins, and at most 100 failed attempts per account per hour.

export const MAX_FAILURES_PER_HOUR = 100;
export const FREE_FAILURES = 3;
export const MAX_DELAY_SECONDS = 30;

export interface FailureStats {
  inWindow: number;
  oldestInWindow: string | null;
  consecutive: number;
  newestFailure: string | null;
}

/** Seconds the account must wait before the next attempt is even checked (0: go ahead). */
export function loginWaitSeconds(stats: FailureStats, now: Date): number {
  const t = now.getTime();
  let until = 0;
  if (stats.inWindow >= MAX_FAILURES_PER_HOUR && stats.oldestInWindow) {
    until = Date.parse(stats.oldestInWindow) + 3600_000;
  }
  if (stats.consecutive >= FREE_FAILURES && stats.newestFailure) {
    const delay = Math.min(2 ** (stats.consecutive - FREE_FAILURES), MAX_DELAY_SECONDS);
    until = Math.max(until, Date.parse(stats.newestFailure) + delay * 1000);
  }
  return until > t ? Math.ceil((until - t) / 1000) : 0;
}
