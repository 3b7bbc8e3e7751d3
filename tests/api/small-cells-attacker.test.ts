import { ENDPOINTS } from '../../shared/src/api/endpoints.ts';
import { DEFAULT_RULE_SET } from '../../shared/src/contract.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { publishCount } from '../../server/src/core/suppression.ts';
import { buildModel, trueValues, type Collected } from './support/attacker-model.ts';
import { Disclosure, exactReading, roundedReading, type HiddenCell, type Reading } from './support/disclosure.ts';
import { createApiFixture, type ApiFixture } from './support/fixture.ts';
import { CITY_RUN_DATES, attackerDrafts, smallCellsCity } from './support/small-cells-city.ts';

// The attacker: a beleidsmaker who collects every number the API shows them for a
// city with many small cells, designs drafts that isolate small groups and
// previews them, then solves for every hidden cell the least and greatest value
// consistent with everything shown. No hidden cell may be pinned to one value.

/** GET endpoints a beleidsmaker may call that show no counts (checked below to hold no numbers but ids and versions). */
const COUNT_FREE = ['session', 'transparency', 'ruleSets', 'ruleSet', 'registerExport', 'notificationSettings'];
const MODELLED = ['aggregateWeeks', 'aggregateWijken', 'aggregateIndicators', 'aggregatePrecision'];

interface Http {
  get(url: string): Promise<any>;
  post(url: string, body?: unknown): Promise<{ status: number; body: any }>;
}

async function signIn(base: string, username: string, password: string): Promise<Http> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = (await res.json()).csrf_token as string;
  const headers = { cookie, 'x-csrf-token': csrf };
  return {
    async get(url) {
      const r = await fetch(base + url, { headers });
      expect(r.status, url).toBe(200);
      return r.json();
    },
    async post(url, body) {
      const r = await fetch(base + url, {
        method: 'POST',
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json() };
    },
  };
}

/** Numbers that are not counts: ids, versions and a rule set's parameters. */
const RULE_NUMBERS = /(^|_)(id|version|weight|threshold|window_days|min_count|min_domains)$/;

