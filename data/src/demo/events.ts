// Simulates all signals of the demo city over the period.

import type { Indicator } from '@vroegsignaal/shared';
import { Rng } from '../random.ts';
import { baseBenefits, basePlan, type BenefitSpell, type PlanContext } from './base-plan.ts';
import { expandEpisode, type Episode } from './episodes.ts';
import type { Population } from './population.ts';
import { atRiskPlan, multiProblemPlan } from './problem-plan.ts';
import type { Household, SignalEvent } from './types.ts';
import { WIJKEN } from './wijken.ts';

/** Multiplier on base rates by latent group. */
const GROUP_BOOST = { multi: 1.5, risk: 1.2, base: 1 } as const;

const FIXED_SOURCE: Partial<Record<Indicator, string>> = {
  energieachterstand: 'energie-water',
  zorgverzekeringsachterstand: 'zorgverzekeraar',
  huiselijk_geweld: 'veilig-thuis',
  jeugd_politiecontact: 'politie',
  schoolverzuim: 'leerplicht',
  schooluitval: 'leerplicht',
  werkloosheid: 'gemeente-werk-inkomen',
  opvoedzorg: 'ggd-jgz',
  ggz_zorg: 'ggz-instelling',
};

export interface Timeline {
  asOfDay: number;
  simStart: number;
  /** Days on which gemeente-werk-inkomen reports benefit status. */
  benefitDays: readonly number[];
}

export function simulateEvents(seed: number, pop: Population, time: Timeline): SignalEvent[] {
  const rng = new Rng(seed, 'signals');
  const events: SignalEvent[] = [];
  for (const h of pop.households) {
    const ctx: PlanContext = { rng, asOfDay: time.asOfDay, simStart: time.simStart, factor: deprivation(h) * GROUP_BOOST[h.group] };
    const { episodes, benefits } = planHousehold(h, ctx);
    const expand = { rng, household: h, sourceOf: (ind: Indicator) => sourceOf(rng, h, ind) };
    for (const ep of episodes) expandEpisode(ep, expand, events);
    for (const spell of benefits) benefitEvents(spell, h, time.benefitDays, events);
  }
  return events.filter((e) => e.day <= time.asOfDay);
}

function deprivation(h: Household): number {
  return WIJKEN[h.wijk]?.deprivation ?? 1;
}

function planHousehold(h: Household, ctx: PlanContext): { episodes: Episode[]; benefits: BenefitSpell[] } {
  const episodes = basePlan(h, ctx);
  const benefits = baseBenefits(h, ctx);
  if (h.group === 'base') return { episodes, benefits };
  const problems = h.group === 'multi' ? multiProblemPlan(h, ctx) : atRiskPlan(h, ctx);
  const covered = new Set(problems.benefits.map((s) => s.bsn));
  return {
    episodes: [...episodes, ...problems.episodes],
    benefits: [...benefits.filter((s) => !covered.has(s.bsn)), ...problems.benefits],
  };
}

function sourceOf(rng: Rng, h: Household, indicator: Indicator): string {
  const corporation = WIJKEN[h.wijk]?.corporation ?? 'woningcorporatie-noord';
  if (indicator === 'huurachterstand') return corporation;
  if (indicator === 'overlastmelding') return h.corporatie && rng.bernoulli(0.4) ? corporation : 'meldpunt-overlast';
  const fixed = FIXED_SOURCE[indicator];
  if (!fixed) throw new Error(`geen bron voor ${indicator}`);
  return fixed;
}

function benefitEvents(spell: BenefitSpell, h: Household, days: readonly number[], out: SignalEvent[]): void {
  for (const day of days) {
    if (day < spell.start || day > spell.end) continue;
    out.push({ day, indicator: 'werkloosheid', source: 'gemeente-werk-inkomen', value: null, bsn: spell.bsn, address: null, household: h.index });
  }
}
