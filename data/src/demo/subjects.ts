// Who in a household a signal is about.

import { ageOn } from '../dates.ts';
import type { Rng } from '../random.ts';
import type { Household, Person } from './types.ts';

export function ageOf(p: Person, asOfDay: number): number {
  return ageOn(p.birthDay, asOfDay);
}

export function minorsAged(h: Household, asOfDay: number, min: number, max: number): Person[] {
  return h.minors.filter((p) => {
    const age = ageOf(p, asOfDay);
    return age >= min && age <= max;
  });
}

export function mainAdult(h: Household): Person {
  const p = h.adults[0];
  if (!p) throw new Error(`huishouden ${h.index} zonder volwassene`);
  return p;
}

/** The main adult mostly, sometimes the partner (second adult). */
export function someAdult(rng: Rng, h: Household): Person {
  const partner = h.adults[1];
  return partner && rng.bernoulli(0.3) ? partner : mainAdult(h);
}

export function isElderly(h: Household, asOfDay: number): boolean {
  return ageOf(mainAdult(h), asOfDay) >= 67;
}

export function isStudent(h: Household, asOfDay: number): boolean {
  return h.kind !== 'family' && ageOf(mainAdult(h), asOfDay) <= 26;
}
