import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import { isPostgres } from '../db/connection.ts';
import type { ScoringRunRuleTable, ScoringRunTable } from '../db/schema.ts';
import type { RunRule } from '../core/run-rules.ts';
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

/** A person (birth date `birth`) is an adult on the scoring date, or a minor born on or before it (contract 4.4a). */
const isAdult = (adultCutoff: string, birth: RawBuilder<unknown> = sql.ref('birth_date')) => sql<SqlBool>`${birth} <= ${adultCutoff}`;
const isMinor = (adultCutoff: string, asOf: string, birth: RawBuilder<unknown> = sql.ref('birth_date')) =>
  sql<SqlBool>`${birth} > ${adultCutoff} and ${birth} <= ${asOf}`;

/** A part of the households by address key: from `from` (inclusive) up to `to` (exclusive); null is open. */
export interface HouseholdRange {
  from: string | null;
  to: string | null;
}

const inRange = (column: string, range?: HouseholdRange) =>
  sql`${range?.from != null ? sql`and ${sql.ref(column)} >= ${range.from}` : sql``} ${range?.to != null ? sql`and ${sql.ref(column)} < ${range.to}` : sql``}`;

/** Adults and minors per household on the scoring date. */
function composition(db: Executor, asOf: string, adultCutoff: string, range?: HouseholdRange) {
  return db
    .selectFrom('persons')
    .select((eb) => [
      'address_key',
      eb.fn.sum<number>(eb.case().when(isAdult(adultCutoff)).then(1).else(0).end()).as('adults'),
      eb.fn.sum<number>(eb.case().when(isMinor(adultCutoff, asOf)).then(1).else(0).end()).as('minors'),
    ])
    .$if(range?.from != null, (qb) => qb.where('address_key', '>=', range!.from!))
    .$if(range?.to != null, (qb) => qb.where('address_key', '<', range!.to!))
    .groupBy('address_key');
}

/**
 * The flags of a run in one statement: active rules per household (contract
 * 4.1–4.2) with the ids of their qualifying signals, score, domains and
 * indicators (4.3), and the flag condition (4.4): enough score and an adult
 * and a minor on the scoring date, counted for the flag. With `storedFamilies`
 * (SQLite), the statement reads the families of its range from the temporary
 * table that storedFamiliesStatements fills, instead of finding them itself.
 */
export function candidateQuery(db: Executor, p: CandidateParams, evidence: boolean, range?: HouseholdRange, storedFamilies = false): RawBuilder<CandidateRow> {
  const condition =
    p.minDomains === null ? sql`sum(w) >= ${p.thresholdMicro}` : sql`(sum(w) >= ${p.thresholdMicro} or count(distinct domain) >= ${p.minDomains})`;
  if (isPostgres(db)) return flagsPostgres(db, p, evidence, condition, range);
  const fam = storedFamilies ? sql`` : sql`${FAMILIES} as materialized ${familiesQuery(db, p.asOf, p.adultCutoff, range)},`;
  return sql<CandidateRow>`
    with ${fam}
    scored as (${scoredSqlite(p.runId, evidence, condition, range)})
    select f.hk as household_key, fm.wijk, f.score_micro, f.domains, f.indicators, f.evidence, fm.adults, fm.minors
    from scored f join ${FAMILIES} fm on fm.address_key = f.hk`;
}

/**
 * SQLite: the name of the relation of the gezinshuishoudens (address_key, wijk,
 * adults, minors) in the flag statement; a reader of flag-store.ts stores them
 * in a temporary table of this name (STORED_FAMILIES), so that the flag
 * statement and the wijk composition find them once.
 */
const FAMILIES = sql.raw('fam');
const STORED_FAMILIES = sql.raw('temp.fam');

/**
 * SQLite: statements that store the gezinshuishoudens of `range` in a temporary
 * table, for candidateQuery with `storedFamilies` and storedFamiliesPerWijk,
 * so that both find the families once (measurements: tests/bench/results.md).
 */
