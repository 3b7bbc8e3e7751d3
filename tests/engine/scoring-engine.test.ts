import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, type RuleSetDefinition } from '../../shared/src/index.ts';
import { parseEvidence } from '../../server/src/core/evidence.ts';
import { signalVersions } from '../../server/src/repositories/flag-list-repository.ts';
import { exportFlagsCsv, UnknownRun } from '../../server/src/services/flag-export.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { NoPublishedRuleSet, scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { useDatabase } from './support/db.ts';
import { feedFile, type Row } from './support/files.ts';
import { TOWN, importTown } from './support/fixture.ts';

const D = '2026-10-01';
const sig = (over: Row): Row => ({ source: 's', indicator: 'huiselijk_geweld', observed_on: '2026-09-01', bsn: TOWN.parentA, ...over });
const simple = (over: Partial<RuleSetDefinition> = {}): RuleSetDefinition => ({
  name: 'Test',
  flag_threshold: 4,
  min_domains: null,
  rules: [
    { indicator: 'huiselijk_geweld', domain: 'veiligheid', weight: 4, threshold: null, window_days: 365, min_count: 1 },
    { indicator: 'huurachterstand', domain: 'financien', weight: 2.5, threshold: 2, window_days: 90, min_count: 1 },
  ],
  ...over,
});

