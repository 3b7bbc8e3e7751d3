import { describeJobRun } from '../../shared/src/api/job-details.ts';
import type { JobRunItem } from '../../shared/src/api/operations.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScore } from '../../server/src/core/score.ts';
import { countJobRuns } from '../../server/src/repositories/job-run-repository.ts';
import { deliverNotifications } from '../../server/src/services/notification-delivery.ts';
import { smtpMailer } from '../../server/src/services/mailer.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { createApiFixture, type ApiFixture } from './support/fixture.ts';
import { DASHBOARD_URL, RETRY_BASE_MS, giveEveryoneAnAddress, mailOf, notificationConfig, notificationScheduler } from './support/notify.ts';
import { draftDefinition } from './support/requests.ts';

// E-mail notifications end to end: the cause writes the outbox, the scheduler's job sends it
// to a real SMTP server on 127.0.0.1, and what arrives is read back with mailparser. The worked
// example's households: Beijum and Vinkhuizen are wijkteam's, Lewenborg wijkteam2's; both
// entered the list on 2026-10-01, first contact due 2026-10-29.

describe.each(DIALECTS)('e-mail notifications (%s)', (dialect) => {
  let smtp: TestSmtp;
  let f: ApiFixture;
  const at = (iso: string) => f.clock.advance(Date.parse(iso) - f.clock.now().getTime());
  const run = () => notificationScheduler(f).runNow('notifications');
  const subjects = (username: string) => smtp.to(mailOf(username)).map((m) => m.subject);
  const flagIn = async (wijk: string) =>
    (await f.t.db.selectFrom('flags').select('id').where('run_id', '=', f.runIds[1]!).where('wijk', '=', wijk).orderBy('id').executeTakeFirstOrThrow()).id;
  const assign = async (flagId: number, to: string) => {
    const res = await (await f.login('coordinator')).request({ method: 'POST', url: `/api/flags/${flagId}/triage/assignment`, payload: { assigned_to: to } });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    f = await createApiFixture(dialect, { notifications: notificationConfig(smtp.port) });
    await giveEveryoneAnAddress(f);
  });
  afterAll(async () => {
    await f?.close();
    await smtp?.close();
  });

  it("takes an address from the beheerder only when it is one, without ending the user's sessions", async () => {
    const wijkteam = await f.login('wijkteam');
    const admin = await f.login('beheerder');
    const id = (await admin.request({ method: 'GET', url: '/api/users' })).json().find((u: { username: string }) => u.username === 'wijkteam').id;
    const bad = await admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { email: 'geen adres' } });
    expect(bad.json()).toMatchObject({ statusCode: 400, field: 'body.email' });
    const ok = await admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { email: mailOf('wijkteam') } });
    expect(ok.json()).toMatchObject({ username: 'wijkteam', email: mailOf('wijkteam') });
    expect((await wijkteam.request({ method: 'GET', url: '/api/me/notifications' })).json().email).toBe(mailOf('wijkteam'));
  });

  it('lets each user switch kinds off, except the approval request', async () => {
    const w2 = await f.login('wijkteam2');
    const off = await w2.request({ method: 'PUT', url: '/api/me/notifications', payload: { switched_off: ['toewijzing'] } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().email).toBe(mailOf('wijkteam2'));
    expect(off.json().settings.find((s: { kind: string }) => s.kind === 'toewijzing')).toMatchObject({ enabled: false, can_switch_off: true, applies: true });
    const b2 = await f.login('beleidsmaker2');
    const refused = await b2.request({ method: 'PUT', url: '/api/me/notifications', payload: { switched_off: ['goedkeuring'] } });
    expect(refused.json()).toMatchObject({ statusCode: 400, field: 'body.switched_off' });
    const settings = (await b2.request({ method: 'GET', url: '/api/me/notifications' })).json();
    expect(settings.settings.find((s: { kind: string }) => s.kind === 'goedkeuring')).toMatchObject({ enabled: true, can_switch_off: false, applies: true });
    const coerced = await w2.request({ method: 'PUT', url: '/api/me/notifications', payload: { switched_off: 'toewijzing' } });
    expect(coerced.statusCode).toBe(400);
  });

  it('mails the assignee once per assignment, and not who switched assignments off', async () => {
    await assign(await flagIn('Beijum'), 'wijkteam');
    await assign(await flagIn('Lewenborg'), 'wijkteam2');
    const first = await run();
    expect(first).toMatchObject({ status: 'ok', counts: { verzonden: 1, overgeslagen: 0, opnieuw_proberen: 0 } });
    expect(await run()).toMatchObject({ status: 'ok', counts: { verzonden: 0 } });
    expect(subjects('wijkteam')).toEqual(['Vroegsignaal: nieuwe toewijzing']);
    expect(subjects('wijkteam2')).toEqual([]);
    const [mail] = smtp.to(mailOf('wijkteam'));
    expect(mail!.from).toBe('vroegsignaal@gemeente.test');
    expect(mail!.text).toContain('U heeft 1 nieuwe toewijzing.');
    expect(mail!.text).toContain(`${DASHBOARD_URL}/`);
    expect(mail!.html).toBe(false);
  });

  it('reminds of a near first-contact deadline once, and of a passed one once', async () => {
    at('2026-10-25T08:00:00Z'); // four days before: not yet
    await run();
    expect(subjects('wijkteam')).not.toContain('Vroegsignaal: termijn voor eerste contact nadert');
    at('2026-10-26T08:00:00Z'); // three days before
    await run();
    at('2026-10-27T08:00:00Z');
    await run();
    const near = smtp.to(mailOf('wijkteam')).filter((m) => m.subject.includes('nadert'));
    expect(near).toHaveLength(1);
    expect(near[0]!.text).toContain('Bij 1 zaak van u verstrijkt de termijn voor eerste contact binnen 3 dagen.');
    // wijkteam2 switched off assignments only: the reminder still comes.
    expect(subjects('wijkteam2')).toEqual(['Vroegsignaal: termijn voor eerste contact nadert']);

    // First contact ends the reminders for that case.
    const wijkteam2 = await f.login('wijkteam2');
    const contact = await wijkteam2.request({
      method: 'POST',
      url: `/api/flags/${await flagIn('Lewenborg')}/triage/status`,
      payload: { status: 'in_behandeling' },
    });
    expect(contact.statusCode, contact.body).toBe(200);

    at('2026-10-29T08:00:00Z'); // the due date itself is not yet past
    await run();
    expect(subjects('wijkteam').filter((s) => s.includes('verstreken'))).toEqual([]);
    at('2026-10-30T08:00:00Z');
    await run();
    at('2026-10-31T08:00:00Z');
    await run();
    expect(subjects('wijkteam').filter((s) => s.includes('verstreken'))).toEqual(['Vroegsignaal: termijn voor eerste contact verstreken']);
    expect(smtp.to(mailOf('wijkteam')).find((m) => m.subject.includes('verstreken'))!.text).toContain(
      'Bij 1 zaak van u is de termijn voor eerste contact verstreken.',
    );
    expect(subjects('wijkteam2')).toEqual(['Vroegsignaal: termijn voor eerste contact nadert']);
  });

  it('asks the other beleidsmakers for approval, whatever they switched off', async () => {
    // An older setting in the database cannot hold the approval request back either.
    await f.t.db.updateTable('users').set({ notifications_off: '["goedkeuring"]' }).where('username', '=', 'beleidsmaker2').execute();
    const b = await f.login('beleidsmaker');
    const draft = (await b.request({ method: 'POST', url: '/api/rule-sets', payload: draftDefinition('Meldingen') })).json();
    const requested = await b.request({ method: 'POST', url: `/api/rule-sets/${draft.id}/request-publication` });
    expect(requested.statusCode, requested.body).toBe(200);
    await run();
    expect(subjects('beleidsmaker2')).toEqual(['Vroegsignaal: regelset wacht op uw goedkeuring']);
    expect(subjects('beleidsmaker')).toEqual([]);
    expect(smtp.to(mailOf('beleidsmaker2'))[0]!.text).toContain('1 regelset wacht op goedkeuring door een tweede beleidsmaker.');
  });

  it('sends the coordinators a digest of counts after a scoring run, unless switched off', async () => {
    const r = await scoreAsOf(engineContext(f.t.db, f.clock), '2026-10-31');
    await run();
    const digest = smtp.to(mailOf('coordinator'));
    expect(digest.map((m) => m.subject)).toEqual(['Vroegsignaal: weekoverzicht']);
    expect(digest[0]!.text).toContain(`Signaleringen op de lijst: ${r.flags}, waarvan nieuw: ${r.newFlags}.`);
    // Beijum's case waits past its due date; Lewenborg's had first contact.
    expect(digest[0]!.text).toContain('Toegewezen zaken waarvan de termijn voor eerste contact is verstreken: 1.');
    const c = await f.login('coordinator');
    expect((await c.request({ method: 'PUT', url: '/api/me/notifications', payload: { switched_off: ['weekoverzicht'] } })).statusCode).toBe(200);
    await scoreAsOf(engineContext(f.t.db, f.clock), '2026-11-01');
    await run();
    expect(smtp.to(mailOf('coordinator'))).toHaveLength(1);
  });

  it('retries a failed delivery with back-off and shows the failure in the job history', async () => {
    // Vinkhuizen's case is past its due date as it is assigned: the assignment and the overdue reminder.
    await assign(await flagIn('Vinkhuizen'), 'wijkteam');
    smtp.refuse = true;
    const failed = await run().finally(() => {
      smtp.refuse = false;
    });
    expect(failed).toMatchObject({ status: 'failed', counts: { verzonden: 0, opnieuw_proberen: 2 } });
    const error = failed.status === 'failed' ? failed.error : '';
    expect(error).toMatch(
      /^E-mail \d+ \(toewijzing\): verzenden mislukt \(poging 1\): de mailserver weigerde het bericht \(SMTP-code 451\); nieuwe poging na /,
    );
    // Not before its back-off has passed.
    expect(await run()).toMatchObject({ status: 'ok', counts: { verzonden: 0 } });
    f.clock.advance(RETRY_BASE_MS);
    expect(await run()).toMatchObject({ status: 'ok', counts: { verzonden: 2 } });
    expect(subjects('wijkteam').filter((s) => s.includes('toewijzing'))).toHaveLength(2);
    expect(subjects('wijkteam').filter((s) => s.includes('verstreken'))).toHaveLength(2);

    const page = (await (await f.login('beheerder')).request({ method: 'GET', url: '/api/jobs?job=notifications&page_size=100' })).json();
    const jobs = page.items;
    expect(page.total).toBe(jobs.length);
    expect(jobs.filter((j: { outcome: string }) => j.outcome === 'failed')).toEqual([expect.objectContaining({ job: 'notifications', error })]);
    expect(await countJobRuns(f.t.db, 'notifications')).toBe(jobs.length);
    // The beheerder's Taken page hides runs with nothing to send, unless asked, and explains the rest in Dutch.
    const busy = (await (await f.login('beheerder')).request({ method: 'GET', url: '/api/jobs?job=notifications&page_size=100&skip_idle=true' })).json().items;
    const idle = jobs.filter((j: JobRunItem) => !busy.some((b: JobRunItem) => b.id === j.id));
    expect(idle.length).toBeGreaterThan(0);
    for (const j of idle) expect(describeJobRun(j)).toBe('Geen e-mails te versturen.');
    expect(busy.map((j: JobRunItem) => describeJobRun(j))).toContain('2 e-mails verzonden.');
    expect(busy.filter((j: JobRunItem) => j.outcome === 'failed').map((j: JobRunItem) => describeJobRun(j))).toEqual([
      `${error} 1 herinnering over een termijn klaargezet, 0 e-mails verzonden, 2 later opnieuw geprobeerd.`,
    ]);
  });

  it('gives up after the last retry', async () => {
    await (await f.login('wijkteam2')).request({ method: 'PUT', url: '/api/me/notifications', payload: { switched_off: [] } });
    await assign(await flagIn('Lewenborg'), 'wijkteam2');
    const errors: string[] = [];
    smtp.refuse = true;
    try {
      for (let attempt = 0; attempt < 4; attempt++) {
        const r = await run();
        if (r.status === 'failed') errors.push(r.error);
        f.clock.advance(RETRY_BASE_MS * 2 ** attempt);
      }
    } finally {
      smtp.refuse = false;
    }
    expect(errors).toHaveLength(4);
    expect(errors[3]).toMatch(/verzenden mislukt na 4 pogingen, opgegeven/);
    expect(await run()).toMatchObject({ status: 'ok', counts: { verzonden: 0 } });
  });

  it('sends each message once when two workers deliver at the same time', async () => {
    const before = smtp.received.length;
    const b = await f.login('beleidsmaker');
    for (const n of [1, 2, 3]) {
      const d = (await b.request({ method: 'POST', url: '/api/rule-sets', payload: draftDefinition(`Gelijktijdig ${n}`) })).json();
      await b.request({ method: 'POST', url: `/api/rule-sets/${d.id}/request-publication` });
    }
    const send = smtpMailer(f.config.notifications.smtp!, f.config.notifications.from);
    const policy = f.config.notifications;
    const [one, two] = await Promise.all([
      deliverNotifications(f.t.db, f.clock, send, policy, 'worker-1'),
      deliverNotifications(f.t.db, f.clock, send, policy, 'worker-2'),
    ]);
    expect(one.counts.verzonden + two.counts.verzonden).toBe(3);
    expect(smtp.received.length - before).toBe(3);
  });

  it('never puts household data in an e-mail', async () => {
    expect(smtp.received.length).toBeGreaterThan(8);
    const households = await f.t.db.selectFrom('households').select(['address_key', 'wijk']).execute();
    const indicators = (await f.t.db.selectFrom('signals').select('indicator').distinct().execute()).map((s) => s.indicator);
    const scores = (await f.t.db.selectFrom('flags').select('score_micro').distinct().execute()).map((s) => formatScore(s.score_micro));
    expect(households.length).toBeGreaterThan(5);
    expect(indicators.length).toBeGreaterThan(5);
    const forbidden = [
      ...households.flatMap((h) => {
        const postcode = h.address_key.slice(0, 6);
        return [h.address_key, postcode, `${postcode.slice(0, 4)} ${postcode.slice(4)}`, h.wijk];
      }),
      ...indicators,
      ...indicators.map((i) => i.replace(/_/g, ' ')),
      'score',
    ];
    for (const m of smtp.received) {
      const all = `${m.subject}\n${m.text}`.toLowerCase();
      for (const word of forbidden) expect(all, `${m.subject}: ${word}`).not.toContain(word.toLowerCase());
      for (const score of scores) expect(all, `${m.subject}: score ${score}`).not.toMatch(new RegExp(`(^|[^0-9.,])${score.replace('.', '[.,]')}($|[^0-9.,])`));
    }
  });
});