export function storedFamiliesStatements(db: Executor, p: Pick<CandidateParams, 'asOf' | 'adultCutoff'>, range?: HouseholdRange): RawBuilder<unknown>[] {
  return [
    sql`create table ${STORED_FAMILIES} (address_key text primary key, wijk text not null, adults integer not null, minors integer not null) without rowid`,
    sql`insert into ${STORED_FAMILIES} (address_key, wijk, adults, minors)
      select address_key, wijk, adults, minors from ${familiesQuery(db, p.asOf, p.adultCutoff, range)} as f`,
  ];
}

/** SQLite: the stored gezinshuishoudens per wijk (see storedFamiliesStatements); columns wijk, households (0), gezinshuishoudens. */
export const storedFamiliesPerWijk = () => sql`select wijk, 0 as households, count(*) as gezinshuishoudens from ${STORED_FAMILIES} group by wijk`;

/**
 * The households of `range` per wijk; columns wijk, households, gezinshuishoudens (0).
 * Every household has a person: the registry import derives them from the persons.
 */
export const householdsPerWijk = (range?: HouseholdRange) =>
  sql`select wijk, count(*) as households, 0 as gezinshuishoudens from households where true ${inRange('address_key', range)} group by wijk`;

/** Signal `s` counts for rule `r` of the run: inside the rule's window and at or above its threshold (contract 4.1). */
const QUALIFIES = sql`s.observed_on > r.window_from and s.observed_on <= r.window_to and (r.threshold is null or s.value >= r.threshold)`;

// SQLite: the signals of the gezinshuishoudens only (a quarter of all signals on
// the bench city; SQLite seeks them in `signals_evidence` key by key), in
// household order, so the GROUP BY streams without sorting. The active rules come
// out of it in household and indicator order; ordering by the scan's own columns
// lets SQLite see that (ordering by r.indicator made it sort them again), and the
// second GROUP BY streams too and concatenates in indicator order. The families
// are found once (FAMILIES) and give the flag its wijk, adults and minors.
function scoredSqlite(runId: number, evidence: boolean, condition: RawBuilder<unknown>, range?: HouseholdRange) {
  return sql`
    select hk, sum(w) as score_micro, count(distinct domain) as domains, group_concat(indicator, '|') as indicators,
      ${evidence ? sql`json_group_array(json_object('indicator', indicator, 'qualifying', n, 'signal_ids', json(ids)))` : sql`'[]'`} as evidence
    from (
      select s.household_key as hk, r.indicator, r.domain, r.weight_micro as w, count(*) as n, ${evidence ? sql`json_group_array(s.id)` : sql`'[]'`} as ids
      from signals s indexed by signals_evidence cross join scoring_run_rules r
      where r.run_id = ${runId} and r.indicator = s.indicator and s.household_key is not null and ${QUALIFIES} ${inRange('s.household_key', range)}
        and s.household_key in (select address_key from ${FAMILIES})
      group by s.household_key, s.indicator
      having count(*) >= min(r.min_count)
      order by s.household_key, s.indicator)
    group by hk having ${condition}`;
}

