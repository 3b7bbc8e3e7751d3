import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from '../../server/src/server.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// The week list and the wijkteam's worklist: search by address (in a POST body), filters on
// assignee, score and weeks, sorting on status and assignee, counts per status within the
// role's wijken, page sizes and the dashboard's filtered export. The worked example's second
// run has four flags: 9711AA-1- (Beijum, score 7, 2 weeks), 9712BB-10-A (Vinkhuizen, 6, 2 weeks),
// 9713CC-5- (Lewenborg, 6, 2 weeks) and 9713CC-6- (Lewenborg, 7, new this week).

const ALL = ['9711AA-1-', '9712BB-10-A', '9713CC-5-', '9713CC-6-'];
const keys = (res: LightMyRequestResponse) => res.json().items.map((i: { household_key: string }) => i.household_key);

describe.each(DIALECTS)('worklist: search, filters, sort, counts and export (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;
  let wijkteam: Agent;
  let wijkteam2: Agent;
  let runId: number;
  const search = (a: Agent, body: object) => a.request({ method: 'POST', url: `/api/runs/${runId}/flags/search`, payload: body });
  const list = (a: Agent, qs: string) => a.request({ method: 'GET', url: `/api/runs/${runId}/flags?${qs}` });

  beforeAll(async () => {
    f = await createApiFixture(dialect);
    coordinator = await f.login('coordinator');
    wijkteam = await f.login('wijkteam');
    wijkteam2 = await f.login('wijkteam2');
    runId = f.runIds[1]!;
    // 9711AA-1- assigned to wijkteam; 9712BB-10-A taken up and closed; 9713CC-5- assigned to wijkteam2.
    const flag = (key: string) => f.flagOf(runId, key);
    const post = async (a: Agent, key: string, path: string, payload: object) => {
      const res = await a.request({ method: 'POST', url: `/api/flags/${await flag(key)}/triage/${path}`, payload });
      expect(res.statusCode, res.body).toBe(200);
    };
    await post(coordinator, '9711AA-1-', 'assignment', { assigned_to: 'wijkteam' });
    for (const status of ['in_behandeling', 'besproken_in_zorgnetwerk', 'afgesloten']) await post(coordinator, '9712BB-10-A', 'status', { status });
    await post(coordinator, '9713CC-5-', 'assignment', { assigned_to: 'wijkteam2' });
    await post(coordinator, '9713CC-5-', 'status', { status: 'in_behandeling' });
  });
  afterAll(async () => f?.close());

  it('finds a household by postcode and house number, or part of it, through a POST body', async () => {
    expect(keys(await search(coordinator, { search: '9711 AA 1', sort: 'address' }))).toEqual(['9711AA-1-']);
    expect(keys(await search(coordinator, { search: '9713cc5' }))).toEqual(['9713CC-5-']);
    expect(keys(await search(coordinator, { search: '9713', sort: 'address' }))).toEqual(['9713CC-5-', '9713CC-6-']);
    expect(keys(await search(coordinator, { search: '9712 BB 10 a' }))).toEqual(['9712BB-10-A']);
    expect(keys(await search(coordinator, { search: 'CC 6' }))).toEqual(['9713CC-6-']);
    // A house number is matched whole: 1 does not find 10.
    expect(keys(await search(coordinator, { search: '9712BB 1' }))).toEqual([]);
    // Search and filters together; no search at all is the plain list.
    expect(keys(await search(coordinator, { search: '9713', kind: 'new' }))).toEqual(['9713CC-6-']);
    expect(keys(await search(coordinator, { sort: 'address' }))).toEqual(ALL);
    // Within the wijken of the role: wijkteam (Beijum, Vinkhuizen) does not find Lewenborg.
    const outside = await search(wijkteam, { search: '9713' });
    expect(outside.json()).toMatchObject({ items: [], total: 0 });
    expect(keys(await search(wijkteam2, { search: '9713', sort: 'address' }))).toEqual(['9713CC-5-', '9713CC-6-']);
  });

  it('refuses a search that cannot be an address, a search in a URL and a coerced body, in Dutch', async () => {
    const bad = await search(coordinator, { search: "9711'; drop table flags; --" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'body.search', reason: expect.stringContaining('postcode en huisnummer') });
    expect((await list(coordinator, 'search=9711')).json()).toMatchObject({ statusCode: 400, field: 'querystring.search', reason: 'is geen bekend veld' });
    expect((await search(coordinator, { page: '2' })).json()).toMatchObject({ statusCode: 400, field: 'body.page', reason: 'moet een heel getal zijn' });
    expect((await search(coordinator, { hide_closed: 'true' })).json()).toMatchObject({ statusCode: 400, field: 'body.hide_closed' });
    expect((await search(coordinator, { search: 'x'.repeat(41) })).json()).toMatchObject({ statusCode: 400, field: 'body.search' });
    expect((await search(coordinator, { search: '' })).json()).toMatchObject({ statusCode: 400, field: 'body.search' });
  });

  it('filters on assignee, nobody assigned, assigned to me, score and weeks on the list', async () => {
    expect(keys(await list(coordinator, 'assignee=wijkteam'))).toEqual(['9711AA-1-']);
    expect(keys(await list(coordinator, 'unassigned=true&sort=address'))).toEqual(['9712BB-10-A', '9713CC-6-']);
    expect(keys(await list(wijkteam2, 'assigned_to_me=true'))).toEqual(['9713CC-5-']);
    expect(keys(await list(wijkteam2, 'unassigned=true'))).toEqual(['9713CC-6-']);
    expect(keys(await list(coordinator, 'min_score=6.5&sort=address'))).toEqual(['9711AA-1-', '9713CC-6-']);
    expect(keys(await list(coordinator, 'max_score=6&sort=address'))).toEqual(['9712BB-10-A', '9713CC-5-']);
    expect(keys(await list(coordinator, 'min_score=6&max_score=6.99&wijk=Lewenborg'))).toEqual(['9713CC-5-']);
    expect(keys(await list(coordinator, 'min_weeks=2&max_weeks=2&sort=address'))).toEqual(['9711AA-1-', '9712BB-10-A', '9713CC-5-']);
    expect(keys(await list(coordinator, 'max_weeks=1'))).toEqual(['9713CC-6-']);
    expect(keys(await list(coordinator, 'hide_closed=true&sort=address'))).toEqual(['9711AA-1-', '9713CC-5-', '9713CC-6-']);
    const both = await list(coordinator, 'assignee=wijkteam&unassigned=true');
    expect(both.json()).toMatchObject({ statusCode: 400, field: 'querystring.unassigned', reason: expect.stringContaining('kan niet samen met assignee') });
    expect((await list(coordinator, 'min_score=7&max_score=6')).json()).toMatchObject({ statusCode: 400, field: 'querystring.max_score' });
    expect((await list(coordinator, 'min_weeks=0')).json()).toMatchObject({ statusCode: 400, field: 'querystring.min_weeks' });
    expect((await list(coordinator, 'min_weeks=1.5')).json()).toMatchObject({ statusCode: 400, field: 'querystring.min_weeks' });
  });

  it('sorts on status in the order of the work and on assignee, nobody last', async () => {
    const byStatus = (await list(coordinator, 'sort=status&order=asc')).json().items.map((i: any) => [i.household_key, i.triage_status]);
    // nieuw (two, highest score first), in_behandeling, afgesloten
    expect(byStatus).toEqual([
      ['9711AA-1-', 'nieuw'],
      ['9713CC-6-', 'nieuw'],
      ['9713CC-5-', 'in_behandeling'],
      ['9712BB-10-A', 'afgesloten'],
    ]);
    expect(keys(await list(coordinator, 'sort=status&order=desc'))[0]).toBe('9712BB-10-A');
    const byAssignee = (await list(coordinator, 'sort=assignee&order=asc')).json().items.map((i: any) => i.assigned_to);
    expect(byAssignee).toEqual(['wijkteam', 'wijkteam2', null, null]);
    const reversed = (await list(coordinator, 'sort=assignee&order=desc')).json().items.map((i: any) => i.assigned_to);
    expect(reversed).toEqual([null, null, 'wijkteam2', 'wijkteam']);
    expect((await list(coordinator, 'sort=toegewezen')).json()).toMatchObject({ statusCode: 400, field: 'querystring.sort' });
  });

  it('counts the flags per status under the filter, within the wijken of the role, whatever the status filter', async () => {
    const zero = { besproken_in_zorgnetwerk: 0, doorverwezen: 0, geen_actie_nodig: 0 };
    const all = (await list(coordinator, 'status=nieuw')).json();
    expect(all.total).toBe(2);
    expect(all.status_counts).toEqual({ nieuw: 2, in_behandeling: 1, afgesloten: 1, ...zero });
    expect((await list(coordinator, 'wijk=Lewenborg&hide_closed=true')).json().status_counts).toEqual({ nieuw: 1, in_behandeling: 1, afgesloten: 0, ...zero });
    expect((await list(wijkteam, '')).json().status_counts).toEqual({ nieuw: 1, in_behandeling: 0, afgesloten: 1, ...zero });
    expect((await list(wijkteam2, '')).json().status_counts).toEqual({ nieuw: 1, in_behandeling: 1, afgesloten: 0, ...zero });
    // Asking for another wijk does not widen the scope.
    expect((await list(wijkteam, 'wijk=Lewenborg')).json()).toMatchObject({ total: 0, status_counts: { nieuw: 0, in_behandeling: 0, afgesloten: 0 } });
    expect((await search(wijkteam2, { search: '9711' })).json().status_counts).toEqual({ nieuw: 0, in_behandeling: 0, afgesloten: 0, ...zero });
  });

  it('pages in the sizes the list offers and refuses more than 200', async () => {
    for (const size of [25, 50, 100, 200]) expect((await search(coordinator, { page_size: size })).json()).toMatchObject({ page_size: size, total: 4 });
    const second = await search(coordinator, { page_size: 3, page: 2, sort: 'address' });
    expect(second.json()).toMatchObject({ page: 2, page_size: 3, total: 4 });
    expect(keys(second)).toEqual(['9713CC-6-']);
    expect((await search(coordinator, { page_size: 201 })).json()).toMatchObject({ statusCode: 400, field: 'body.page_size' });
  });

  it('exports what the filter shows, with weeks, status and assignee, and logs the filter', async () => {
    const csv = await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags.csv?wijk=Lewenborg` });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')).toEqual([
      'address_key,wijk,score,domains,indicators,weeks_on_list,triage_status,assigned_to,first_contact_due',
      // The due date of the run the household entered the list in (28 days), not moved by the second run.
      '9713CC-5-,Lewenborg,6,3,ggz_zorg|opvoedzorg|zorgverzekeringsachterstand,2,in_behandeling,wijkteam2,2026-10-29',
      '9713CC-6-,Lewenborg,7,3,ggz_zorg|huurachterstand|opvoedzorg,1,nieuw,,2026-11-05',
      '',
    ]);
    const searched = await coordinator.request({ method: 'POST', url: `/api/runs/${runId}/flags/export`, payload: { search: '9711 AA', unassigned: false } });
    expect(searched.statusCode).toBe(200);
    expect(searched.body.split('\n').slice(1)).toEqual([expect.stringMatching(/^9711AA-1-,Beijum,7,3,.*,2,nieuw,wijkteam,2026-10-29$/), '']);
    const open = await coordinator.request({ method: 'POST', url: `/api/runs/${runId}/flags/export`, payload: { hide_closed: true } });
    expect(open.body.split('\n').map((l) => l.split(',')[0])).toEqual(['address_key', '9711AA-1-', '9713CC-5-', '9713CC-6-', '']);
    const entry = await f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ username: 'coordinator', object_id: `run:${runId}`, outcome: 'success' });
    expect(JSON.parse(entry.detail!.replace(/^[^{]*/, ''))).toMatchObject({ huishoudens: 3, filter: { hide_closed: true } });
    expect((await wijkteam.request({ method: 'POST', url: `/api/runs/${runId}/flags/export`, payload: {} })).statusCode).toBe(403);
    expect((await coordinator.request({ method: 'POST', url: `/api/runs/${runId}/flags/export`, payload: { page: 1 } })).json()).toMatchObject({
      field: 'body.page',
    });
    expect((await coordinator.request({ method: 'POST', url: '/api/runs/99999/flags/export', payload: {} })).statusCode).toBe(404);
  });

  it('logs each list read with the households shown and the search, as before', async () => {
    await search(wijkteam2, { search: '9713 CC 6' });
    const entry = await f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'flags_list').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ username: 'wijkteam2', object_type: 'run', object_id: String(runId), outcome: 'success' });
    expect(JSON.parse(entry.detail!)).toMatchObject({ huishoudens: ['9713CC-6-'], getoond: 1, totaal: 1, filter: { search: '9713 CC 6' } });
  });
});

/** Every line the server logs. */
function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe.each(DIALECTS)('a household in another wijk and no household at all answer the same (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture(dialect);
  });
  afterAll(async () => f?.close());

  /** Status, headers and body, without what differs per request by nature (date, rate-limit counters). */
  const shape = (res: LightMyRequestResponse) => {
    const headers = Object.fromEntries(Object.entries(res.headers).filter(([k]) => k !== 'date' && !k.startsWith('x-ratelimit')));
    return { status: res.statusCode, headers, body: res.rawPayload.toString('hex') };
  };

  it('answers a Lewenborg flag to a Beijum/Vinkhuizen wijkteam member exactly like a flag that does not exist', async () => {
    const wijkteam = await f.login('wijkteam');
    const lewenborg = await f.flagOf(f.runIds[1]!, '9713CC-5-');
    const max = await f.t.db
      .selectFrom('flags')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const missing = Number(max.id) + 1000;
    for (const path of ['household', 'triage']) {
      const other = await wijkteam.request({ method: 'GET', url: `/api/flags/${lewenborg}/${path}` });
      const none = await wijkteam.request({ method: 'GET', url: `/api/flags/${missing}/${path}` });
      expect(other.statusCode).toBe(404);
      expect(shape(other)).toEqual(shape(none));
      expect(other.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'signalering niet in uw wijken of niet gevonden' });
    }
    // The server still knows the difference: the attempt on another wijk is logged as refused.
    const denied = await f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'denied:household').executeTakeFirst();
    expect(denied).toMatchObject({ username: 'wijkteam', object_id: String(lewenborg) });
    // And the coordinator reads it.
    expect((await (await f.login('coordinator')).request({ method: 'GET', url: `/api/flags/${lewenborg}/household` })).statusCode).toBe(200);
  });
});

describe.each(DIALECTS)('search terms and filters never reach the request log (%s)', (dialect) => {
  let f: ApiFixture;
  const log = logCapture();
  beforeAll(async () => {
    f = await createApiFixture(dialect, {}, true, { logStream: log.stream, logRequests: true });
  });
  afterAll(async () => f?.close());

  it('logs each request by its path only, with the query string left out, and never a body', async () => {
    const coordinator = await f.login('coordinator');
    const runId = f.runIds[1]!;
    const before = log.lines.length;
    expect((await coordinator.request({ method: 'POST', url: `/api/runs/${runId}/flags/search`, payload: { search: '9713 CC 5' } })).statusCode).toBe(200);
    expect((await coordinator.request({ method: 'POST', url: `/api/runs/${runId}/flags/search`, payload: { search: '9713 XX !' } })).statusCode).toBe(400);
    expect((await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags?wijk=Lewenborg&assignee=wijkteam2` })).statusCode).toBe(200);
    expect((await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags.csv?wijk=Lewenborg` })).statusCode).toBe(200);
    expect((await coordinator.request({ method: 'GET', url: '/api/bestaat-niet?zoek=9713CC5' })).statusCode).toBe(404);
    const lines = log.lines.slice(before);
    const logged = lines.map((l) => JSON.parse(l));
    // Request logging is on: every request was logged, by its path.
    const urls = logged.filter((l) => l.msg === 'incoming request').map((l) => l.req.url);
    expect(urls).toEqual([
      `/api/runs/${runId}/flags/search`,
      `/api/runs/${runId}/flags/search`,
      `/api/runs/${runId}/flags?[weggelaten]`,
      `/api/runs/${runId}/flags.csv?[weggelaten]`,
      '/api/bestaat-niet?[weggelaten]',
    ]);
    expect(logged.filter((l) => l.msg === 'request completed')).toHaveLength(5);
    const text = lines.join('\n');
    for (const secret of ['9713', 'Lewenborg', 'wijkteam2', 'zoek=', '"search"']) expect(text).not.toContain(secret);
  });
});
