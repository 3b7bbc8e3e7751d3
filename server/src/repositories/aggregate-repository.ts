import { activeRuleOf } from './active-rules.ts';
import type { Executor } from './types.ts';

// Counts for aggregates and previews; never anything that identifies a household.

export async function wijkStats(db: Executor, runId: number) {
  return db.selectFrom('run_wijk_stats').select(['wijk', 'gezinshuishoudens', 'flags']).where('run_id', '=', runId).orderBy('wijk').execute();
}

export async function flagsPerIndicator(db: Executor, runId: number) {
  const rows = await db
    .selectFrom('flags as f')
    .innerJoin('scoring_run_rules as r', (j) => j.on(activeRuleOf(db)))
    .select((eb) => ['r.indicator', 'r.domain', eb.fn.countAll<number>().as('n')])
    .where('f.run_id', '=', runId)
    .groupBy(['r.indicator', 'r.domain'])
    .execute();
  return rows.map((r) => ({ indicator: r.indicator, domain: r.domain, n: Number(r.n) }));
}

export async function flagsPerDomain(db: Executor, runId: number) {
  const rows = await db
    .selectFrom('flags as f')
    .innerJoin('scoring_run_rules as r', (j) => j.on(activeRuleOf(db)))
    .select((eb) => ['r.domain', eb.fn.count<number>('f.id').distinct().as('n')])
    .where('f.run_id', '=', runId)
    .groupBy('r.domain')
    .execute();
  return rows.map((r) => ({ domain: r.domain, n: Number(r.n) }));
}

/** Triage outcomes per indicator active in the flag that opened the episode. */
export async function outcomesPerIndicator(db: Executor) {
  const rows = await db
    .selectFrom('triage as t')
    .innerJoin('flags as f', (j) => j.onRef('f.household_key', '=', 't.household_key').onRef('f.run_id', '=', 't.episode_run_id'))
    .innerJoin('scoring_run_rules as r', (j) => j.on(activeRuleOf(db)))
    .select((eb) => ['r.indicator', 't.outcome', eb.fn.countAll<number>().as('n')])
    .where('t.outcome', 'is not', null)
    .groupBy(['r.indicator', 't.outcome'])
    .execute();
  return rows.map((r) => ({ indicator: r.indicator, outcome: r.outcome!, n: Number(r.n) }));
}

/** What a preview compares with: the flagged households of a run. */
export async function flagKeysOfRun(db: Executor, runId: number) {
  return db.selectFrom('flags').select(['household_key', 'wijk', 'indicators']).where('run_id', '=', runId).execute();
}
