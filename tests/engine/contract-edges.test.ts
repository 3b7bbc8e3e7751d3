import { describe, expect, it } from 'vitest';
import type { RuleDefinition, RuleSetDefinition } from '../../shared/src/index.ts';
import { fixedClock } from '../../server/src/core/clock.ts';
import { parseEvidence } from '../../server/src/core/evidence.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import type { Db } from '../../server/src/db/connection.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { validBsn } from './support/bsn.ts';
import { useDatabase } from './support/db.ts';
import { feedFile, registryFile, type Row } from './support/files.ts';

// Every edge case of the contract's scoring section (4), run through the real
// scoring run on both databases. Expectations are the contract's, written out
// by hand per case: the flagged households with their score, domains and the
// record_ids of the qualifying signals per active rule (the stored evidence).

const P = validBsn(101); // parent
const C = validBsn(102); // child
const Q = validBsn(103); // second adult, or the person whose age is on the edge
const HOME = { postcode: '9711AA', huisnummer: 1 };
const HOME_KEY = '9711AA-1-';
const OTHER = { postcode: '9722BB', huisnummer: 7, toevoeging: 'b' };
const OTHER_KEY = '9722BB-7-B';

interface Step {
  registry?: Row[];
  feed?: Row[];
  /** The ingest/import day (signals may not be observed after it). */
  today: string;
  /** The feed's unlinked rows, as `feed ingest` counts them. */
  unlinked?: number;
}

interface Case {
  name: string;
  steps: Step[];
  rules: Partial<RuleDefinition>[];
  set?: Partial<Omit<RuleSetDefinition, 'rules'>>;
  asOf: string;
  /** Where the signals point after the last step (record_id → household), where a case is about linking. */
  links?: Record<string, string | null>;
  /** Expected flags: address key → score, domains, and per active indicator the qualifying record_ids. */
  flags: Record<string, { score: number; domains: number; wijk?: string; evidence: Record<string, string[]> }>;
}

const family = (over: Partial<Record<'p' | 'c', string>> = {}, place: Row = HOME, wijk = 'Beijum'): Row[] => [
  { bsn: P, birth_date: over.p ?? '1980-01-01', ...place, wijk },
  { bsn: C, birth_date: over.c ?? '2015-01-01', ...place, wijk },
];
const sig = (record_id: string, observed_on: string, over: Row = {}): Row => ({
  source: 's',
  record_id,
  indicator: 'huiselijk_geweld',
  observed_on,
  bsn: P,
  ...over,
});
const rule = (over: Partial<RuleDefinition> = {}): RuleDefinition => ({
  indicator: 'huiselijk_geweld',
  domain: 'veiligheid',
  weight: 4,
  threshold: null,
  window_days: 10,
  min_count: 1,
  ...over,
});
const rent = (over: Partial<RuleDefinition> = {}): RuleDefinition =>
  rule({ indicator: 'huurachterstand', domain: 'financien', weight: 3, threshold: 2, ...over });
const D = '2026-10-01';
const at = (today: string, registry: Row[] | undefined, feed: Row[]): Step[] => [{ today, registry, feed }];
const one = (score: number, evidence: Record<string, string[]>, domains = Object.keys(evidence).length) => ({ [HOME_KEY]: { score, domains, evidence } });

