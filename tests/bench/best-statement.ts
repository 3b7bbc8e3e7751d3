import { SQLite } from './sqlite.ts';
import pg from 'pg';

// The best single SQL statement we could write by hand for the flags of a run
// (contract section 4), per dialect. The rule parameters are inlined as a VALUES
// list; adulthood uses the same cutoff date as the engine. It returns
// household_key, score (in micro units) and domains of every flagged household.

export interface RunParams {
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

const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

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

export function sqliteStatement(p: RunParams): string {
  return `
WITH rules(indicator, domain, weight_micro, threshold, min_count, window_from, window_to) AS (VALUES
    ${rulesValues(p, false)}),
active AS (
  SELECT s.household_key AS hk, r.domain AS domain, r.weight_micro AS w
  FROM rules r JOIN signals s ON s.indicator = r.indicator AND s.observed_on > r.window_from AND s.observed_on <= r.window_to
  WHERE s.household_key IS NOT NULL AND (r.threshold IS NULL OR s.value >= r.threshold)
  GROUP BY s.household_key, r.indicator
  HAVING count(*) >= min(r.min_count)),
scored AS (
  SELECT hk, sum(w) AS score, count(DISTINCT domain) AS domains FROM active GROUP BY hk
  HAVING ${flagCondition(p, 'sum(w)', 'count(DISTINCT domain)')})
SELECT hk AS household_key, score, domains FROM scored sc
WHERE EXISTS (SELECT 1 FROM persons p WHERE p.address_key = sc.hk AND p.birth_date <= ${lit(p.adultCutoff)})
  AND EXISTS (SELECT 1 FROM persons p WHERE p.address_key = sc.hk AND p.birth_date > ${lit(p.adultCutoff)} AND p.birth_date <= ${lit(p.asOf)})`;
}

export function postgresStatement(p: RunParams): string {
  return `
WITH rules(indicator, domain, weight_micro, threshold, min_count, window_from, window_to) AS (VALUES
    ${rulesValues(p, true)}),
active AS (
  SELECT s.household_key AS hk, r.domain, r.weight_micro AS w
  FROM rules r JOIN signals s ON s.indicator = r.indicator AND s.observed_on > r.window_from AND s.observed_on <= r.window_to
  WHERE s.household_key IS NOT NULL AND (r.threshold IS NULL OR s.value >= r.threshold)
  GROUP BY s.household_key, r.indicator, r.domain, r.weight_micro, r.min_count
  HAVING count(*) >= r.min_count),
scored AS (
  SELECT hk, sum(w) AS score, count(DISTINCT domain) AS domains FROM active GROUP BY hk
  HAVING ${flagCondition(p, 'sum(w)', 'count(DISTINCT domain)')})
SELECT hk AS household_key, score, domains FROM scored sc
WHERE EXISTS (SELECT 1 FROM persons p WHERE p.address_key = sc.hk AND p.birth_date <= ${lit(p.adultCutoff)})
  AND EXISTS (SELECT 1 FROM persons p WHERE p.address_key = sc.hk AND p.birth_date > ${lit(p.adultCutoff)} AND p.birth_date <= ${lit(p.asOf)})`;
}

/** Runs the statement and returns its rows and its wall time in seconds. */
export async function runBestStatement(target: { sqliteFile?: string; pgUrl?: string }, p: RunParams): Promise<{ seconds: number; rows: FlagRow[] }> {
  if (target.sqliteFile) {
    const db = new SQLite(target.sqliteFile, { readonly: true });
    db.pragma('cache_size = -200000');
    db.pragma('temp_store = MEMORY');
    try {
      const started = performance.now();
      const rows = db.prepare(sqliteStatement(p)).all() as FlagRow[];
      return { seconds: (performance.now() - started) / 1000, rows };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.pgUrl });
  await client.connect();
  try {
    const started = performance.now();
    const { rows } = await client.query<FlagRow>(postgresStatement(p));
    return { seconds: (performance.now() - started) / 1000, rows: rows.map((r) => ({ ...r, score: Number(r.score), domains: Number(r.domains) })) };
  } finally {
    await client.end();
  }
}
