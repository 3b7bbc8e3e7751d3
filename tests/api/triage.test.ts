import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/src/core/clock.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { outcomesPerIndicator } from '../../server/src/repositories/aggregate-repository.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

const BEIJUM = '9711AA-1-';

describe.each(DIALECTS)('triage workflow (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;
  let wijkteam: Agent;
  let wijkteam2: Agent;

  beforeAll(async () => {
    f = await createApiFixture(dialect);
    coordinator = await f.login('coordinator');
    wijkteam = await f.login('wijkteam');
    wijkteam2 = await f.login('wijkteam2');
  });
  afterAll(async () => f?.close());

  const status = (a: Agent, flagId: number, to: string, note?: string) =>
    a.request({ method: 'POST', url: `/api/flags/${flagId}/triage/status`, payload: note ? { status: to, note } : { status: to } });

  it('starts as nieuw and walks nieuw → in_behandeling → besproken → doorverwezen → afgesloten, recording who, when and notes', async () => {
    const flag = await f.flagOf(f.runIds[0]!, BEIJUM);
    const fresh = (await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/triage` })).json();
    expect(fresh).toMatchObject({ id: null, status: 'nieuw', next_statuses: ['in_behandeling'], events: [] });
    expect((await status(coordinator, flag, 'in_behandeling', 'opgepakt')).statusCode).toBe(200);
    f.clock.advance(60_000);
    expect((await status(wijkteam, flag, 'besproken_in_zorgnetwerk')).statusCode).toBe(200);
    expect((await status(wijkteam, flag, 'doorverwezen', 'naar schuldhulp')).statusCode).toBe(200);
    const done = (await status(coordinator, flag, 'afgesloten')).json();
    expect(done.status).toBe('afgesloten');
    expect(done.next_statuses).toEqual([]);
    expect(done.events.map((e: any) => [e.by, e.from_status, e.to_status, e.note])).toEqual([
      ['coordinator', 'nieuw', 'in_behandeling', 'opgepakt'],
      ['wijkteam', 'in_behandeling', 'besproken_in_zorgnetwerk', null],
      ['wijkteam', 'besproken_in_zorgnetwerk', 'doorverwezen', 'naar schuldhulp'],
      ['coordinator', 'doorverwezen', 'afgesloten', null],
    ]);
    expect(new Date(done.events[1].at).getTime() - new Date(done.events[0].at).getTime()).toBe(60_000);
  });

  it('refuses an invalid transition with 409 and a clear message, changing nothing', async () => {
    const flag = await f.flagOf(f.runIds[1]!, '9712BB-10-A');
    const skip = await status(coordinator, flag, 'afgesloten');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().message).toMatch(/Ongeldige statuswijziging.*'nieuw'.*'afgesloten'/);
    expect((await status(coordinator, flag, 'in_behandeling')).statusCode).toBe(200);
    expect((await status(coordinator, flag, 'in_behandeling')).statusCode).toBe(409);
    const after = (await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/triage` })).json();
    expect(after.status).toBe('in_behandeling');
    expect(after.events).toHaveLength(1);
  });

  it('shares one triage between the flag where a household entered the list and its persisting flags', async () => {
    const later = await f.flagOf(f.runIds[1]!, BEIJUM);
    const t = (await coordinator.request({ method: 'GET', url: `/api/flags/${later}/triage` })).json();
    expect(t).toMatchObject({ status: 'afgesloten', episode_run_id: f.runIds[0] });
    const list = (await coordinator.request({ method: 'GET', url: `/api/runs/${f.runIds[1]}/flags?status=afgesloten` })).json();
    expect(list.items.map((i: any) => i.household_key)).toEqual([BEIJUM]);
  });

  it('opens a fresh triage when a household comes back on the list after leaving it', async () => {
    const ctx = engineContext(f.t.db, fixedClock('2027-06-09T08:00:00Z'));
    const gap = await scoreAsOf(ctx, '2027-06-01');
    const feed = [
      'source,record_id,indicator,observed_on,value,postcode,huisnummer',
      'woco,t-1,huurachterstand,2027-06-05,3,9711AA,1',
      'overlast,t-2,overlastmelding,2027-06-02,,9711AA,1',
      'overlast,t-3,overlastmelding,2027-06-03,,9711AA,1',
      'leerplicht,t-4,schoolverzuim,2027-06-04,20,9711AA,1',
    ].join('\n');
    await ingestFeed(ctx, tempFile('terug.csv', feed));
    const back = await scoreAsOf(ctx, '2027-06-08');
    expect(await f.t.db.selectFrom('flags').select('id').where('run_id', '=', gap.runId).where('household_key', '=', BEIJUM).executeTakeFirst()).toBeUndefined();
    const flag = await f.flagOf(back.runId, BEIJUM);
    const t = (await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/triage` })).json();
    expect(t).toMatchObject({ id: null, status: 'nieuw', episode_run_id: back.runId });
  });

  it('assigns only to a wijkteam member of the flag’s wijk', async () => {
    const flag = await f.flagOf(f.runIds[1]!, '9712BB-10-A'); // Vinkhuizen
    const wrong = await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/assignment`, payload: { assigned_to: 'wijkteam2' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe('body.assigned_to');
    const ok = await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/assignment`, payload: { assigned_to: 'wijkteam' } });
    expect(ok.json()).toMatchObject({ assigned_to: 'wijkteam', status: 'in_behandeling' });
    const mine = (await wijkteam.request({ method: 'GET', url: `/api/runs/${f.runIds[1]}/flags?assigned_to_me=true` })).json();
    expect(mine.items.map((i: any) => i.id)).toEqual([flag]);
    const assignees = (await coordinator.request({ method: 'GET', url: '/api/assignees' })).json();
    expect(assignees).toEqual([
      { username: 'wijkteam', wijken: ['Beijum', 'Vinkhuizen'] },
      { username: 'wijkteam2', wijken: ['Lewenborg'] },
    ]);
  });

  it('limits a wijkteam member to the flags of their wijken, without revealing others', async () => {
    const all = (await coordinator.request({ method: 'GET', url: `/api/runs/${f.runIds[1]}/flags` })).json();
    const own = (await wijkteam.request({ method: 'GET', url: `/api/runs/${f.runIds[1]}/flags` })).json();
    expect(all.total).toBe(4);
    expect(own.items.map((i: any) => i.wijk).sort()).toEqual(['Beijum', 'Vinkhuizen']);
    const asked = (await wijkteam.request({ method: 'GET', url: `/api/runs/${f.runIds[1]}/flags?wijk=Lewenborg` })).json();
    expect(asked).toMatchObject({ total: 0, items: [] });
    const runs = (await wijkteam2.request({ method: 'GET', url: '/api/runs' })).json();
    expect(runs.find((r: any) => r.id === f.runIds[1])).toMatchObject({ flags: 2, new_flags: 1, persisting_flags: 1 });

    const beijum = await f.flagOf(f.runIds[1]!, BEIJUM);
    const foreign = await wijkteam2.request({ method: 'GET', url: `/api/flags/${beijum}/household` });
    const missing = await wijkteam2.request({ method: 'GET', url: '/api/flags/999999/household' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    expect((await status(wijkteam2, beijum, 'nieuw')).statusCode).toBe(404);
    const denied = await f.t.db.selectFrom('audit_log').selectAll().where('username', '=', 'wijkteam2').where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.event).sort()).toEqual(['denied:household', 'denied:triageStatus']);
  });

  it('records the outcome, which feeds the precision per indicator', async () => {
    const flag = await f.flagOf(f.runIds[1]!, '9712BB-10-A');
    const res = await wijkteam.request({ method: 'POST', url: `/api/flags/${flag}/triage/outcome`, payload: { outcome: 'niet_terecht', note: 'al in beeld' } });
    expect(res.json()).toMatchObject({ outcome: 'niet_terecht' });
    const beleid = await f.login('beleidsmaker');
    const precision = (await beleid.request({ method: 'GET', url: '/api/aggregates/precision' })).json();
    const byIndicator = Object.fromEntries(precision.map((p: any) => [p.indicator, p]));
    // The Vinkhuizen household entered the list with jeugd_politiecontact and schooluitval; one
    // outcome is counted, and published hidden like every count below 5.
    const counted = await outcomesPerIndicator(f.t.db);
    expect(counted.filter((c) => c.indicator === 'jeugd_politiecontact')).toEqual([{ indicator: 'jeugd_politiecontact', outcome: 'niet_terecht', n: 1 }]);
    expect(byIndicator.jeugd_politiecontact).toMatchObject({ terecht: '<5', niet_terecht: '<5', precision: null });
    expect(counted.some((c) => c.indicator === 'huurachterstand')).toBe(false);
  });
});
