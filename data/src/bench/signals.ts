// Random signal rows of the bench city (all valid, all 11 indicators).

import type { Indicator } from '@vroegsignaal/shared';
import type { BsnSequence } from '../bsn.ts';
import { formatDay } from '../dates.ts';
import type { Rng, Weighted } from '../random.ts';
import { adultsOf, benchAddress, householdKey, minorsOf, SLOTS } from './shape.ts';

const BY_ADDRESS: Weighted<Indicator> = [
  ['overlastmelding', 0.45],
  ['huiselijk_geweld', 0.15],
  ['energieachterstand', 0.25],
  ['huurachterstand', 0.15],
];
const BY_BSN: Weighted<Indicator> = [
  ['huurachterstand', 0.1],
  ['zorgverzekeringsachterstand', 0.16],
  ['jeugd_politiecontact', 0.06],
  ['schoolverzuim', 0.1],
  ['schooluitval', 0.03],
  ['werkloosheid', 0.25],
  ['opvoedzorg', 0.08],
  ['ggz_zorg', 0.12],
  ['energieachterstand', 0.04],
  ['overlastmelding', 0.03],
  ['huiselijk_geweld', 0.03],
];
const ABOUT_A_MINOR = new Set<Indicator>(['jeugd_politiecontact', 'schoolverzuim', 'schooluitval', 'opvoedzorg']);
const SOURCE: Record<Indicator, readonly string[]> = {
  huurachterstand: ['woningcorporatie-noord', 'woningcorporatie-zuid'],
  energieachterstand: ['energie-water'],
  zorgverzekeringsachterstand: ['zorgverzekeraar'],
  overlastmelding: ['meldpunt-overlast', 'woningcorporatie-noord', 'woningcorporatie-zuid'],
  huiselijk_geweld: ['veilig-thuis'],
  jeugd_politiecontact: ['politie'],
  schoolverzuim: ['leerplicht'],
  schooluitval: ['leerplicht'],
  werkloosheid: ['gemeente-werk-inkomen'],
  opvoedzorg: ['ggd-jgz'],
  ggz_zorg: ['ggz-instelling'],
};

export interface SignalContext {
  rng: Rng;
  seed: number;
  households: number;
  asOfDay: number;
  bsns: BsnSequence;
  /** observed_on is spread over this many days up to asOf. */
  spanDays: number;
}

/** One CSV line (FEED_COLUMNS order, `,` delimiter) for row number r. */
export function signalLine(ctx: SignalContext, r: number): string {
  const { rng } = ctx;
  const observed = formatDay(ctx.asOfDay - rng.int(0, ctx.spanDays - 1));
  const byAddress = rng.next() < 0.2;
  let indicator = rng.weighted(byAddress ? BY_ADDRESS : BY_BSN);
  let i = rng.int(0, ctx.households - 1);
  let key = householdKey(ctx.seed, i);
  if (!byAddress && ABOUT_A_MINOR.has(indicator)) {
    for (let tries = 0; minorsOf(key) === 0 && tries < 50; tries++) {
      i = rng.int(0, ctx.households - 1);
      key = householdKey(ctx.seed, i);
    }
    if (minorsOf(key) === 0) indicator = 'werkloosheid';
  }
  const source = rng.pick(SOURCE[indicator]);
  const value = signalValue(rng, indicator);
  const head = `${source},B${r},${indicator},${observed},${value},`;
  if (byAddress) {
    const a = benchAddress(i);
    return `${head},${a.postcode},${a.huisnummer},${a.toevoeging}\n`;
  }
  const adults = adultsOf(key);
  const m = ABOUT_A_MINOR.has(indicator) ? adults + rng.int(0, minorsOf(key) - 1) : rng.int(0, adults - 1);
  return `${head}${ctx.bsns.at(i * SLOTS + m)},,,\n`;
}

function signalValue(rng: Rng, indicator: Indicator): string {
  if (indicator === 'schoolverzuim') return String(rng.int(4, 80));
  if (!indicator.endsWith('achterstand')) return '';
  const months = rng.int(1, 6);
  return rng.next() < 0.2 ? `${months}.5` : String(months);
}
