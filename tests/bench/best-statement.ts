import { SQLite } from './sqlite.ts';
import pg from 'pg';

// The best single SQL statement we could write by hand for the flags of a run
// (contract section 4), per dialect: each formulation below is timed and the
// fastest one counts. Adulthood uses the same cutoff date as the engine. Each
// returns household_key, score (in micro units) and domains of every flagged
// household, and nothing else: no explanation, no composition counts, no wijk.

export interface RunParams {
  runId: number;
  asOf: string;
  adultCutoff: string;
  thresholdMicro: number;
  minDomains: number | null;
  rules: { indicator: string; domain: string; weight_micro: number; threshold: number | null; min_count: number; window_from: string; window_to: string }[];
}

export interface FlagRow {
  household_key: string;
  score: number;
  domains: number;
}

interface Formulation {
  name: string;
  /** Session settings for PostgreSQL's planner, part of the formulation. */
  settings?: string[];
  text: string;
}

const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

/** The run's rules as the CTE `rules`; PostgreSQL gets the first row's types cast. */
const rulesCte = (p: RunParams, pgCasts: boolean) => `rules(indicator, domain, weight_micro, threshold, min_count, window_from, window_to) AS (VALUES
    ${rulesValues(p, pgCasts)})`;

function rulesValues(p: RunParams, pgCasts: boolean): string {
  return p.rules
    .map((r, i) => {
      const c = (v: string, t: string) => (pgCasts && i === 0 ? `${v}::${t}` : v);
      return `(${lit(r.indicator)}, ${lit(r.domain)}, ${c(lit(r.weight_micro), 'bigint')}, ${c(lit(r.threshold), 'double precision')}, ${r.min_count}, ${lit(r.window_from)}, ${lit(r.window_to)})`;
    })
    .join(',\n    ');
}

const flagCondition = (p: RunParams, score: string, domains: string) =>
  p.minDomains === null ? `${score} >= ${p.thresholdMicro}` : `(${score} >= ${p.thresholdMicro} OR ${domains} >= ${p.minDomains})`;

const QUALIFIES = 's.observed_on > r.window_from AND s.observed_on <= r.window_to AND (r.threshold IS NULL OR s.value >= r.threshold)';

const family = (p: RunParams, hk: string) => `
  EXISTS (SELECT 1 FROM persons p WHERE p.address_key = ${hk} AND p.birth_date <= ${lit(p.adultCutoff)})
  AND EXISTS (SELECT 1 FROM persons p WHERE p.address_key = ${hk} AND p.birth_date > ${lit(p.adultCutoff)} AND p.birth_date <= ${lit(p.asOf)})`;

/** The households of `active` (hk, domain, w) with their score and domains, if they meet the flag condition. */
const scoredCte = (p: RunParams) => `
scored AS (
  SELECT hk, sum(w) AS score, count(DISTINCT domain) AS domains FROM active GROUP BY hk
  HAVING ${flagCondition(p, 'sum(w)', 'count(DISTINCT domain)')})`;

/** The scored households that are families, tested per scored household. */
const familiesOfScored = (p: RunParams) => `SELECT hk AS household_key, score, domains FROM scored sc WHERE ${family(p, 'sc.hk')}`;

/** The scored households of `active` that are families, tested per scored household (SQLite). */
const sqliteFamilyTail = (p: RunParams) => `${scoredCte(p)}
${familiesOfScored(p)}`;

export function sqliteStatements(p: RunParams): Formulation[] {
  return [
    {
      name: 'range scan per rule window',
      text: `
WITH ${rulesCte(p, false)},
active AS (
  SELECT s.household_key AS hk, r.domain AS domain, r.weight_micro AS w
  FROM rules r JOIN signals s ON s.indicator = r.indicator AND s.observed_on > r.window_from AND s.observed_on <= r.window_to
  WHERE s.household_key IS NOT NULL AND (r.threshold IS NULL OR s.value >= r.threshold)
  GROUP BY s.household_key, r.indicator
  HAVING count(*) >= min(r.min_count)),${sqliteFamilyTail(p)}`,
    },
    { name: 'one pass in household order, families only', text: onePassInHouseholdOrder(p, true) },
    { name: 'one pass in household order', text: onePassInHouseholdOrder(p, false) },
  ];
}

