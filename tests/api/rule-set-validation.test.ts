import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidMessage } from '../../server/src/services/rule-sets.ts';
import { checkRuleSet, DEFAULT_RULE_SET, mistakeText } from '../../shared/src/index.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { tempFile } from '../helpers/engine.ts';
import { useSignedInFixture } from './support/fixture.ts';

// One table of rule sets through the shared validator, `mpg rules import` and the API:
// each is accepted by all three (and stored alike) or refused by all three with the same
// Dutch messages. Limits the API once added (a required name, min_domains <= 7, caps on
// weights, thresholds and windows) are gone: the contract does not have them.

const base = () => JSON.parse(JSON.stringify(DEFAULT_RULE_SET)) as Record<string, any>;
const withRule = (patch: Record<string, unknown>, index = 0) => {
  const rs = base();
  rs.rules[index] = { ...rs.rules[index], ...patch };
  return rs;
};
const without = (key: string) => {
  const rs = base();
  delete rs[key];
  return rs;
};

const valid: [string, unknown][] = [
  ['the contract example', base()],
  ['no name', without('name')],
  ['min_domains 8', { ...base(), min_domains: 8 }],
  ['large weight, threshold, window and count', withRule({ weight: 5000, threshold: 2_000_000, window_days: 10_000, min_count: 5000 })],
  ['a negative flag threshold and rule threshold', { ...withRule({ threshold: -3 }), flag_threshold: -1 }],
  [
    'min_domains and threshold missing',
    (() => {
      const rs = without('min_domains');
      delete rs.rules[2].threshold;
      return rs;
    })(),
  ],
  ['no rules', { ...base(), rules: [] }],
  [
    'decimal weights, weight 0, decimal threshold',
    { ...withRule({ weight: 0.125, threshold: 1.5 }), rules: [withRule({ weight: 0.125, threshold: 1.5 }).rules[0], { ...base().rules[1], weight: 0 }] },
  ],
  ['a long name', { ...base(), name: 'Regels '.repeat(80).trim() }],
  ['min_domains null', { ...base(), min_domains: null }],
  [
    'the largest weight and flag thresholds, a window before year 1, a count never reached',
    {
      ...withRule({ weight: 100_000_000, threshold: 1e308, window_days: 1_000_000_000, min_count: 1_000_000_000 }),
      flag_threshold: -100_000_000,
    },
  ],
];

const invalid: [string, unknown, string[]][] = [
  ['threshold "5"', withRule({ threshold: '5' }), ['rules[0].threshold: moet een getal of null (geen drempelwaarde) zijn']],
  [
    'several mistakes in one rule',
    withRule({ weight: -1, window_days: 0, min_count: 1.5 }),
    [
      'rules[0].weight: moet een getal van 0 of meer zijn',
      'rules[0].window_days: moet een heel getal van minstens 1 zijn',
      'rules[0].min_count: moet een heel getal van minstens 1 zijn',
    ],
  ],
  [
    'catalogue mistakes',
    { ...base(), rules: [{ ...base().rules[0], domain: 'wonen' }, { ...base().rules[1], indicator: 'inkomen' }, base().rules[0]] },
    [
      "rules[0].domain: 'wonen' is niet het leefgebied van huurachterstand (financien)",
      "rules[1].indicator: 'inkomen' staat niet in de indicatorcatalogus",
      "rules[2].indicator: 'huurachterstand' komt meer dan één keer voor",
    ],
  ],
  ['flag_threshold null', { ...base(), flag_threshold: null }, ['flag_threshold: moet een getal zijn']],
  ['an unknown field', withRule({ treshold: 2 }, 3), ['rules[3].treshold: is geen bekend veld']],
  [
    'a missing weight',
    (() => {
      const rs = base();
      delete rs.rules[4].weight;
      return rs;
    })(),
    ['rules[4].weight: ontbreekt (een getal van 0 of meer)'],
  ],
  ['rules not a list', { ...base(), rules: {} }, ['rules: moet een lijst van regels zijn']],
  ['a number as name', { ...base(), name: 42 }, ['name: moet tekst of null zijn']],
  ['a list instead of a rule set', [], ['de regelset moet een JSON-object zijn']],
  ['min_domains 0', { ...base(), min_domains: 0 }, ['min_domains: moet een heel getal van minstens 1, of null zijn']],
  [
    'weights and thresholds beyond exact sums, windows and counts beyond 32 bits',
    {
      ...withRule({ weight: 1e308, window_days: 3e9, min_count: 2 ** 31 }),
      flag_threshold: -1e9,
    },
    [
      'flag_threshold: moet minstens -100000000 zijn: scores worden exact in miljoensten opgeteld',
      'rules[0].weight: moet ten hoogste 100000000 zijn: scores worden exact in miljoensten opgeteld',
      'rules[0].window_days: moet ten hoogste 2147483647 zijn: een groter getal verandert niets aan de uitkomst',
      'rules[0].min_count: moet ten hoogste 2147483647 zijn: een groter getal verandert niets aan de uitkomst',
    ],
  ],
  [
    'a flag threshold of 1e308',
    { ...base(), flag_threshold: 1e308 },
    ['flag_threshold: moet ten hoogste 100000000 zijn: scores worden exact in miljoensten opgeteld'],
  ],
  ['a rule that is not an object', { ...base(), rules: [1] }, ['rules[0]: moet een object zijn']],
];

