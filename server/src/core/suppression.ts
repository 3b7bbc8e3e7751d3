// Small-cell suppression for aggregates shown to beleidsmakers.
//
// A count of 1–4 is shown as "<5" (primary suppression); 0 is shown as 0, because
// "nobody" in a group reveals nothing about a person. Where cells add up to a total
// that is shown, a suppressed cell could be recovered by subtraction, so further
// cells are hidden as "x" (complementary suppression) until no hidden cell can be
// pinned to one value, knowing the total, that "<5" cells lie in 1..4 and "x" cells
// are 5 or more. If that cannot be reached, the total is hidden too.

export type Count = number | '<5' | 'x';

export const isSmall = (n: number): boolean => n >= 1 && n <= 4;

/** Primary suppression of one count (for counts that do not add up to a shown total). */
export function suppressCount(n: number): Count {
  return isSmall(n) ? '<5' : n;
}

export interface SuppressedRow {
  cells: Count[];
  total: Count;
}

/**
 * Suppresses cells that add up to `total` (the sum unless given). `forced` marks
 * cells that must be hidden anyway (because another table hides them).
 */
export function suppressAdditive(values: number[], forced: boolean[] = []): SuppressedRow {
  const total = values.reduce((a, b) => a + b, 0);
  if (isSmall(total)) return { cells: values.map((v) => (v === 0 ? 0 : '<5')), total: '<5' };
  const hidden = values.map((v, i) => v !== 0 && (isSmall(v) || forced[i] === true));
  if (!hidden.some(Boolean)) return { cells: values, total };
  while (!safe(values, hidden)) {
    const next = smallestShown(values, hidden);
    if (next === -1) return { cells: mark(values, hidden), total: 'x' };
    hidden[next] = true;
  }
  return { cells: mark(values, hidden), total };
}

function mark(values: number[], hidden: boolean[]): Count[] {
  return values.map((v, i) => (!hidden[i] ? v : isSmall(v) ? '<5' : 'x'));
}

function smallestShown(values: number[], hidden: boolean[]): number {
  let best = -1;
  values.forEach((v, i) => {
    if (!hidden[i] && v > 0 && (best === -1 || v < values[best]!)) best = i;
  });
  return best;
}

/** True when every hidden cell has at least two values consistent with what is shown. */
export function safe(values: number[], hidden: boolean[]): boolean {
  const small = values.filter((v, i) => hidden[i] && isSmall(v)).length;
  const large = values.filter((v, i) => hidden[i] && !isSmall(v)).length;
  const sum = values.reduce((a, v, i) => (hidden[i] ? a + v : a), 0);
  for (let i = 0; i < values.length; i++) {
    if (!hidden[i]) continue;
    const own = isSmall(values[i]!) ? { lo: 1, hi: 4 } : { lo: 5, hi: Infinity };
    const others = { small: small - (isSmall(values[i]!) ? 1 : 0), large: large - (isSmall(values[i]!) ? 0 : 1) };
    const othersMin = others.small * 1 + others.large * 5;
    const othersMax = others.large > 0 ? Infinity : others.small * 4;
    const lo = Math.max(own.lo, sum - othersMax);
    const hi = Math.min(own.hi, sum - othersMin);
    if (hi <= lo) return false;
  }
  return true;
}
