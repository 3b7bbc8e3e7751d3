// The 14 wijken of the Groningen quickscan ('Te veel problemen onder één dak').
// `mpf` is the report's count of multi-problem families per wijk (of 168). Family shares,
// other-household shares, deprivation and housing figures are plausible estimates for a
// synthetic city; only Lewenborg's 7.6 % of families is taken from the report.

export interface Wijk {
  name: string;
  /** Four-digit postcode areas (Groningen-like 97xx). */
  pc4: readonly number[];
  /** Share of all gezinshuishoudens of the city, in percent. */
  familyPct: number;
  /** Relative weight for singles, couples and shared households. */
  otherWeight: number;
  /** Multi-problem families in the report's table. */
  mpf: number;
  /** Multiplier on base rates of problems (1 = city average). */
  deprivation: number;
  /** Share of addresses rented from a housing corporation. */
  corporatie: number;
  /** Which housing corporation owns the rented stock. */
  corporation: 'woningcorporatie-noord' | 'woningcorporatie-zuid';
  /** Share of addresses in multi-unit buildings (flats: toevoegingen). */
  flats: number;
  /** Share of single adults that are students (age 18–26). */
  students: number;
}

const N = 'woningcorporatie-noord';
const Z = 'woningcorporatie-zuid';

export const WIJKEN: readonly Wijk[] = [
  {
    name: 'Beijum',
    pc4: [9736, 9737],
    familyPct: 8.5,
    otherWeight: 5,
    mpf: 24,
    deprivation: 1.6,
    corporatie: 0.62,
    corporation: N,
    flats: 0.35,
    students: 0.1,
  },
  { name: 'Vinkhuizen', pc4: [9743], familyPct: 7.0, otherWeight: 6, mpf: 24, deprivation: 1.6, corporatie: 0.65, corporation: N, flats: 0.45, students: 0.1 },
  { name: 'Lewenborg', pc4: [9733], familyPct: 7.6, otherWeight: 4, mpf: 22, deprivation: 1.5, corporatie: 0.6, corporation: N, flats: 0.3, students: 0.1 },
  {
    name: 'Korrewegwijk / De Hoogte',
    pc4: [9714, 9715],
    familyPct: 6.5,
    otherWeight: 9,
    mpf: 22,
    deprivation: 1.5,
    corporatie: 0.55,
    corporation: N,
    flats: 0.6,
    students: 0.4,
  },
  {
    name: 'Nieuw-Zuid Corporatief',
    pc4: [9723, 9724],
    familyPct: 7.5,
    otherWeight: 7,
    mpf: 20,
    deprivation: 1.4,
    corporatie: 0.75,
    corporation: Z,
    flats: 0.55,
    students: 0.25,
  },
  {
    name: 'Paddepoel',
    pc4: [9741, 9742],
    familyPct: 5.5,
    otherWeight: 8,
    mpf: 19,
    deprivation: 1.35,
    corporatie: 0.6,
    corporation: N,
    flats: 0.6,
    students: 0.5,
  },
  { name: 'Oosterpark', pc4: [9713], familyPct: 6.0, otherWeight: 8, mpf: 14, deprivation: 1.25, corporatie: 0.5, corporation: N, flats: 0.55, students: 0.45 },
  { name: 'Centrum', pc4: [9711, 9712], familyPct: 3.5, otherWeight: 14, mpf: 8, deprivation: 1.0, corporatie: 0.3, corporation: Z, flats: 0.8, students: 0.6 },
  {
    name: 'Oud-Zuid',
    pc4: [9721, 9722],
    familyPct: 6.0,
    otherWeight: 9,
    mpf: 5,
    deprivation: 0.75,
    corporatie: 0.25,
    corporation: Z,
    flats: 0.5,
    students: 0.4,
  },
  {
    name: 'Hoogkerk / de dorpen',
    pc4: [9744, 9745],
    familyPct: 9.5,
    otherWeight: 6,
    mpf: 4,
    deprivation: 0.7,
    corporatie: 0.3,
    corporation: Z,
    flats: 0.1,
    students: 0.05,
  },
  {
    name: 'Oranjewijk / Schilderswijk',
    pc4: [9716, 9717],
    familyPct: 4.5,
    otherWeight: 8,
    mpf: 4,
    deprivation: 0.8,
    corporatie: 0.25,
    corporation: N,
    flats: 0.55,
    students: 0.5,
  },
  {
    name: 'Nieuw-Oost',
    pc4: [9731, 9732],
    familyPct: 8.5,
    otherWeight: 5,
    mpf: 1,
    deprivation: 0.6,
    corporatie: 0.2,
    corporation: N,
    flats: 0.15,
    students: 0.05,
  },
  {
    name: 'Nieuw-Zuid Particulier',
    pc4: [9725, 9726, 9727],
    familyPct: 8.5,
    otherWeight: 6,
    mpf: 1,
    deprivation: 0.55,
    corporatie: 0.1,
    corporation: Z,
    flats: 0.2,
    students: 0.1,
  },
  {
    name: 'Nieuw-West',
    pc4: [9746, 9747],
    familyPct: 10.9,
    otherWeight: 5,
    mpf: 0,
    deprivation: 0.55,
    corporatie: 0.2,
    corporation: N,
    flats: 0.15,
    students: 0.05,
  },
];

/** Splits `total` over weights with the largest-remainder method (exact sum, deterministic). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}