const CASES: Case[] = [
  // 4.1 window: D − W < observed_on ≤ D
  { name: 'a signal exactly W days old no longer counts', steps: at(D, family(), [sig('old', '2026-09-21')]), rules: [rule()], asOf: D, flags: {} },
  {
    name: 'a signal W − 1 days old counts',
    steps: at(D, family(), [sig('edge', '2026-09-22')]),
    rules: [rule()],
    asOf: D,
    flags: one(4, { huiselijk_geweld: ['edge'] }),
  },
  {
    name: 'a signal observed on D counts',
    steps: at(D, family(), [sig('today', D)]),
    rules: [rule()],
    asOf: D,
    flags: one(4, { huiselijk_geweld: ['today'] }),
  },
  {
    name: 'a signal after D does not count (scoring an earlier date)',
    steps: at(D, family(), [sig('later', D)]),
    rules: [rule()],
    asOf: '2026-09-30',
    flags: {},
  },
  {
    name: 'a window of one day holds only D',
    steps: at(D, family(), [sig('d', D), sig('d1', '2026-09-30')]),
    rules: [rule({ window_days: 1 })],
    asOf: D,
    flags: one(4, { huiselijk_geweld: ['d'] }),
  },
  // 4.1 threshold
  {
    name: 'a value equal to the threshold counts',
    steps: at(D, family(), [sig('h', '2026-09-30', { indicator: 'huurachterstand', value: '2' })]),
    rules: [rent()],
    set: { flag_threshold: 3 },
    asOf: D,
    flags: one(3, { huurachterstand: ['h'] }),
  },
  {
    name: 'a value just under the threshold does not count',
    steps: at(D, family(), [sig('h', '2026-09-30', { indicator: 'huurachterstand', value: '1.99' })]),
    rules: [rent()],
    set: { flag_threshold: 3 },
    asOf: D,
    flags: {},
  },
  {
    name: 'with a threshold, a signal without value does not count',
    steps: at(D, family(), [sig('h', '2026-09-30', { indicator: 'huurachterstand', value: '' })]),
    rules: [rent()],
    set: { flag_threshold: 3 },
    asOf: D,
    flags: {},
  },
  {
    name: 'without a threshold, a value of 0 and an empty value both count',
    steps: at(D, family(), [sig('a', '2026-09-30', { value: '0' }), sig('b', '2026-09-29')]),
    rules: [rule({ min_count: 2 })],
    asOf: D,
    flags: one(4, { huiselijk_geweld: ['a', 'b'] }),
  },
  // 4.2 min_count
  {
    name: 'C − 1 qualifying signals leave a rule inactive',
    steps: at(D, family(), [sig('a', '2026-09-30'), sig('b', '2026-09-29'), sig('c', '2026-09-01')]),
    rules: [rule({ min_count: 3 })],
    asOf: D,
    flags: {},
  },
  {
    name: 'C qualifying signals make a rule active',
    steps: at(D, family(), [sig('a', '2026-09-30'), sig('b', '2026-09-29'), sig('c', '2026-09-28')]),
    rules: [rule({ min_count: 3 })],
    asOf: D,
    flags: one(4, { huiselijk_geweld: ['a', 'b', 'c'] }),
  },
  {
    name: 'a corrected signal counts once, with its last content',
    steps: [
      { today: D, registry: family(), feed: [sig('a', '2026-09-30')] },
      { today: D, feed: [sig('a', '2026-09-29', { bsn: C })] },
    ],
    rules: [rule({ min_count: 2 })],
    asOf: D,
    flags: {},
  },
  {
    name: 'signals of every person of the household count together',
    steps: at(D, family(), [sig('a', '2026-09-30'), sig('b', '2026-09-30', { bsn: C }), sig('c', '2026-09-30', { bsn: undefined, ...HOME })]),
    rules: [rule({ min_count: 3 })],
    asOf: D,
    flags: one(4, { huiselijk_geweld: ['a', 'b', 'c'] }),
  },
  // 4.3/4.4 flag_threshold and min_domains
  {
    name: 'a score equal to flag_threshold flags',
    steps: at(D, family(), [sig('a', D)]),
    rules: [rule({ weight: 2.5 })],
    set: { flag_threshold: 2.5 },
    asOf: D,
    flags: one(2.5, { huiselijk_geweld: ['a'] }),
  },
  {
    name: 'a score just under flag_threshold does not flag',
    steps: at(D, family(), [sig('a', D)]),
    rules: [rule({ weight: 2.49 })],
    set: { flag_threshold: 2.5 },
    asOf: D,
    flags: {},
  },
  {
    name: 'weights add up over active rules',
    steps: at(D, family(), [sig('a', D), sig('h', D, { indicator: 'huurachterstand', value: '5' })]),
    rules: [rule({ weight: 0.25 }), rent({ weight: 0.5 })],
    set: { flag_threshold: 0.75 },
    asOf: D,
    flags: one(0.75, { huiselijk_geweld: ['a'], huurachterstand: ['h'] }),
  },
  {
    name: 'domains equal to min_domains flag below the score threshold',
    steps: at(D, family(), [sig('a', D), sig('h', D, { indicator: 'huurachterstand', value: '5' })]),
    rules: [rule({ weight: 1 }), rent({ weight: 1 })],
    set: { flag_threshold: 100, min_domains: 2 },
    asOf: D,
    flags: one(2, { huiselijk_geweld: ['a'], huurachterstand: ['h'] }),
  },
  {
    name: 'domains one under min_domains do not flag',
    steps: at(D, family(), [sig('a', D), sig('h', D, { indicator: 'huurachterstand', value: '5' })]),
    rules: [rule({ weight: 1 }), rent({ weight: 1 })],
    set: { flag_threshold: 100, min_domains: 3 },
    asOf: D,
    flags: {},
  },
  {
    name: 'two rules of one domain are one domain',
    steps: at(D, family(), [sig('a', D), sig('j', D, { indicator: 'jeugd_politiecontact' })]),
    rules: [rule({ weight: 1 }), rule({ indicator: 'jeugd_politiecontact', weight: 1 })],
    set: { flag_threshold: 100, min_domains: 2 },
    asOf: D,
    flags: {},
  },
  {
    name: 'min_domains null never flags on domains alone',
    steps: at(D, family(), [sig('a', D), sig('h', D, { indicator: 'huurachterstand', value: '5' })]),
    rules: [rule({ weight: 1 }), rent({ weight: 1 })],
    set: { flag_threshold: 100, min_domains: null },
    asOf: D,
    flags: {},
  },
  {
    name: 'a rule with weight 0 counts towards domains when active',
    steps: at(D, family(), [sig('a', D), sig('h', D, { indicator: 'huurachterstand', value: '5' })]),
    rules: [rule({ weight: 0 }), rent({ weight: 1 })],
    set: { flag_threshold: 100, min_domains: 2 },
    asOf: D,
    flags: one(1, { huiselijk_geweld: ['a'], huurachterstand: ['h'] }),
  },
  {
    name: 'a rule with weight 0 adds nothing to the score',
    steps: at(D, family(), [sig('a', D)]),
    rules: [rule({ weight: 0 })],
    set: { flag_threshold: 0.01 },
    asOf: D,
    flags: {},
  },
  {
    name: 'flag_threshold 0 flags a family with weight-0 rules only',
    steps: at(D, family(), [sig('a', D)]),
    rules: [rule({ weight: 0 })],
    set: { flag_threshold: 0 },
    asOf: D,
    flags: one(0, { huiselijk_geweld: ['a'] }),
  },
  {
    name: 'flag_threshold 0 flags every family, also one without signals',
    steps: at(D, family(), []),
    rules: [rule()],
    set: { flag_threshold: 0 },
    asOf: D,
    flags: one(0, {}, 0),
  },
  {
    name: 'indicators without a rule do not count',
    steps: at(D, family(), [sig('a', D), sig('o', D, { indicator: 'opvoedzorg' })]),
    rules: [rule()],
    asOf: D,
    flags: one(4, { huiselijk_geweld: ['a'] }),
  },
  // 4.4a gezinshuishouden on D
  {
    name: 'someone whose 18th birthday is D is an adult, so no minor is left',
    steps: at(D, family({ c: '2008-10-01' }), [sig('a', D)]),
    rules: [rule()],
    asOf: D,
    flags: {},
  },
  {
    name: 'someone whose 18th birthday is the day after D is a minor',
    steps: at(D, family({ c: '2008-10-02' }), [sig('a', D)]),
    rules: [rule()],
    asOf: D,
    flags: one(4, { huiselijk_geweld: ['a'] }),
  },
  {
    name: 'a parent whose 18th birthday is D is an adult',
    steps: at(D, family({ p: '2008-10-01', c: '2026-01-01' }), [sig('a', D)]),
    rules: [rule()],
    asOf: D,
    flags: one(4, { huiselijk_geweld: ['a'] }),
  },
  {
    name: 'a parent whose 18th birthday is the day after D is not an adult',
    steps: at(D, family({ p: '2008-10-02', c: '2026-01-01' }), [sig('a', D)]),
    rules: [rule()],
    asOf: D,
    flags: {},
  },
  { name: 'a newborn on D is a minor', steps: at(D, family({ c: D }), [sig('a', D)]), rules: [rule()], asOf: D, flags: one(4, { huiselijk_geweld: ['a'] }) },
  {
    name: 'someone born after D is not yet a minor on D',
    steps: at(D, family({ c: D }), [sig('a', '2026-09-30')]),
    rules: [rule()],
    asOf: '2026-09-30',
    flags: {},
  },
  {
    name: 'a household without a minor is no gezinshuishouden',
    steps: at(
      D,
      [
        { bsn: P, birth_date: '1980-01-01', ...HOME, wijk: 'Beijum' },
        { bsn: Q, birth_date: '1990-01-01', ...HOME, wijk: 'Beijum' },
      ],
      [sig('a', D)],
    ),
    rules: [rule()],
    asOf: D,
    flags: {},
  },
  {
    name: 'a household of minors only is no gezinshuishouden',
    steps: at(
      D,
      [
        { bsn: P, birth_date: '2010-01-01', ...HOME, wijk: 'Beijum' },
        { bsn: C, birth_date: '2015-01-01', ...HOME, wijk: 'Beijum' },
      ],
      [sig('a', D)],
    ),
    rules: [rule()],
    asOf: D,
    flags: {},
  },
  // 29 February
  {
    name: 'born on 29 February: still a minor on 28 February of a common year',
    steps: at('2026-02-28', family({ c: '2008-02-29' }), [sig('a', '2026-02-28')]),
    rules: [rule()],
    asOf: '2026-02-28',
    flags: one(4, { huiselijk_geweld: ['a'] }),
  },
  {
    name: 'born on 29 February: an adult on 1 March of a common year',
    steps: at('2026-03-01', family({ c: '2008-02-29' }), [sig('a', '2026-03-01')]),
    rules: [rule()],
    asOf: '2026-03-01',
    flags: {},
  },
  {
    name: 'born on 1 March: still a minor on 29 February of a leap year',
    steps: at('2028-02-29', family({ c: '2010-03-01' }), [sig('a', '2028-02-29')]),
    rules: [rule()],
    asOf: '2028-02-29',
    flags: one(4, { huiselijk_geweld: ['a'] }),
  },
  {
    name: 'born on 28 February: an adult on 28 February of a leap year',
    steps: at('2028-02-28', family({ c: '2010-02-28' }), [sig('a', '2028-02-28')]),
    rules: [rule()],
    asOf: '2028-02-28',
    flags: {},
  },
  {
    name: 'a window reaching over 29 February counts its days',
    steps: at('2028-03-01', family(), [sig('out', '2028-02-20'), sig('in', '2028-02-21'), sig('leap', '2028-02-29')]),
    rules: [rule({ min_count: 2 })],
    asOf: '2028-03-01',
    flags: one(4, { huiselijk_geweld: ['in', 'leap'] }),
  },
  {
    name: 'a window ending on 29 February',
    steps: at('2028-02-29', family(), [sig('out', '2027-03-01'), sig('in', '2027-03-02')]),
    rules: [rule({ window_days: 365 })],
    asOf: '2028-02-29',
    flags: one(4, { huiselijk_geweld: ['in'] }),
  },
  // ties: the wijk of a household
  {
    name: 'a tie of wijken goes to the first name in byte order',
    steps: at(
      D,
      [
        { bsn: P, birth_date: '1980-01-01', ...HOME, wijk: 'beijum' },
        { bsn: C, birth_date: '2015-01-01', ...HOME, wijk: 'Zuid' },
      ],
      [sig('a', D)],
    ),
    rules: [rule()],
    asOf: D,
    flags: { [HOME_KEY]: { score: 4, domains: 1, wijk: 'Zuid', evidence: { huiselijk_geweld: ['a'] } } },
  },
  {
    name: 'the wijk most persons have wins over byte order',
    steps: at(
      D,
      [
        { bsn: P, birth_date: '1980-01-01', ...HOME, wijk: 'Zuid' },
        { bsn: C, birth_date: '2015-01-01', ...HOME, wijk: 'Zuid' },
        { bsn: Q, birth_date: '1990-01-01', ...HOME, wijk: 'Beijum' },
      ],
      [sig('a', D)],
    ),
    rules: [rule()],
    asOf: D,
    flags: { [HOME_KEY]: { score: 4, domains: 1, wijk: 'Zuid', evidence: { huiselijk_geweld: ['a'] } } },
  },
  // 2.2 linking and re-linking
  {
    name: 'a bsn not in the registry leaves the signal unlinked, even with a known address',
    steps: [{ today: D, registry: family(), feed: [sig('a', D, { bsn: Q, ...HOME })], unlinked: 1 }],
    rules: [rule()],
    asOf: D,
    flags: {},
  },
  {
    name: 'an unlinked signal links when a later registry makes its bsn known',
    steps: [
      { today: D, registry: family(), feed: [sig('a', D, { bsn: Q })] },
      { today: D, registry: [...family(), { bsn: Q, birth_date: '1990-01-01', ...HOME, wijk: 'Beijum' }] },
    ],
    rules: [rule()],
    asOf: D,
    flags: one(4, { huiselijk_geweld: ['a'] }),
  },
  {
    name: 'a signal follows its person to a new address',
    steps: [
      { today: D, registry: [...family(), { bsn: Q, birth_date: '1990-01-01', ...HOME, wijk: 'Beijum' }], feed: [sig('a', D, { bsn: Q })] },
      { today: D, registry: [...family({}, OTHER, 'Oost'), { bsn: Q, birth_date: '1990-01-01', ...HOME, wijk: 'Beijum' }] },
    ],
    rules: [rule()],
    asOf: D,
    flags: {},
  },
  {
    name: 'the household moves and its bsn signals move with it',
    steps: [
      { today: D, registry: family(), feed: [sig('a', D)] },
      { today: D, registry: family({}, OTHER, 'Oost') },
    ],
    rules: [rule()],
    asOf: D,
    flags: { [OTHER_KEY]: { score: 4, domains: 1, wijk: 'Oost', evidence: { huiselijk_geweld: ['a'] } } },
  },
  {
    name: 'signals of two households link each to its own',
    steps: [
      {
        today: D,
        registry: [
          ...family(),
          { bsn: Q, birth_date: '1990-01-01', ...OTHER, wijk: 'Oost' },
          { bsn: validBsn(104), birth_date: '2020-01-01', ...OTHER, wijk: 'Oost' },
        ],
        feed: [sig('a', D), sig('b', D, { bsn: Q }), sig('c', D, { bsn: Q })],
        unlinked: 0,
      },
    ],
    rules: [rule({ min_count: 2 })],
    asOf: D,
    flags: { [OTHER_KEY]: { score: 4, domains: 1, wijk: 'Oost', evidence: { huiselijk_geweld: ['b', 'c'] } } },
  },
  {
    name: 'an address signal links when a later registry has that address',
    steps: [
      { today: D, registry: family(), feed: [sig('a', D, { bsn: undefined, ...OTHER })], unlinked: 1 },
      { today: D, registry: family({}, OTHER, 'Oost') },
    ],
    rules: [rule()],
    asOf: D,
    flags: { [OTHER_KEY]: { score: 4, domains: 1, wijk: 'Oost', evidence: { huiselijk_geweld: ['a'] } } },
  },
  {
    name: 'an address signal unlinks when its address leaves the registry',
    steps: [
      { today: D, registry: family(), feed: [sig('a', D, { bsn: undefined, ...HOME })] },
      { today: D, registry: family({}, OTHER, 'Oost') },
    ],
    rules: [rule()],
    asOf: D,
    links: { a: null },
    flags: {},
  },
];

