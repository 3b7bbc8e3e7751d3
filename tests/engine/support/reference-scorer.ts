import type { RuleSetDefinition } from '../../../shared/src/index.ts';
import { addDays, isAdultOn, isMinorOn } from '../../../server/src/core/dates.ts';
import { toMicro } from '../../../server/src/core/score.ts';

// A test model, not the product: the contract's scoring semantics (section 4)
// in plain code over values in memory. The property test compares the engine's
// SQL with it; explanations come from the evidence the engine stores.

export interface ScoringPerson {
  birthDate: string;
  householdKey: string;
}
export interface ScoringSignal {
  id: number;
  householdKey: string | null;
  indicator: string;
  observedOn: string;
  value: number | null;
}
export interface ActiveRule {
  indicator: string;
  domain: string;
  weightMicro: number;
  signalIds: number[];
}
export interface HouseholdScore {
  householdKey: string;
  scoreMicro: number;
  domains: number;
  activeRules: ActiveRule[];
  gezinshuishouden: boolean;
  flagged: boolean;
}

export function qualifies(signal: ScoringSignal, rule: RuleSetDefinition['rules'][number], asOf: string): boolean {
  if (signal.indicator !== rule.indicator) return false;
  if (!(signal.observedOn > addDays(asOf, -rule.window_days) && signal.observedOn <= asOf)) return false;
  if (rule.threshold === null) return true;
  return signal.value !== null && signal.value >= rule.threshold;
}

export function scoreHousehold(
  householdKey: string,
  members: ScoringPerson[],
  signals: ScoringSignal[],
  ruleSet: RuleSetDefinition,
  asOf: string,
): HouseholdScore {
  const activeRules: ActiveRule[] = [];
  for (const rule of ruleSet.rules) {
    const ids = signals.filter((s) => qualifies(s, rule, asOf)).map((s) => s.id);
    if (ids.length >= rule.min_count) {
      activeRules.push({ indicator: rule.indicator, domain: rule.domain, weightMicro: toMicro(rule.weight), signalIds: ids });
    }
  }
  const scoreMicro = activeRules.reduce((sum, r) => sum + r.weightMicro, 0);
  const domains = new Set(activeRules.map((r) => r.domain)).size;
  const gezinshuishouden = members.some((p) => isAdultOn(p.birthDate, asOf)) && members.some((p) => isMinorOn(p.birthDate, asOf));
  const meets = scoreMicro >= toMicro(ruleSet.flag_threshold) || (ruleSet.min_domains !== null && domains >= ruleSet.min_domains);
  return { householdKey, scoreMicro, domains, activeRules, gezinshuishouden, flagged: gezinshuishouden && meets };
}

export function scoreAll(persons: ScoringPerson[], signals: ScoringSignal[], ruleSet: RuleSetDefinition, asOf: string): HouseholdScore[] {
  const members = groupBy(persons, (p) => p.householdKey);
  const byHousehold = groupBy(
    signals.filter((s) => s.householdKey !== null),
    (s) => s.householdKey!,
  );
  return [...members.keys()].sort().map((key) => scoreHousehold(key, members.get(key)!, byHousehold.get(key) ?? [], ruleSet, asOf));
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