describe.each(DIALECTS)('scoring runs (%s)', (dialect) => {
  const t = useDatabase(dialect);
  const ctx = () => engineContext(t().db);

  it('refuses to score without a published rule set; a draft does not count', async () => {
    await importTown(t().db);
    await expect(scoreAsOf(ctx(), D)).rejects.toThrow(NoPublishedRuleSet);
    await storeRuleSet(ctx(), simple(), false);
    await expect(scoreAsOf(ctx(), D)).rejects.toThrow(NoPublishedRuleSet);
  });

  it('uses the newest published rule set and records which version it used', async () => {
    const db = t().db;
    await importTown(db);
    await ingestFeed(ctx(), feedFile([sig({ record_id: '1' })]));
    const v1 = await storeRuleSet(ctx(), simple(), true);
    const draft = await storeRuleSet(ctx(), simple({ flag_threshold: 1 }), false);
    expect([v1.version, draft.version]).toEqual([1, 2]);
    const run1 = await scoreAsOf(ctx(), D);
    expect(run1).toMatchObject({ flags: 1, ruleSetId: v1.id });
    const v3 = await storeRuleSet(ctx(), simple({ flag_threshold: 5 }), true);
    const run2 = await scoreAsOf(ctx(), D);
    expect(run2).toMatchObject({ flags: 0, ruleSetId: v3.id });
    const runs = await db.selectFrom('scoring_runs').select(['id', 'rule_set_id', 'as_of']).orderBy('id').execute();
    expect(runs).toEqual([
      { id: run1.runId, rule_set_id: v1.id, as_of: D },
      { id: run2.runId, rule_set_id: v3.id, as_of: D },
    ]);
    // the published versions are unchanged
    const stored = await db.selectFrom('rule_sets').select(['id', 'version', 'status', 'definition']).orderBy('id').execute();
    expect(stored.map((r) => [r.version, r.status, JSON.parse(r.definition).flag_threshold])).toEqual([
      [1, 'published', 4],
      [2, 'draft', 1],
      [3, 'published', 5],
    ]);
  });

  it('explains every flag by its active rules and their signals, also after the signals are corrected', async () => {
    const db = t().db;
    await importTown(db);
    await ingestFeed(
      ctx(),
      feedFile([
        sig({ record_id: 'v1' }),
        sig({ record_id: 'v2', bsn: TOWN.childA, observed_on: '2026-01-01' }),
        sig({ record_id: 'old', observed_on: '2025-10-01' }), // exactly 365 days: no longer counts
        sig({ record_id: 'h1', indicator: 'huurachterstand', value: '3' }),
        sig({ record_id: 'h2', indicator: 'huurachterstand', value: '1' }),
      ]),
    );
    await storeRuleSet(ctx(), simple(), true);
    const run = await scoreAsOf(ctx(), D);
    expect(await exportFlagsCsv(db, run.runId)).toBe('address_key,wijk,score,domains,indicators\n9711AA-1-,Beijum,6.5,2,huiselijk_geweld|huurachterstand\n');
    const flag = await db.selectFrom('flags').selectAll().where('run_id', '=', run.runId).executeTakeFirstOrThrow();
    const rules = parseEvidence(flag.evidence);
    const weights = await db.selectFrom('scoring_run_rules').select(['indicator', 'weight_micro']).where('run_id', '=', run.runId).execute();
    const weightOf = (i: string) => Number(weights.find((w) => w.indicator === i)!.weight_micro);
    expect(rules.map((r) => [r.indicator, r.qualifying, weightOf(r.indicator)])).toEqual([
      ['huiselijk_geweld', 2, 4_000_000],
      ['huurachterstand', 1, 2_500_000],
    ]);
    const ids = rules.flatMap((r) => r.signalIds);
    const evidence = async () =>
      (await signalVersions(db, ids))
        .map((e) => [e.record_id, e.observed_on, e.value === null ? null : Number(e.value)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const before = await evidence();
    expect(before).toEqual([
      ['h1', '2026-09-01', 3],
      ['v1', '2026-09-01', null],
      ['v2', '2026-01-01', null],
    ]);
    await ingestFeed(ctx(), feedFile([sig({ record_id: 'h1', indicator: 'huurachterstand', value: '0' })]));
    expect(await evidence()).toEqual(before);
    const corrected = await db.selectFrom('signals').select(['id', 'value']).where('record_id', '=', 'h1').executeTakeFirstOrThrow();
    expect([ids.includes(corrected.id), Number(corrected.value)]).toEqual([false, 0]);
    expect(await db.selectFrom('signal_versions').select('record_id').execute()).toEqual([{ record_id: 'h1' }]);
    expect(await exportFlagsCsv(db, run.runId)).toContain('6.5');
  });

  it('tells new flags from persisting and dropped ones between consecutive runs', async () => {
    const db = t().db;
    await importTown(db);
    await storeRuleSet(ctx(), simple(), true);
    await ingestFeed(ctx(), feedFile([sig({ record_id: 'a', observed_on: '2026-01-01' })]));
    const r1 = await scoreAsOf(ctx(), '2026-06-01');
    expect(r1).toMatchObject({ flags: 1, newFlags: 1, persisting: 0, dropped: 0 });
    await ingestFeed(ctx(), feedFile([sig({ record_id: 'b', bsn: TOWN.parentB, observed_on: '2026-05-01' })]));
    const r2 = await scoreAsOf(ctx(), '2026-07-01');
    expect(r2).toMatchObject({ flags: 2, newFlags: 1, persisting: 1, dropped: 0 });
    const r3 = await scoreAsOf(ctx(), '2027-01-01'); // 'a' is 365 days old: A drops out
    expect(r3).toMatchObject({ flags: 1, newFlags: 0, persisting: 1, dropped: 1 });
    const weeks = await db.selectFrom('flags').select(['household_key', 'is_new', 'weeks_on_list']).where('run_id', '=', r3.runId).execute();
    expect(weeks).toEqual([{ household_key: '9712BB-10-A', is_new: 0, weeks_on_list: 2 }]);
  });

  it('flag_threshold 0 flags every gezinshuishouden, also one without any signal', async () => {
    const db = t().db;
    await importTown(db);
    await storeRuleSet(ctx(), simple({ flag_threshold: 0 }), true);
    const run = await scoreAsOf(ctx(), D);
    expect(run.flags).toBe(2);
    expect(await exportFlagsCsv(db, run.runId)).toBe('address_key,wijk,score,domains,indicators\n9711AA-1-,Beijum,0,0,\n9712BB-10-A,Vinkhuizen,0,0,\n');
  });

  it('a rule of weight 0 is active and counts towards the domains', async () => {
    const db = t().db;
    await importTown(db);
    await ingestFeed(ctx(), feedFile([sig({ record_id: '1' }), sig({ record_id: '2', indicator: 'ggz_zorg' })]));
    await storeRuleSet(
      ctx(),
      {
        name: 'Nul',
        flag_threshold: 100,
        min_domains: 2,
        rules: [
          { indicator: 'huiselijk_geweld', domain: 'veiligheid', weight: 0, threshold: null, window_days: 365, min_count: 1 },
          { indicator: 'ggz_zorg', domain: 'gezondheid', weight: 0, threshold: null, window_days: 365, min_count: 1 },
        ],
      },
      true,
    );
    const run = await scoreAsOf(ctx(), D);
    expect(await exportFlagsCsv(db, run.runId)).toBe('address_key,wijk,score,domains,indicators\n9711AA-1-,Beijum,0,2,ggz_zorg|huiselijk_geweld\n');
  });

  it('exports the newest run by default and refuses an unknown run', async () => {
    const db = t().db;
    await expect(exportFlagsCsv(db)).rejects.toThrow(UnknownRun);
    await importTown(db);
    await ingestFeed(ctx(), feedFile([sig({ record_id: '1' })]));
    await storeRuleSet(ctx(), DEFAULT_RULE_SET, true);
    const r1 = await scoreAsOf(ctx(), D);
    const r2 = await scoreAsOf(ctx(), '2027-12-01');
    expect(await exportFlagsCsv(db, r1.runId)).toBe('address_key,wijk,score,domains,indicators\n');
    expect(await exportFlagsCsv(db)).toBe(await exportFlagsCsv(db, r2.runId));
    await expect(exportFlagsCsv(db, r2.runId + 100)).rejects.toThrow(UnknownRun);
  });

  it('sorts the export by address key in byte order and quotes a wijk that needs it', async () => {
    const db = t().db;
    const fam = (n: number, postcode: string, toevoeging: string, wijk: string) => [
      { bsn: String(n), birth_date: '1980-01-01', postcode, huisnummer: 1, toevoeging, wijk },
    ];
    const { validBsn } = await import('./support/bsn.ts');
    const rows = [
      ...fam(0, '9711AA', 'a', 'Noord, oost'),
      ...fam(2, '9711AA', '', 'Zuid "centrum"'),
      ...fam(4, '1000AB', 'B', 'Één'),
      ...fam(6, '9711AA', '1', 'X'),
    ].flatMap((p, i) => [
      { ...p, bsn: validBsn(200 + i) },
      { ...p, bsn: validBsn(300 + i), birth_date: '2015-01-01' },
    ]);
    await importTown(db, rows);
    await ingestFeed(
      ctx(),
      feedFile(rows.map((p, i) => ({ source: 's', record_id: String(i), indicator: 'huiselijk_geweld', observed_on: '2026-09-01', bsn: p.bsn }))),
    );
    await storeRuleSet(ctx(), simple(), true);
    const run = await scoreAsOf(ctx(), D);
    expect(await exportFlagsCsv(db, run.runId)).toBe(
      'address_key,wijk,score,domains,indicators\n' +
        '1000AB-1-B,Één,4,1,huiselijk_geweld\n' +
        '9711AA-1-,"Zuid ""centrum""",4,1,huiselijk_geweld\n' +
        '9711AA-1-1,X,4,1,huiselijk_geweld\n' +
        '9711AA-1-A,"Noord, oost",4,1,huiselijk_geweld\n',
    );
  });
});
