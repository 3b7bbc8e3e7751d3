import { sql, type ExpressionBuilder, type Insertable, type RawBuilder } from 'kysely';
import { isPostgres } from '../db/connection.ts';
import type { ScoringRunRuleTable, ScoringRunTable } from '../db/schema.ts';
import type { Executor } from './types.ts';
import { chunk } from './types.ts';

export interface FlagCandidate {
  household_key: string;
  wijk: string;
  score_micro: number;
  domains: number;
  /** Active indicators, sorted, joined by '|'. */
  indicators: string;
  adults: number;
  minors: number;
}

export async function insertRun(db: Executor, values: Insertable<ScoringRunTable>): Promise<number> {
  const { id } = await db.insertInto('scoring_runs').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertRunRules(db: Executor, rules: Insertable<ScoringRunRuleTable>[]): Promise<void> {
  if (rules.length) await db.insertInto('scoring_run_rules').values(rules).execute();
}

/** Adults and minors per household on the scoring date (contract 4.4a). */
function composition(db: Executor, asOf: string, adultCutoff: string) {
  return db
    .selectFrom('persons')
    .select((eb) => [
      'address_key',
      eb.fn.sum<number>(eb.case().when('birth_date', '<=', adultCutoff).then(1).else(0).end()).as('adults'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('birth_date', '>', adultCutoff), eb('birth_date', '<=', asOf)])).then(1).else(0).end()).as('minors'),
    ])
    .groupBy('address_key');
}

/**
 * The flags of a run in one statement: active rules per household (contract
 * 4.1–4.2), their score, domains and indicators (4.3), and the flag condition
 * (4.4). The rule windows are index ranges of `signals_scoring`, which covers
 * every column read; persons are counted only for households that score enough.
 */
function candidateQuery(db: Executor, p: CandidateParams) {
  const persons = (eb: ExpressionBuilder<any, any>, minor: boolean) =>
    eb
      .selectFrom('persons as p')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('p.address_key', '=', 'sc.household_key')
      .where((e) => (minor ? e.and([e('p.birth_date', '>', p.adultCutoff), e('p.birth_date', '<=', p.asOf)]) : e('p.birth_date', '<=', p.adultCutoff)));
  // Sorted by code point, whatever the database's collation.
  const indicators = isPostgres(db) ? sql<string>`string_agg(indicator, '|' order by indicator collate "C")` : sql<string>`group_concat(indicator, '|' order by indicator)`;
  return db
    .with('active', (qb) =>
      qb
        .selectFrom('scoring_run_rules as r')
        .innerJoin('signals as s', (j) =>
          j.onRef('s.indicator', '=', 'r.indicator').onRef('s.observed_on', '>', 'r.window_from').onRef('s.observed_on', '<=', 'r.window_to'),
        )
        .select(['s.household_key', 'r.indicator', 'r.domain', 'r.weight_micro'])
        .where('r.run_id', '=', p.runId)
        .where('s.household_key', 'is not', null)
        .where((eb) => eb.or([eb('r.threshold', 'is', null), eb('s.value', '>=', eb.ref('r.threshold'))]))
        .groupBy(['s.household_key', 'r.indicator', 'r.domain', 'r.weight_micro', 'r.min_count'])
        .having((eb) => eb(eb.fn.countAll(), '>=', eb.ref('r.min_count'))),
    )
    .with('scored', (qb) =>
      qb
        .selectFrom('active')
        .select((eb) => [
          'household_key', eb.fn.sum<number>('weight_micro').as('score_micro'), eb.fn.count<number>('domain').distinct().as('domains'), indicators.as('indicators'),
        ])
        .groupBy('household_key')
        .having((eb) =>
          p.minDomains === null
            ? eb(eb.fn.sum('weight_micro'), '>=', p.thresholdMicro)
            : eb.or([eb(eb.fn.sum('weight_micro'), '>=', p.thresholdMicro), eb(eb.fn.count('domain').distinct(), '>=', p.minDomains)]),
        ),
    )
    .with('composed', (qb) =>
      qb
        .selectFrom('scored as sc')
        .select((eb) => ['sc.household_key', 'sc.score_micro', 'sc.domains', 'sc.indicators', persons(eb, false).as('adults'), persons(eb, true).as('minors')]),
    )
    .selectFrom('composed as c')
    .innerJoin('households as h', 'h.address_key', 'c.household_key')
    .select(['c.household_key', 'h.wijk', 'c.score_micro', 'c.domains', 'c.indicators', 'c.adults', 'c.minors'])
    .where('c.adults', '>', 0)
    .where('c.minors', '>', 0);
}

