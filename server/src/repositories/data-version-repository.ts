import type { Executor } from './types.ts';

/**
 * A value that changes whenever data shown in the flag list or a household's
 * detail may have changed: a triage step, a scoring run, a delivery or registry
 * import, a finished retention run, an exclusion made or lifted. Each is committed together with (or, for
 * retention, after) the data it stands for, so a reader that sees a version has
 * also seen that data. Works across processes because it is read from the database.
 */
export async function dataVersion(db: Executor): Promise<string> {
  const r = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('triage_events')
        .select((e) => e.fn.max('id').as('v'))
        .as('triage'),
      eb
        .selectFrom('scoring_runs')
        .select((e) => e.fn.max('id').as('v'))
        .as('runs'),
      eb
        .selectFrom('ingest_runs')
        .select((e) => e.fn.max('id').as('v'))
        .as('ingests'),
      eb
        .selectFrom('job_runs')
        .select((e) => e.fn.max('id').as('v'))
        .where('job', '=', 'retention')
        .where('outcome', '!=', 'running')
        .as('retention'),
      // An exclusion made (its persons in the same transaction) or lifted changes which households
      // the lists show; so does a registry import moving its persons, counted in `ingests`.
      eb
        .selectFrom('household_exclusions')
        .select((e) => e.fn.max('id').as('v'))
        .as('exclusions'),
      eb
        .selectFrom('household_exclusions')
        .select((e) => e.fn.count('lifted_at').as('v'))
        .as('lifted'),
    ])
    .executeTakeFirstOrThrow();
  return `${r.triage}:${r.runs}:${r.ingests}:${r.retention}:${r.exclusions}:${r.lifted}`;
}
