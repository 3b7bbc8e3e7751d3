import os from 'node:os';
import { sql, type RawBuilder } from 'kysely';
import { isPostgres, postgresClients, sqliteConnection, sqliteFile } from '../db/connection.ts';
import { copyInParallel } from '../db/postgres-copy.ts';
import { readInParallel, type ReaderWork } from '../db/sqlite-readers.ts';
import {
  candidateQuery,
  COMPOSITION_PLANNER,
  familiesQuery,
  FLAG_PLANNER,
  householdsPerWijk,
  plannerStatements,
  storedFamiliesPerWijk,
  storedFamiliesStatements,
  wijkCompositionQuery,
  type CandidateParams,
  type HouseholdRange,
  type WijkComposition,
} from './scoring-repository.ts';
import type { Executor } from './types.ts';

export interface StoreParams extends CandidateParams {
  previousRunId: number | null;
  /** Flag every gezinshuishouden, also those without an active rule (flag_threshold ≤ 0). */
  allFamilies: boolean;
}

/**
 * Stores the flags of a run (in `db`, the run's transaction) and returns the wijk
 * composition on its scoring date.
 * `weeks_on_list` continues the count of the previous run. With `allFamilies`,
 * every gezinshuishouden without an active rule is flagged too, with score 0.
 */
export async function storeFlags(db: Executor, p: StoreParams): Promise<WijkComposition[]> {
  const file = sqliteFile(db);
  const composition = file ? await storeInParallel(db, file, p) : await storeByCopy(db, p);
  if (p.allFamilies) await insertFlagRows(db, p.runId, p.previousRunId, unscoredFamilies(db, p));
  return composition;
}

/**
 * SQLite runs one statement on one core. The households are split into parts of
 * about equal size, and reader threads find the flags and the composition of
 * each part on their own connections, while this connection, which holds the
 * write lock, inserts the flags as they come (bench, 1 000 000 households on 2
 * cores: see tests/bench/results.md). The readers see the committed database,
 * not this transaction: the run's rules are handed to them as a temporary
 * table. Each reader first stores the families of its part in a temporary
 * table, which both its flag statement and its composition read.
 */
async function storeInParallel(db: Executor, file: string, p: StoreParams): Promise<WijkComposition[]> {
  const ranges = await householdRanges(db, PARTS);
  const rules = rulesSetup(db, p);
  const work: ReaderWork[] = ranges.map((range) => ({
    setup: [...rules, ...storedFamiliesStatements(db, p, range).map((s) => s.compile(db))],
    queries: [partFlags(db, p, range, true), householdsPerWijk(range).compile(db), storedFamiliesPerWijk().compile(db)],
  }));
  const perWijk = new Map<string, WijkComposition>();
  const insert = flagInsert(db);
  await readInParallel(file, work, async (query, rows) => {
    if (query === 0) return insert(rows);
    for (const [wijk, households, gezinshuishoudens] of rows as [string, number, number][]) addTo(perWijk, { wijk, households, gezinshuishoudens });
  });
  return [...perWijk.values()];
}

/** Parts of the households scored side by side: one per core, at most 4. */
const PARTS = Math.min(4, os.availableParallelism());

function addTo(perWijk: Map<string, WijkComposition>, part: WijkComposition): void {
  const w = perWijk.get(part.wijk) ?? { wijk: part.wijk, households: 0, gezinshuishoudens: 0 };
  perWijk.set(part.wijk, {
    wijk: part.wijk,
    households: w.households + Number(part.households),
    gezinshuishoudens: w.gezinshuishoudens + Number(part.gezinshuishoudens),
  });
}

/**
 * PostgreSQL also runs a statement in one process here (see flagsPostgres). The
 * households are split into parts as for SQLite; a connection per part, in this
 * transaction's snapshot, finds the flag rows of its part and copies them out
 * (COPY … TO STDOUT), and they are copied straight into this transaction
 * (COPY flags FROM STDIN) as they come, without being parsed here. Each part's
 * connection then counts its wijk composition.
 */
async function storeByCopy(db: Executor, p: StoreParams): Promise<WijkComposition[]> {
  const clients = (await postgresClients(db))!;
  const ranges = await householdRanges(db, PARTS);
  const planner = (settings: Record<string, string>) => plannerStatements(settings).map((text) => sql.raw(text).compile(db));
  const parts = ranges.map((range) => ({
    setup: planner(FLAG_PLANNER),
    copy: partFlags(db, p, range, false),
    after: [...planner(COMPOSITION_PLANNER), wijkCompositionQuery(db, p.asOf, p.adultCutoff, range).compile()],
  }));
  const perWijk = new Map<string, WijkComposition>();
  await copyInParallel(clients, sql`copy flags (${flagColumns}) from stdin`.compile(db).sql, parts, (rows) => {
    for (const row of rows as unknown as WijkComposition[]) addTo(perWijk, row);
  });
  return [...perWijk.values()];
}

/** The flag rows (see flagRows) of one part of the households. */
function partFlags(db: Executor, p: StoreParams, range: HouseholdRange, storedFamilies: boolean) {
  return flagRows(db, p.runId, p.previousRunId, sql`(${candidateQuery(db, p, true, range, storedFamilies)})`).compile(db);
}

