// Chronic problems of the latent multi-problem and at-risk families: persistent signals.

import type { Domain, Indicator } from '@vroegsignaal/shared';
import type { Weighted } from '../random.ts';
import { benefitSpell, valueModel, type BenefitSpell, type PlanContext } from './base-plan.ts';
import type { Episode } from './episodes.ts';
import { mainAdult, minorsAged, someAdult } from './subjects.ts';
import type { Household } from './types.ts';

type Problem = 'debts' | 'werk' | 'opvoed' | 'ggz' | 'overlast' | 'geweld' | 'politie' | 'verzuim' | 'uitval';

const DOMAIN_OF: Record<Problem, Domain> = {
  debts: 'financien',
  werk: 'werk_inkomen',
  opvoed: 'opvoeding',
  ggz: 'gezondheid',
  overlast: 'wonen',
  geweld: 'veiligheid',
  politie: 'veiligheid',
  verzuim: 'onderwijs',
  uitval: 'onderwijs',
};

/** Chance per problem for a multi-problem family (report: parenting, debts, psychiatry most; ¾ on bijstand). */
const MULTI_CHANCE: Record<Problem, number> = {
  debts: 0.85,
  werk: 0.74,
  opvoed: 0.65,
  ggz: 0.5,
  overlast: 0.35,
  geweld: 0.25,
  politie: 0.3,
  verzuim: 0.35,
  uitval: 0.1,
};

/** Weights of the two problems of an at-risk family. */
const RISK_WEIGHT: Weighted<Problem> = [
  ['debts', 0.35],
  ['werk', 0.3],
  ['opvoed', 0.2],
  ['ggz', 0.2],
  ['overlast', 0.12],
  ['verzuim', 0.12],
  ['geweld', 0.05],
  ['politie', 0.08],
];

/** Days between signals of a chronic problem. */
const CHRONIC_GAP: Record<Indicator, readonly [number, number]> = {
  huurachterstand: [45, 80],
  energieachterstand: [50, 90],
  zorgverzekeringsachterstand: [45, 80],
  overlastmelding: [15, 45],
  huiselijk_geweld: [45, 160],
  jeugd_politiecontact: [45, 130],
  schoolverzuim: [21, 50],
  schooluitval: [400, 400],
  werkloosheid: [28, 28],
  opvoedzorg: [40, 90],
  ggz_zorg: [45, 100],
};

export interface ProblemPlan {
  episodes: Episode[];
  benefits: BenefitSpell[];
  problems: Problem[];
}

/** Share of multi-problem families whose problems mostly fall outside the indicators (report: 78 of 246 known to no help service). */
const LOW_VISIBILITY = 0.15;

export function multiProblemPlan(h: Household, ctx: PlanContext): ProblemPlan {
  const available = availableProblems(h, ctx.asOfDay);
  if (ctx.rng.bernoulli(LOW_VISIBILITY))
    return realise(
      h,
      ctx,
      twoProblems(
        ctx,
        available.map((p) => [p, MULTI_CHANCE[p]] as const),
      ),
      { partial: 0.2, sparse: 1.2, debts: 'one' },
    );
  const chosen = available.filter((p) => ctx.rng.bernoulli(MULTI_CHANCE[p]));
  while (domainCount(chosen) < 3) {
    const rest = available.filter((p) => !chosen.includes(p));
    chosen.push(ctx.rng.weighted(rest.map((p) => [p, MULTI_CHANCE[p]] as const)));
  }
  return realise(h, ctx, chosen, { partial: 0.2, sparse: 1, debts: 'many' });
}

export function atRiskPlan(h: Household, ctx: PlanContext): ProblemPlan {
  const available = availableProblems(h, ctx.asOfDay);
  const weights = RISK_WEIGHT.filter(([p]) => available.includes(p));
  return realise(h, ctx, twoProblems(ctx, weights), { partial: 0.5, sparse: 1.6, debts: 'one' });
}

function twoProblems(ctx: PlanContext, weights: Weighted<Problem>): Problem[] {
  const first = ctx.rng.weighted(weights);
  const second = ctx.rng.weighted(weights.filter(([p]) => DOMAIN_OF[p] !== DOMAIN_OF[first]));
  return [first, second];
}

function availableProblems(h: Household, asOfDay: number): Problem[] {
  const all: Problem[] = ['debts', 'werk', 'opvoed', 'ggz', 'overlast', 'geweld'];
  if (minorsAged(h, asOfDay, 10, 17).length > 0) all.push('politie');
  if (minorsAged(h, asOfDay, 5, 17).length > 0) all.push('verzuim');
  if (minorsAged(h, asOfDay, 16, 17).length > 0) all.push('uitval');
  return all;
}