/** SQLite: the signals in `signals_evidence` order, of every household or of families only. */
const onePassInHouseholdOrder = (p: RunParams, familiesOnly: boolean) => `
WITH active AS (
  SELECT s.household_key AS hk, r.domain AS domain, r.weight_micro AS w
  FROM signals s INDEXED BY signals_evidence CROSS JOIN scoring_run_rules r
  WHERE r.run_id = ${p.runId} AND r.indicator = s.indicator AND s.household_key IS NOT NULL AND ${QUALIFIES}
    ${familiesOnly ? `AND s.household_key IN (${familyKeys(p)})` : ''}
  GROUP BY s.household_key, s.indicator
  HAVING count(*) >= min(r.min_count)),${familiesOnly ? scoredTail(p, 'hk') : sqliteFamilyTail(p)}`;

export function postgresStatements(p: RunParams): Formulation[] {
  const statement = (hk: string, group: string, lateral = false) => `
WITH ${rulesCte(p, true)},
active AS (
  SELECT ${hk} AS hk, r.domain, r.weight_micro AS w
  FROM rules r JOIN signals s ON s.indicator = r.indicator AND ${QUALIFIES}
  WHERE s.household_key IS NOT NULL
  GROUP BY ${group}, r.indicator, r.domain, r.weight_micro, r.min_count
  HAVING count(*) >= r.min_count),${scoredCte(p)}
${lateral ? lateralFamily(p) : familiesOfScored(p)}`;
  const cCollation = (lateral: boolean) => statement('s.household_key COLLATE "C"', '1', lateral).replace(/sc\.hk\b/g, 'sc.hk COLLATE "default"');
  return [
    { name: 'planner defaults', text: statement('s.household_key', 's.household_key') },
    {
      name: 'grouped in the C collation, sorted',
      settings: ['enable_hashagg = off', 'jit = off'],
      text: cCollation(false),
    },
    {
      name: 'C collation, one lateral probe of the persons',
      settings: ['enable_hashagg = off', 'jit = off'],
      text: cCollation(true),
    },
    {
      // The planner reads the qualifying signals from signals_scoring per rule, in
      // one process; joined on an expression, it scans them in parallel, as it
      // must for the engine (which needs each signal's id, not in that index).
      name: 'C collation, lateral probe, parallel scan of the signals',
      settings: ['enable_hashagg = off', 'jit = off'],
      text: cCollation(true).replace('s.indicator = r.indicator', "(s.indicator || '') = r.indicator"),
    },
    {
      // The signals of families only (a quarter of them on the bench city), each
      // worker hashing the family keys; dates compared bytewise.
      name: 'families first, parallel scan of the signals',
      settings: ['enable_hashagg = off', 'jit = off'],
      text: familiesFirstParallel(p),
    },
    {
      // The engine's plan (scoring-repository.ts) for all households at once,
      // without the explanation.
      name: 'families first, in household order',
      settings: ['enable_hashagg = off', 'enable_hashjoin = off', 'enable_sort = off', 'max_parallel_workers_per_gather = 0', 'jit = off'],
      text: familiesFirstOrdered(p),
    },
  ];
}

/** Address keys of the households with an adult and a minor on the scoring date. */
const familyKeys = (p: RunParams) => `
  SELECT address_key FROM persons GROUP BY address_key
  HAVING sum(CASE WHEN birth_date <= ${lit(p.adultCutoff)} THEN 1 ELSE 0 END) > 0
    AND sum(CASE WHEN birth_date > ${lit(p.adultCutoff)} AND birth_date <= ${lit(p.asOf)} THEN 1 ELSE 0 END) > 0`;

