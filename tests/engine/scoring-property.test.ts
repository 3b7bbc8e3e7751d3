import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOGUE, type RuleSetDefinition } from '../../shared/src/index.ts';
import { fixedClock } from '../../server/src/core/clock.ts';
import { addDays } from '../../server/src/core/dates.ts';
import { parseEvidence } from '../../server/src/core/evidence.ts';
import { scoreAll } from './support/reference-scorer.ts';
import { exportFlagsCsv } from '../../server/src/services/flag-export.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { newestPublished } from '../../server/src/repositories/rule-set-repository.ts';
import { insertRun, type FlagCandidate } from '../../server/src/repositories/scoring-repository.ts';
import { computeFlags, scoreAsOf } from '../../server/src/services/scoring.ts';
import type { Executor } from '../../server/src/repositories/types.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { validBsn } from './support/bsn.ts';
import { emptyEngine, useDatabase } from './support/db.ts';
import { feedFile, registryFile } from './support/files.ts';
import { modelComposition, modelCsv, modelFlags, type ModelPerson, type ModelRuleSet, type ModelSignal } from './support/model.ts';

// Random towns, feeds and rule sets, scored by the engine (SQL, both dialects)
// and by the naive model; the exported flags must be identical.

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
const INDICATORS = INDICATOR_CATALOGUE.slice(0, 6); // fewer kinds, so rules fire more often
const ADDRESSES = [
  { postcode: '9711AA', huisnummer: 1, toevoeging: '' },
  { postcode: '9711AA', huisnummer: 1, toevoeging: 'A' },
  { postcode: '9711AA', huisnummer: 2, toevoeging: '' },
  { postcode: '9712BB', huisnummer: 10, toevoeging: 'B2' },
  { postcode: '1011ZZ', huisnummer: 99999, toevoeging: '' },
  { postcode: '9999XX', huisnummer: 7, toevoeging: '' }, // usually nobody lives here
];
const keyOf = (a: (typeof ADDRESSES)[number]) => `${a.postcode}-${a.huisnummer}-${a.toevoeging}`;
const AS_OF = ['2026-10-01', '2024-02-29', '2025-03-01', '2026-02-28'];
const WIJKEN = ['Beijum', 'Zuid', 'Één', 'Oost'];

const personArb = fc.record({
  who: fc.integer({ min: 0, max: 14 }),
  address: fc.integer({ min: 0, max: 4 }),
  wijk: fc.constantFrom(...WIJKEN),
  // around the 18th birthday (days from it), or clearly adult / minor / unborn, or a 29 February
  age: fc.oneof(
    fc.record({ kind: fc.constant('edge' as const), days: fc.integer({ min: -2, max: 2 }) }),
    fc.record({
      kind: fc.constantFrom('adult' as const, 'minor' as const, 'unborn' as const, 'leap' as const, 'newborn' as const),
      days: fc.integer({ min: 0, max: 3 }),
    }),
  ),
});

const signalArb = fc.record({
  source: fc.constantFrom('woco', 'politie'),
  record: fc.integer({ min: 0, max: 25 }), // small, so corrections of the same key happen
  indicator: fc.integer({ min: 0, max: INDICATORS.length - 1 }),
  ageDays: fc.oneof(fc.integer({ min: -1, max: 400 }), fc.constantFrom(0, 1, 29, 30, 31, 89, 90, 91, 364, 365, 366)),
  /** When set and the indicator has a rule: the signal lies this many days from the rule's window edge (W − 1, W, W + 1 days old). */
  windowEdge: fc.option(fc.integer({ min: -1, max: 1 })),
  value: fc.constantFrom(null, 0, 0.5, 1, 1.99, 2, 2.5, 15.5, 16, 20),
  subject: fc.oneof(
    fc.record({ kind: fc.constant('bsn' as const), who: fc.integer({ min: 0, max: 16 }), withAddress: fc.option(fc.integer({ min: 0, max: 5 })) }),
    fc.record({ kind: fc.constant('address' as const), address: fc.integer({ min: 0, max: 5 }) }),
  ),
});

const ruleArb = fc.record({
  weightMilli: fc.constantFrom(0, 100, 125, 250, 700, 1000, 2000, 2500, 3000, 4005),
  threshold: fc.constantFrom(null, null, 0, 1, 2, 2.5, 16),
  windowDays: fc.constantFrom(1, 2, 30, 90, 180, 365),
  minCount: fc.constantFrom(1, 1, 2, 3),
});

const worldArb = fc.record({
  asOf: fc.constantFrom(...AS_OF),
  persons: fc.array(personArb, { maxLength: 14 }),
  signals: fc.array(signalArb, { maxLength: 40 }),
  rules: fc.array(fc.option(ruleArb, { nil: null }), { minLength: INDICATORS.length, maxLength: INDICATORS.length }),
  flagThresholdMilli: fc.constantFrom(0, 800, 1000, 3000, 4000, 6000, 6500),
  minDomains: fc.constantFrom(null, 1, 2, 3, 4),
});
type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

