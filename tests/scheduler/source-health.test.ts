import { describe, expect, it } from 'vitest';
import { median, sourceHealth, type DeliveryRecord, type HealthInput } from '../../server/src/core/source-health.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

/** Weekly deliveries, newest first: `rows[i]` rows delivered 7·i + firstAgo days ago. */
function weekly(rows: number[], quarantined: number[] = [], firstAgo = 2): DeliveryRecord[] {
  return rows.map((r, i) => ({ at: daysAgo(firstAgo + 7 * i), ok: true, rows: r, quarantined: quarantined[i] ?? 0 }));
}

function input(overrides: Partial<HealthInput>): HealthInput {
  return {
    expectedIntervalDays: 7,
    enabled: true,
    configuredAt: daysAgo(400),
    deliveries: weekly([100, 96, 104, 99, 101]),
    lastFailedPull: null,
    now: NOW,
    ...overrides,
  };
}

describe('source health', () => {
  it('is green for a source that delivers as usual, with the figures', () => {
    const h = sourceHealth(input({ deliveries: weekly([100, 90, 110, 95, 105], [1, 1, 2, 1, 1]) }));
    expect(h).toEqual({
      status: 'green',
      reasons: [],
      lastDeliveryAt: daysAgo(2),
      daysSinceDelivery: 2,
      lastRows: 100,
      usualRows: 100,
      quarantineShare: 0.01,
      usualQuarantineShare: expect.any(Number),
    });
    expect(h.usualQuarantineShare).toBeCloseTo(median([1 / 90, 2 / 110, 1 / 95, 1 / 105]), 10);
  });

  it('is amber when overdue, red when far overdue, against its own interval', () => {
    expect(sourceHealth(input({ deliveries: weekly([100, 100, 100, 100], [], 8.5) }))).toMatchObject({
      status: 'amber',
      reasons: ['te laat: laatste levering 8 dagen geleden, verwacht elke 7 dagen'],
    });
    expect(sourceHealth(input({ deliveries: weekly([100, 100, 100, 100], [], 15.5) })).status).toBe('red');
    expect(sourceHealth(input({ expectedIntervalDays: 28, deliveries: weekly([100, 100, 100, 100], [], 20) })).status).toBe('green');
  });

  it('judges a new source only after its first interval', () => {
    expect(sourceHealth(input({ configuredAt: daysAgo(3), deliveries: [] }))).toMatchObject({
      status: 'amber',
      reasons: ['nog geen levering ontvangen'],
      lastDeliveryAt: null,
    });
    expect(sourceHealth(input({ configuredAt: daysAgo(20), deliveries: [] }))).toMatchObject({
      status: 'red',
      reasons: ['te laat: nog nooit geleverd, verwacht elke 7 dagen'],
    });
  });

  it('flags a delivery much smaller or larger than the median of the earlier ones', () => {
    expect(sourceHealth(input({ deliveries: weekly([40, 100, 96, 104, 99]) }))).toMatchObject({
      status: 'amber',
      usualRows: 99.5,
      reasons: ['minder rijen dan gebruikelijk: 40 in de laatste levering, meestal 100'],
    });
    expect(sourceHealth(input({ deliveries: weekly([250, 100, 96, 104, 99]) })).reasons[0]).toMatch(/^meer rijen dan gebruikelijk/);
    expect(sourceHealth(input({ deliveries: weekly([51, 100, 96, 104, 99]) })).status).toBe('green');
    // Too little history, or too few rows to tell chance from trouble: no judgement.
    expect(sourceHealth(input({ deliveries: weekly([5, 100, 100]) })).status).toBe('green');
    expect(sourceHealth(input({ deliveries: weekly([1, 10, 12, 9, 11]) })).status).toBe('green');
  });

  it('is red when the quarantine share jumps or is high, with the reason', () => {
    const jump = sourceHealth(input({ deliveries: weekly([100, 100, 100, 100, 100], [9, 1, 1, 0, 1]) }));
    expect(jump).toMatchObject({ status: 'red', reasons: ['quarantaine-aandeel gestegen van 1% naar 9%'], quarantineShare: 0.09, usualQuarantineShare: 0.01 });
    expect(sourceHealth(input({ deliveries: weekly([100, 100, 100, 100, 100], [5, 1, 1, 0, 1]) })).status).toBe('green');
    expect(sourceHealth(input({ deliveries: weekly([10, 10], [3, 0]) }))).toMatchObject({ status: 'red', reasons: ['30% van de rijen in quarantaine'] });
  });

  it('reports a failed pull until a later delivery succeeds, and a disabled source', () => {
    const failed = { at: daysAgo(1), error: 'HTTP 503 from https://example.org/feed.csv' };
    expect(sourceHealth(input({ lastFailedPull: failed }))).toMatchObject({ status: 'amber', reasons: [`laatste ophaalpoging mislukt: ${failed.error}`] });
    expect(sourceHealth(input({ lastFailedPull: { at: daysAgo(3), error: 'x' } })).status).toBe('green');
    expect(sourceHealth(input({ enabled: false }))).toMatchObject({ status: 'amber', reasons: ['bron staat uit'] });
  });

  it('judges on successful deliveries only and combines reasons, worst status first', () => {
    const deliveries = [{ at: daysAgo(1), ok: false, rows: 0, quarantined: 0 }, ...weekly([30, 100, 100, 100], [12, 1, 1, 1], 16)];
    const h = sourceHealth(input({ deliveries }));
    expect(h.status).toBe('red');
    expect(h.lastRows).toBe(30);
    expect(h.reasons).toHaveLength(3);
  });
});
