// Allocates unique, realistic-looking Dutch addresses per wijk.

import type { Rng } from '../random.ts';
import type { Address } from './types.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Letter pairs PostNL does not use. */
const EXCLUDED_PAIRS = new Set(['SA', 'SD', 'SS']);
const PAIRS: readonly string[] = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b)).filter((p) => !EXCLUDED_PAIRS.has(p));
const MEAN_PER_PC6 = 20;

const TOEVOEGING_SCHEMES: ReadonlyArray<readonly string[]> = [
  ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
  ['1', '2', '3', '4', '5', '6', '7', '8'],
  ['', 'A', 'B', 'C', 'D', 'E', 'F', 'G'],
  ['H', '1', '2', '3', '4', '5', '6', '7'],
  ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2'],
];

/** Generates `count` distinct addresses spread over the wijk's postcode areas. */
export function allocateAddresses(rng: Rng, pc4s: readonly number[], count: number, flatShare: number): Address[] {
  const out: Address[] = [];
  const perArea = splitEven(count, pc4s.length);
  for (const [i, pc4] of pc4s.entries()) out.push(...areaAddresses(rng, pc4, perArea[i] as number, flatShare));
  return out;
}

function splitEven(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function areaAddresses(rng: Rng, pc4: number, count: number, flatShare: number): Address[] {
  const out: Address[] = [];
  for (const pair of pickPairs(rng, count)) {
    if (out.length >= count) break;
    const postcode = `${pc4}${pair}`;
    const want = Math.min(count - out.length, rng.int(MEAN_PER_PC6 / 2, (MEAN_PER_PC6 * 3) / 2));
    out.push(...streetSegment(rng, postcode, want, flatShare));
  }
  if (out.length < count) throw new Error(`postcodegebied ${pc4} is te klein voor ${count} adressen`);
  return out;
}

/** Letter pairs in order, with some skipped so the used ones look scattered. */
function pickPairs(rng: Rng, count: number): string[] {
  const needed = Math.ceil(count / MEAN_PER_PC6);
  const keep = Math.min(1, (needed * 1.3) / PAIRS.length);
  const kept: string[] = [];
  const skipped: string[] = [];
  for (const pair of PAIRS) (rng.bernoulli(keep) ? kept : skipped).push(pair);
  return [...kept, ...skipped];
}

/** One side of a street: houses and small blocks of flats with toevoegingen. */
function streetSegment(rng: Rng, postcode: string, want: number, flatShare: number): Address[] {
  const out: Address[] = [];
  let huisnummer = rng.int(1, 40);
  const step = rng.bernoulli(0.8) ? 2 : 1;
  while (out.length < want) {
    const units = rng.bernoulli(flatShare) ? rng.int(2, 8) : 1;
    const scheme = rng.pick(TOEVOEGING_SCHEMES);
    for (let u = 0; u < units && out.length < want; u++) {
      out.push({ postcode, huisnummer, toevoeging: units === 1 ? '' : (scheme[u] as string) });
    }
    if (units === 1 && rng.bernoulli(0.01) && out.length < want) out.push({ postcode, huisnummer, toevoeging: 'BIS' });
    huisnummer += step;
  }
  return out;
}
