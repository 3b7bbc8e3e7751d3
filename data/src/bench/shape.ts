// Random-access households of the bench city: everything about household i is a pure function
// of (seed, i), so registry and signals can be streamed in constant memory.

import { hashSeed, mix32 } from '../random.ts';

/** Person slots reserved per household: person m of household i has BSN index i * SLOTS + m. */
export const SLOTS = 6;
const PER_PC6 = 25;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LETTER_PAIRS: readonly string[] = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b)).filter((p) => p !== 'SA' && p !== 'SD' && p !== 'SS');
const PER_PC4 = LETTER_PAIRS.length * PER_PC6;

export interface BenchAddress {
  postcode: string;
  huisnummer: number;
  toevoeging: string;
  wijk: string;
}

/** Uniform in [0, 1): the n-th draw of stream `key` (pure function, no state). */
function draw(key: number, n: number): number {
  return mix32((key + Math.imul(n + 1, 0x6d2b79f5)) | 0) / 4294967296;
}

/** Key of household i for the pure draws. */
export function householdKey(seed: number, i: number): number {
  return hashSeed(seed, i);
}

/** Adults of household i (1–5). ≈ 2.4 persons per household, 25 % with minors. */
export function adultsOf(key: number): number {
  const u = draw(key, 0);
  if (u < 0.25) return (draw(key, 1) < 0.2 ? 1 : 2) + (draw(key, 3) < 0.15 ? 1 : 0);
  if (u < 0.56) return 1;
  if (u < 0.86) return 2;
  return 3 + Math.floor(draw(key, 1) * 3);
}

/** Minors of household i (0–4); only the 25 % gezinshuishoudens have them. */
export function minorsOf(key: number): number {
  if (draw(key, 0) >= 0.25) return 0;
  const v = draw(key, 2);
  const minors = v < 0.5 ? 1 : v < 0.85 ? 2 : v < 0.96 ? 3 : 4;
  return Math.min(minors, SLOTS - adultsOf(key));
}

export function benchAddress(i: number): BenchAddress {
  const area = Math.floor(i / PER_PC4);
  const pc4 = 1000 + ((8700 + area) % 9000);
  const within = i % PER_PC4;
  const pair = LETTER_PAIRS[Math.floor(within / PER_PC6)] as string;
  const j = within % PER_PC6;
  const flat = j >= 20;
  return {
    postcode: `${pc4}${pair}`,
    huisnummer: flat ? 41 : 2 * j + 1,
    toevoeging: flat ? 'ABCDE'.charAt(j - 20) : '',
    wijk: `Wijk ${String(Math.floor(area / 2) + 1).padStart(3, '0')}`,
  };
}

/** Days before asOf that person m of household i was born: adults 19–90, minors 0–17 years. */
export function benchAgeDays(key: number, m: number, adults: number): number {
  const u = draw(key, 10 + m);
  return m < adults ? 19 * 365 + 5 + Math.floor(u * 71 * 365) : 1 + Math.floor(u * (17 * 365));
}
