// An episode is a run of signals of one indicator about one household; expanding it gives events.

import type { Indicator } from '@vroegsignaal/shared';
import type { Rng } from '../random.ts';
import { DEBT_START } from './rates.ts';
import type { Address, Household, SignalEvent } from './types.ts';

export type ValueModel = 'none' | 'debt' | 'debtChronic' | 'hours' | 'hoursChronic';

export interface Episode {
  indicator: Indicator;
  /** Day of the first signal. */
  start: number;
  /** No signals after this day. */
  end: number;
  /** Maximum number of signals. */
  count: number;
  gap: readonly [number, number];
  value: ValueModel;
  /** BSN of the person concerned; empty for address-only signals. */
  bsn: string;
  /** Address of the household, when the source reports it. */
  address: Address | null;
}

export interface ExpandContext {
  rng: Rng;
  household: Household;
  /** Picks the delivering source of one signal. */
  sourceOf: (indicator: Indicator) => string;
}

export function expandEpisode(ep: Episode, ctx: ExpandContext, out: SignalEvent[]): void {
  const { rng } = ctx;
  let value = firstValue(rng, ep);
  let day = ep.start;
  for (let i = 0; i < ep.count && day <= ep.end; i++) {
    out.push({ day, indicator: ep.indicator, source: ctx.sourceOf(ep.indicator), value, bsn: ep.bsn, address: ep.address, household: ctx.household.index });
    day += rng.int(ep.gap[0], ep.gap[1]);
    value = nextValue(rng, ep.value, value);
  }
}

function firstValue(rng: Rng, ep: Episode): number | null {
  switch (ep.value) {
    case 'none':
      return null;
    case 'debt':
      return rng.weighted(DEBT_START[ep.indicator] ?? [[1, 1]]);
    case 'debtChronic':
      return rng.weighted([
        [2, 0.5],
        [2.5, 0.1],
        [3, 0.3],
        [4, 0.1],
      ]);
    case 'hours':
      return rng.int(6, 30);
    case 'hoursChronic':
      return rng.int(16, 48);
  }
}

function nextValue(rng: Rng, model: ValueModel, value: number | null): number | null {
  if (value === null) return null;
  switch (model) {
    case 'debt':
      return Math.min(
        9,
        Math.max(
          1,
          value +
            rng.weighted([
              [1, 0.65],
              [0, 0.25],
              [-0.5, 0.1],
            ]),
        ),
      );
    case 'debtChronic':
      return Math.min(
        8,
        Math.max(
          1.5,
          value +
            rng.weighted([
              [1, 0.3],
              [0.5, 0.1],
              [0, 0.3],
              [-1, 0.3],
            ]),
        ),
      );
    case 'hours':
      return value + rng.int(6, 24);
    case 'hoursChronic':
      return rng.int(16, 64) + (rng.bernoulli(0.3) ? 0.5 : 0);
    default:
      return value;
  }
}
