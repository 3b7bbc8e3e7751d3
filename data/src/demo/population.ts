// Builds the households and persons of the demo city.

import { BsnSequence } from '../bsn.ts';
import { Rng } from '../random.ts';
import { allocateAddresses } from './addresses.ts';
import { familyComposition, otherComposition, type Composition } from './composition.ts';
import type { Group, Household, HouseholdKind } from './types.ts';
import { apportion, WIJKEN, type Wijk } from './wijken.ts';

/** Calibration targets (Groningen quickscan: 23 977 gezinshuishoudens). */
export const CITY_SIZE = {
  families: 24_000,
  otherHouseholds: 76_000,
  /** Latent multi-problem families, spread like the report's 168 (scaled up; 246 was a lower bound). */
  multiProblem: 300,
  /** Families with one or two chronic problems. */
  atRisk: 600,
} as const;

interface Slot {
  kind: HouseholdKind;
  group: Group;
}

export interface Population {
  households: Household[];
  personCount: number;
  bsns: BsnSequence;
}

export function buildPopulation(seed: number, asOfDay: number): Population {
  const families = apportion(
    CITY_SIZE.families,
    WIJKEN.map((w) => w.familyPct),
  );
  const others = apportion(
    CITY_SIZE.otherHouseholds,
    WIJKEN.map((w) => w.otherWeight),
  );
  const multi = apportion(
    CITY_SIZE.multiProblem,
    WIJKEN.map((w) => w.mpf),
  );
  const risk = apportion(
    CITY_SIZE.atRisk,
    WIJKEN.map((w, i) => (families[i] as number) * w.deprivation ** 2),
  );
  const households: Household[] = [];
  WIJKEN.forEach((wijk, w) => {
    const rng = new Rng(seed, 'wijk', w);
    const slots = wijkSlots(rng, wijk, families[w] as number, others[w] as number, multi[w] as number, risk[w] as number);
    for (const h of wijkHouseholds(rng, w, wijk, slots, asOfDay)) households.push(h);
  });
  households.sort(compareAddress);
  const bsns = new BsnSequence(seed);
  const personCount = assignBsns(households, bsns);
  return { households, personCount, bsns };
}

function wijkSlots(rng: Rng, wijk: Wijk, families: number, others: number, multi: number, risk: number): Slot[] {
  const slots: Slot[] = [];
  for (let i = 0; i < families; i++) slots.push({ kind: 'family', group: i < multi ? 'multi' : i < multi + risk ? 'risk' : 'base' });
  const shared = 0.03 + 0.12 * wijk.students;
  const couple = 0.27 - 0.1 * wijk.students;
  for (let i = 0; i < others; i++) {
    const kind = rng.weighted<HouseholdKind>([
      ['shared', shared],
      ['couple', couple],
      ['single', 1 - shared - couple],
    ]);
    slots.push({ kind, group: 'base' });
  }
  return rng.shuffle(slots);
}

function wijkHouseholds(rng: Rng, w: number, wijk: Wijk, slots: Slot[], asOfDay: number): Household[] {
  const addresses = allocateAddresses(rng, wijk.pc4, slots.length, wijk.flats);
  return slots.map((slot, i) => {
    const comp = slot.kind === 'family' ? familyComposition(rng, asOfDay, slot.group) : otherComposition(rng, asOfDay, slot.kind, wijk.students);
    const address = addresses[i];
    if (!address) throw new Error('adrestoewijzing mislukt');
    return {
      postcode: address.postcode,
      huisnummer: address.huisnummer,
      toevoeging: address.toevoeging,
      index: 0,
      wijk: w,
      kind: slot.kind,
      adults: comp.adults.map((birthDay) => ({ bsn: '', birthDay })),
      minors: comp.minors.map((birthDay) => ({ bsn: '', birthDay })),
      oneParent: comp.oneParent,
      corporatie: rng.bernoulli(corporatieChance(wijk, slot, comp)),
      group: slot.group,
    };
  });
}

function corporatieChance(wijk: Wijk, slot: Slot, comp: Composition): number {
  if (slot.group === 'multi') return 0.85;
  if (slot.group === 'risk') return Math.min(0.9, wijk.corporatie * 1.4);
  return Math.min(0.95, wijk.corporatie * (comp.oneParent ? 1.3 : 1));
}

function compareAddress(a: Household, b: Household): number {
  if (a.postcode !== b.postcode) return a.postcode < b.postcode ? -1 : 1;
  if (a.huisnummer !== b.huisnummer) return a.huisnummer - b.huisnummer;
  return a.toevoeging < b.toevoeging ? -1 : a.toevoeging > b.toevoeging ? 1 : 0;
}

function assignBsns(households: Household[], bsns: BsnSequence): number {
  let k = 0;
  households.forEach((h, i) => {
    h.index = i;
    for (const p of h.adults) p.bsn = bsns.at(k++);
    for (const p of h.minors) p.bsn = bsns.at(k++);
  });
  return k;
}
