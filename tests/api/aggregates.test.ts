import { DEFAULT_RULE_SET } from '../../shared/src/contract.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { storeRuleSet } from '../../server/src/services/rule-sets.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

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

  it('suppresses a small wijk and the cell that would give it away by subtraction', async () => {
    const w = await get('/api/aggregates/wijken');
    expect(w.total_flags).toBe(63);
    expect(w.total_gezinshuishoudens).toBe(103);
    const by = Object.fromEntries(w.wijken.map((x: any) => [x.wijk, x]));
    expect(by.Aweg).toMatchObject({ flags: '<5', gezinshuishoudens: '<5', flag_rate: null, over_representation: null });
    expect(by.Bdorp).toMatchObject({ flags: 'x', gezinshuishoudens: 'x', flag_rate: null });
    expect(by.Centrum).toMatchObject({ flags: 40, gezinshuishoudens: 80, flag_rate: 50 });
    // total − shown cells leaves 23, which Aweg (1..4) and Bdorp (5+) share in many ways
    expect(w.total_flags - by.Centrum.flags).toBe(23);
    expect(by.Centrum.share_of_flags).toBeCloseTo(40 / 63, 4);
    expect(by.Centrum.share_of_gezinshuishoudens).toBeCloseTo(80 / 103, 4);
    expect(by.Centrum.over_representation).toBeCloseTo(40 / 63 / (80 / 103), 2);
    expect(JSON.stringify(w)).not.toMatch(/9999ZZ/);
  });

  it('counts flags per week, per indicator and per domain', async () => {
    const weeks = await get('/api/aggregates/weeks');
    expect(weeks).toEqual([{ run_id: expect.any(Number), as_of: '2026-10-01', rule_set_version: 1, flags: 63, new_flags: 63, persisting_flags: 0, dropped_flags: 0 }]);
    expect(await get('/api/aggregates/weeks?from=2026-10-02')).toEqual([]);
    const ind = await get('/api/aggregates/indicators');
    const by = Object.fromEntries(ind.indicators.map((x: any) => [x.indicator, x.flags]));
    expect(by).toMatchObject({ huurachterstand: 63, overlastmelding: 63, schoolverzuim: 63, ggz_zorg: 0 });
    expect(ind.domains.find((d: any) => d.domain === 'financien').flags).toBe(63);
  });

  it('shows precision per indicator once enough outcomes are in, suppressing small counts', async () => {
    const coordinator = await f.login('coordinator');
    const run = (await coordinator.request({ method: 'GET', url: '/api/runs' })).json()[0].id;
    const flags = (await coordinator.request({ method: 'GET', url: `/api/runs/${run}/flags?wijk=Centrum&sort=address&page_size=12` })).json().items;
    const judge = (id: number, outcome: string) => coordinator.request({ method: 'POST', url: `/api/flags/${id}/triage/outcome`, payload: { outcome } });
    for (const fl of flags.slice(0, 9)) await judge(fl.id, 'terecht');
    await judge(flags[9].id, 'niet_terecht');
    let p = Object.fromEntries((await get('/api/aggregates/precision')).map((x: any) => [x.indicator, x]));
    expect(p.huurachterstand).toMatchObject({ terecht: 'x', niet_terecht: '<5', precision: null });
    for (const fl of flags.slice(10, 12)) await judge(fl.id, 'niet_terecht');
    for (const fl of flags.slice(0, 3)) await judge(fl.id, 'niet_terecht'); // changed their mind: 6 terecht, 6 niet
    p = Object.fromEntries((await get('/api/aggregates/precision')).map((x: any) => [x.indicator, x]));
    expect(p.huurachterstand).toMatchObject({ terecht: 6, niet_terecht: 6, precision: 0.5 });
    expect(p.ggz_zorg).toMatchObject({ terecht: 0, niet_terecht: 0, precision: null });
  });
});
