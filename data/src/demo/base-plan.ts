// Ordinary episodes: base rates for every household, raised by deprivation and group.

import type { Indicator } from '@vroegsignaal/shared';
import type { Rng } from '../random.ts';
import type { Episode, ValueModel } from './episodes.ts';
import { BENEFIT_CHANCE, EPISODE_GAP, EPISODE_RATE, EPISODE_SIZE } from './rates.ts';
import { ageOf, isElderly, isStudent, mainAdult, minorsAged, someAdult } from './subjects.ts';
import type { Household, Person } from './types.ts';

export interface PlanContext {
  rng: Rng;
  asOfDay: number;
  /** First day anything is simulated. */
  simStart: number;
  /** Wijk deprivation times group boost. */
  factor: number;
}

export interface BenefitSpell {
  bsn: string;
  start: number;
  end: number;
}

export function basePlan(h: Household, ctx: PlanContext): Episode[] {
  const out: Episode[] = [];
  const debt = debtFactor(h, ctx.asOfDay) * ctx.factor;
  const addr = { postcode: h.postcode, huisnummer: h.huisnummer, toevoeging: h.toevoeging };
  if (h.corporatie) episodes(out, ctx, 'huurachterstand', EPISODE_RATE.huurachterstand * debt, () => mainAdult(h).bsn, addr);
  episodes(out, ctx, 'energieachterstand', EPISODE_RATE.energieachterstand * debt, () => '', addr);
  episodes(out, ctx, 'zorgverzekeringsachterstand', EPISODE_RATE.zorgverzekeringsachterstand * debt, () => someAdult(ctx.rng, h).bsn, null);
  episodes(out, ctx, 'overlastmelding', EPISODE_RATE.overlastmelding * nuisanceFactor(h, ctx.asOfDay) * ctx.factor, () => '', addr);
  episodes(out, ctx, 'huiselijk_geweld', violenceRate(h) * ctx.factor, () => '', addr);
  perPerson(out, ctx, 'jeugd_politiecontact', minorsAged(h, ctx.asOfDay, 10, 17), EPISODE_RATE.jeugd_politiecontact);
  perPerson(out, ctx, 'schoolverzuim', minorsAged(h, ctx.asOfDay, 5, 17), EPISODE_RATE.schoolverzuim);
  perPerson(out, ctx, 'schooluitval', minorsAged(h, ctx.asOfDay, 16, 17), EPISODE_RATE.schooluitval);
  if (h.minors.length > 0) {
    const rate = EPISODE_RATE.opvoedzorg * (h.oneParent ? 1.5 : 1) * ctx.factor;
    episodes(out, ctx, 'opvoedzorg', rate, () => ctx.rng.pick(h.minors).bsn, null);
  }
  perPerson(out, ctx, 'ggz_zorg', h.adults, EPISODE_RATE.ggz_zorg);
  return out;
}

function episodes(out: Episode[], ctx: PlanContext, indicator: Indicator, ratePerYear: number, bsn: () => string, address: Episode['address']): void {
  const years = (ctx.asOfDay - ctx.simStart) / 365;
  const n = ctx.rng.poisson(ratePerYear * years);
  for (let i = 0; i < n; i++) {
    out.push({
      indicator,
      start: ctx.rng.int(ctx.simStart, ctx.asOfDay),
      end: ctx.asOfDay,
      count: ctx.rng.weighted(EPISODE_SIZE[indicator] ?? [[1, 1]]),
      gap: EPISODE_GAP[indicator],
      value: valueModel(indicator),
      bsn: bsn(),
      address,
    });
  }
}

function perPerson(out: Episode[], ctx: PlanContext, indicator: Indicator, persons: Person[], rate: number): void {
  for (const p of persons) episodes(out, ctx, indicator, rate * ctx.factor, () => p.bsn, null);
}

export function valueModel(indicator: Indicator): ValueModel {
  if (indicator === 'schoolverzuim') return 'hours';
  return indicator.endsWith('achterstand') ? 'debt' : 'none';
}

function debtFactor(h: Household, asOfDay: number): number {
  if (h.kind === 'family') return h.oneParent ? 2.2 : 1.3;
  if (isElderly(h, asOfDay)) return 0.3;
  if (isStudent(h, asOfDay)) return 0.6;
  return h.kind === 'couple' ? 0.7 : 1;
}

function nuisanceFactor(h: Household, asOfDay: number): number {
  if (h.kind === 'shared') return 2;
  if (isElderly(h, asOfDay)) return 0.5;
  return h.kind === 'family' ? 1.1 : 1;
}

function violenceRate(h: Household): number {
  if (h.kind === 'family') return EPISODE_RATE.huiselijk_geweld_family;
  if (h.kind === 'couple') return EPISODE_RATE.huiselijk_geweld_couple;
  return EPISODE_RATE.huiselijk_geweld_other;
}

/** Adults on benefit during (part of) the period. */
export function baseBenefits(h: Household, ctx: PlanContext): BenefitSpell[] {
  const out: BenefitSpell[] = [];
  h.adults.forEach((p, i) => {
    const age = ageOf(p, ctx.asOfDay);
    if (age > 66) return;
    const chance = Math.min(0.9, benefitChance(h, i, age, ctx.asOfDay) * ctx.factor);
    if (ctx.rng.bernoulli(chance)) out.push(benefitSpell(ctx, p.bsn, 0.25));
  });
  return out;
}

function benefitChance(h: Household, i: number, age: number, asOfDay: number): number {
  if (h.kind === 'family') {
    if (i === 0) return h.oneParent ? BENEFIT_CHANCE.oneParent : BENEFIT_CHANCE.twoParent;
    return age < 26 ? 0.04 : 0.015;
  }
  if (h.kind === 'shared') return BENEFIT_CHANCE.shared;
  if (h.kind === 'couple') return BENEFIT_CHANCE.couple;
  return isStudent(h, asOfDay) ? BENEFIT_CHANCE.student : BENEFIT_CHANCE.single;
}

/** A benefit spell over the whole period, or (with `partialShare`) starting or ending inside it. */
export function benefitSpell(ctx: PlanContext, bsn: string, partialShare: number): BenefitSpell {
  const { rng, simStart, asOfDay } = ctx;
  if (!rng.bernoulli(partialShare)) return { bsn, start: simStart, end: asOfDay };
  const cut = rng.int(simStart, asOfDay);
  return rng.bernoulli(0.5) ? { bsn, start: cut, end: asOfDay } : { bsn, start: simStart, end: cut };
}