/** Statements that give a reader's connection the run's rules: a temporary table that hides the committed one of the same name. */
function rulesSetup(db: Executor, p: StoreParams) {
  const create = [
    sql`create temp table scoring_run_rules as select * from main.scoring_run_rules where 0`.compile(db),
    // The flag statement looks a signal's rule up by this key, as in the committed table.
    sql`create unique index temp.scoring_run_rules_pk on scoring_run_rules (run_id, indicator)`.compile(db),
  ];
  if (!p.rules.length) return create;
  return [
    ...create,
    db
      .insertInto('scoring_run_rules')
      .values(p.rules.map((r) => ({ ...r, run_id: p.runId })))
      .compile(),
  ];
}

/** Up to `parts` ranges of about as many households each, together covering every address key. */
async function householdRanges(db: Executor, parts: number): Promise<HouseholdRange[]> {
  const { n } = await db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const bounds: string[] = [];
  for (let i = 1; i < parts && n >= parts; i++) {
    const row = await db
      .selectFrom('households')
      .select('address_key')
      .orderBy('address_key')
      .offset(Math.floor((Number(n) * i) / parts))
      .limit(1)
      .executeTakeFirst();
    if (row && row.address_key !== bounds.at(-1)) bounds.push(row.address_key);
  }
  return [null, ...bounds].map((from, i) => ({ from, to: bounds[i] ?? null }));
}

const FLAG_COLUMNS = [
  'run_id',
  'household_key',
  'wijk',
  'score_micro',
  'domains',
  'indicators',
  'evidence',
  'is_new',
  'weeks_on_list',
  'adults',
  'minors',
] as const;
const flagColumns = sql.join(FLAG_COLUMNS.map((c) => sql.ref(c)));

/**
 * `rows` (household_key, wijk, score_micro, domains, indicators, evidence, adults,
 * minors) as flag rows of the run, in FLAG_COLUMNS order: new, or continuing the
 * previous run's flag. Unordered, so that the rows stream out as they are found
 * (whoever reads flags orders them).
 */
function flagRows(db: Executor, runId: number, previousRunId: number | null, rows: RawBuilder<unknown>) {
  const flag = sql`${runId} as run_id, c.household_key, c.wijk, c.score_micro, c.domains, c.indicators, c.evidence`;
  // Without a previous run every flag is new (and nothing is looked up in flags,
  // whose statistics may still say it is empty).
  if (previousRunId === null) return sql`select ${flag}, 1 as is_new, 1 as weeks_on_list, c.adults, c.minors from ${rows} c`;
  return sql`
    select ${flag}, case when pf.id is null then 1 else 0 end as is_new, coalesce(pf.weeks_on_list, 0) + 1 as weeks_on_list, c.adults, c.minors
    from ${rows} c
    ${previousFlag(db, previousRunId)}`;
}

/**
 * The previous run's flag of household c, as relation pf. PostgreSQL looks it up
 * per flag (lateral; `limit 1` keeps it from being turned back into a join): as a
 * join, with statistics from before the previous run it read that run's flags once
 * and compared every flag with all of them (minutes). SQLite looks a joined row up
 * by the key it is joined on.
 */
function previousFlag(db: Executor, previousRunId: number) {
  const key = sql`pf.run_id = ${previousRunId} and pf.household_key = c.household_key and ${sameResidents(previousRunId)}`;
  if (isPostgres(db)) return sql`left join lateral (select pf.id, pf.weeks_on_list from flags pf where ${key} limit 1) pf on true`;
  return sql`left join flags pf on ${key}`;
}

/**
 * Whether someone living at c's address now already lived there when the previous run
 * started. When all residents came since, the flag is a new family's: it starts a new
 * episode (new, one week, its own case and first-contact deadline) rather than
 * continuing the earlier family's case. Same test as the family page's (services/residents.ts).
 */
function sameResidents(previousRunId: number) {
  return sql`exists (select 1 from residences r where r.address_key = c.household_key and r.until is null
    and (r.since is null or r.since <= (select pr.started_at from scoring_runs pr where pr.id = ${previousRunId})))`;
}

/**
 * Inserts flag rows that came from a reader (arrays in FLAG_COLUMNS order) with
 * one prepared statement run per row, on the run's own connection, so the
 * readers need not serialise their rows (tests/bench/results.md).
 */
function flagInsert(db: Executor): (rows: unknown[][]) => Promise<void> {
  const values = sql.join(FLAG_COLUMNS.map(() => sql`?`));
  const statement = sqliteConnection(db)!.prepare(sql`insert into flags (${flagColumns}) values (${values})`.compile(db).sql);
  return async (rows) => {
    for (const row of rows) statement.run(row);
  };
}

/** Inserts `rows` (see flagRows) as flags of the run, in the database. */
async function insertFlagRows(db: Executor, runId: number, previousRunId: number | null, rows: RawBuilder<unknown>): Promise<void> {
  await sql`insert into flags (${flagColumns}) ${flagRows(db, runId, previousRunId, sql`(${rows})`)}`.execute(db);
}

/** Gezinshuishoudens not flagged yet in this run, with score 0 and no domains (see flagRows). */
function unscoredFamilies(db: Executor, p: StoreParams) {
  return sql`
    select fam.address_key as household_key, fam.wijk, 0 as score_micro, 0 as domains, '' as indicators, '' as evidence, fam.adults, fam.minors
    from (${familiesQuery(db, p.asOf, p.adultCutoff)}) fam
    where not exists (select 1 from flags f where f.run_id = ${p.runId} and f.household_key = fam.address_key)`;
}
