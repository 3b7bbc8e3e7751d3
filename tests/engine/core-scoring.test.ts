import { describe, expect, it } from 'vitest';
import type { RuleDefinition, RuleSetDefinition } from '../../shared/src/index.ts';
import { qualifies, scoreHousehold, type ScoringPerson, type ScoringSignal } from './support/reference-scorer.ts';
import { formatScore, toMicro } from '../../server/src/core/score.ts';

const D = '2026-10-01';
const rule = (over: Partial<RuleDefinition> = {}): RuleDefinition => ({
  indicator: 'huurachterstand',
  domain: 'financien',
  weight: 3,
  threshold: null,
  window_days: 90,
  min_count: 1,
  ...over,
});
let nextId = 1;
const signal = (over: Partial<ScoringSignal> = {}): ScoringSignal => ({
  id: nextId++,
  householdKey: 'H',
  indicator: 'huurachterstand',
  observedOn: D,
  value: null,
  ...over,
});
const family: ScoringPerson[] = [
  { birthDate: '1980-01-01', householdKey: 'H' },
  { birthDate: '2015-01-01', householdKey: 'H' },
];
const ruleSet = (rules: RuleDefinition[], flag_threshold = 6, min_domains: number | null = 3): RuleSetDefinition => ({
  name: 't',
  flag_threshold,
  min_domains,
  rules,
});

describe('window (contract 4.1)', () => {
  it('a signal exactly W days old no longer counts; one day younger does; one observed on D does', () => {
    const r = rule({ window_days: 90 });
    expect(qualifies(signal({ observedOn: '2026-07-03' }), r, D)).toBe(false); // D − 90
    expect(qualifies(signal({ observedOn: '2026-07-04' }), r, D)).toBe(true); // D − 89
    expect(qualifies(signal({ observedOn: D }), r, D)).toBe(true);
  });
  it('a signal observed after D does not count', () => {
    expect(qualifies(signal({ observedOn: '2026-10-02' }), rule(), D)).toBe(false);
  });
  it('window 1 counts only D itself', () => {
    expect(qualifies(signal({ observedOn: D }), rule({ window_days: 1 }), D)).toBe(true);
    expect(qualifies(signal({ observedOn: '2026-09-30' }), rule({ window_days: 1 }), D)).toBe(false);
  });
  it('365 days over a leap day', () => {
    // 2025-02-28 − 365 days = 2024-02-29
    expect(qualifies(signal({ observedOn: '2024-02-29' }), rule({ window_days: 365 }), '2025-02-28')).toBe(false);
    expect(qualifies(signal({ observedOn: '2024-03-01' }), rule({ window_days: 365 }), '2025-02-28')).toBe(true);
  });
  it('another indicator never qualifies', () => {
    expect(qualifies(signal({ indicator: 'energieachterstand' }), rule(), D)).toBe(false);
  });
});

describe('threshold (contract 4.1)', () => {
  it('value ≥ T qualifies, below does not', () => {
    expect(qualifies(signal({ value: 2 }), rule({ threshold: 2 }), D)).toBe(true);
    expect(qualifies(signal({ value: 2.5 }), rule({ threshold: 2 }), D)).toBe(true);
    expect(qualifies(signal({ value: 1.99 }), rule({ threshold: 2 }), D)).toBe(false);
    expect(qualifies(signal({ value: 0 }), rule({ threshold: 0 }), D)).toBe(true);
  });
  it('with a threshold, a signal without a value never qualifies', () => {
    expect(qualifies(signal({ value: null }), rule({ threshold: 0 }), D)).toBe(false);
  });
  it('without a threshold, presence is enough, whatever the value', () => {
    expect(qualifies(signal({ value: null }), rule({ threshold: null }), D)).toBe(true);
    expect(qualifies(signal({ value: 0 }), rule({ threshold: null }), D)).toBe(true);
  });
});

describe('min_count, score and domains (contract 4.2–4.3)', () => {
  it('a rule is active when at least min_count distinct signals qualify', () => {
    const rs = ruleSet([rule({ indicator: 'overlastmelding', domain: 'wonen', min_count: 2, weight: 2 })]);
    const one = [signal({ indicator: 'overlastmelding' })];
    const two = [...one, signal({ indicator: 'overlastmelding', observedOn: '2026-09-01' })];
    expect(scoreHousehold('H', family, one, rs, D).activeRules).toEqual([]);
    expect(scoreHousehold('H', family, two, rs, D).activeRules.map((r) => r.signalIds.length)).toEqual([2]);
  });
  it('score sums weights of active rules; domains counts distinct domains', () => {
    const rs = ruleSet([
      rule({ indicator: 'huurachterstand', domain: 'financien', weight: 3 }),
      rule({ indicator: 'energieachterstand', domain: 'financien', weight: 2 }),
      rule({ indicator: 'ggz_zorg', domain: 'gezondheid', weight: 0.5 }),
    ]);
    const s = [signal(), signal({ indicator: 'energieachterstand' }), signal({ indicator: 'ggz_zorg' })];
    const h = scoreHousehold('H', family, s, rs, D);
    expect(h.scoreMicro).toBe(toMicro(5.5));
    expect(h.domains).toBe(2);
  });
});

