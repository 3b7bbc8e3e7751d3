import { domainOf, type RuleSetDefinition, type RuleDefinition } from '@vroegsignaal/shared';

export type RuleSetCheck = { ok: true; ruleSet: RuleSetDefinition } | { ok: false; errors: string[] };

export const UNNAMED = 'Naamloos';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isWholeAtLeast1 = (v: unknown): v is number => isNumber(v) && Number.isInteger(v) && v >= 1;

/** Validates a rule set (contract 3), collecting one message per mistake. */
export function checkRuleSet(input: unknown): RuleSetCheck {
  const errors: string[] = [];
  if (!isObject(input)) return { ok: false, errors: ['the rule set must be a JSON object'] };
  const { flag_threshold, rules } = input;
  const name = input.name ?? UNNAMED; // the contract does not require a name
  const min_domains = input.min_domains ?? null; // a missing field reads as null, as in the data files
  if (typeof name !== 'string' || name.trim() === '') errors.push('name: must be a non-empty text');
  if (!isNumber(flag_threshold)) errors.push('flag_threshold: must be a number');
  if (min_domains !== null && !isWholeAtLeast1(min_domains)) errors.push('min_domains: must be a whole number of at least 1, or null');
  if (!Array.isArray(rules)) {
    errors.push('rules: must be a list');
    return { ok: false, errors };
  }
  const seen = new Set<string>();
  const checked = rules.map((rule, i) => checkRule(rule, `rules[${i}]`, seen, errors));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    ruleSet: {
      name: (name as string).trim(),
      flag_threshold: flag_threshold as number,
      min_domains: min_domains as number | null,
      rules: checked as RuleDefinition[],
    },
  };
}

function checkRule(rule: unknown, at: string, seen: Set<string>, errors: string[]): RuleDefinition | null {
  if (!isObject(rule)) {
    errors.push(`${at}: must be an object`);
    return null;
  }
  const { indicator, domain, weight, window_days, min_count } = rule;
  const threshold = rule.threshold ?? null;
  const expectedDomain = typeof indicator === 'string' ? domainOf(indicator) : undefined;
  if (typeof indicator !== 'string' || expectedDomain === undefined) {
    errors.push(`${at}.indicator: '${String(indicator)}' is not in the indicator catalogue`);
  } else if (seen.has(indicator)) {
    errors.push(`${at}.indicator: '${indicator}' appears more than once`);
  } else {
    seen.add(indicator);
    if (domain !== expectedDomain) errors.push(`${at}.domain: '${String(domain)}' is not the domain of ${indicator} (${expectedDomain})`);
  }
  if (!isNumber(weight) || weight < 0) errors.push(`${at}.weight: must be a number of 0 or more`);
  if (threshold !== null && !isNumber(threshold)) errors.push(`${at}.threshold: must be a number or null`);
  if (!isWholeAtLeast1(window_days)) errors.push(`${at}.window_days: must be a whole number of at least 1`);
  if (!isWholeAtLeast1(min_count)) errors.push(`${at}.min_count: must be a whole number of at least 1`);
  return { indicator, domain, weight, threshold, window_days, min_count } as RuleDefinition;
}
