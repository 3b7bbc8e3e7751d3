// The editable form of a rule set: every catalogue indicator, as text fields.

import { checkRuleSet, INDICATOR_CATALOGUE, mistakeText } from '@vroegsignaal/shared';
import type { RuleSetDefinitionBody } from '@vroegsignaal/shared/api/rule-sets';

export interface RuleRow {
  indicator: string;
  domain: string;
  enabled: boolean;
  weight: string;
  threshold: string;
  window_days: string;
  min_count: string;
  /** Where the rule stands in the definition (kept on save), or null for one not in it. */
  position: number | null;
}

export interface DraftForm {
  name: string;
  flag_threshold: string;
  min_domains: string;
  rules: RuleRow[];
}

export function toForm(definition: RuleSetDefinitionBody): DraftForm {
  const byIndicator = new Map(definition.rules.map((r) => [r.indicator, r]));
  const positions = new Map(definition.rules.map((r, i) => [r.indicator, i]));
  return {
    name: definition.name,
    flag_threshold: String(definition.flag_threshold),
    min_domains: definition.min_domains === null ? '' : String(definition.min_domains),
    rules: INDICATOR_CATALOGUE.map((e) => {
      const rule = byIndicator.get(e.indicator);
      return {
        indicator: e.indicator,
        domain: e.domain,
        enabled: rule !== undefined,
        weight: String(rule?.weight ?? 1),
        threshold: rule?.threshold === null || rule === undefined ? '' : String(rule.threshold),
        window_days: String(rule?.window_days ?? 365),
        min_count: String(rule?.min_count ?? 1),
        position: positions.get(e.indicator) ?? null,
      };
    }),
  };
}

export type FormCheck = { ok: true; definition: RuleSetDefinitionBody } | { ok: false; errors: string[] };

const num = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));

/** Rules keep their place in the definition; newly enabled ones follow in catalogue order. */
const order = (rules: RuleRow[]) =>
  rules
    .map((r, i) => ({ r, key: r.position ?? rules.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.r);

/** Turns the form into the contract's rule-set JSON and checks it with the shared validator (the API's and the CLI's). */
export function fromForm(form: DraftForm): FormCheck {
  const rules = order(form.rules.filter((r) => r.enabled));
  const definition = {
    name: form.name,
    flag_threshold: num(form.flag_threshold),
    min_domains: form.min_domains.trim() === '' ? null : num(form.min_domains),
    rules: rules.map((r) => ({
      indicator: r.indicator,
      domain: r.domain,
      weight: num(r.weight),
      threshold: r.threshold.trim() === '' ? null : num(r.threshold),
      window_days: num(r.window_days),
      min_count: num(r.min_count),
    })),
  };
  const checked = checkRuleSet(definition);
  if (checked.ok) return { ok: true, definition: checked.ruleSet };
  return { ok: false, errors: checked.errors.map(mistakeText) };
}

/** The rule a message's `rules[i]` points at, so the form can name its indicator. */
export function ruleOfMessage(form: DraftForm, message: string): RuleRow | undefined {
  const i = /^rules\[(\d+)\]/.exec(message)?.[1];
  return i === undefined ? undefined : order(form.rules.filter((r) => r.enabled))[Number(i)];
}
