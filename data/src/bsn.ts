// Deterministic, unique, elfproef-valid BSNs with random access: bsnAt(k) for k = 0, 1, 2, …
//
// Layout: digits d1..d7 come from a seeded permutation of 1 000 000..9 999 999, digit d8 is
// chosen among the values that give a valid check digit d9, so different k never collide.

import { passesElfproef } from '@vroegsignaal/shared';
import { hashSeed, mix32 } from './random.ts';

const PREFIX_BASE = 1_000_000;
const PREFIX_COUNT = 9_000_000; // d1..d7 in 1000000..9999999
const PER_PREFIX = 8; // every prefix has at least 8 usable d8 digits

/** Maximum number of distinct BSNs a sequence can hand out. */
export const BSN_CAPACITY = PREFIX_COUNT * PER_PREFIX;

/** True when `bsn` is 9 digits and passes the elfproef. */
export const isValidBsn = (bsn: string): boolean => passesElfproef(bsn);

/** Returns a 9-digit number that fails the elfproef (last digit changed). */
export function corruptBsn(bsn: string, shift = 1): string {
  const last = bsn.charCodeAt(8) - 48;
  const step = 1 + (Math.abs(shift) % 9);
  return bsn.slice(0, 8) + String((last + step) % 10);
}

export class BsnSequence {
  private readonly keys: readonly number[];
  private readonly offsetKey: number;

  constructor(seed: number) {
    this.keys = [1, 2, 3, 4].map((round) => hashSeed(seed, 'bsn-feistel', round));
    this.offsetKey = hashSeed(seed, 'bsn-d8');
  }

  /** The k-th BSN of this sequence (0 <= k < BSN_CAPACITY), as 9 digits. */
  at(k: number): string {
    if (!Number.isInteger(k) || k < 0 || k >= BSN_CAPACITY) throw new RangeError(`bsn index ${k}`);
    const prefix = PREFIX_BASE + this.permute(k % PREFIX_COUNT);
    const round = Math.floor(k / PREFIX_COUNT);
    return completeBsn(prefix, round, mix32(prefix ^ this.offsetKey));
  }

  /** Permutation of [0, PREFIX_COUNT): 24-bit Feistel network with cycle walking. */
  private permute(x: number): number {
    let y = x;
    do y = this.feistel(y);
    while (y >= PREFIX_COUNT);
    return y;
  }

  private feistel(x: number): number {
    let left = x >>> 12;
    let right = x & 0xfff;
    for (const key of this.keys) {
      const next = left ^ (mix32(right ^ key) & 0xfff);
      left = right;
      right = next;
    }
    return (left << 12) | right;
  }
}

/** Usable d8 digits (check digit 0..9) per value of s7 mod 11. */
const USABLE_D8: ReadonlyArray<readonly number[]> = Array.from({ length: 11 }, (_, r) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d8) => (r + 2 * d8) % 11 <= 9));

/** Picks d8 (the `round`-th usable digit, rotated by `offset`) and appends the check digit. */
function completeBsn(prefix: number, round: number, offset: number): string {
  let s7 = 0;
  let rest = prefix;
  for (let w = 3; w <= 9; w++) {
    s7 += w * (rest % 10);
    rest = Math.floor(rest / 10);
  }
  let usable = USABLE_D8[s7 % 11] as readonly number[];
  // Only prefix 1000000 (s7 = 9) can give an elfproef sum of 0 (with d8 = 0): skip that one.
  if (s7 === 9) usable = usable.filter((d8) => d8 !== 0);
  const d8 = usable[(round + offset) % usable.length] as number;
  return String(prefix * 100 + d8 * 10 + ((s7 + 2 * d8) % 11));
}