describe('the shared rule-set validator', () => {
  it.each(valid)('accepts %s', (_, def) => expect(checkRuleSet(def).ok).toBe(true));
  it.each(invalid)('refuses %s with one message per mistake', (_, def, messages) => {
    const r = checkRuleSet(def);
    expect(r.ok ? [] : r.errors.map(mistakeText)).toEqual(messages);
  });
});

describe('mpg rules import', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
  });
  afterAll(async () => t?.drop());
  const importFile = (def: unknown) => runCli(['rules', 'import', tempFile('rules.json', JSON.stringify(def))], { DATABASE_URL: t.url });

  it.each(valid)(
    'stores %s as the shared validator reads it',
    async (_, def) => {
      const r = await importFile(def);
      expect(r.stderr).toBe('');
      const id = Number(/id: (\d+)/.exec(r.stdout)?.[1]);
      const row = await t.db.selectFrom('rule_sets').select('definition').where('id', '=', id).executeTakeFirstOrThrow();
      const checked = checkRuleSet(def);
      expect(checked.ok && JSON.parse(row.definition)).toEqual(checked.ok && checked.ruleSet);
    },
    60_000,
  );

  it('marks a set published with --publish as published via beheer by the operating-system user', async () => {
    const r = await runCli(['rules', 'import', tempFile('rules.json', JSON.stringify(base())), '--publish'], { DATABASE_URL: t.url });
    const id = Number(/id: (\d+)/.exec(r.stdout)?.[1]);
    const row = await t.db.selectFrom('rule_sets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'published', published_via: 'beheer', published_by: os.userInfo().username, approved_by: null });
  }, 60_000);

  it.each(invalid)(
    'refuses %s with the same messages on one line',
    async (_, def, messages) => {
      const r = await importFile(def);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`error: ${invalidMessage(messages)}\n`);
    },
    60_000,
  );
});

describe.each(DIALECTS)('the API (%s)', (dialect) => {
  const s = useSignedInFixture(dialect, 'beleidsmaker');

  it.each(valid)('stores %s as the shared validator reads it', async (_, def) => {
    const res = await s.agent.request({ method: 'POST', url: '/api/rule-sets', payload: def as object });
    expect(res.statusCode, res.body).toBe(201);
    const checked = checkRuleSet(def);
    expect(checked.ok && res.json().definition).toEqual(checked.ok && checked.ruleSet);
  });

  it.each(invalid)('refuses %s with the same messages', async (_, def, messages) => {
    const res = await s.agent.request({ method: 'POST', url: '/api/rule-sets', payload: def as object });
    expect(res.statusCode).toBe(400);
    const path = messages[0]!.includes(': ') ? `.${messages[0]!.split(': ')[0]}` : '';
    expect(res.json()).toMatchObject({ message: invalidMessage(messages), reason: messages.join('; '), field: `body${path}` });
  });
});
