import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvidence } from '../../server/src/core/evidence.ts';
import { exportFlagsCsv } from '../../server/src/services/flag-export.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

describe.each(DIALECTS)('flags and household detail (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;

  beforeAll(async () => {
    f = await createApiFixture(dialect);
    coordinator = await f.login('coordinator');
  });
  afterAll(async () => f?.close());

  it('explains a flag: composition by age, the active rules with their signals and rule-set version, trend and timeline; never a BSN', async () => {
    const flag = await f.flagOf(f.runIds[1]!, '9711AA-1-');
    const res = await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/household` });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    // registry.csv: born 1990-05-01, 2015-03-03 and 2018-07-07; the clock stands at 2026-10-09
    expect(d.composition).toEqual({
      adults: 1,
      minors: 2,
      members: [
        { age: 36, minor: false },
        { age: 11, minor: true },
        { age: 8, minor: true },
      ],
    });
    expect(d.address).toEqual({ postcode: '9711AA', huisnummer: 1, toevoeging: '' });
    expect(d.wijk).toBe('Beijum');
    const stored = await f.t.db.selectFrom('flags').select('evidence').where('id', '=', flag).executeTakeFirstOrThrow();
    expect(d.flag.rules.map((r: any) => [r.indicator, r.qualifying, r.signals.length])).toEqual(
      parseEvidence(stored.evidence).map((r) => [r.indicator, r.qualifying, r.qualifying]),
    );
    expect(d.flag).toMatchObject({ score: 7, domains: 3, flag_threshold: 6, min_domains: 3, rule_set: { name: 'Standaard', version: 1 } });
    expect(d.earlier_flags.map((e: any) => e.run_id)).toEqual([f.runIds[0]]);
    expect(d.trend.map((p: any) => [p.run_id, p.flagged])).toEqual([
      [f.runIds[0], true],
      [f.runIds[1], true],
    ]);
    expect(d.weeks_on_list).toBe(2);
    expect(d.timeline.length).toBeGreaterThanOrEqual(4);
    const hashes = await f.t.db.selectFrom('persons').select('bsn_hash').execute();
    for (const h of hashes) expect(res.body).not.toContain(h.bsn_hash);
    expect(res.body).not.toMatch(/bsn/i);
  });

  it('logs every read of a household’s detail with who, what and from where', async () => {
    const flag = await f.flagOf(f.runIds[0]!, '9713CC-5-');
    await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/household`, remoteAddress: '192.0.2.4' });
    const entry = await f.t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('event', '=', 'household_read')
      .where('object_id', '=', '9713CC-5-')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ username: 'coordinator', role: 'coordinator', object_type: 'household', outcome: 'success', ip: '192.0.2.4' });
    expect(entry.detail).toContain(`signalering ${flag}`);
    expect(entry.at).toBe(f.clock.now().toISOString());
  });

  it("exports the flags of a run as CSV (the contract's columns, then weeks, status and assignee) and logs the export", async () => {
    const res = await coordinator.request({ method: 'GET', url: `/api/runs/${f.runIds[1]}/flags.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const contract = (await exportFlagsCsv(f.t.db, f.runIds[1]!)).trim().split('\n');
    const lines = res.body.trim().split('\n');
    expect(lines.map((l) => l.split(',').slice(0, 5).join(','))).toEqual(contract);
    expect(lines[0]).toBe(`${contract[0]},weeks_on_list,triage_status,assigned_to,first_contact_due`);
    const entry = await f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'export').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ username: 'coordinator', object_type: 'export', object_id: `run:${f.runIds[1]}` });
  });

  it('filters, sorts and pages the flags of a run', async () => {
    const url = (q: string) => `/api/runs/${f.runIds[1]}/flags?${q}`;
    const get = async (q: string) => (await coordinator.request({ method: 'GET', url: url(q) })).json();
    const all = await get('sort=address&order=asc');
    expect(all.items.map((i: any) => i.household_key)).toEqual(['9711AA-1-', '9712BB-10-A', '9713CC-5-', '9713CC-6-']);
    expect((await get('kind=new')).items.map((i: any) => i.household_key)).toEqual(['9713CC-6-']);
    expect((await get('kind=persisting')).total).toBe(3);
    expect((await get('wijk=Lewenborg&sort=address')).items.map((i: any) => i.household_key)).toEqual(['9713CC-5-', '9713CC-6-']);
    expect((await get('indicator=ggz_zorg')).items.every((i: any) => i.indicators.includes('ggz_zorg'))).toBe(true);
    expect((await get('indicator=ggz_zorg')).total).toBeGreaterThan(0);
    const min = await get('min_score=7');
    expect(min.items.every((i: any) => i.score >= 7)).toBe(true);
    expect(min.total).toBeLessThan(4);
    const page2 = await get('sort=address&page_size=1&page=2');
    expect(page2).toMatchObject({ total: 4, page: 2, page_size: 1 });
    expect(page2.items.map((i: any) => i.household_key)).toEqual(['9712BB-10-A']);
    const byScore = (await get('sort=score')).items.map((i: any) => i.score);
    expect(byScore).toEqual([...byScore].sort((a, b) => b - a));
    expect((await get('status=nieuw')).total).toBe(4);
    const logged = await f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'flags_list').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(logged).toMatchObject({ username: 'coordinator', object_type: 'run', object_id: String(f.runIds[1]), outcome: 'success' });
    expect(logged.detail).toContain('"status":"nieuw"');
  });

  it('answers 404 for unknown runs and flags and 400 with the field for bad input', async () => {
    expect((await coordinator.request({ method: 'GET', url: '/api/runs/9999/flags' })).statusCode).toBe(404);
    expect((await coordinator.request({ method: 'GET', url: '/api/flags/9999/triage' })).statusCode).toBe(404);
    const bad = await coordinator.request({ method: 'GET', url: `/api/runs/${f.runIds[1]}/flags?page_size=5000` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'querystring.page_size' });
    for (const huge of ['1e309', '-1e309']) {
      const inf = await coordinator.request({ method: 'GET', url: `/api/flags/${huge}/household` });
      expect(inf.statusCode, huge).toBe(400);
    }
    const infScore = await coordinator.request({ method: 'GET', url: `/api/runs/${f.runIds[1]}/flags?min_score=1e309` });
    expect(infScore.json()).toMatchObject({ statusCode: 400, field: 'querystring.min_score' });
    const word = await coordinator.request({ method: 'GET', url: '/api/flags/abc/household' });
    expect(word.statusCode).toBe(400);
    expect(word.json().field).toBe('params.flagId');
    const extra = await coordinator.request({ method: 'POST', url: `/api/flags/1/triage/status`, payload: { status: 'in_behandeling', bsn: '123' } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().field).toBe('body.bsn');
    expect(extra.body).not.toMatch(/at .*\.ts/);
  });
});
