import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeJobRun } from '../../shared/src/api/job-details.ts';
import { returnDueReviews } from '../../server/src/services/review-return.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';
import { giveEveryoneAnAddress, mailOf, notificationConfig, notificationScheduler } from './support/notify.ts';

// One household from the scoring run to its return on the worklist, on an injected clock:
// assignment (an e-mail to the assignee), the coordinator's workload (due this week, overdue), the
// near-deadline e-mail (through a real SMTP server on 127.0.0.1), first contact, the zorgnetwerk
// meeting (agenda, advice with a regisseur), leaving the
// list while open (it stays on the worklist), closing with a review date, and the return on
// that date, with every step in the history and the audit log. The worked example's
// 9711AA-1- (Beijum) entered the list on 2026-10-01: first contact due 2026-10-29.

const DAY = 86_400_000;
const KEY = '9711AA-1-';

describe.each(DIALECTS)('from the scoring run back to the worklist (%s)', (dialect) => {
  let f: ApiFixture;
  let smtp: TestSmtp;
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
    (await (await as(username)).request({ method: 'GET', url: '/api/worklist/off-list' })).json().items as { household_key: string; triage_status: string }[];

  const mailSubjects = () => smtp.to(mailOf('wijkteam')).map((m) => m.subject);
  const sendMail = async () => expect(await notificationScheduler(f).runNow('notifications')).toMatchObject({ status: 'ok' });

  beforeAll(async () => {
    smtp = await startTestSmtp();
    f = await createApiFixture(dialect, { notifications: notificationConfig(smtp.port) });
    await giveEveryoneAnAddress(f);
    flagId = await f.flagOf(f.runIds[1]!, KEY);
  });
  afterAll(async () => {
    await f?.close();
    await smtp?.close();
  });

  it('takes the flag through assignment, deadline, first contact, closing with a review date and the return', async () => {
    // Assigned by the coordinator: open for wijkteam, due in three weeks.
    const assigned = await (await as('coordinator')).request({
      method: 'POST',
      url: `/api/flags/${flagId}/triage/assignment`,
      payload: { assigned_to: 'wijkteam' },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ first_contact_due: '2026-10-29', assigned_to: 'wijkteam', status: 'nieuw' });
    expect(await workloadOf('wijkteam')).toEqual({ username: 'wijkteam', open: 1, due_this_week: 0, overdue: 0 });
    expect(await workloadOf('wijkteam2')).toEqual({ username: 'wijkteam2', open: 0, due_this_week: 0, overdue: 0 });
    await sendMail();
    expect(mailSubjects()).toEqual(['Vroegsignaal: nieuwe toewijzing']);

    f.clock.advance(16 * DAY); // 2026-10-25: due within the week
    expect(await workloadOf('wijkteam')).toMatchObject({ open: 1, due_this_week: 1, overdue: 0 });
    await sendMail();
    f.clock.advance(DAY); // 2026-10-26: three days before the due date, the reminder goes, once
    await sendMail();
    await sendMail();
    expect(mailSubjects()).toEqual(['Vroegsignaal: nieuwe toewijzing', 'Vroegsignaal: termijn voor eerste contact nadert']);
    expect(smtp.to(mailOf('wijkteam'))[1]!.text).not.toContain(KEY.slice(0, 6));
    f.clock.advance(4 * DAY); // 2026-10-30: overdue
    expect(await workloadOf('wijkteam')).toMatchObject({ open: 1, due_this_week: 0, overdue: 1 });

    // First contact: no longer overdue, still open. A review date belongs only to concluding a case.
    const notFinal = await status('wijkteam', { status: 'in_behandeling', review_on: '2027-03-10' });
    expect(notFinal.json()).toMatchObject({ statusCode: 400, field: 'body.review_on' });
    expect((await status('wijkteam', { status: 'in_behandeling' })).statusCode).toBe(200);
    expect(await workloadOf('wijkteam')).toMatchObject({ open: 1, due_this_week: 0, overdue: 0 });

    // The zorgnetwerk meeting: planned for Beijum, the family on its agenda, the advice with a regisseur recorded.
    const coordinator = await as('coordinator');
    const planned = await coordinator.request({ method: 'POST', url: '/api/meetings', payload: { held_on: '2026-11-02', wijken: ['Beijum'] } });
    expect(planned.statusCode, planned.body).toBe(200);
    const meetingId = planned.json().id as number;
    const unknownWijk = await coordinator.request({ method: 'POST', url: '/api/meetings', payload: { held_on: '2026-11-02', wijken: ['Atlantis'] } });
    expect(unknownWijk.json()).toMatchObject({ statusCode: 400, field: 'body.wijken' });
    const elsewhere = await coordinator.request({
      method: 'POST',
      url: `/api/meetings/${meetingId}/agenda`,
      payload: { flag_id: await f.flagOf(f.runIds[1]!, '9713CC-6-') },
    });
    expect(elsewhere.json()).toMatchObject({ statusCode: 400, field: 'body.flag_id' });
    const onAgenda = await coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda`, payload: { flag_id: flagId } });
    expect(onAgenda.statusCode, onAgenda.body).toBe(200);
    expect(onAgenda.json().items).toEqual([expect.objectContaining({ household_key: KEY, triage_status: 'in_behandeling', advice: null })]);
    const itemId = onAgenda.json().items[0].id as number;
    const record = {
      advice: 'Schuldhulp inschakelen.',
      regisseur_name: 'A. de Vries',
      regisseur_org: 'Schuldhulpverlening',
      next_step: 'Intake plannen.',
      next_step_due: '2026-11-16',
      seen_recorded_at: null,
    };
    const badOrg = await coordinator.request({
      method: 'POST',
      url: `/api/meetings/${meetingId}/items/${itemId}/record`,
      payload: { ...record, regisseur_org: 'Eigen clubje' },
    });
    expect(badOrg.json()).toMatchObject({ statusCode: 400, field: 'body.regisseur_org' });
    const recorded = await coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/items/${itemId}/record`, payload: record });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const { seen_recorded_at: _seen, ...fields } = record;
    expect(recorded.json().items[0]).toMatchObject({ ...fields, triage_status: 'besproken_in_zorgnetwerk', recorded_by: 'coordinator' });
    expect((await coordinator.request({ method: 'GET', url: '/api/meetings' })).json()).toEqual([
      expect.objectContaining({ id: meetingId, held_on: '2026-11-02', wijken: ['Beijum'], families: 1 }),
    ]);
    expect((await coordinator.request({ method: 'GET', url: `/api/meetings/${meetingId}` })).json().items[0].regisseur_name).toBe('A. de Vries');

    // A run months later has nobody on the list: the open case stays on the worklist, the untouched ones do not.
    f.clock.advance(120 * DAY); // 2027-02-27
    await scoreAsOf(engineContext(f.t.db, f.clock), '2027-02-27');
    expect(await offList('wijkteam')).toEqual([
      expect.objectContaining({ household_key: KEY, triage_status: 'besproken_in_zorgnetwerk', last_on_list: '2026-10-08' }),
    ]);
    expect(await offList('wijkteam2')).toEqual([]); // not in their wijken

    // Closing with a review date: only a date after today, only when concluding.
    const past = await status('wijkteam', { status: 'afgesloten', review_on: '2027-02-27' });
    expect(past.json()).toMatchObject({ statusCode: 400, field: 'body.review_on' });
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
    // The return is audited once, on the case (by its triage id), without household data.
    const { id: triageId } = await f.t.db.selectFrom('triage').select('id').where('household_key', '=', KEY).executeTakeFirstOrThrow();
    const returns = await f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'triage_review_returned').execute();
    expect(returns).toEqual([
      expect.objectContaining({ username: 'systeem', role: 'systeem', object_type: 'triage', object_id: String(triageId), outcome: 'success' }),
    ]);
    expect(returns[0]!.detail).toContain('2027-03-10');
    expect(returns[0]!.detail).not.toContain(KEY);
    expect(returns[0]!.detail).not.toContain('9711');
    expect(describeJobRun({ job: 'review', outcome: 'ok', counts: { returned: 1 }, error: null })).toBe('1 zaak terug op de werklijst.');
    expect(describeJobRun({ job: 'review', outcome: 'ok', counts: { returned: 3 }, error: null })).toBe('3 zaken terug op de werklijst.');
    expect(describeJobRun({ job: 'review', outcome: 'ok', counts: { returned: 0 }, error: null })).toBe('Geen zaken om terug te zetten.');

    const triage = (await (await as('wijkteam')).request({ method: 'GET', url: `/api/flags/${flagId}/triage` })).json();
    expect(triage).toMatchObject({ status: 'in_behandeling', review_on: null, outcome: null, first_contact_due: '2026-10-29' });
    expect(
      triage.events.map(
        (e: { kind: string; by: string; from_status: string | null; to_status: string | null; review_on: string | null; meeting_id: number | null }) => [
          e.kind,
          e.by,
          e.from_status,
          e.to_status,
          e.review_on,
          e.meeting_id,
        ],
      ),
    ).toEqual([
      ['assignment', 'coordinator', null, null, null, null],
      ['status', 'wijkteam', 'nieuw', 'in_behandeling', null, null],
      ['status', 'coordinator', 'in_behandeling', 'besproken_in_zorgnetwerk', null, meetingId],
      ['status', 'wijkteam', 'besproken_in_zorgnetwerk', 'afgesloten', '2027-03-10', null],
      ['status', 'systeem', 'afgesloten', 'in_behandeling', null, null],
    ]);
    expect(triage.events[2].note).toBe(
      'Zorgnetwerk 2 november 2026. Advies: Schuldhulp inschakelen. Regisseur: A. de Vries (Schuldhulpverlening). Volgende stap: Intake plannen. (vóór 16 november 2026).',
    );
    expect(triage.events.at(-1).note).toBe('Opnieuw bekijken op 10 maart 2027: de zaak staat weer op de werklijst.');

    // The audit log has every step by a person, and every read of the open work (the workload is counts only).
    const audit = await f.t.db
      .selectFrom('audit_log')
      .select(['event', 'username', 'outcome', 'detail'])
      .where('event', 'in', ['triageAssignment', 'triageStatus', 'flags_list', 'meetingCreate', 'meetingAgenda', 'meetingRecord', 'meeting_read'])
      .orderBy('id')
      .execute();
    const seen = (event: string, username: string) => audit.filter((a) => a.event === event && a.username === username && a.outcome === 'success').length;
    expect(seen('triageAssignment', 'coordinator')).toBe(1);
    expect(seen('triageStatus', 'wijkteam')).toBe(2);
    expect(seen('flags_list', 'wijkteam')).toBe(3);
    expect(seen('meetingCreate', 'coordinator')).toBe(1);
    expect(seen('meetingAgenda', 'coordinator')).toBe(1);
    expect(seen('meetingRecord', 'coordinator')).toBe(1);
    expect(seen('meeting_read', 'coordinator')).toBe(1);
    expect(audit.find((a) => a.event === 'meeting_read')?.detail).toContain(KEY);

    // The two e-mails are in the job history, and the outbox has them sent; the later run's digest waits.
    const mailRuns = await f.t.db.selectFrom('job_runs').select(['outcome', 'counts']).where('job', '=', 'notifications').execute();
    expect(mailRuns.map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(mailRuns.reduce((n, r) => n + (JSON.parse(r.counts ?? '{}').verzonden as number), 0)).toBe(2);
    expect(await f.t.db.selectFrom('notification_outbox').select(['kind', 'status']).orderBy('id').execute()).toEqual([
      { kind: 'toewijzing', status: 'sent' },
      { kind: 'termijn_nadert', status: 'sent' },
      { kind: 'weekoverzicht', status: 'pending' },
    ]);
  });

  it('keeps the workload for the coordinator and the off-list for the care roles', async () => {
    expect((await (await as('wijkteam')).request({ method: 'GET', url: '/api/workload' })).statusCode).toBe(403);
    expect((await (await as('beleidsmaker')).request({ method: 'GET', url: '/api/worklist/off-list' })).statusCode).toBe(403);
  });
});