function birthDate(age: World['persons'][number]['age'], asOf: string): string {
  const eighteenYearsAgo = `${Number(asOf.slice(0, 4)) - 18}${asOf.slice(4)}`.replace(/-02-29$/, '-02-28');
  switch (age.kind) {
    case 'edge':
      return addDays(asOf.endsWith('-02-29') ? '2006-03-01' : eighteenYearsAgo, age.days);
    case 'adult':
      return addDays(eighteenYearsAgo, -400 * (age.days + 1));
    case 'minor':
      return addDays(asOf, -300 * (age.days + 1));
    case 'unborn':
      return addDays(asOf, age.days + 1);
    case 'newborn':
      return asOf;
    case 'leap':
      return ['2008-02-29', '2004-02-29', '2012-02-29', '2006-02-28'][age.days]!;
  }
}

/** The world as contract files and as model values. */
function materialise(w: World) {
  const persons: ModelPerson[] = [];
  const registryRows = [];
  const seen = new Set<number>();
  for (const p of w.persons) {
    if (seen.has(p.who)) continue; // a duplicate bsn would reject both rows; tested elsewhere
    seen.add(p.who);
    const a = ADDRESSES[p.address]!;
    const bsn = validBsn(p.who);
    const birth = birthDate(p.age, w.asOf);
    persons.push({ bsn, birthDate: birth, addressKey: keyOf(a) });
    registryRows.push({
      bsn,
      birth_date: birth,
      postcode: a.postcode.toLowerCase(),
      huisnummer: a.huisnummer,
      toevoeging: a.toevoeging.toLowerCase(),
      wijk: p.wijk,
    });
  }
  const feed: ModelSignal[] = [];
  const feedRows = [];
  for (const s of w.signals) {
    const rule = w.rules[s.indicator];
    const observedOn = addDays(w.asOf, -(s.windowEdge !== null && rule ? rule.windowDays + s.windowEdge : s.ageDays));
    const indicator = INDICATORS[s.indicator]!.indicator;
    const sub = s.subject;
    const address = sub.kind === 'address' ? ADDRESSES[sub.address]! : sub.withAddress === null ? null : ADDRESSES[sub.withAddress]!;
    const bsn = sub.kind === 'bsn' ? validBsn(sub.who) : null;
    feed.push({ key: `${s.source}/${s.record}`, indicator, observedOn, value: s.value, bsn, addressKey: bsn ? null : keyOf(address!) });
    feedRows.push({
      source: s.source,
      record_id: String(s.record),
      indicator,
      observed_on: observedOn,
      value: s.value === null ? '' : String(s.value),
      bsn: bsn ?? '',
      postcode: address?.postcode ?? '',
      huisnummer: address?.huisnummer ?? '',
      toevoeging: address?.toevoeging ?? '',
    });
  }
  const rules = w.rules.flatMap((r, i) => (r === null ? [] : [{ ...r, indicator: INDICATORS[i]!.indicator, domain: INDICATORS[i]!.domain }]));
  const model: ModelRuleSet = { flagThresholdMilli: w.flagThresholdMilli, minDomains: w.minDomains, rules };
  const definition: RuleSetDefinition = {
    name: 'Eigenschap',
    flag_threshold: w.flagThresholdMilli / 1000,
    min_domains: w.minDomains,
    rules: rules.map((r) => ({
      indicator: r.indicator,
      domain: r.domain,
      weight: r.weightMilli / 1000,
      threshold: r.threshold,
      window_days: r.windowDays,
      min_count: r.minCount,
    })),
  };
  return { persons, registryRows, feed, feedRows, model, definition };
}

/** The wijk a household should get: the majority, a tie to the first in byte order. */
function wijkOf(w: World, address: string): string {
  const counts = new Map<string, number>();
  const seen = new Set<number>();
  for (const p of w.persons) {
    if (seen.has(p.who)) continue;
    seen.add(p.who);
    if (keyOf(ADDRESSES[p.address]!) === address) counts.set(p.wijk, (counts.get(p.wijk) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])))[0]![0];
}

