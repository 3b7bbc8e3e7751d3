import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishCount } from '../../server/src/core/suppression.ts';
import { Disclosure, exactReading, roundedReading, sumOf, type Reading } from './support/disclosure.ts';

// The publication of one count, and the attacker's solver on small tables: the
// identities of the issue give hidden cells away under the old publication and
// under rounding that shows 0, and not under publishCount.

/** A table of cells that add up to a shown total, all published with `publish`. */
async function pinnedCells(values: number[], publish: (n: number) => unknown, reading: Reading): Promise<number[]> {
  const m = new Disclosure(reading);
  const cells = values.map((_, i) => m.variable(`c${i}`));
  for (const [i, v] of values.entries()) m.shown(`cell ${i}`, cells[i]!, publish(v));
  m.shown('total', sumOf(...cells), publish(values.reduce((a, b) => a + b, 0)));
  return (await m.hiddenCells()).filter((c) => c.values.length < 2 && c.values[0]! > 0).map((c) => c.values[0]!);
}

/** flags = previous flags − dropped + new, every number published. */
async function weekPins(prev: number, dropped: number, nw: number, publish: (n: number) => unknown, reading: Reading) {
  const m = new Disclosure(reading);
  const [p, d, n] = [m.variable('prev'), m.variable('dropped'), m.variable('new')];
  m.relate(sumOf(p, { dropped: -1 }), 0, 100_000); // dropped ⊆ previous
  m.shown('previous', p, publish(prev));
  m.shown('dropped', d, publish(dropped));
  m.shown('new', n, publish(nw));
  m.shown('persisting', sumOf(p, { dropped: -1 }), publish(prev - dropped));
  m.shown('flags', sumOf(p, { dropped: -1, new: 1 }), publish(prev - dropped + nw));
  return (await m.hiddenCells()).filter((c) => c.values.length < 2 && c.values[0]! > 0).map((c) => c.labels[0]);
}

const old = (n: number) => (n >= 1 && n <= 4 ? '<5' : n);
const roundedWithZero = (n: number) => (n === 0 ? 0 : publishCount(n));
/** Reading rounding with 0 shown: then "<5" means 1..4. */
const zeroShownReading: Reading = (p) => (p === '<5' ? { lo: 1, hi: 4, hidden: true } : roundedReading(p));

describe('publishing counts to beleidsmakers', () => {
  it('hides 0–4 as "<5" and rounds 5 and more to the nearest ten', () => {
    expect([0, 1, 4, 5, 14, 15, 24, 25, 104, 105].map(publishCount)).toEqual(['<5', '<5', '<5', 10, 10, 20, 20, 30, 100, 110]);
    expect(() => publishCount(-1)).toThrow();
    expect(() => publishCount(1.5)).toThrow();
  });

  it('a rounded number r means r−5..r+4 and each count falls in its own band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const band = roundedReading(publishCount(n));
        expect(n).toBeGreaterThanOrEqual(band.lo);
        expect(n).toBeLessThanOrEqual(band.hi);
      }),
    );
  });

  it('the old publication gives "new" away by subtraction across weeks; rounding does not', async () => {
    expect(await weekPins(40, 12, 3, old, exactReading)).toEqual(['new']);
    expect(await weekPins(40, 12, 3, publishCount, roundedReading)).toEqual([]);
  });

  it('four "<5" wijken under a "<5" total are each 1 when 0 is shown; not when 0 is hidden too', async () => {
    expect(await pinnedCells([1, 1, 1, 1, 0, 0], roundedWithZero, zeroShownReading)).toEqual([1, 1, 1, 1, 4]);
    expect(await pinnedCells([1, 1, 1, 1, 0, 0], publishCount, roundedReading)).toEqual([]);
  });

  it('never lets a hidden cell of a table with its total be pinned above 0 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }), async (values) => {
        expect(await pinnedCells(values, publishCount, roundedReading)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