const C_DATES = 's.observed_on COLLATE "C" > r.window_from AND s.observed_on COLLATE "C" <= r.window_to AND (r.threshold IS NULL OR s.value >= r.threshold)';

const scoredTail = (p: RunParams, hk: string) => `${scoredCte(p)}
SELECT ${hk} AS household_key, score, domains FROM scored`;

const familiesFirstParallel = (p: RunParams) => `
WITH ${rulesCte(p, true)},
active AS (
  SELECT s.household_key COLLATE "C" AS hk, r.domain, r.weight_micro AS w
  FROM rules r JOIN signals s ON (s.indicator || '') = r.indicator AND ${C_DATES}
  WHERE s.household_key IS NOT NULL AND s.household_key IN (${familyKeys(p)})
  GROUP BY 1, r.indicator, r.domain, r.weight_micro, r.min_count
  HAVING count(*) >= r.min_count),${scoredTail(p, 'hk COLLATE "default"')}`;

const familiesFirstOrdered = (p: RunParams) => `
WITH ${rulesCte(p, true)},
active AS (
  SELECT s.household_key AS hk, min(r.domain) AS domain, min(r.weight_micro) AS w
  FROM (${familyKeys(p)}) fm JOIN signals s ON s.household_key = fm.address_key
  JOIN rules r ON CASE WHEN s.indicator = r.indicator THEN ${C_DATES} ELSE false END
  GROUP BY s.household_key, s.indicator
  HAVING count(*) >= min(r.min_count)),${scoredTail(p, 'hk')}`;

// Adults and minors in one probe of a scored household's persons (PostgreSQL).
const lateralFamily = (p: RunParams) => `
SELECT sc.hk AS household_key, score, domains FROM scored sc
CROSS JOIN LATERAL (
  SELECT count(*) FILTER (WHERE p.birth_date <= ${lit(p.adultCutoff)}) AS adults,
    count(*) FILTER (WHERE p.birth_date > ${lit(p.adultCutoff)} AND p.birth_date <= ${lit(p.asOf)}) AS minors
  FROM persons p WHERE p.address_key = sc.hk) pc
WHERE pc.adults > 0 AND pc.minors > 0`;

export interface BestStatement {
  seconds: number;
  rows: FlagRow[];
  /** The fastest formulation, and every one's time. */
  name: string;
  timings: { name: string; seconds: number }[];
}

/** Runs every formulation; returns the fastest one's wall time and rows. */
export async function runBestStatement(target: { sqliteFile?: string; pgUrl?: string }, p: RunParams): Promise<BestStatement> {
  const formulations = target.sqliteFile ? sqliteStatements(p) : postgresStatements(p);
  const runs: (BestStatement['timings'][number] & { rows: FlagRow[] })[] = [];
  for (const f of formulations) runs.push({ name: f.name, ...(target.sqliteFile ? runSqlite(target.sqliteFile, f) : await runPostgres(target.pgUrl!, f)) });
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { seconds: best.seconds, rows: best.rows, name: best.name, timings: runs.map((r) => ({ name: r.name, seconds: r.seconds })) };
}

function runSqlite(file: string, f: Formulation): { seconds: number; rows: FlagRow[] } {
  const db = new SQLite(file, { readonly: true });
  db.pragma('cache_size = -200000');
  db.pragma('temp_store = MEMORY');
  try {
    const started = performance.now();
    const rows = db.prepare(f.text).all() as FlagRow[];
    return { seconds: (performance.now() - started) / 1000, rows };
  } finally {
    db.close();
  }
}

async function runPostgres(url: string, f: Formulation): Promise<{ seconds: number; rows: FlagRow[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of f.settings ?? []) await client.query(`SET ${s}`);
    const started = performance.now();
    const { rows } = await client.query<FlagRow>(f.text);
    return { seconds: (performance.now() - started) / 1000, rows: rows.map((r) => ({ ...r, score: Number(r.score), domains: Number(r.domains) })) };
  } finally {
    await client.end();
  }
}
