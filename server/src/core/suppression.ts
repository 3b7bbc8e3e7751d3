// How counts are published to beleidsmakers (aggregates and rule-set previews).
//
// A count below 5 (0 included) is shown as "<5"; 5 and above is rounded to the
// nearest ten (5–14 → 10, 15–24 → 20, …). Hiding single cells is not enough:
// shown totals, week series and previews of drafts let a hidden cell be
// recovered by subtraction. With every shown number a multiple of ten, such an
// identity leaves a hidden cell several values. 0 is hidden too: a shown 0 tells
// that the neighbouring "<5" cells are at least 1, and four such cells under a
// "<5" total would each be exactly 1.

export type Count = number | '<5';

export const HIDDEN = '<5';

/** The published form of one count. */
export function publishCount(n: number): Count {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  return n < 5 ? HIDDEN : 10 * Math.floor((n + 5) / 10);
}

/** The published number, or null when it is hidden (for ratios). */
export const shownNumber = (c: Count): number | null => (typeof c === 'number' ? c : null);