export interface CandidateParams {
  runId: number;
  asOf: string;
  adultCutoff: string;
  thresholdMicro: number;
  minDomains: number | null;
}

/** The flagged households of a run's rules, without storing them (the rule-set preview). */
export async function flagCandidates(db: Executor, p: CandidateParams): Promise<FlagCandidate[]> {
  const rows = await candidateQuery(db, p).orderBy('c.household_key').execute();
  return rows.map((r) => ({
    household_key: r.household_key!, wijk: r.wijk, score_micro: Number(r.score_micro), domains: Number(r.domains),
    indicators: r.indicators ?? '', adults: Number(r.adults), minors: Number(r.minors),
  }));
}

/**
 * Stores the flags of a run in the database itself (INSERT … SELECT): nothing of
 * a run of 250 000 flags passes through this process. `weeks_on_list` continues
 * the count of the previous run. With `allFamilies`, every gezinshuishouden
 * without an active rule is flagged too, with score 0 (flag_threshold ≤ 0).
 */
export async function storeFlags(db: Executor, p: CandidateParams & { previousRunId: number | null; allFamilies: boolean }): Promise<void> {
  await insertFlagRows(db, p.runId, p.previousRunId, sql`${candidateQuery(db, p)}`);
  if (!p.allFamilies) return;
  const unscored = sql`
    select fam.address_key as household_key, fam.wijk, 0 as score_micro, 0 as domains, '' as indicators, fam.adults, fam.minors
    from (${familiesQuery(db, p.asOf, p.adultCutoff)}) fam
    where not exists (select 1 from flags f where f.run_id = ${p.runId} and f.household_key = fam.address_key)`;
  await insertFlagRows(db, p.runId, p.previousRunId, unscored);
}

/** Inserts `rows` (household_key, wijk, score_micro, domains, indicators, adults, minors) as flags of the run, new or continuing the previous run's. */
async function insertFlagRows(db: Executor, runId: number, previousRunId: number | null, rows: RawBuilder<unknown>): Promise<void> {
  await sql`
    insert into flags (run_id, household_key, wijk, score_micro, domains, indicators, is_new, weeks_on_list, adults, minors)
    select ${runId}, c.household_key, c.wijk, c.score_micro, c.domains, c.indicators,
      case when pf.id is null then 1 else 0 end, coalesce(pf.weeks_on_list, 0) + 1, c.adults, c.minors
    from (${rows}) c
    left join flags pf on pf.run_id = ${previousRunId ?? -1} and pf.household_key = c.household_key
    order by c.household_key`.execute(db);
}

/** Signal `s` counts for rule `r` of the run: inside the rule's window and at or above its threshold (contract 4.1). */
const QUALIFIES = sql`s.observed_on > r.window_from and s.observed_on <= r.window_to and (r.threshold is null or s.value >= r.threshold)`;

/**
 * The explanation of every flag of a run, stored beside it: each active rule with
 * its number of qualifying signals, and a copy of those signals (so the flag can be
 * explained after the signals are corrected or deleted). CROSS JOIN fixes SQLite's
 * join order: per flag and rule one range of `signals_evidence`.
 */
export async function storeExplanations(db: Executor, runId: number): Promise<void> {
  const pg = isPostgres(db);
  // PostgreSQL: hash joins over one pass of the signals instead of a probe per signal
  // in the rule windows (100 000-household bench: flag_rules 1.8 → 1.1 s).
  if (pg) await planner(db, 'off', `'256MB'`);
  await sql`
    insert into flag_rules (flag_id, indicator, domain, weight_micro, qualifying)
    select f.id, r.indicator, r.domain, r.weight_micro, count(*)
    from flags f cross join scoring_run_rules r cross join signals s
    where f.run_id = ${runId} and r.run_id = ${runId}
      and s.household_key = f.household_key and s.indicator = r.indicator and ${QUALIFIES}
    group by f.id, r.indicator, r.domain, r.weight_micro, r.min_count
    having count(*) >= r.min_count`.execute(db);
  await sql`
    insert into flag_evidence (flag_id, signal_id, indicator, source, record_id, observed_on, value)
    select f.id, s.id, s.indicator, s.source, s.record_id, s.observed_on, s.value
    from flags f cross join flag_rules fr cross join scoring_run_rules r cross join signals s
    where f.run_id = ${runId} and fr.flag_id = f.id and r.run_id = ${runId} and r.indicator = fr.indicator
      and s.household_key = f.household_key and s.indicator = fr.indicator and ${QUALIFIES}`.execute(db);
  if (pg) await planner(db, 'default', 'default');
}