function numberFields(value: unknown, key = ''): string[] {
  if (typeof value === 'number') return [key];
  if (Array.isArray(value)) return value.flatMap((v) => numberFields(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numberFields(v, k));
  return [];
}

/** Ratios must follow from the published counts alone. */
function expectRatiosFromCounts(wk: any) {
  const num = (c: unknown) => (typeof c === 'number' ? c : null);
  const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
  const [tf, tg] = [num(wk.total_flags), num(wk.total_gezinshuishoudens)];
  for (const w of wk.wijken) {
    const [f, g] = [num(w.flags), num(w.gezinshuishoudens)];
    expect(w.flag_rate).toBe(f !== null && g ? round((100 * f) / g, 2) : null);
    expect(w.share_of_flags).toBe(f !== null && tf ? round(f / tf, 4) : null);
    expect(w.share_of_gezinshuishoudens).toBe(g !== null && tg ? round(g / tg, 4) : null);
  }
}

/** The publication before this method: exact counts, 1–4 as "<5", 0 shown. */
const oldPublication = (n: number) => (n >= 1 && n <= 4 ? '<5' : n);
/** Rounding to tens with 0 shown as 0 (the method as first proposed). */
const roundedWithZero = (n: number) => (n === 0 ? 0 : publishCount(n));
const zeroShownReading: Reading = (p) => (p === '<5' ? { lo: 1, hi: 4, hidden: true } : roundedReading(p));

/** Hidden cells the attacker pins to a value of 1 or more (a pin to 0 names nobody). */
const disclosed = (cells: HiddenCell[]) => cells.filter((c) => c.values.length < 2 && c.values[0]! > 0).map((c) => `${c.labels[0]} = ${c.values[0]}`);

describe.each(DIALECTS)('a beleidsmaker cannot recover hidden counts (%s)', (dialect) => {
  let f: ApiFixture;
  let collected: Collected;
  let truth: Record<string, number>;
  let collectedMs = 0;
  beforeAll(async () => {
    f = await createApiFixture(dialect, {}, false);
    const ctx = engineContext(f.t.db, f.clock);
    const city = smallCellsCity();
    await importRegistry(ctx, city.registry);
    await ingestFeed(ctx, city.feed);
    await storeRuleSet(ctx, DEFAULT_RULE_SET, true);
    for (const d of CITY_RUN_DATES) await scoreAsOf(ctx, d);
    await f.app.listen({ port: 0, host: '127.0.0.1' });
    const address = f.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // outcomes for precision: the coordinator judges a few flags of the newest run
    const coordinator = await signIn(base, 'coordinator', f.passwords.get('coordinator')!);
    const run = (await coordinator.get('/api/runs'))[0].id;
    const flags = (await coordinator.get(`/api/runs/${run}/flags?sort=address&page_size=9`)).items;
    for (const [n, fl] of flags.entries()) {
      // An outcome is recorded when the case is closed.
      expect((await coordinator.post(`/api/flags/${fl.id}/triage/status`, { status: 'in_behandeling' })).status).toBe(200);
      expect((await coordinator.post(`/api/flags/${fl.id}/triage/status`, { status: 'afgesloten', outcome: n < 6 ? 'terecht' : 'niet_terecht' })).status).toBe(
        200,
      );
    }
    const started = Date.now();
    collected = await collectAsBeleidsmaker(await signIn(base, 'beleidsmaker', f.passwords.get('beleidsmaker')!));
    collectedMs = Date.now() - started;
    truth = await trueValues(f.t.db);
  });
  afterAll(async () => f?.close());

  it('leaves every hidden cell two values or more, over every count shown and 35 tailored previews', async () => {
    const started = Date.now();
    const { m } = buildModel(collected);
    expect(m.violations(truth)).toEqual([]); // the relations hold for the true counts
    const cells = await m.hiddenCells();
    const zeros = cells.filter((c) => c.values.length < 2).length;
    console.info(
      `attacker (${dialect}): ${m.hiddenCount} distinct hidden cells over ${m.size.variables} unknowns and ${m.size.relations} relations, ` +
        `${m.solves} integer programs; ${zeros} hidden cells pinned to 0, ${m.structural.length} structural zeros; ` +
        `collected over HTTP in ${collectedMs} ms, solved in ${Date.now() - started} ms`,
    );
    expect(collected.previews.length).toBeGreaterThanOrEqual(20);
    expect(m.hiddenCount).toBeGreaterThan(25); // the city has many small cells, else the test proves little
    expect(disclosed(cells)).toEqual([]);
  });

  it('would catch the publication before: the same attacker pins cells when counts are exact with 1–4 hidden', async () => {
    const old = buildModel(collected, new Disclosure(exactReading, { truth, publish: oldPublication })).m;
    expect(old.violations(truth)).toEqual([]);
    const cells = await old.hiddenCells();
    const lead = buildModel(collected, new Disclosure(zeroShownReading, { truth, publish: roundedWithZero })).m;
    const leadCells = await lead.hiddenCells();
    console.info(
      `attacker (${dialect}), old publication: ${disclosed(cells).length} of ${old.hiddenCount} hidden cells pinned, e.g. ${disclosed(cells).slice(0, 3).join('; ')}; ` +
        `rounding with 0 shown: ${disclosed(leadCells).length} pinned ${disclosed(leadCells).slice(0, 3).join('; ')}`,
    );
    expect(disclosed(cells).length).toBeGreaterThan(0);
  });
});

async function collectAsBeleidsmaker(beleid: Http): Promise<Collected> {
  const allowed = Object.entries(ENDPOINTS).filter(
    ([, e]) => e.method === 'GET' && (e.roles === 'any' || (Array.isArray(e.roles) && e.roles.includes('beleidsmaker'))),
  );
  expect(allowed.map(([name]) => name).sort()).toEqual([...COUNT_FREE, ...MODELLED].sort());
  const activeId = String((await beleid.get('/api/rule-sets'))[0].id);
  for (const name of COUNT_FREE) {
    const url = ENDPOINTS[name as keyof typeof ENDPOINTS].url.replace(':id', activeId);
    expect(
      numberFields(await beleid.get(url)).filter((k) => !RULE_NUMBERS.test(k)),
      url,
    ).toEqual([]);
  }
  const c: Collected = {
    weeks: await beleid.get('/api/aggregates/weeks'),
    wijken: new Map(),
    indicators: new Map(),
    precision: await beleid.get('/api/aggregates/precision'),
    previews: [],
  };
  expect(c.weeks).toHaveLength(CITY_RUN_DATES.length);
  for (const w of c.weeks) {
    c.wijken.set(w.run_id, await beleid.get(`/api/aggregates/wijken?run=${w.run_id}`));
    c.indicators.set(w.run_id, await beleid.get(`/api/aggregates/indicators?run=${w.run_id}`));
    expectRatiosFromCounts(c.wijken.get(w.run_id));
  }
  for (const def of attackerDrafts()) {
    const created = await beleid.post('/api/rule-sets', def);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const preview = await beleid.post(`/api/rule-sets/${created.body.id}/preview`);
    expect(preview.status).toBe(200);
    c.previews.push({ def, preview: preview.body });
  }
  return c;
}
