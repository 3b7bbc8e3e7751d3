import pg from 'pg';
import { SQLite } from './sqlite.ts';
import type { RunParams } from './best-statement.ts';
import { adultCutoff } from '../../server/src/core/dates.ts';
import { toMicro } from '../../server/src/core/score.ts';

/** One read-only query against a bench database (a SQLite file or a postgres:// URL). */
export async function query<T>(dialect: string, url: string, text: string): Promise<T[]> {
  if (dialect === 'sqlite') {
    const db = new SQLite(url, { readonly: true });
    try {
      return db.prepare(text).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The rules and thresholds a stored scoring run used, for the hand-written best statements. */
export async function runParams(dialect: string, url: string, runId: number): Promise<RunParams> {
  const [run] = await query<{ as_of: string; flag_threshold: number; min_domains: number | null }>(
    dialect,
    url,
    `SELECT s.as_of, r.flag_threshold, r.min_domains FROM scoring_runs s JOIN rule_sets r ON r.id = s.rule_set_id WHERE s.id = ${runId}`,
  );
  const rules = await query<RunParams['rules'][number]>(
    dialect,
    url,
    `SELECT indicator, domain, weight_micro, threshold, min_count, window_from, window_to FROM scoring_run_rules WHERE run_id = ${runId}`,
  );
  return {
    runId,
    asOf: run!.as_of,
    adultCutoff: adultCutoff(run!.as_of),
    thresholdMicro: toMicro(run!.flag_threshold),
    minDomains: run!.min_domains,
    rules: rules.map((r) => ({ ...r, weight_micro: Number(r.weight_micro) })),
  };
}
