import fc from 'fast-check';
import { INDICATOR_CATALOGUE, type RuleSetDefinition } from '../../../shared/src/index.ts';

// Random valid rule sets: any subset of the indicators, threshold and min_domains null or not, decimal weights, weight 0.

const noNegativeZero = (x: number) => (x === 0 ? 0 : x);
const decimal = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map(noNegativeZero);
const number = (min: number, max: number) => fc.oneof(fc.integer({ min, max }), decimal(min, max));

const ruleArb = (entry: (typeof INDICATOR_CATALOGUE)[number]) =>
  fc.record({
    indicator: fc.constant(entry.indicator as string),
    domain: fc.constant(entry.domain as string),
    weight: fc.oneof(fc.constant(0), number(0, 8)),
    threshold: fc.oneof(fc.constant(null), number(-2, 20)),
    window_days: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constantFrom(90, 365)),
    min_count: fc.integer({ min: 1, max: 3 }),
  });

export const ruleSetArb: fc.Arbitrary<RuleSetDefinition> = fc.record({
  name: fc.oneof(
    fc.constantFrom('Standaard', 'Ruim', 'Één regel'),
    fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== ''),
  ),
  flag_threshold: number(-1, 12),
  min_domains: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 9 })),
  rules: fc.shuffledSubarray([...INDICATOR_CATALOGUE]).chain((entries) => (entries.length ? fc.tuple(...entries.map(ruleArb)) : fc.constant([]))),
});
