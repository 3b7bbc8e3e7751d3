import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressAdditive, suppressCount, type Count } from '../../server/src/core/suppression.ts';

/** Every vector an attacker could reconstruct from what is shown (hidden large cells searched up to `cap`). */
function candidates(shown: Count[], total: Count, cap: number): number[][] {
  const ranges = shown.map((c) => (c === '<5' ? [1, 2, 3, 4] : c === 'x' ? range(5, cap) : [c]));
  const out: number[][] = [];
  const walk = (i: number, acc: number[]) => {
    if (i === ranges.length) {
      const sum = acc.reduce((a, b) => a + b, 0);
      if (typeof total !== 'number' || sum === total) out.push([...acc]);
      return;
    }
    for (const v of ranges[i]!) walk(i + 1, [...acc, v]);
  };
  walk(0, []);
  return out;
}
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('small-cell suppression', () => {
  it('shows 1–4 as "<5" and keeps 0 and 5+', () => {
    expect([0, 1, 4, 5, 12].map(suppressCount)).toEqual([0, '<5', '<5', 5, 12]);
  });

  it('hides a second cell so a suppressed one cannot be found by subtracting from the total', () => {
    const r = suppressAdditive([3, 20, 40]);
    expect(r.total).toBe(63);
    expect(r.cells[0]).toBe('<5');
    expect(r.cells.filter((c) => c === 'x')).toHaveLength(1);
    expect(r.cells[1]).toBe('x'); // the smallest other cell
    expect(r.cells[2]).toBe(40);
  });

  it('does not let two small cells be pinned by their sum', () => {
    const r = suppressAdditive([1, 1, 10, 30]);
    expect(r.cells.slice(0, 2)).toEqual(['<5', '<5']);
    expect(r.cells[2]).toBe('x');
  });

  it('hides the total when nothing else can protect a cell', () => {
    expect(suppressAdditive([1, 5])).toEqual({ cells: ['<5', 'x'], total: 'x' });
    expect(suppressAdditive([2, 0])).toEqual({ cells: ['<5', 0], total: '<5' });
  });

  it('leaves a row without small cells alone', () => {
    expect(suppressAdditive([0, 7, 9])).toEqual({ cells: [0, 7, 9], total: 16 });
  });

  it('never lets a hidden cell be recovered from the shown cells and total (brute force)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }), (values) => {
        const { cells, total } = suppressAdditive(values);
        const options = candidates(cells, total, 40);
        expect(options.some((o) => o.every((v, i) => v === values[i]))).toBe(true);
        cells.forEach((c, i) => {
          if (c === '<5' || c === 'x') expect(new Set(options.map((o) => o[i])).size).toBeGreaterThan(1);
          else expect(c).toBe(values[i]);
        });
      }),
      { numRuns: 400 },
    );
  });
});