describe('flag condition (contract 4.4b)', () => {
  const rules = [
    rule({ indicator: 'huurachterstand', domain: 'financien', weight: 0.7 }),
    rule({ indicator: 'ggz_zorg', domain: 'gezondheid', weight: 0.1 }),
    rule({ indicator: 'opvoedzorg', domain: 'opvoeding', weight: 0 }),
  ];
  const all = () => [signal(), signal({ indicator: 'ggz_zorg' }), signal({ indicator: 'opvoedzorg' })];

  it('score ≥ threshold flags, using exact decimal sums (0.7 + 0.1 ≥ 0.8)', () => {
    expect(0.7 + 0.1 >= 0.8).toBe(false); // why exact sums matter
    expect(scoreHousehold('H', family, all(), ruleSet(rules, 0.8, null), D).flagged).toBe(true);
    expect(scoreHousehold('H', family, all(), ruleSet(rules, 0.81, null), D).flagged).toBe(false);
  });
  it('domains ≥ min_domains flags, and a rule of weight 0 counts towards the domains', () => {
    const h = scoreHousehold('H', family, all(), ruleSet(rules, 100, 3), D);
    expect(h.domains).toBe(3);
    expect(h.flagged).toBe(true);
    expect(scoreHousehold('H', family, all(), ruleSet(rules, 100, 4), D).flagged).toBe(false);
  });
  it('min_domains null: only the score counts', () => {
    expect(scoreHousehold('H', family, all(), ruleSet(rules, 100, null), D).flagged).toBe(false);
  });
  it('flag_threshold 0 flags every gezinshuishouden, even without signals', () => {
    expect(scoreHousehold('H', family, [], ruleSet(rules, 0, null), D).flagged).toBe(true);
  });
  it('only a gezinshuishouden is flagged: an adult and a minor on D', () => {
    const rs = ruleSet(rules, 0.5, null);
    const adults = [
      { birthDate: '1980-01-01', householdKey: 'H' },
      { birthDate: '1982-01-01', householdKey: 'H' },
    ];
    const minors = [
      { birthDate: '2010-01-01', householdKey: 'H' },
      { birthDate: '2015-01-01', householdKey: 'H' },
    ];
    expect(scoreHousehold('H', adults, all(), rs, D).flagged).toBe(false);
    expect(scoreHousehold('H', minors, all(), rs, D).flagged).toBe(false);
    const turns18OnD = [
      { birthDate: '2008-10-01', householdKey: 'H' },
      { birthDate: '2015-01-01', householdKey: 'H' },
    ];
    const turns18After = [
      { birthDate: '2008-10-02', householdKey: 'H' },
      { birthDate: '2015-01-01', householdKey: 'H' },
    ];
    expect(scoreHousehold('H', turns18OnD, all(), rs, D).flagged).toBe(true);
    expect(scoreHousehold('H', turns18After, all(), rs, D).flagged).toBe(false);
    const unborn = [
      { birthDate: '1980-01-01', householdKey: 'H' },
      { birthDate: '2026-10-02', householdKey: 'H' },
    ];
    expect(scoreHousehold('H', unborn, all(), rs, D).gezinshuishouden).toBe(false);
  });
});

describe('score formatting (contract 5)', () => {
  it.each([
    [7, '7'],
    [6.5, '6.5'],
    [6.25, '6.25'],
    [0, '0'],
    [0.1, '0.1'],
    [10, '10'],
    [6.125, '6.13'],
    [6.124999, '6.12'],
    [6.995, '7'],
    [0.005, '0.01'],
    [0.004999, '0'],
    [1.1 + 2.2, '3.3'],
    [123.456789, '123.46'],
  ])('%d is written as %s', (score, text) => {
    expect(formatScore(toMicro(score))).toBe(text);
  });
  it('sums of decimal weights are exact before rounding', () => {
    expect(formatScore(toMicro(0.7) + toMicro(0.1))).toBe('0.8');
    expect(formatScore([0.1, 0.2, 0.3].map(toMicro).reduce((a, b) => a + b))).toBe('0.6');
  });
});
