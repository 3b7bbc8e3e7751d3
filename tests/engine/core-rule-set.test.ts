import { describe, expect, it } from 'vitest';
import { checkRuleSet, DEFAULT_RULE_SET, mistakeText, UNNAMED } from '../../shared/src/index.ts';

const valid = () => JSON.parse(JSON.stringify(DEFAULT_RULE_SET)) as any;
const errorsOf = (input: unknown) => {
  const r = checkRuleSet(input);
  return r.ok ? [] : r.errors.map(mistakeText);
};

describe('rule-set validation (contract 3)', () => {
  it('accepts the default rule set as is', () => {
    expect(checkRuleSet(valid())).toEqual({ ok: true, ruleSet: DEFAULT_RULE_SET });
  });

  it('accepts decimal weights, weight 0, threshold null and min_domains null', () => {
    const rs = valid();
    rs.rules[0].weight = 0.25;
    rs.rules[1].weight = 0;
    rs.rules[2].threshold = null;
    rs.rules[3].threshold = 1.5;
    rs.min_domains = null;
    rs.flag_threshold = 2.75;
    expect(checkRuleSet(rs).ok).toBe(true);
  });

  it('accepts a rule set with only some indicators, or none', () => {
    expect(checkRuleSet({ ...valid(), rules: [valid().rules[4]] }).ok).toBe(true);
    expect(checkRuleSet({ ...valid(), rules: [] }).ok).toBe(true);
  });

  it('reads a missing threshold or min_domains as null (our reading, like a missing field in a data file)', () => {
    const rs = valid();
    delete rs.min_domains;
    delete rs.rules[0].threshold;
    const r = checkRuleSet(rs);
    expect(r.ok && r.ruleSet.min_domains).toBe(null);
    expect(r.ok && r.ruleSet.rules[0]!.threshold).toBe(null);
  });

  it('does not require a name (the contract does not ask for one)', () => {
    const rs = valid();
    delete rs.name;
    const r = checkRuleSet(rs);
    expect(r.ok && r.ruleSet.name).toBe(UNNAMED);
  });

  it('gives one message per mistake, naming where it is', () => {
    const rs = valid();
    rs.rules.push({ ...rs.rules[0] }); // duplicate indicator -> rules[11]
    rs.rules[1].domain = 'wonen'; // wrong domain
    rs.rules[2].indicator = 'inkomen'; // unknown indicator
    rs.rules[3].weight = -1; // negative weight
    rs.rules[4].window_days = 0;
    rs.rules[5].window_days = 1.5;
    rs.rules[6].min_count = 0;
    rs.rules[7].min_count = '2';
    rs.rules[8].threshold = 'hoog';
    rs.min_domains = 0;
    const errors = errorsOf(rs);
    expect(errors).toHaveLength(10);
    const expectations: [string, RegExp][] = [
      ['rules[11].indicator', /huurachterstand.*meer dan één keer/],
      ['rules[1].domain', /'wonen' is niet het leefgebied van energieachterstand \(financien\)/],
      ['rules[2].indicator', /inkomen.*indicatorcatalogus/],
      ['rules[3].weight', /0 of meer/],
      ['rules[4].window_days', /heel getal van minstens 1/],
      ['rules[5].window_days', /heel getal van minstens 1/],
      ['rules[6].min_count', /heel getal van minstens 1/],
      ['rules[7].min_count', /heel getal van minstens 1/],
      ['rules[8].threshold', /getal of null/],
      ['min_domains', /heel getal van minstens 1, of null/],
    ];
    for (const [where, what] of expectations) {
      expect(
        errors.filter((e) => e.startsWith(`${where}:`) && what.test(e)),
        `${where} ${what}`,
      ).toHaveLength(1);
    }
  });

  it.each([
    [{ min_domains: 2.5 }, 'min_domains'],
    [{ min_domains: '3' }, 'min_domains'],
    [{ flag_threshold: '6' }, 'flag_threshold'],
    [{ flag_threshold: null }, 'flag_threshold'],
    [{ rules: {} }, 'rules'],
    [{ name: 42 }, 'name'],
  ])('rejects %j', (patch, where) => {
    const errors = errorsOf({ ...valid(), ...patch });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${where}:`));
  });

  it.each([
    [{ weight: '3' }, 'weight'],
    [{ weight: null }, 'weight'],
    [{ weight: undefined }, 'weight'],
    [{ window_days: null }, 'window_days'],
    [{ window_days: -90 }, 'window_days'],
    [{ min_count: 1.0001 }, 'min_count'],
    [{ domain: undefined }, 'domain'],
  ])('rejects a rule with %j', (patch, where) => {
    const rs = valid();
    rs.rules[0] = { ...rs.rules[0], ...patch };
    const errors = errorsOf(JSON.parse(JSON.stringify(rs)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^rules\\[0\\]\\.${where}:`));
  });

  it('rejects what is not a rule set at all', () => {
    expect(errorsOf([])).toHaveLength(1);
    expect(errorsOf('x')).toHaveLength(1);
    expect(errorsOf({ ...valid(), rules: [1] })).toEqual(['rules[0]: moet een object zijn']);
  });
});
