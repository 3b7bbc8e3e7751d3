import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSetDefinition } from '../../shared/src/index.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { fromForm, toForm } from '../../web/src/features/rule-sets/components/draft-form.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { createApiFixture, RUN_DATES, type Agent, type ApiFixture } from './support/fixture.ts';
import { ruleSetArb } from './support/rule-set-arbitrary.ts';

// Random valid rule sets (threshold null, min_domains null, decimal weights, weight 0,
// missing fields) fetched and saved again unchanged, through the API and through the
// dashboard's form, must store a deep-equal definition; published and scored, the
// unchanged copy must preview 0 entering and 0 leaving, in total and per wijk.

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

describe.each(DIALECTS)('rule sets survive the round trip (%s)', (dialect) => {
  let f: ApiFixture;
  let author: Agent;
  beforeAll(async () => {
    f = await createApiFixture(dialect);
    author = await f.login('beleidsmaker');
  });
  afterAll(async () => f?.close());

  const get = async (id: number) => (await author.request({ method: 'GET', url: `/api/rule-sets/${id}` })).json().definition as RuleSetDefinition;
  const create = async (def: unknown) => {
    const res = await author.request({ method: 'POST', url: '/api/rule-sets', payload: def as object });
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
        const put = await author.request({ method: 'PUT', url: `/api/rule-sets/${copy}`, payload: fetched });
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
    const ctx = engineContext(f.t.db, f.clock);
    await fc.assert(
      fc.asyncProperty(ruleSetArb, async (def) => {
        f.clock.advance(60_000);
        await storeRuleSet(ctx, def, true);
        const run = await scoreAsOf(ctx, RUN_DATES[1]!);
        const active = (await author.request({ method: 'GET', url: '/api/rule-sets' })).json().find((r: { active: boolean }) => r.active);
        const copy = await create(await get(active.id));
        expect(await get(copy)).toEqual(def);
        const p = (await author.request({ method: 'POST', url: `/api/rule-sets/${copy}/preview` })).json();
        expect(p.compared_run_id).toBe(run.runId);
        expect(p.totals).toMatchObject({ entering: 0, leaving: 0 });
        expect(p.totals.draft).toEqual(p.totals.current);
        for (const w of p.per_wijk) expect(w, w.wijk).toEqual({ wijk: w.wijk, current: w.current, draft: w.current, entering: 0, leaving: 0 });
      }),
      { numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
  }, 300_000);
});
