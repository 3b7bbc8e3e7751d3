import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleSetDefinition } from '../../shared/src/index.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { previewFlags } from '../../server/src/services/preview.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { fromForm, toForm } from '../../web/src/features/rule-sets/components/draft-form.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { RUN_DATES, useSignedInFixture } from './support/fixture.ts';
import { ruleSetArb } from './support/rule-set-arbitrary.ts';

// Random valid rule sets (threshold null, min_domains null, decimal weights, weight 0,
// missing fields) fetched and saved again unchanged, through the API and through the
// dashboard's form, must store a deep-equal definition; published and scored, the
// unchanged copy must preview 0 entering and 0 leaving, in total and per wijk.

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

describe.each(DIALECTS)('rule sets survive the round trip (%s)', (dialect) => {
  const s = useSignedInFixture(dialect, 'beleidsmaker');

  const get = async (id: number) => (await s.agent.request({ method: 'GET', url: `/api/rule-sets/${id}` })).json().definition as RuleSetDefinition;
  const create = async (def: unknown) => {
    const res = await s.agent.request({ method: 'POST', url: '/api/rule-sets', payload: def as object });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };

  it(`stores a deep-equal definition when ${RUNS} random rule sets are fetched and saved unchanged (API and form)`, async () => {
    await fc.assert(
      fc.asyncProperty(ruleSetArb, async (def) => {
        const fetched = await get(await create(def));
        expect(fetched).toEqual(def);
        const copy = await create(fetched);
        expect(await get(copy)).toEqual(fetched);
        const put = await s.agent.request({ method: 'PUT', url: `/api/rule-sets/${copy}`, payload: fetched });
        expect(put.json().definition).toEqual(fetched);
        // The dashboard saves what its form makes of the fetched definition.
        const form = fromForm(toForm(fetched));
        expect(form).toEqual({ ok: true, definition: fetched });
        const viaForm = await create(form.ok ? form.definition : null);
        expect(await get(viaForm)).toEqual(fetched);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 300_000);

  it('previews 0 entering and 0 leaving, per wijk too, for the active set saved unchanged', async () => {
    const ctx = engineContext(s.f.t.db, s.f.clock);
    await fc.assert(
      fc.asyncProperty(ruleSetArb, async (def) => {
        s.f.clock.advance(60_000);
        await storeRuleSet(ctx, def, true);
        const run = await scoreAsOf(ctx, RUN_DATES[1]!);
        const active = (await s.agent.request({ method: 'GET', url: '/api/rule-sets' })).json().find((r: { active: boolean }) => r.active);
        const copy = await create(await get(active.id));
        expect(await get(copy)).toEqual(def);
        const p = (await s.agent.request({ method: 'POST', url: `/api/rule-sets/${copy}/preview` })).json();
        expect(p.compared_run_id).toBe(run.runId);
        // The beleidsmaker sees that the rules are the same and rounded counts (0 reads "<5");
        // the exact flags behind the preview must be the same households, per wijk.
        expect(p.same_rules).toBe(true);
        expect(p.totals.draft).toEqual(p.totals.current);
        expect(p.totals.entering).toEqual(p.totals.leaving);
        const exact = await previewFlags(s.f.t.db, s.f.clock, 'Europe/Amsterdam', copy, 'test');
        expect(exact.base?.id).toBe(run.runId);
        const perWijk = (list: { household_key: string; wijk: string }[]) =>
          Object.fromEntries(
            [...new Set(list.map((x) => x.wijk))].sort().map((w) => [
              w,
              list
                .filter((x) => x.wijk === w)
                .map((x) => x.household_key)
                .sort(),
            ]),
          );
        expect(perWijk(exact.draft)).toEqual(perWijk(exact.current));
        const changed = await create({ ...def, flag_threshold: def.flag_threshold + 1 });
        expect((await s.agent.request({ method: 'POST', url: `/api/rule-sets/${changed}/preview` })).json().same_rules).toBe(false);
      }),
      { numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
  }, 300_000);
});
