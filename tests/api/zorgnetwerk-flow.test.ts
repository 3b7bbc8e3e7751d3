import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnDueReviews } from '../../server/src/services/review-return.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// One household from the scoring run to its return on the worklist, on an injected clock:
// assignment, the coordinator's workload (due this week, overdue), first contact, leaving the
// list while open (it stays on the worklist), closing with a review date, and the return on
// that date, with every step in the history and the audit log. The worked example's
// 9711AA-1- (Beijum) entered the list on 2026-10-01: first contact due 2026-10-29.

const DAY = 86_400_000;
const KEY = '9711AA-1-';

describe.each(DIALECTS)('from the scoring run back to the worklist (%s)', (dialect) => {
  let f: ApiFixture;
  let flagId: number;
  const agents = new Map<string, Agent>();
  /** Signs in again after the clock moved (sessions expire). */
  const as = async (username: string) => {
    const a = await f.login(username);
    agents.set(username, a);
    return a;
  };
  const workloadOf = async (username: string) => {
    const res = await (await as('coordinator')).request({ method: 'GET', url: '/api/workload' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().find((r: { username: string }) => r.username === username);
  };
  const status = async (username: string, payload: object) =>
    (await as(username)).request({ method: 'POST', url: `/api/flags/${flagId}/triage/status`, payload });
  const offList = async (username: string) =>
    ((await (await as(username)).request({ method: 'GET', url: '/api/worklist/off-list' })).json().items as { household_key: string; triage_status: string }[]);

  beforeAll(async () => {
    f = await createApiFixture(dialect);
    flagId = await f.flagOf(f.runIds[1]!, KEY);
  });
  afterAll(async () => f?.close());

  it('takes the flag through assignment, deadline, first contact, closing with a review date and the return', async () => {
    // Assigned by the coordinator: open for wijkteam, due in three weeks.
    const assigned = await (await as('coordinator')).request({ method: 'POST', url: `/api/flags/${flagId}/triage/assignment`, payload: { assigned_to: 'wijkteam' } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ first_contact_due: '2026-10-29', assigned_to: 'wijkteam', status: 'nieuw' });
    expect(await workloadOf('wijkteam')).toEqual({ username: 'wijkteam', open: 1, due_this_week: 0, overdue: 0 });
    expect(await workloadOf('wijkteam2')).toEqual({ username: 'wijkteam2', open: 0, due_this_week: 0, overdue: 0 });

    f.clock.advance(16 * DAY); // 2026-10-25: due within the week
    expect(await workloadOf('wijkteam')).toMatchObject({ open: 1, due_this_week: 1, overdue: 0 });
    f.clock.advance(5 * DAY); // 2026-10-30: overdue
    expect(await workloadOf('wijkteam')).toMatchObject({ open: 1, due_this_week: 0, overdue: 1 });

    // First contact: no longer overdue, still open.
    expect((await status('wijkteam', { status: 'in_behandeling' })).statusCode).toBe(200);
    expect(await workloadOf('wijkteam')).toMatchObject({ open: 1, due_this_week: 0, overdue: 0 });

    // A run months later has nobody on the list: the open case stays on the worklist, the untouched ones do not.
    f.clock.advance(120 * DAY); // 2027-02-27
    await scoreAsOf(engineContext(f.t.db, f.clock), '2027-02-27');
    expect(await offList('wijkteam')).toEqual([expect.objectContaining({ household_key: KEY, triage_status: 'in_behandeling', last_on_list: '2026-10-08' })]);
    expect(await offList('wijkteam2')).toEqual([]); // not in their wijken

    // Closing with a review date: only a date after today, only when concluding.
    const past = await status('wijkteam', { status: 'afgesloten', review_on: '2027-02-27' });
    expect(past.json()).toMatchObject({ statusCode: 400, field: 'body.review_on' });
    const notFinal = await status('wijkteam', { status: 'besproken_in_zorgnetwerk', review_on: '2027-03-10' });
    expect(notFinal.json()).toMatchObject({ statusCode: 400, field: 'body.review_on' });
    const closed = await status('wijkteam', { status: 'afgesloten', review_on: '2027-03-10', outcome: 'terecht', note: 'Hulp loopt via schuldhulp.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'afgesloten', review_on: '2027-03-10' });
    expect(await offList('wijkteam')).toEqual([]);

    // The day before nothing happens; on the date the case returns with its history.
    f.clock.advance(10 * DAY); // 2027-03-09
    expect(await returnDueReviews(f.t.db, f.clock, 'Europe/Amsterdam')).toEqual({ returned: 0 });
    f.clock.advance(DAY); // 2027-03-10
    expect(await returnDueReviews(f.t.db, f.clock, 'Europe/Amsterdam')).toEqual({ returned: 1 });
    expect(await returnDueReviews(f.t.db, f.clock, 'Europe/Amsterdam')).toEqual({ returned: 0 });
    expect(await offList('wijkteam')).toEqual([expect.objectContaining({ household_key: KEY, triage_status: 'in_behandeling' })]);

    const triage = (await (await as('wijkteam')).request({ method: 'GET', url: `/api/flags/${flagId}/triage` })).json();
    expect(triage).toMatchObject({ status: 'in_behandeling', review_on: null, outcome: null, first_contact_due: '2026-10-29' });
    expect(triage.events.map((e: { kind: string; by: string; from_status: string | null; to_status: string | null; review_on: string | null }) =>
      [e.kind, e.by, e.from_status, e.to_status, e.review_on])).toEqual([
      ['assignment', 'coordinator', null, null, null],
      ['status', 'wijkteam', 'nieuw', 'in_behandeling', null],
      ['status', 'wijkteam', 'in_behandeling', 'afgesloten', '2027-03-10'],
      ['status', 'systeem', 'afgesloten', 'in_behandeling', null],
    ]);
    expect(triage.events.at(-1).note).toBe('Opnieuw bekijken op 10 maart 2027: de zaak staat weer op de werklijst.');

    // The audit log has every step by a person, and every read of the open work (the workload is counts only).
    const audit = await f.t.db.selectFrom('audit_log').select(['event', 'username', 'outcome']).where('event', 'in', ['triageAssignment', 'triageStatus', 'flags_list']).orderBy('id').execute();
    const seen = (event: string, username: string) => audit.filter((a) => a.event === event && a.username === username && a.outcome === 'success').length;
    expect(seen('triageAssignment', 'coordinator')).toBe(1);
    expect(seen('triageStatus', 'wijkteam')).toBe(2);
    expect(seen('flags_list', 'wijkteam')).toBe(3);
  });

  it('keeps the workload for the coordinator and the off-list for the care roles', async () => {
    expect((await (await as('wijkteam')).request({ method: 'GET', url: '/api/workload' })).statusCode).toBe(403);
    expect((await (await as('beleidsmaker')).request({ method: 'GET', url: '/api/worklist/off-list' })).statusCode).toBe(403);
  });
});