async function planner(db: Executor, nestloop: string, workMem: string): Promise<void> {
  await sql.raw(`set local enable_nestloop to ${nestloop}`).execute(db);
  await sql.raw(`set local work_mem to ${workMem}`).execute(db);
}

/** Flags and persisting flags of a run per wijk. */
export async function flagsPerWijk(db: Executor, runId: number) {
  const rows = await db
    .selectFrom('flags')
    .select((eb) => ['wijk', eb.fn.countAll<number>().as('flags'), eb.fn.sum<number>(eb.case().when('is_new', '=', 0).then(1).else(0).end()).as('persisting')])
    .where('run_id', '=', runId)
    .groupBy('wijk')
    .execute();
  return rows.map((r) => ({ wijk: r.wijk, flags: Number(r.flags), persisting: Number(r.persisting ?? 0) }));
}

/** Households and gezinshuishoudens per wijk on the scoring date. */
export async function wijkComposition(db: Executor, asOf: string, adultCutoff: string) {
  const rows = await db
    .with('family', () => composition(db, asOf, adultCutoff))
    .selectFrom('households as h')
    .innerJoin('family as f', 'f.address_key', 'h.address_key')
    .select((eb) => [
      'h.wijk',
      eb.fn.countAll<number>().as('households'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('f.adults', '>', 0), eb('f.minors', '>', 0)])).then(1).else(0).end()).as('gezinshuishoudens'),
    ])
    .groupBy('h.wijk')
    .execute();
  return rows.map((r) => ({ wijk: r.wijk, households: Number(r.households), gezinshuishoudens: Number(r.gezinshuishoudens) }));
}

/** The run scored just before this one: the latest by scoring date, then by id. */
export async function previousRun(db: Executor, asOf: string, runId: number) {
  return db
    .selectFrom('scoring_runs')
    .select(['id', 'flags'])
    .where('id', '!=', runId)
    .where('as_of', '<=', asOf)
    .orderBy('as_of', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertWijkStats(db: Executor, runId: number, stats: { wijk: string; households: number; gezinshuishoudens: number; flags: number }[]): Promise<void> {
  for (const part of chunk(stats, 500)) await db.insertInto('run_wijk_stats').values(part.map((s) => ({ ...s, run_id: runId }))).execute();
}

export async function finishRun(db: Executor, runId: number, values: Partial<Insertable<ScoringRunTable>>): Promise<void> {
  await db.updateTable('scoring_runs').set(values).where('id', '=', runId).execute();
}


/** Every gezinshuishouden with its wijk and composition on the scoring date. */
function familiesQuery(db: Executor, asOf: string, adultCutoff: string) {
  return db
    .with('family', () => composition(db, asOf, adultCutoff))
    .selectFrom('family as f')
    .innerJoin('households as h', 'h.address_key', 'f.address_key')
    .select(['h.address_key', 'h.wijk', 'f.adults', 'f.minors'])
    .where('f.adults', '>', 0)
    .where('f.minors', '>', 0);
}

/**
 * Every gezinshuishouden with score 0 and no domains. Only needed when
 * flag_threshold ≤ 0: then a family without any active rule meets the flag
 * condition too (contract 4.4), which `flagCandidates` cannot see.
 */
export async function allFamilies(db: Executor, asOf: string, adultCutoff: string): Promise<FlagCandidate[]> {
  const rows = await familiesQuery(db, asOf, adultCutoff).execute();
  return rows.map((r) => ({ household_key: r.address_key, wijk: r.wijk, score_micro: 0, domains: 0, indicators: '', adults: Number(r.adults), minors: Number(r.minors) }));
}
