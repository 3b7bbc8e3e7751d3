import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, type RuleSetDefinition } from '../../shared/src/index.ts';
import { previewFlags } from '../../server/src/services/preview.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { useSignedInFixture } from './support/fixture.ts';

// Rule sets at the edges the contract and the validator allow: a window reaching before
// year 1, a count no household reaches, a threshold of 1e308 and the largest weights.
// Each previews, scores and shows without a 500, with finite, exact scores.

const withRules = (patch: Partial<RuleSetDefinition['rules'][number]>, top: Partial<RuleSetDefinition> = {}): RuleSetDefinition => ({
  ...DEFAULT_RULE_SET,
  ...top,
  rules: DEFAULT_RULE_SET.rules.map((r) => ({ ...r, ...patch })),
});

describe.each(DIALECTS)("rule sets at the contract's extremes (%s)", (dialect) => {
  const s = useSignedInFixture(dialect, 'beleidsmaker');

  const previewed = async (def: RuleSetDefinition) => {
    const created = await s.agent.request({ method: 'POST', url: '/api/rule-sets', payload: def });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const res = await s.agent.request({ method: 'POST', url: `/api/rule-sets/${id}/preview` });
    expect(res.statusCode, res.body).toBe(200);
    return (await previewFlags(s.f.t.db, s.f.clock, 'Europe/Amsterdam', id, 'test')).draft.map((f) => f.household_key).sort();
  };

  it('previews a window of 1e9 days as one covering every date, and a count of 1e9 as never reached', async () => {
    const everything = await previewed(withRules({ window_days: 1_000_000_000 }, { flag_threshold: 1 }));
    expect(everything.length).toBeGreaterThan(0);
    expect(everything).toEqual(await previewed(withRules({ window_days: 300_000 }, { flag_threshold: 1 })));
    expect(await previewed(withRules({ min_count: 1_000_000_000 }, { flag_threshold: 1 }))).toEqual([]);
    expect(await previewed(withRules({ threshold: 1e308 }, { flag_threshold: 1 }))).toEqual([]);
    // every present value reaches -1e308: only signals without a value stop counting
    const lowest = await previewed(withRules({ threshold: -1e308, window_days: 1_000_000_000 }, { flag_threshold: 1 }));
    expect(lowest.length).toBeGreaterThan(0);
    expect(await previewed(withRules({ threshold: 0, window_days: 1_000_000_000 }, { flag_threshold: 1 }))).toEqual(lowest);
  });

  it('scores the largest weights exactly and shows them in the list, the CSV and the household', async () => {
    const ctx = engineContext(s.f.t.db, s.f.clock);
    await storeRuleSet(ctx, withRules({ weight: 100_000_000, window_days: 1_000_000_000 }, { flag_threshold: 100_000_000, min_domains: null }), true);
    const { runId } = await scoreAsOf(ctx, '2026-10-08');
    const coordinator = await s.f.login('coordinator');
    const list = await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags` });
    expect(list.statusCode, list.body).toBe(200);
    const flags = list.json().items as { id: number; score: number }[];
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) expect(Number.isInteger(f.score / 100_000_000) && f.score > 0).toBe(true);
    const csv = await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toMatch(/Infinity|NaN|e\+/);
    expect(csv.body).toMatch(/,[1-9]\d{0,2}00000000,/);
    const household = await coordinator.request({ method: 'GET', url: `/api/flags/${flags[0]!.id}/household` });
    expect(household.statusCode, household.body).toBe(200);
  });
});
