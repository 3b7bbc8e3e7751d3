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

export interface Evidence {
  id: number;
  indicator: string;
  source: string;
  record_id: string;
  observed_on: string;
  value: number | null;
}

export interface Explanation {
  indicators: string;
  rules: { indicator: string; domain: string; weight_micro: number; qualifying: number }[];
  evidence: { signal_id: number; indicator: string; source: string; record_id: string; observed_on: string; value: number | null }[];
}

/** Which rules are active for one household and which signals made them so. */
export function explain(rules: RunRule[], qualifying: Evidence[]): Explanation {
  const active = rules
    .map((rule) => ({ rule, signals: qualifying.filter((s) => s.indicator === rule.indicator) }))
    .filter(({ rule, signals }) => signals.length >= rule.min_count)
    .sort((a, b) => (a.rule.indicator < b.rule.indicator ? -1 : a.rule.indicator > b.rule.indicator ? 1 : 0));
  return {
    indicators: active.map(({ rule }) => rule.indicator).join('|'),
    rules: active.map(({ rule, signals }) => ({ indicator: rule.indicator, domain: rule.domain, weight_micro: rule.weight_micro, qualifying: signals.length })),
    evidence: active.flatMap(({ signals }) =>
      signals.map((s) => ({ signal_id: s.id, indicator: s.indicator, source: s.source, record_id: s.record_id, observed_on: s.observed_on, value: s.value })),
    ),
  };
}
