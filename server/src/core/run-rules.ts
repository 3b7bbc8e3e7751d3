import type { RuleSetDefinition } from '@vroegsignaal/shared';
import { addDays } from './dates.ts';
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
    window_from: addDays(asOf, -r.window_days),
    window_to: asOf,
  }));
}