// PostgreSQL: the gezinshuishoudens first (persons in address order), then each
// one's signals from `signals_evidence` alone (index-only, in household order),
// so only their signals (a quarter on the bench city) are matched to rules and
// nothing is sorted but each household's few rows by indicator. Matching a signal
// to its rule tests the indicator first and compares dates in the "C" collation
// (byte compares; the database's collation goes through strcoll). Indicators are
// grouped and concatenated in "C" order too, as SQLite does. Runs serially per
// range of households (flag-store.ts runs the ranges side by side), with the
// planner settings of FLAG_PLANNER (measurements: tests/bench/results.md).
function flagsPostgres(db: Executor, p: CandidateParams, evidence: boolean, condition: RawBuilder<unknown>, range?: HouseholdRange): RawBuilder<CandidateRow> {
  const date = (column: string) => sql`${sql.ref(column)} collate "C"`;
  const qualifies = sql`case when s.indicator = r.indicator
    then ${date('s.observed_on')} > r.window_from and ${date('s.observed_on')} <= r.window_to and (r.threshold is null or s.value >= r.threshold)
    else false end`;
  return sql<CandidateRow>`
    select f.hk as household_key, h.wijk, f.score_micro, f.domains, f.indicators, f.evidence, f.adults, f.minors
    from (
      select hk, min(adults) as adults, min(minors) as minors, sum(w) as score_micro, count(distinct domain) as domains,
        string_agg(indicator, '|') as indicators,
        ${evidence ? sql`json_agg(json_build_object('indicator', indicator, 'qualifying', n, 'signal_ids', ids))::text` : sql`'[]'`} as evidence
      from (
        select s.household_key as hk, min(fm.adults) as adults, min(fm.minors) as minors, s.indicator collate "C" as indicator,
          min(r.domain) as domain, min(r.weight_micro) as w, count(*) as n, ${evidence ? sql`json_agg(s.id)` : sql`'[]'::json`} as ids
        from ${families(db, p.asOf, p.adultCutoff, range)} fm
        join signals s on s.household_key = fm.address_key
        join ${rulesRelation(p.rules)} on ${qualifies}
        where true ${inRange('s.household_key', range)}
        group by s.household_key, s.indicator collate "C"
        having count(*) >= min(r.min_count)) active
      group by hk having ${condition}) f
    join households h on h.address_key = f.hk`;
}

/** Households with an adult and a minor on the scoring date (gezinshuishoudens), with their counts; in SQL text it comes in parentheses. */
function families(db: Executor, asOf: string, adultCutoff: string, range?: HouseholdRange) {
  return db
    .selectFrom(composition(db, asOf, adultCutoff, range).as('c'))
    .selectAll()
    .where('c.adults', '>', 0)
    .where('c.minors', '>', 0);
}

/**
 * The run's rules as relation `r` (PostgreSQL): a VALUES list the planner counts
 * exactly. From scoring_run_rules it planned for the rules in its statistics,
 * which predate the run (about one rule: it probed the signals per rule, 15 s
 * instead of 10 s), unless each run analysed that table first.
 */
function rulesRelation(rules: RunRule[]) {
  const columns = sql`r(indicator, domain, weight_micro, threshold, min_count, window_from, window_to)`;
  if (!rules.length)
    return sql`(select null::text, null::text, null::bigint, null::double precision, null::integer, null::text, null::text where false) as ${columns}`;
  const row = (r: RunRule) =>
    sql`(${r.indicator}::text, ${r.domain}::text, ${r.weight_micro}::bigint, ${r.threshold}::double precision, ${r.min_count}::integer, ${r.window_from}::text, ${r.window_to}::text)`;
  return sql`(values ${sql.join(rules.map(row))}) as ${columns}`;
}

interface CandidateRow extends FlagCandidate {
  evidence: string;
}

export interface CandidateParams {
  runId: number;
  /** The run's rules, also stored in scoring_run_rules under runId. */
  rules: RunRule[];
  asOf: string;
  adultCutoff: string;
  thresholdMicro: number;
  minDomains: number | null;
}

