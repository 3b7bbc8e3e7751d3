// The editable form of a rule set: every catalogue indicator, as text fields.

import { INDICATOR_CATALOGUE } from '@vroegsignaal/shared';
import type { RuleSetDefinitionBody } from '@vroegsignaal/shared/api/rule-sets';

export interface RuleRow {
  indicator: string;
  domain: string;
  enabled: boolean;
  weight: string;
  threshold: string;
  window_days: string;
  min_count: string;
}

export interface DraftForm {
  name: string;
  flag_threshold: string;
  min_domains: string;
  rules: RuleRow[];
}

export function toForm(definition: RuleSetDefinitionBody): DraftForm {
  const byIndicator = new Map(definition.rules.map((r) => [r.indicator, r]));
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
      };
    }),
  };
}

export type FormCheck = { ok: true; definition: RuleSetDefinitionBody } | { ok: false; errors: string[] };

const num = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));
const isWhole = (n: number, min: number) => Number.isInteger(n) && n >= min;

/** Checks the form and turns it into the contract's rule-set JSON. */
export function fromForm(form: DraftForm): FormCheck {
  const errors: string[] = [];
  const flagThreshold = num(form.flag_threshold);
  const minDomains = form.min_domains.trim() === '' ? null : num(form.min_domains);
  if (!form.name.trim()) errors.push('Geef de regelset een naam.');
  if (!(flagThreshold >= 0)) errors.push('De drempel moet een getal van 0 of meer zijn.');
  if (minDomains !== null && !(isWhole(minDomains, 1) && minDomains <= 7)) errors.push('Minimaal aantal leefgebieden: een heel getal van 1 tot en met 7, of leeg.');
  const rules = form.rules.filter((r) => r.enabled).map((r) => {
    const rule = { indicator: r.indicator, domain: r.domain, weight: num(r.weight), threshold: r.threshold.trim() === '' ? null : num(r.threshold), window_days: num(r.window_days), min_count: num(r.min_count) };
    if (!(rule.weight >= 0)) errors.push(`${r.indicator}: het gewicht moet 0 of meer zijn.`);
    if (rule.threshold !== null && !(rule.threshold >= 0)) errors.push(`${r.indicator}: de drempelwaarde moet 0 of meer zijn, of leeg.`);
    if (!isWhole(rule.window_days, 1)) errors.push(`${r.indicator}: de periode moet een heel aantal dagen (minstens 1) zijn.`);
    if (!isWhole(rule.min_count, 1)) errors.push(`${r.indicator}: het minimum aantal moet een heel getal (minstens 1) zijn.`);
    return rule;
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, definition: { name: form.name.trim(), flag_threshold: flagThreshold, min_domains: minDomains, rules } };
}
