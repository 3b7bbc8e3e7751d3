// Base rates of the demo city, per household or person per year, before multipliers.
// Calibrated so that Wgs debt signals come to about 4 per 1 000 residents per month
// (Divosa monitor; health insurers ≈ 41 %), with values mostly 1–3 months.

import type { Indicator } from '@vroegsignaal/shared';
import type { Weighted } from '../random.ts';

/** Episodes per year (per household unless noted). */
export const EPISODE_RATE = {
  huurachterstand: 0.02, // per household renting from a corporation
  energieachterstand: 0.012,
  zorgverzekeringsachterstand: 0.018,
  overlastmelding: 0.022,
  huiselijk_geweld_family: 0.011,
  huiselijk_geweld_couple: 0.005,
  huiselijk_geweld_other: 0.0015,
  jeugd_politiecontact: 0.018, // per minor aged 10–17
  schoolverzuim: 0.03, // per minor aged 5–17
  schooluitval: 0.02, // per minor aged 16–17
  opvoedzorg: 0.02, // per gezinshuishouden
  ggz_zorg: 0.015, // per adult
} as const;

/** Chance that an adult receives unemployment or social-assistance benefit in the period. */
export const BENEFIT_CHANCE = {
  oneParent: 0.22,
  twoParent: 0.05,
  single: 0.08,
  student: 0.01,
  couple: 0.04,
  shared: 0.02,
} as const;

/** Number of signals in one ordinary episode. */
export const EPISODE_SIZE: Partial<Record<Indicator, Weighted<number>>> = {
  huurachterstand: [
    [1, 0.5],
    [2, 0.25],
    [3, 0.15],
    [4, 0.05],
    [5, 0.03],
    [6, 0.02],
  ],
  energieachterstand: [
    [1, 0.55],
    [2, 0.25],
    [3, 0.12],
    [4, 0.08],
  ],
  zorgverzekeringsachterstand: [
    [1, 0.5],
    [2, 0.25],
    [3, 0.15],
    [4, 0.06],
    [6, 0.04],
  ],
  overlastmelding: [
    [1, 0.55],
    [2, 0.25],
    [3, 0.12],
    [4, 0.05],
    [5, 0.03],
  ],
  huiselijk_geweld: [
    [1, 0.75],
    [2, 0.2],
    [3, 0.05],
  ],
  jeugd_politiecontact: [
    [1, 0.7],
    [2, 0.2],
    [3, 0.1],
  ],
  schoolverzuim: [
    [1, 0.5],
    [2, 0.3],
    [3, 0.2],
  ],
  schooluitval: [[1, 1]],
  opvoedzorg: [
    [1, 0.6],
    [2, 0.3],
    [3, 0.1],
  ],
  ggz_zorg: [
    [1, 0.6],
    [2, 0.3],
    [3, 0.1],
  ],
};

/** Days between two signals of one episode. */
export const EPISODE_GAP: Record<Indicator, readonly [number, number]> = {
  huurachterstand: [28, 35],
  energieachterstand: [28, 42],
  zorgverzekeringsachterstand: [28, 35],
  overlastmelding: [7, 50],
  huiselijk_geweld: [20, 120],
  jeugd_politiecontact: [14, 120],
  schoolverzuim: [20, 45],
  schooluitval: [365, 365],
  werkloosheid: [28, 28],
  opvoedzorg: [40, 120],
  ggz_zorg: [40, 120],
};

/** First value of a debt episode, in months of arrears. */
export const DEBT_START: Partial<Record<Indicator, Weighted<number>>> = {
  huurachterstand: [
    [1, 0.4],
    [1.5, 0.1],
    [2, 0.3],
    [2.5, 0.05],
    [3, 0.15],
  ],
  energieachterstand: [
    [1, 0.45],
    [2, 0.35],
    [3, 0.2],
  ],
  zorgverzekeringsachterstand: [
    [1, 0.05],
    [2, 0.6],
    [3, 0.2],
    [4, 0.1],
    [5, 0.05],
  ],
};