/** The flagged households of a run's rules, without storing them (the rule-set preview). */
export async function flagCandidates(db: Executor, p: CandidateParams): Promise<FlagCandidate[]> {
  const { rows } = await withFlagPlanner(db, () => sql<CandidateRow>`select * from (${candidateQuery(db, p, false)}) c order by household_key`.execute(db));
  return rows.map((r) => ({
    household_key: r.household_key!,
    wijk: r.wijk,
    score_micro: Number(r.score_micro),
    domains: Number(r.domains),
    indicators: r.indicators ?? '',
    adults: Number(r.adults),
    minors: Number(r.minors),
  }));
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

export interface WijkComposition {
  wijk: string;
  households: number;
  gezinshuishoudens: number;
}

/** The wijk composition's query, over the households of `range` only when given (columns: wijk, households, gezinshuishoudens). */
export function wijkCompositionQuery(db: Executor, asOf: string, adultCutoff: string, range?: HouseholdRange) {
  return db
    .with('family', () => composition(db, asOf, adultCutoff, range))
    .selectFrom('households as h')
    .innerJoin('family as f', 'f.address_key', 'h.address_key')
    .select((eb) => [
      'h.wijk',
      eb.fn.countAll<number>().as('households'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('f.adults', '>', 0), eb('f.minors', '>', 0)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('gezinshuishoudens'),
    ])
    .groupBy('h.wijk');
}

/** Runs the flag statement (candidateQuery) with the planner settings it is written for (PostgreSQL: FLAG_PLANNER). */
export async function withFlagPlanner<T>(db: Executor, statement: () => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return statement();
  await planner(db, FLAG_PLANNER);
  const result = await statement();
  await planner(db, Object.fromEntries(Object.keys(FLAG_PLANNER).map((name) => [name, 'default'])));
  return result;
}

/**
 * The plan the PostgreSQL flag statement is written for: streaming through the
 * index orders, in one process. Left to itself the planner misjudged how many
 * households are families and chose hash joins and sorts of all signals (or
 * probed the table per signal). No sequential scans: with statistics that still
 * said `flags` was empty, the previous run's flag was looked up by scanning
 * flags once per flag, while the run's own flags were copied into it (minutes).
 */
export const FLAG_PLANNER: Record<string, string> = {
  enable_hashagg: 'off',
  enable_hashjoin: 'off',
  enable_sort: 'off',
  enable_seqscan: 'off',
  max_parallel_workers_per_gather: '0',
  jit: 'off',
};

/**
 * The wijk composition's plan (PostgreSQL): persons grouped in index order and
 * merge-joined with households, not a hash of all persons built in every
 * parallel worker (tests/bench/results.md).
 */
export const COMPOSITION_PLANNER: Record<string, string> = {
  enable_hashagg: 'off',
  enable_hashjoin: 'off',
  enable_sort: 'on',
  max_parallel_workers_per_gather: '0',
};

/** `set local` statements for planner settings (run inside a transaction). */
export function plannerStatements(settings: Record<string, string>): string[] {
  return Object.entries(settings).map(([name, value]) => `set local ${name} to ${value}`);
}

/** Planner settings for the rest of the transaction (`default` restores one). */
async function planner(db: Executor, settings: Record<string, string>): Promise<void> {
  for (const statement of plannerStatements(settings)) await sql.raw(statement).execute(db);
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

export async function insertWijkStats(
  db: Executor,
  runId: number,
  stats: { wijk: string; households: number; gezinshuishoudens: number; flags: number }[],
): Promise<void> {
  for (const part of chunk(stats, 500))
    await db
      .insertInto('run_wijk_stats')
      .values(part.map((s) => ({ ...s, run_id: runId })))
      .execute();
}

export async function finishRun(db: Executor, runId: number, values: Partial<Insertable<ScoringRunTable>>): Promise<void> {
  await db.updateTable('scoring_runs').set(values).where('id', '=', runId).execute();
}

/** Every gezinshuishouden (of `range` when given) with its wijk and composition on the scoring date. */
export function familiesQuery(db: Executor, asOf: string, adultCutoff: string, range?: HouseholdRange) {
  return db
    .selectFrom(families(db, asOf, adultCutoff, range).as('f'))
    .innerJoin('households as h', 'h.address_key', 'f.address_key')
    .select(['h.address_key', 'h.wijk', 'f.adults', 'f.minors']);
}

/**
 * Every gezinshuishouden with score 0 and no domains. Only needed when
 * flag_threshold ≤ 0: then a family without any active rule meets the flag
 * condition too (contract 4.4), which `flagCandidates` cannot see.
 */
export async function allFamilies(db: Executor, asOf: string, adultCutoff: string): Promise<FlagCandidate[]> {
  const rows = await familiesQuery(db, asOf, adultCutoff).execute();
  return rows.map((r) => ({
    household_key: r.address_key,
    wijk: r.wijk,
    score_micro: 0,
    domains: 0,
    indicators: '',
    adults: Number(r.adults),
    minors: Number(r.minors),
  }));
}
