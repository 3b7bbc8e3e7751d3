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

  it('starts as nieuw and walks nieuw → in_behandeling → besproken → doorverwezen → afgesloten, recording who, role, when and notes', async () => {
    const flag = await f.flagOf(f.runIds[0]!, BEIJUM);
    const fresh = (await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/triage` })).json();
    expect(fresh).toMatchObject({ id: null, status: 'nieuw', next_statuses: ['in_behandeling', 'geen_actie_nodig'], events: [] });
    // The statuses offered follow the user's role, also in the household detail.
    expect((await wijkteam.request({ method: 'GET', url: `/api/flags/${flag}/triage` })).json().next_statuses).toEqual(['in_behandeling']);
    expect((await wijkteam.request({ method: 'GET', url: `/api/flags/${flag}/household` })).json().triage.next_statuses).toEqual(['in_behandeling']);
    expect((await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/household` })).json().triage.next_statuses).toEqual([
      'in_behandeling',
      'geen_actie_nodig',
    ]);
    expect((await status(coordinator, flag, 'in_behandeling', 'opgepakt')).statusCode).toBe(200);
    f.clock.advance(60_000);
    expect((await status(wijkteam, flag, 'besproken_in_zorgnetwerk')).statusCode).toBe(200);
    expect((await status(wijkteam, flag, 'doorverwezen', 'naar schuldhulp')).statusCode).toBe(200);
    const done = (await status(coordinator, flag, 'afgesloten')).json();
    expect(done.status).toBe('afgesloten');
    expect(done.next_statuses).toEqual(['in_behandeling']); // reopening, for a coordinator
    expect((await wijkteam.request({ method: 'GET', url: `/api/flags/${flag}/triage` })).json().next_statuses).toEqual([]);
    expect(done.events.map((e: any) => [e.by, e.role, e.from_status, e.to_status, e.note])).toEqual([
      ['coordinator', 'coordinator', 'nieuw', 'in_behandeling', 'opgepakt'],
      ['wijkteam', 'wijkteam', 'in_behandeling', 'besproken_in_zorgnetwerk', null],
      ['wijkteam', 'wijkteam', 'besproken_in_zorgnetwerk', 'doorverwezen', 'naar schuldhulp'],
      ['coordinator', 'coordinator', 'doorverwezen', 'afgesloten', null],
    ]);
    expect(new Date(done.events[1].at).getTime() - new Date(done.events[0].at).getTime()).toBe(60_000);
  });

  it('refuses an invalid transition with 409 and a clear message, changing nothing', async () => {
    const flag = await f.flagOf(f.runIds[1]!, '9712BB-10-A');
    const skip = await status(coordinator, flag, 'afgesloten');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().message).toBe(
      'De status kan niet van ‘Nog niet opgepakt’ naar ‘Afgesloten’. Vanuit ‘Nog niet opgepakt’ kan de status naar ‘In behandeling’ of ‘Geen actie nodig’.',
    );
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
    expect(
      await f.t.db.selectFrom('flags').select('id').where('run_id', '=', gap.runId).where('household_key', '=', BEIJUM).executeTakeFirst(),
    ).toBeUndefined();
    const flag = await f.flagOf(back.runId, BEIJUM);
    const t = (await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/triage` })).json();
    expect(t).toMatchObject({ id: null, status: 'nieuw', episode_run_id: back.runId });
  });

  it('assigns only to a wijkteam member of the flag’s wijk', async () => {
    const flag = await f.flagOf(f.runIds[1]!, '9712BB-10-A'); // Vinkhuizen
    const wrong = await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/assignment`, payload: { assigned_to: 'wijkteam2' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      field: 'body.assigned_to',
      message: 'Dit huishouden kan alleen worden toegewezen aan een actief wijkteamlid dat in wijk Vinkhuizen werkt.',
    });
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

  it('records the outcome with a concluding status, which feeds the precision per indicator', async () => {
    const flag = await f.flagOf(f.runIds[1]!, '9712BB-10-A');
    const early = await wijkteam.request({ method: 'POST', url: `/api/flags/${flag}/triage/outcome`, payload: { outcome: 'niet_terecht' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/^Een uitkomst legt u vast bij het afronden van de zaak: kies de status Doorverwezen, Geen actie nodig of Afgesloten/);
    const withStep = await status(wijkteam, flag, 'besproken_in_zorgnetwerk');
    expect(withStep.statusCode).toBe(200);
    const referred = await wijkteam.request({
      method: 'POST',
      url: `/api/flags/${flag}/triage/status`,
      payload: { status: 'doorverwezen', outcome: 'niet_terecht' },
    });
    expect(referred.statusCode).toBe(200); // doorverwezen concludes the case
    const res = await wijkteam.request({ method: 'POST', url: `/api/flags/${flag}/triage/outcome`, payload: { outcome: 'niet_terecht', note: 'al in beeld' } });
    expect(res.json()).toMatchObject({ outcome: 'niet_terecht', status: 'doorverwezen' });
    const beleid = await f.login('beleidsmaker');
    const precision = (await beleid.request({ method: 'GET', url: '/api/aggregates/precision' })).json();
    const byIndicator = Object.fromEntries(precision.map((p: any) => [p.indicator, p]));
    // The Vinkhuizen household entered the list with jeugd_politiecontact and schooluitval; one
    // outcome is counted, and published hidden like every count below 5.
    const counted = await outcomesPerIndicator(f.t.db);
    expect(counted.filter((c) => c.indicator === 'jeugd_politiecontact')).toEqual([{ indicator: 'jeugd_politiecontact', outcome: 'niet_terecht', n: 1 }]);
    expect(counted.some((c) => c.outcome === 'terecht')).toBe(false);
    expect(byIndicator.jeugd_politiecontact).toMatchObject({ terecht: '<5', niet_terecht: '<5', precision: null });
    expect(counted.some((c) => c.indicator === 'huurachterstand')).toBe(false);
  });

  const lewenborg = async (): Promise<number[]> => {
    const list = (await coordinator.request({ method: 'GET', url: `/api/runs/${f.runIds[1]}/flags?wijk=Lewenborg&sort=address` })).json();
    return list.items.map((i: any) => i.id);
  };
  const triageOf = async (flag: number) => (await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/triage` })).json();

  it('skips the zorgnetwerk meeting, and only a coordinator reopens a closed case, with a reason that withdraws the outcome', async () => {
    const [flag] = await lewenborg();
    expect((await status(wijkteam2, flag!, 'in_behandeling')).statusCode).toBe(200);
    const closed = await wijkteam2.request({
      method: 'POST',
      url: `/api/flags/${flag}/triage/status`,
      payload: { status: 'afgesloten', from: 'in_behandeling', outcome: 'terecht', note: 'hulp loopt via de huisarts' },
    });
    expect(closed.json()).toMatchObject({ status: 'afgesloten', outcome: 'terecht', next_statuses: [] });

    const byWijkteam = await status(wijkteam2, flag!, 'in_behandeling', 'toch zorgen');
    expect(byWijkteam.statusCode).toBe(403);
    expect(byWijkteam.json().message).toBe('Alleen een coördinator kan de status van ‘Afgesloten’ naar ‘In behandeling’ zetten.');
    const noReason = await status(coordinator, flag!, 'in_behandeling');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ field: 'body.note', message: 'Geef een reden op om de status van ‘Afgesloten’ naar ‘In behandeling’ te zetten.' });
    expect((await triageOf(flag!)).events).toHaveLength(2);

    const reopened = (await status(coordinator, flag!, 'in_behandeling', 'school meldt opnieuw verzuim')).json();
    expect(reopened).toMatchObject({ status: 'in_behandeling', outcome: null });
    expect(reopened.events.map((e: any) => [e.by, e.role, e.kind, e.from_status, e.to_status, e.outcome, e.note])).toEqual([
      ['wijkteam2', 'wijkteam', 'status', 'nieuw', 'in_behandeling', null, null],
      ['wijkteam2', 'wijkteam', 'status', 'in_behandeling', 'afgesloten', 'terecht', 'hulp loopt via de huisarts'],
      ['coordinator', 'coordinator', 'status', 'afgesloten', 'in_behandeling', null, 'school meldt opnieuw verzuim'],
    ]);
    const stored = await f.t.db.selectFrom('triage_events').select(['by_user', 'by_role']).where('triage_id', '=', reopened.id).orderBy('id').execute();
    expect(stored.map((e) => e.by_role)).toEqual(['wijkteam', 'wijkteam', 'coordinator']);
    const denied = await f.t.db
      .selectFrom('audit_log')
      .select('event')
      .where('username', '=', 'wijkteam2')
      .where('event', '=', 'denied:triageStatus')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(2); // the out-of-wijk try earlier and the refused reopening
  });

  it('takes "geen actie nodig" straight from the start only from a coordinator with a reason, and an outcome only with a concluding status', async () => {
    const [, flag] = await lewenborg();
    const early = await wijkteam2.request({
      method: 'POST',
      url: `/api/flags/${flag}/triage/status`,
      payload: { status: 'in_behandeling', outcome: 'terecht' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ field: 'body.outcome', message: 'Een uitkomst hoort bij een afgeronde zaak; ‘In behandeling’ is dat niet.' });
    expect((await status(wijkteam2, flag!, 'geen_actie_nodig', 'al bekend')).statusCode).toBe(403);
    expect((await status(coordinator, flag!, 'geen_actie_nodig')).statusCode).toBe(400);
    const done = await coordinator.request({
      method: 'POST',
      url: `/api/flags/${flag}/triage/status`,
      payload: { status: 'geen_actie_nodig', from: 'nieuw', note: 'al in beeld bij het sociaal team', outcome: 'niet_terecht' },
    });
    expect(done.json()).toMatchObject({ status: 'geen_actie_nodig', outcome: 'niet_terecht' });
    expect((await triageOf(flag!)).events.map((e: any) => e.kind)).toEqual(['status']);
  });

  it('assigns and unassigns from the same endpoint, keeping both in the history', async () => {
    const [flag] = await lewenborg();
    expect(
      (await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/assignment`, payload: { assigned_to: 'wijkteam2' } })).json(),
    ).toMatchObject({ assigned_to: 'wijkteam2' });
    const byWijkteam = await wijkteam2.request({ method: 'POST', url: `/api/flags/${flag}/triage/assignment`, payload: { assigned_to: null } });
    expect(byWijkteam.statusCode).toBe(403);
    const none = (
      await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/assignment`, payload: { assigned_to: null, note: 'gaat naar ander team' } })
    ).json();
    expect(none.assigned_to).toBeNull();
    expect(none.events.filter((e: any) => e.kind === 'assignment').map((e: any) => [e.by, e.role, e.assigned_to, e.note])).toEqual([
      ['coordinator', 'coordinator', 'wijkteam2', null],
      ['coordinator', 'coordinator', null, 'gaat naar ander team'],
    ]);
    expect(none.status).toBe('in_behandeling');
  });

  it('lets one of two concurrent transitions win; the other gets a Dutch 409 and the history stays consistent', async () => {
    const [flag] = await lewenborg();
    const before = await triageOf(flag!);
    expect(before.status).toBe('in_behandeling');
    const move = (to: string, by: Agent) =>
      by.request({ method: 'POST', url: `/api/flags/${flag}/triage/status`, payload: { status: to, from: 'in_behandeling' } });
    const answers = await Promise.all([move('besproken_in_zorgnetwerk', coordinator), move('afgesloten', wijkteam2)]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const winner = answers.find((a) => a.statusCode === 200)!.json();
    const loser = answers.find((a) => a.statusCode === 409)!.json();
    expect(loser.message).toBe(
      'Iemand anders heeft de opvolging van dit huishouden zojuist gewijzigd. Laad de pagina opnieuw en kijk of uw wijziging nog nodig is.',
    );
    const after = await triageOf(flag!);
    expect(after.status).toBe(winner.status);
    expect(after.events).toHaveLength(before.events.length + 1);
    const last = after.events.at(-1);
    expect([last.from_status, last.to_status]).toEqual(['in_behandeling', after.status]);
    // Every step starts where the one before ended.
    const steps = after.events.filter((e: any) => e.kind === 'status');
    for (const [i, e] of steps.entries()) expect(e.from_status).toBe(i === 0 ? 'nieuw' : steps[i - 1].to_status);

    // Without `from`, the same move twice at once: still one step in the history.
    const [, other] = await lewenborg();
    expect((await status(coordinator, other!, 'in_behandeling', 'heropend: nieuwe melding')).statusCode).toBe(200);
    const same = await Promise.all([status(coordinator, other!, 'afgesloten'), status(coordinator, other!, 'afgesloten')]);
    expect(same.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const twice = await triageOf(other!);
    expect(twice.events.filter((e: any) => e.to_status === 'afgesloten')).toHaveLength(1);
  });
});
