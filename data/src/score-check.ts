// Reference scoring of a demo city in memory, following data contract sections 2.2 and 4.
// Only for calibrating and testing the generator; the product's engine lives in server/.

import { DEFAULT_RULE_SET, type RuleDefinition, type RuleSetDefinition } from '@vroegsignaal/shared';
import { isValidBsn } from './bsn.ts';
import { ageOn, parseDay } from './dates.ts';
import type { DemoCity, FeedRow, Household } from './demo-city.ts';
import { WIJKEN } from './demo/wijken.ts';

export interface ScoreCheckResult {
  asOf: string;
  flagged: number;
  flaggedPerWijk: Record<string, number>;
  flaggedPerGroup: Record<'multi' | 'risk' | 'base', number>;
  /** Flagged households per combination of active indicators (sorted, joined with `|`, as in the flags export). */
  flaggedPerCombination: Record<string, number>;
  storedSignals: number;
  badRows: number;
  unlinked: number;
}

interface Stored {
  indicator: string;
  day: number;
  value: number | null;
}

export function scoreDemoCity(city: DemoCity, asOf = city.asOf, ruleSet: RuleSetDefinition = DEFAULT_RULE_SET): ScoreCheckResult {
  const asOfDay = parseDay(asOf);
  const { signals, badRows } = ingestAll(city, asOfDay);
  const linked = linkSignals(city.households, signals.values());
  const result: ScoreCheckResult = {
    asOf,
    flagged: 0,
    flaggedPerWijk: {},
    flaggedPerGroup: { multi: 0, risk: 0, base: 0 },
    flaggedPerCombination: {},
    storedSignals: signals.size,
    badRows,
    unlinked: linked.unlinked,
  };
  for (const w of WIJKEN) result.flaggedPerWijk[w.name] = 0;
  for (const h of city.households) {
    if (!isGezinshuishouden(h, asOfDay)) continue;
    const active = activeRules(linked.byHousehold.get(h.index) ?? [], asOfDay, ruleSet);
    if (!isFlag(active, ruleSet)) continue;
    result.flagged++;
    const combination = active
      .map((r) => r.indicator)
      .sort()
      .join('|');
    result.flaggedPerCombination[combination] = (result.flaggedPerCombination[combination] ?? 0) + 1;
    const wijk = WIJKEN[h.wijk]?.name ?? '';
    result.flaggedPerWijk[wijk] = (result.flaggedPerWijk[wijk] ?? 0) + 1;
    result.flaggedPerGroup[h.group]++;
  }
  return result;
}

/** Ingests all deliveries up to asOf in order; the last row per (source, record_id) wins. */
function ingestAll(city: DemoCity, asOfDay: number): { signals: Map<string, FeedRow>; badRows: number } {
  const signals = new Map<string, FeedRow>();
  let badRows = 0;
  for (const d of city.deliveries()) {
    if (parseDay(d.week) > asOfDay) break;
    for (const row of d.rows) {
      if (isBad(row, asOfDay)) badRows++;
      else signals.set(`${row.source}\u0000${row.record_id}`, row);
    }
  }
  return { signals, badRows };
}

function isBad(row: FeedRow, ingestDay: number): boolean {
  if (row.bsn !== '' && !isValidBsn(row.bsn)) return true;
  if (row.value !== null && !(row.value >= 0)) return true;
  if (row.bsn === '' && (row.postcode === '' || row.huisnummer === null)) return true;
  try {
    return parseDay(row.observed_on) > ingestDay;
  } catch {
    return true;
  }
}

function addressKey(postcode: string, huisnummer: number | null, toevoeging: string): string {
  return `${postcode.replace(/\s/g, '').toUpperCase()}-${huisnummer ?? ''}-${toevoeging.toUpperCase()}`;
}

function linkSignals(households: readonly Household[], rows: Iterable<FeedRow>): { byHousehold: Map<number, Stored[]>; unlinked: number } {
  const byBsn = new Map<string, number>();
  const byAddress = new Map<string, number>();
  for (const h of households) {
    byAddress.set(addressKey(h.postcode, h.huisnummer, h.toevoeging), h.index);
    for (const p of [...h.adults, ...h.minors]) byBsn.set(p.bsn, h.index);
  }
  const byHousehold = new Map<number, Stored[]>();
  let unlinked = 0;
  for (const row of rows) {
    const index = row.bsn !== '' ? byBsn.get(row.bsn) : byAddress.get(addressKey(row.postcode, row.huisnummer, row.toevoeging));
    if (index === undefined) {
      unlinked++;
      continue;
    }
    let list = byHousehold.get(index);
    if (!list) {
      list = [];
      byHousehold.set(index, list);
    }
    list.push({ indicator: row.indicator, day: parseDay(row.observed_on), value: row.value });
  }
  return { byHousehold, unlinked };
}

function isGezinshuishouden(h: Household, day: number): boolean {
  const ages = [...h.adults, ...h.minors].map((p) => ageOn(p.birthDay, day));
  return ages.some((a) => a >= 18) && ages.some((a) => a < 18 && a >= 0);
}

function activeRules(signals: readonly Stored[], asOfDay: number, ruleSet: RuleSetDefinition): RuleDefinition[] {
  return ruleSet.rules.filter((rule) => {
    const count = signals.filter(
      (s) =>
        s.indicator === rule.indicator &&
        s.day > asOfDay - rule.window_days &&
        s.day <= asOfDay &&
        (rule.threshold === null || (s.value !== null && s.value >= rule.threshold)),
    ).length;
    return count >= rule.min_count;
  });
}

function isFlag(active: readonly RuleDefinition[], ruleSet: RuleSetDefinition): boolean {
  const score = active.reduce((sum, r) => sum + r.weight, 0);
  const domains = new Set(active.map((r) => r.domain)).size;
  return score >= ruleSet.flag_threshold || (ruleSet.min_domains !== null && domains >= ruleSet.min_domains);
}