async function run(db: Db, c: Case) {
  for (const step of c.steps) {
    const ctx = engineContext(db, fixedClock(`${step.today}T10:00:00Z`));
    if (step.registry) await importRegistry(ctx, registryFile(step.registry));
    if (step.feed) {
      const counts = await ingestFeed(ctx, feedFile(step.feed));
      if (step.unlinked !== undefined) expect(counts.unlinked).toBe(step.unlinked);
    }
  }
  const ctx = engineContext(db, fixedClock(`${c.asOf}T10:00:00Z`));
  const rules = c.rules.map((r) => rule(r));
  await storeRuleSet(ctx, { name: c.name.slice(0, 60), flag_threshold: 4, min_domains: null, ...c.set, rules }, true);
  return scoreAsOf(ctx, c.asOf);
}

async function storedFlags(db: Db, runId: number) {
  const flags = await db
    .selectFrom('flags')
    .select(['household_key', 'wijk', 'score_micro', 'domains', 'indicators', 'evidence'])
    .where('run_id', '=', runId)
    .execute();
  const recordIds = new Map((await db.selectFrom('signals').select(['id', 'record_id']).execute()).map((s) => [Number(s.id), s.record_id]));
  const out: Case['flags'] = {};
  for (const f of flags) {
    const evidence = Object.fromEntries(
      parseEvidence(f.evidence).map((r) => {
        expect(r.qualifying).toBe(r.signalIds.length);
        return [r.indicator, r.signalIds.map((id) => recordIds.get(id) ?? `?${id}`).sort()];
      }),
    );
    expect(f.indicators).toBe(Object.keys(evidence).sort().join('|'));
    out[f.household_key] = { score: Number(f.score_micro) / 1e6, domains: Number(f.domains), wijk: f.wijk, evidence };
  }
  return out;
}

describe.each(DIALECTS)('contract section 4 edge cases through the scoring run (%s)', (dialect) => {
  const t = useDatabase(dialect);
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const result = await run(t().db, c);
    const flags = await storedFlags(t().db, result.runId);
    const expected = Object.fromEntries(Object.entries(c.flags).map(([k, f]) => [k, { wijk: k === HOME_KEY ? 'Beijum' : 'Oost', ...f }]));
    expect(flags).toEqual(expected);
    expect(result.flags).toBe(Object.keys(expected).length);
    if (c.links) {
      const stored = await t().db.selectFrom('signals').select(['record_id', 'household_key']).execute();
      expect(Object.fromEntries(stored.map((s) => [s.record_id, s.household_key]))).toEqual(c.links);
    }
  });
});