describe.each(DIALECTS)('the engine scores like the naive model (%s)', (dialect) => {
  const t = useDatabase(dialect);

  it(`agrees on ${RUNS} random towns, feeds and rule sets`, async () => {
    const db = t().db;
    const ctx = engineContext(db, fixedClock('2030-01-01T12:00:00Z'));
    await fc.assert(
      fc.asyncProperty(worldArb, async (w) => {
        await emptyEngine(db);
        const m = materialise(w);
        await importRegistry(ctx, registryFile(m.registryRows));
        await ingestFeed(ctx, feedFile(m.feedRows, m.feedRows.length % 2 ? ',' : ';'));
        await storeRuleSet(ctx, m.definition, true);
        const run = await scoreAsOf(ctx, w.asOf);
        const expected = modelFlags(m.persons, m.feed, m.model, w.asOf);
        expect(run.flags).toBe(expected.length);
        expect(await exportFlagsCsv(db, run.runId)).toBe(modelCsv(expected, (a) => wijkOf(w, a)));
        expect(await evidenceOf(db, run.runId)).toEqual(Object.fromEntries(expected.map((f) => [f.addressKey, f.evidence])));
        expect(await compositionOf(db, run.runId)).toEqual(modelComposition(m.persons, w.asOf, (a) => wijkOf(w, a)));
        const flagged = expected.map((f) => ({
          household_key: f.addressKey,
          wijk: wijkOf(w, f.addressKey),
          score_micro: f.scoreMilli * 1000,
          domains: f.domains,
          indicators: f.indicators,
        }));
        expect(await previewed(db, w.asOf)).toEqual(flagged);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 240_000);
});

/** The stored evidence of a run's flags: per household, per active indicator, the keys (source/record_id) of its qualifying signals. */
async function evidenceOf(db: Executor, runId: number) {
  const flags = await db.selectFrom('flags').select(['household_key', 'evidence']).where('run_id', '=', runId).execute();
  const signals = await db.selectFrom('signals').select(['id', 'source', 'record_id']).execute();
  const keyOf = new Map(signals.map((s) => [Number(s.id), `${s.source}/${s.record_id}`]));
  return Object.fromEntries(
    flags.map((f) => [
      f.household_key,
      Object.fromEntries(parseEvidence(f.evidence).map((r) => [r.indicator, r.signalIds.map((id) => keyOf.get(id)!).sort()])),
    ]),
  );
}

/** The run's households and gezinshuishoudens per wijk, as stored, sorted by wijk (code points). */
async function compositionOf(db: Executor, runId: number) {
  const rows = await db.selectFrom('run_wijk_stats').select(['wijk', 'households', 'gezinshuishoudens']).where('run_id', '=', runId).execute();
  return rows
    .map((r) => ({ wijk: r.wijk, households: Number(r.households), gezinshuishoudens: Number(r.gezinshuishoudens) }))
    .sort((a, b) => (a.wijk < b.wijk ? -1 : 1));
}

/** The flags of the rule-set preview's computation (computeFlags), in a transaction that is rolled back, sorted by household key (bytes). */
async function previewed(db: Executor, asOf: string) {
  let flags: FlagCandidate[] = [];
  const rollBack = new Error('roll back');
  await db
    .transaction()
    .execute(async (trx) => {
      const at = '2030-01-01T12:00:00.000Z';
      const rs = (await newestPublished(trx))!;
      const runId = await insertRun(trx, {
        as_of: asOf,
        rule_set_id: rs.id,
        previous_run_id: null,
        started_by: 'test',
        started_at: at,
        finished_at: at,
        duration_ms: 0,
        households: 0,
        gezinshuishoudens: 0,
        flags: 0,
        new_flags: 0,
        persisting_flags: 0,
        dropped_flags: 0,
      });
      flags = await computeFlags(trx, runId, asOf, rs);
      throw rollBack;
    })
    .catch((e) => {
      if (e !== rollBack) throw e;
    });
  return flags
    .map(({ household_key, wijk, score_micro, domains, indicators }) => ({ household_key, wijk, score_micro, domains, indicators }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.household_key), Buffer.from(b.household_key)));
}

describe('the reference scorer in core agrees with the naive model', () => {
  it('on many random worlds', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const m = materialise(w);
        const hh = (s: ModelSignal) => {
          if (s.bsn !== null) return m.persons.find((p) => p.bsn === s.bsn)?.addressKey ?? null;
          return m.persons.some((p) => p.addressKey === s.addressKey) ? s.addressKey : null;
        };
        const latest = [...new Map(m.feed.map((s) => [s.key, s])).values()];
        const ref = scoreAll(
          m.persons.map((p) => ({ birthDate: p.birthDate, householdKey: p.addressKey })),
          latest.map((s, id) => ({ id, householdKey: hh(s), indicator: s.indicator, observedOn: s.observedOn, value: s.value })),
          m.definition,
          w.asOf,
        ).filter((h) => h.flagged);
        const expected = modelFlags(m.persons, m.feed, m.model, w.asOf);
        expect(ref.map((h) => [h.householdKey, h.scoreMicro / 1000, h.domains])).toEqual(expected.map((f) => [f.addressKey, f.scoreMilli, f.domains]));
      }),
      { numRuns: 500 },
    );
  });
});
