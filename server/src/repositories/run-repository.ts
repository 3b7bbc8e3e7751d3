import { excludedOn } from './exclusion-filter.ts';
import type { Executor } from './types.ts';

// Scoring runs as the API shows them.

export async function listRuns(db: Executor) {
  return db
    .selectFrom('scoring_runs as r')
    .innerJoin('rule_sets as rs', 'rs.id', 'r.rule_set_id')
    .select([
      'r.id',
      'r.as_of',
      'r.rule_set_id',
      'rs.name as rule_set_name',
      'rs.version as rule_set_version',
      'r.finished_at',
      'r.flags',
      'r.new_flags',
      'r.persisting_flags',
      'r.dropped_flags',
      'r.excluded_households',
      'r.previous_run_id',
      'r.gezinshuishoudens',
    ])
    .orderBy('r.as_of', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/** When each run started, by id: what was scored before residents arrived is not theirs. */
export async function runStartTimes(db: Executor): Promise<Map<number, string>> {
  const rows = await db.selectFrom('scoring_runs').select(['id', 'started_at']).execute();
  return new Map(rows.map((r) => [Number(r.id), r.started_at]));
}

export async function findRun(db: Executor, id: number) {
  return db.selectFrom('scoring_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function newestRun(db: Executor) {
  return db.selectFrom('scoring_runs').selectAll().orderBy('as_of', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Every run's predecessor, to walk a household's episode back to where it started. */
export async function runChain(db: Executor): Promise<Map<number, number | null>> {
  const rows = await db.selectFrom('scoring_runs').select(['id', 'previous_run_id']).execute();
  return new Map(rows.map((r) => [r.id, r.previous_run_id]));
}

/** Flags per wijk of a run (for a wijkteam member's counts). */
export async function wijkFlagCounts(db: Executor, wijken: string[]) {
  if (wijken.length === 0) return [];
  return db
    .selectFrom('flags')
    .select((eb) => ['run_id', eb.fn.countAll<number>().as('flags'), eb.fn.sum<number>('is_new').as('new_flags')])
    .where('wijk', 'in', wijken)
    .groupBy('run_id')
    .execute();
}

/**
 * Flags per run of households hidden on `on` by an active exclusion (within `wijken` when given),
 * to take out of the runs' counts as the lists leave them out. Driven by the few active exclusions.
 */
export async function hiddenFlagCounts(db: Executor, on: string, wijken?: string[]) {
  if (wijken?.length === 0) return [];
  return db
    .selectFrom('flags as f')
    .innerJoin('scoring_runs as r', 'r.id', 'f.run_id')
    .select((eb) => ['f.run_id', eb.fn.countAll<number>().as('flags'), eb.fn.sum<number>('f.is_new').as('new_flags')])
    .where((eb) => excludedOn(eb.ref('f.household_key'), on, eb.ref('r.started_at')))
    .$if(wijken !== undefined, (q) => q.where('f.wijk', 'in', wijken!))
    .groupBy('f.run_id')
    .execute();
}

/** The newest run dated within [from, to] (dates). */
export async function newestRunBetween(db: Executor, from: string, to: string) {
  return db
    .selectFrom('scoring_runs')
    .selectAll()
    .where('as_of', '>=', from)
    .where('as_of', '<=', to)
    .orderBy('as_of', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
