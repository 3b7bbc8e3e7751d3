import { DEFAULT_RULE_SET } from '../../shared/src/contract.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';
import { publishCount as pub } from '../../server/src/core/suppression.ts';

// A generated city: Aweg 3 flagged families, Bdorp 20, Centrum 40 flagged and 40 not.
const CITY = [
  { wijk: 'Aweg', flagged: 3, quiet: 0 },
  { wijk: 'Bdorp', flagged: 20, quiet: 0 },
  { wijk: 'Centrum', flagged: 40, quiet: 40 },
];

function* bsns(): Generator<string> {
  for (let n = 100000000; ; n++) {
    const d = String(n).split('').map(Number);
    const sum = d.slice(0, 8).reduce((a, x, i) => a + (9 - i) * x, 0) - d[8]!;
    if (sum % 11 === 0 && sum !== 0) yield String(n);
  }
}

function cityFiles(): { registry: string; feed: string } {
  const gen = bsns();
  const registry = ['bsn,birth_date,postcode,huisnummer,wijk'];
  const feed = ['source,record_id,indicator,observed_on,value,postcode,huisnummer'];
  let house = 0;
  for (const { wijk, flagged, quiet } of CITY) {
    for (let i = 0; i < flagged + quiet; i++) {
      house += 1;
      registry.push(`${gen.next().value},1985-01-01,9999ZZ,${house},${wijk}`, `${gen.next().value},2015-01-01,9999ZZ,${house},${wijk}`);
      if (i >= flagged) continue;
      feed.push(
        `woco,h${house},huurachterstand,2026-09-01,3,9999ZZ,${house}`,
        `overlast,o${house}a,overlastmelding,2026-08-01,,9999ZZ,${house}`,
        `overlast,o${house}b,overlastmelding,2026-09-01,,9999ZZ,${house}`,
        `school,s${house},schoolverzuim,2026-09-15,20,9999ZZ,${house}`,
      );
    }
  }
  return { registry: registry.join('\n'), feed: feed.join('\n') };
}

describe.each(DIALECTS)('aggregates for beleidsmakers (%s)', (dialect) => {
  let f: ApiFixture;
  let beleid: Agent;
  beforeAll(async () => {
    f = await createApiFixture(dialect, {}, false);
    const ctx = engineContext(f.t.db, f.clock);
    const files = cityFiles();
    await importRegistry(ctx, tempFile('registry.csv', files.registry));
    await ingestFeed(ctx, tempFile('feed.csv', files.feed));
    await storeRuleSet(ctx, DEFAULT_RULE_SET, true);
    await scoreAsOf(ctx, '2026-10-01');
    beleid = await f.login('beleidsmaker');
  });
  afterAll(async () => f?.close());

  const get = async (url: string) => (await beleid.request({ method: 'GET', url })).json();

  const sum = (key: 'flagged' | 'quiet') => CITY.reduce((a, c) => a + c[key], 0);

  it('hides a small wijk and rounds the rest to tens, totals and ratios from the rounded counts', async () => {
    const w = await get('/api/aggregates/wijken');
    const [flags, gezin] = [sum('flagged'), sum('flagged') + sum('quiet')];
    expect(w.total_flags).toBe(pub(flags));
    expect(w.total_gezinshuishoudens).toBe(pub(gezin));
    const by = Object.fromEntries(w.wijken.map((x: any) => [x.wijk, x]));
    for (const c of CITY) {
      const [f, g] = [pub(c.flagged), pub(c.flagged + c.quiet)];
      expect(by[c.wijk]).toMatchObject({ flags: f, gezinshuishoudens: g });
      if (typeof f !== 'number' || typeof g !== 'number') {
        expect(by[c.wijk]).toMatchObject({ flag_rate: null, share_of_flags: null, over_representation: null });
        continue;
      }
      expect(by[c.wijk].flag_rate).toBeCloseTo((100 * f) / g, 2);
      expect(by[c.wijk].share_of_flags).toBeCloseTo(f / (w.total_flags as number), 4);
      expect(by[c.wijk].share_of_gezinshuishoudens).toBeCloseTo(g / (w.total_gezinshuishoudens as number), 4);
      expect(by[c.wijk].over_representation).toBeCloseTo(f / w.total_flags / (g / w.total_gezinshuishoudens), 2);
    }
    expect(by.Aweg.flags).toBe('<5');
    expect(JSON.stringify(w)).not.toMatch(/9999ZZ/);
  });

  it('counts flags per week, per indicator and per domain, published the same way', async () => {
    const weeks = await get('/api/aggregates/weeks');
    const flags = sum('flagged');
    expect(weeks).toEqual([
      {
        run_id: expect.any(Number),
        as_of: '2026-10-01',
        rule_set_version: 1,
        flags: pub(flags),
        new_flags: pub(flags),
        persisting_flags: '<5',
        dropped_flags: '<5',
      },
    ]);
    expect(await get('/api/aggregates/weeks?from=2026-10-02')).toEqual([]);
    const ind = await get('/api/aggregates/indicators');
    const by = Object.fromEntries(ind.indicators.map((x: any) => [x.indicator, x.flags]));
    expect(by).toMatchObject({ huurachterstand: pub(flags), overlastmelding: pub(flags), schoolverzuim: pub(flags), ggz_zorg: '<5' });
    expect(ind.domains.find((d: any) => d.domain === 'financien').flags).toBe(pub(flags));
  });

  it('shows precision per indicator from the rounded counts once neither is hidden', async () => {
    const coordinator = await f.login('coordinator');
    const run = (await coordinator.request({ method: 'GET', url: '/api/runs' })).json()[0].id;
    const flags = (await coordinator.request({ method: 'GET', url: `/api/runs/${run}/flags?wijk=Centrum&sort=address&page_size=12` })).json().items;
    // An outcome goes with closing the case; a later change of mind is recorded on the closed case.
    const post = (id: number, what: string, payload: object) => coordinator.request({ method: 'POST', url: `/api/flags/${id}/triage/${what}`, payload });
    const judge = async (id: number, outcome: string) => {
      const closed = (await post(id, 'outcome', { outcome })).statusCode === 200;
      if (closed) return;
      expect((await post(id, 'status', { status: 'in_behandeling' })).statusCode).toBe(200);
      expect((await post(id, 'status', { status: 'afgesloten', outcome })).statusCode).toBe(200);
    };
    for (const fl of flags.slice(0, 9)) await judge(fl.id, 'terecht');
    await judge(flags[9].id, 'niet_terecht');
    let p = Object.fromEntries((await get('/api/aggregates/precision')).map((x: any) => [x.indicator, x]));
    expect(p.huurachterstand).toMatchObject({ terecht: pub(9), niet_terecht: '<5', precision: null });
    for (const fl of flags.slice(10, 12)) await judge(fl.id, 'niet_terecht');
    for (const fl of flags.slice(0, 3)) await judge(fl.id, 'niet_terecht'); // changed their mind: 6 terecht, 6 niet
    p = Object.fromEntries((await get('/api/aggregates/precision')).map((x: any) => [x.indicator, x]));
    expect(p.huurachterstand).toMatchObject({ terecht: pub(6), niet_terecht: pub(6), precision: 0.5 });
    expect(p.ggz_zorg).toMatchObject({ terecht: '<5', niet_terecht: '<5', precision: null });
  });
});
