import { afterEach, describe, expect, it } from 'vitest';
import { parseEvidence } from '../../server/src/core/evidence.ts';
import { migrateTo, migrateToLatest } from '../../server/src/db/migrate.ts';
import { signalVersions } from '../../server/src/repositories/flag-list-repository.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';

// Migration 0005 turns the stored copies of contributing signals into references:
// a flag scored before it must explain itself exactly as it did, also where the
// signal was corrected in place since.

const AT = '2026-10-01T08:00:00.000Z';

// `any`: the schema of 0004, with tables the current Database type no longer has.
async function seedBeforeEvidenceByReference(db: any): Promise<number> {
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
      households: 1,
      gezinshuishoudens: 1,
      flags: 1,
      new_flags: 1,
      persisting_flags: 0,
      dropped_flags: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const signal = (id: number, recordId: string, indicator: string, observedOn: string, value: number | null) => ({
    id,
    source: 'src',
    record_id: recordId,
    indicator,
    observed_on: observedOn,
    value,
    bsn_hash: null,
    address_key: '9711AA-1-',
    household_key: '9711AA-1-',
    ingest_run_id: 1,
    updated_at: AT,
  });
  // h1 was 3 when the flag was scored and has since been corrected in place to 0.
  await db
    .insertInto('signals')
    .values([
      signal(1, 'h1', 'huurachterstand', '2026-09-01', 0),
      signal(2, 'v1', 'huiselijk_geweld', '2026-09-01', null),
      signal(3, 'v2', 'huiselijk_geweld', '2026-01-01', null),
    ])
    .execute();
  const { id: flag } = await db
    .insertInto('flags')
    .values({
      run_id: run,
      household_key: '9711AA-1-',
      wijk: 'Beijum',
      score_micro: 6_500_000,
      domains: 2,
      indicators: 'huiselijk_geweld|huurachterstand',
      is_new: 1,
      weeks_on_list: 1,
      adults: 1,
      minors: 2,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('flag_rules')
    .values([
      { flag_id: flag, indicator: 'huiselijk_geweld', domain: 'veiligheid', weight_micro: 4_000_000, qualifying: 2 },
      { flag_id: flag, indicator: 'huurachterstand', domain: 'financien', weight_micro: 2_500_000, qualifying: 1 },
    ])
    .execute();
  const copy = (signalId: number, recordId: string, indicator: string, observedOn: string, value: number | null) => ({
    flag_id: flag,
    signal_id: signalId,
    indicator,
    source: 'src',
    record_id: recordId,
    observed_on: observedOn,
    value,
  });
  await db
    .insertInto('flag_evidence')
    .values([
      copy(1, 'h1', 'huurachterstand', '2026-09-01', 3),
      copy(2, 'v1', 'huiselijk_geweld', '2026-09-01', null),
      copy(3, 'v2', 'huiselijk_geweld', '2026-01-01', null),
    ])
    .execute();
  return flag;
}

describe.each(DIALECTS)('migration to evidence by reference (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it('keeps the explanation of an earlier flag, the corrected signal as a version', async () => {
    t = await createTestDatabase(dialect, false);
    await migrateTo(t.db, '2026-11-25-0004-performance');
    const flag = await seedBeforeEvidenceByReference(t.db);

    // Every migration after 0004 runs, these two first (later ones may follow).
    expect((await migrateToLatest(t.db)).slice(0, 2)).toEqual(['2026-11-29-0005-evidence-by-reference', '2026-11-30-0006-evidence-index-ids']);
    const { evidence } = await t.db.selectFrom('flags').select('evidence').where('id', '=', flag).executeTakeFirstOrThrow();
    const rules = parseEvidence(evidence);
    expect(rules.map((r) => [r.indicator, r.qualifying, r.signalIds.length])).toEqual([
      ['huiselijk_geweld', 2, 2],
      ['huurachterstand', 1, 1],
    ]);
    const shown = await signalVersions(
      t.db,
      rules.flatMap((r) => r.signalIds),
    );
    expect(shown.map((s) => [s.record_id, s.observed_on, s.value === null ? null : Number(s.value)]).sort()).toEqual([
      ['h1', '2026-09-01', 3],
      ['v1', '2026-09-01', null],
      ['v2', '2026-01-01', null],
    ]);
    expect(await t.db.selectFrom('signal_versions').select(['record_id', 'value']).execute()).toEqual([{ record_id: 'h1', value: 3 }]);

    await migrateTo(t.db, '2026-11-25-0004-performance'); // down: the old tables back, empty
    const tables = (await t.db.introspection.getTables()).map((x) => x.name);
    expect(tables).toEqual(expect.arrayContaining(['flag_rules', 'flag_evidence']));
    expect(tables).not.toContain('signal_versions');
  });

  it('rolls a failed migration back as a whole', async () => {
    t = await createTestDatabase(dialect, false);
    await migrateTo(t.db, '2026-11-25-0004-performance');
    // A table in the way makes 0005 fail after its first statements.
    await t.db.schema.createTable('m0005_versions').addColumn('x', 'integer').execute();
    await expect(migrateToLatest(t.db)).rejects.toThrow();
    const tables = (await t.db.introspection.getTables()).map((x) => x.name);
    expect(tables).toContain('flag_evidence');
    expect(tables).not.toContain('signal_versions');
  });
});
