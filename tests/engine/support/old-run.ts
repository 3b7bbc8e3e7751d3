// For migration tests: a published rule set and one finished scoring run, inserted with
// the columns every schema since the first migration has. `db` is `any` because the
// schema under test is an older one than the current Database type.

const AT = '2026-10-01T08:00:00.000Z';

export async function seedScoringRun(db: any, flags: number): Promise<number> {
  const { id: ruleSet } = await db
    .insertInto('rule_sets')
    .values({
      name: 'Standaard',
      version: 1,
      status: 'published',
      flag_threshold: 6,
      min_domains: null,
      definition: '{}',
      created_at: AT,
      created_by: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: run } = await db
    .insertInto('scoring_runs')
    .values({
      as_of: '2026-10-01',
      rule_set_id: ruleSet,
      previous_run_id: null,
      started_by: 'test',
      started_at: AT,
      finished_at: AT,
      duration_ms: 1,
      households: flags,
      gezinshuishoudens: flags,
      flags,
      new_flags: flags,
      persisting_flags: 0,
      dropped_flags: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return run;
}
