// Household compositions: who lives at an address and how old they are.

import { birthDayForAge } from '../dates.ts';
import type { Rng, Weighted } from '../random.ts';
import type { Group, HouseholdKind } from './types.ts';

/** Birth days of the members, split by adult/minor on `asOfDay`. */
export interface Composition {
  adults: number[];
  minors: number[];
  oneParent: boolean;
}

/** Minors per gezinshuishouden in the city (mean ≈ 1.68, as the quickscan's 40 234 / 23 977). */
const MINORS_BASE: Weighted<number> = [
  [1, 0.505],
  [2, 0.35],
  [3, 0.11],
  [4, 0.028],
  [5, 0.007],
];
/** Children per multi-problem family, from the quickscan (72/58/23/11/2/2 of 168). */
const MINORS_MULTI: Weighted<number> = [
  [1, 72],
  [2, 58],
  [3, 23],
  [4, 11],
  [5, 2],
  [6, 2],
];

const SIBLING_GAP: Weighted<number> = [
  [0, 0.05],
  [1, 0.2],
  [2, 0.35],
  [3, 0.25],
  [4, 0.15],
];

const ONE_PARENT_SHARE: Record<Group, number> = { multi: 0.67, risk: 0.45, base: 0.17 };

/** Age in years with some days added, as a birth day relative to asOf. */
function born(rng: Rng, asOfDay: number, age: number): number {
  return birthDayForAge(asOfDay, age, rng.int(0, 364));
}

export function familyComposition(rng: Rng, asOfDay: number, group: Group): Composition {
  const nMinors = rng.weighted(group === 'multi' ? MINORS_MULTI : MINORS_BASE);
  const eldest = rng.int(Math.min(17, nMinors - 1), 17);
  const minorAges = [eldest];
  for (let i = 1; i < nMinors; i++) minorAges.push(Math.max(0, (minorAges[i - 1] as number) - rng.weighted(SIBLING_GAP)));
  const parentAge = Math.max(20, eldest + rng.int(group === 'base' ? 24 : 19, 38));
  const oneParent = rng.bernoulli(ONE_PARENT_SHARE[group]);
  const adults = [born(rng, asOfDay, parentAge)];
  if (!oneParent) adults.push(born(rng, asOfDay, Math.max(20, parentAge + rng.int(-4, 5))));
  if (!oneParent && rng.bernoulli(0.03)) adults.push(born(rng, asOfDay, parentAge + rng.int(22, 32)));
  const childAge = Math.min(25, eldest + rng.int(2, 6));
  if (childAge >= 18 && parentAge - childAge >= 18 && rng.bernoulli(0.25)) adults.push(born(rng, asOfDay, childAge));
  return { adults, minors: minorAges.map((a) => born(rng, asOfDay, a)), oneParent };
}

/** Singles, couples and shared houses (students, young adults, elderly). */
export function otherComposition(rng: Rng, asOfDay: number, kind: HouseholdKind, studentShare: number): Composition {
  const size =
    kind === 'single'
      ? 1
      : kind === 'couple'
        ? 2
        : rng.weighted([
            [2, 0.3],
            [3, 0.35],
            [4, 0.25],
            [5, 0.1],
          ]);
  const student = kind === 'shared' ? rng.bernoulli(0.85) : rng.bernoulli(studentShare);
  const base = student ? rng.int(18, 26) : adultAge(rng);
  const adults: number[] = [];
  for (let i = 0; i < size; i++) {
    const age = i === 0 ? base : student ? rng.int(18, 27) : Math.max(18, base + rng.int(-6, 6));
    adults.push(born(rng, asOfDay, Math.max(age, 18)));
  }
  return { adults, minors: [], oneParent: false };
}

function adultAge(rng: Rng): number {
  return rng.weighted([
    [rng.int(19, 29), 0.24],
    [rng.int(30, 44), 0.22],
    [rng.int(45, 64), 0.27],
    [rng.int(65, 79), 0.19],
    [rng.int(80, 97), 0.08],
  ]);
}
