import type { RuleSetDefinition } from '@vroegsignaal/shared';
import { addDays, daysBetween } from './dates.ts';
import { toMicro } from './score.ts';

export interface RunRule {
  indicator: string;
  domain: string;
  weight_micro: number;
  threshold: number | null;
  min_count: number;
  window_from: string;
  window_to: string;
}

/** A rule set's rules with the window resolved against the scoring date. */
export function runRules(ruleSet: RuleSetDefinition, asOf: string): RunRule[] {
  return ruleSet.rules.map((r) => ({
    indicator: r.indicator,
    domain: r.domain,
    weight_micro: toMicro(r.weight),
    threshold: r.threshold,
    min_count: r.min_count,
    window_from: windowStart(asOf, r.window_days),
    window_to: asOf,
  }));
}

/** Sorts before every real date (year 1 or later), so "observed_on > window_from" always holds. */
export const BEFORE_ALL_DATES = '0000-12-31';

/**
 * The day before a rule's window (exclusive bound). A window reaching back before year 1
 * covers every real date; `Date` cannot represent such starts (or years beyond 275760).
 */
function windowStart(asOf: string, windowDays: number): string {
  return windowDays > daysBetween('0001-01-01', asOf) ? BEFORE_ALL_DATES : addDays(asOf, -windowDays);
}