function domainCount(problems: readonly Problem[]): number {
  return new Set(problems.map((p) => DOMAIN_OF[p])).size;
}

interface Style {
  /** Share of problems that start or end inside the period. */
  partial: number;
  /** Multiplier on the gaps between signals. */
  sparse: number;
  debts: 'many' | 'one';
}

function realise(h: Household, ctx: PlanContext, problems: Problem[], style: Style): ProblemPlan {
  const plan: ProblemPlan = { episodes: [], benefits: [], problems };
  const addr = { postcode: h.postcode, huisnummer: h.huisnummer, toevoeging: h.toevoeging };
  const add = (indicator: Indicator, bsn: string, address: Episode['address']) => plan.episodes.push(chronic(ctx, style, indicator, bsn, address));
  for (const p of problems) {
    if (p === 'debts') {
      for (const ind of debtEpisodes(h, ctx, style))
        add(ind, ind === 'energieachterstand' ? '' : mainAdult(h).bsn, ind === 'zorgverzekeringsachterstand' ? null : addr);
    }
    if (p === 'werk') plan.benefits.push(...workSpells(h, ctx, style));
    if (p === 'opvoed') add('opvoedzorg', ctx.rng.pick(h.minors).bsn, null);
    if (p === 'ggz') add('ggz_zorg', someAdult(ctx.rng, h).bsn, null);
    if (p === 'overlast') add('overlastmelding', '', addr);
    if (p === 'geweld') add('huiselijk_geweld', '', addr);
    if (p === 'politie') add('jeugd_politiecontact', ctx.rng.pick(minorsAged(h, ctx.asOfDay, 10, 17)).bsn, null);
    if (p === 'verzuim') add('schoolverzuim', ctx.rng.pick(minorsAged(h, ctx.asOfDay, 5, 17)).bsn, null);
    if (p === 'uitval') plan.episodes.push(dropOut(h, ctx));
  }
  return plan;
}

function debtEpisodes(h: Household, ctx: PlanContext, style: Style): Indicator[] {
  const { rng } = ctx;
  if (style.debts === 'one') return [h.corporatie ? 'huurachterstand' : rng.pick(['energieachterstand', 'zorgverzekeringsachterstand'] as const)];
  const out: Indicator[] = [];
  if (h.corporatie && rng.bernoulli(0.75)) out.push('huurachterstand');
  if (rng.bernoulli(0.35)) out.push('energieachterstand');
  if (rng.bernoulli(0.5) || out.length === 0) out.push('zorgverzekeringsachterstand');
  return out;
}

function workSpells(h: Household, ctx: PlanContext, style: Style): BenefitSpell[] {
  const spells = [benefitSpell(ctx, mainAdult(h).bsn, style.partial / 2)];
  const partner = h.adults[1];
  if (partner && ctx.rng.bernoulli(0.3)) spells.push(benefitSpell(ctx, partner.bsn, style.partial));
  return spells;
}

/** A problem that lasts the whole period, or starts/ends inside it. */
function chronic(ctx: PlanContext, style: Style, indicator: Indicator, bsn: string, address: Episode['address']): Episode {
  const { rng, simStart, asOfDay } = ctx;
  const base = CHRONIC_GAP[indicator];
  const gap = [Math.round(base[0] * style.sparse), Math.round(base[1] * style.sparse)] as const;
  let start = simStart - rng.int(0, gap[1]);
  let end = asOfDay;
  if (rng.bernoulli(style.partial)) {
    const cut = rng.int(simStart + 60, asOfDay - 30);
    if (rng.bernoulli(0.5)) start = cut;
    else end = cut;
  }
  const value = valueModel(indicator) === 'debt' ? 'debtChronic' : indicator === 'schoolverzuim' ? 'hoursChronic' : 'none';
  return { indicator, start, end, count: 10_000, gap, value, bsn, address };
}

function dropOut(h: Household, ctx: PlanContext): Episode {
  const minor = ctx.rng.pick(minorsAged(h, ctx.asOfDay, 16, 17));
  const day = ctx.rng.int(ctx.asOfDay - 300, ctx.asOfDay);
  return { indicator: 'schooluitval', start: day, end: day, count: 1, gap: [1, 1], value: 'none', bsn: minor.bsn, address: null };
}
