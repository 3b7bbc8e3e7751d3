import type { Executor } from './types.ts';

export async function latestRunId(db: Executor): Promise<number | undefined> {
  const row = await db.selectFrom('scoring_runs').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.id;
}

export async function runExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('scoring_runs').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The flags of a run for the contract's export, in address-key byte order (sorted by the caller). */
export async function flagsForExport(db: Executor, runId: number) {
  return db.selectFrom('flags').select(['household_key', 'wijk', 'score_micro', 'domains', 'indicators']).where('run_id', '=', runId).execute();
}
