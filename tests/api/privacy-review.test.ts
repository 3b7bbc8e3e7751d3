import pdf from 'pdf-parse/lib/pdf-parse.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/src/core/clock.ts';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { addDays } from '../../server/src/core/dates.ts';
import { assembleLetter } from '../../server/src/services/access-letter.ts';
import { dutchDate } from '../../server/src/services/access-requests.ts';
import { applyRetention } from '../../server/src/services/retention.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, TEST_BSN_KEY } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// The review of residents' rights: a closed request takes no new exclusion but still lets
// one be lifted, exclusions of a household never overlap or start far ahead, an overdue
// request cannot be extended, and a reason of invisible characters is no reason.

const HOUSEHOLD = '9711AA-1-';
const PARENT_BSN = '908301662';
const INVISIBLE = '\u200B\u200B\u200B\u200B';
const text = async (buffer: Buffer) => (await pdf(buffer)).text.replace(/\s+/g, ' ');
const RETENTION = { retentionDays: 730, auditRetentionDays: 1826 };

describe.each(DIALECTS)('residents’ rights after review (%s)', (dialect) => {
  let f: ApiFixture;
  let privacy: Agent;
  const fileRequest = async (received_on = '2026-10-02') => {
    const res = await privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn: PARENT_BSN, received_on } });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  const exclude = (id: number, from: string, to: string, reason = 'Bezwaar toegekend') =>
    privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/exclusions`, payload: { ground: 'bezwaar', reason, from, to } });
  const lift = (id: number, exclusionId: number) => privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/exclusions/${exclusionId}/lift` });
  const active = async () =>
    f.t.db
      .selectFrom('household_exclusions')
      .select(['id', 'from_date', 'to_date'])
      .where('household_key', '=', HOUSEHOLD)
      .where('lifted_at', 'is', null)
      .execute();

  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY });
    privacy = await f.login('privacy');
  });
  afterAll(async () => f?.close());

  it('a closed request refuses a new exclusion with a Dutch 409, but an exclusion can still be lifted through it', async () => {
    const id = await fileRequest();
    const made = await exclude(id, '2026-10-09', '2026-10-20');
    expect(made.statusCode).toBe(200);
    const exclusionId = made.json().exclusions.at(-1).id as number;
    expect((await privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/close` })).statusCode).toBe(200);
    const refused = await exclude(id, '2026-10-25', '2026-11-20');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('afgehandeld en kan niet meer worden gewijzigd');
    const lifted = await lift(id, exclusionId);
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json().exclusions.find((x: any) => x.id === exclusionId).lifted).toBe(true);
    expect(await active()).toEqual([]);
  });

  it('refuses an exclusion overlapping an active one (naming its period) or starting more than three months ahead; stores one of two identical requests at once', async () => {
    const id = await fileRequest();
    const first = await exclude(id, '2026-10-09', '2027-10-09');
    expect(first.statusCode).toBe(200);
    // A second one inside the first and running on would stretch the exclusion past a year.
    const chained = await exclude(id, '2027-01-09', '2027-12-01');
    expect(chained.statusCode).toBe(409);
    expect(chained.json().message).toContain('al uitgesloten van 9 oktober 2026 tot en met 9 oktober 2027');
    const inside = await exclude(id, '2026-11-01', '2026-11-02');
    expect(inside.statusCode).toBe(409);
    expect(await active()).toHaveLength(1);
    // Chaining on the first one's end day is stopped by the start limit.
    expect((await exclude(id, '2027-10-09', '2027-12-01')).json()).toMatchObject({ field: 'body.from' });
    const far = await exclude(id, '2027-01-10', '2027-02-01');
    expect(far.statusCode).toBe(400);
    expect(far.json()).toMatchObject({ field: 'body.from' });
    expect(far.json().reason).toContain('uiterlijk drie maanden na vandaag, op 2027-01-09');
    // Once the first is lifted, a new period may be set.
    expect((await lift(id, first.json().exclusions.at(-1).id)).statusCode).toBe(200);
    expect((await exclude(id, '2027-01-09', '2027-02-01')).statusCode).toBe(200);
    for (const x of await active()) await lift(id, x.id);

    const [a, b] = await Promise.all([exclude(id, '2026-10-12', '2026-10-30'), exclude(id, '2026-10-12', '2026-10-30')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const stored = await active();
    expect(stored).toEqual([expect.objectContaining({ from_date: '2026-10-12', to_date: '2026-10-30' })]);
    await lift(id, stored[0]!.id);
  });

  it('extends a request only while its first month runs: on the deadline day yes, after it a Dutch 409', async () => {
    const extend = (id: number) => privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/extend`, payload: { reason: 'Veel bronnen' } });
    const overdue = await fileRequest('2026-09-08'); // deadline 8 October, today is 9 October
    const late = await extend(overdue);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('op 8 oktober 2026 verstreken');
    const detail = (await privacy.request({ method: 'GET', url: `/api/privacy/requests/${overdue}` })).json();
    expect(detail.request).toMatchObject({ deadline: '2026-10-08', extension_reason: null });
    const lastDay = await fileRequest('2026-09-09'); // deadline today
    const inTime = await extend(lastDay);
    expect(inTime.statusCode).toBe(200);
    expect(inTime.json()).toMatchObject({ deadline: '2026-12-09' });
  });

  it('refuses a reason or ground of invisible characters only, for marks, withheld notes, exclusions and extensions', async () => {
    const id = await fileRequest();
    const reasons = [INVISIBLE, ' \u200B\u2060\uFEFF ', '\u00AD\u00AD\u00AD'];
    const beheerder = await f.login('beheerder');
    for (const reason of reasons) {
      const attempts = [
        beheerder.request({ method: 'POST', url: '/api/privacy/marks', payload: { source: 'woco-noord', record_id: 'h-1', reason } }),
        privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/withheld`, payload: { triage_event_id: 1, ground: reason } }),
        exclude(id, '2026-10-12', '2026-10-20', reason),
        privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/extend`, payload: { reason } }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.statusCode).toBe(400);
        expect(res.json().field).toMatch(/reason|ground/);
      }
    }
    expect(await active()).toEqual([]);
    expect(await f.t.db.selectFrom('signal_marks').select('id').execute()).toEqual([]);
    // A real reason with a zero-width space in it is fine.
    expect((await privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/extend`, payload: { reason: `Veel\u200B bronnen` } })).statusCode).toBe(
      200,
    );
  });

  it('a wrong house number in an address request is named as such, not as a missing BSN', async () => {
    const res = await privacy.request({
      method: 'POST',
      url: '/api/privacy/requests',
      payload: { postcode: '9711 AA', huisnummer: 0, received_on: '2026-10-02' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'body.huisnummer', reason: 'moet 1 of meer zijn' });
    const bsn = await privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn: '12345', received_on: '2026-10-02' } });
    expect(bsn.json()).toMatchObject({ field: 'body.bsn' });
  });

  it('names list views that showed the household (week list, search, CSV export, zorgnetwerk agenda) by role and team, and no list that did not', async () => {
    const id = await fileRequest();
    const letter = async () => text((await privacy.request({ method: 'GET', url: `/api/privacy/requests/${id}/letter` })).rawPayload);
    const coordinator = await f.login('coordinator');
    const wijkteam = await f.login('wijkteam'); // wijken Beijum and Vinkhuizen; never opens the family page here
    const run = f.runIds[1]!;
    // A search that does not find the household is no view of it.
    const other = await coordinator.request({ method: 'POST', url: `/api/runs/${run}/flags/search`, payload: { search: '1000ZZ' } });
    expect(other.statusCode).toBe(200);
    expect(await letter()).not.toContain('Bekeken in een lijst');

    const list = await wijkteam.request({ method: 'GET', url: `/api/runs/${run}/flags?page_size=200` });
    expect(list.json().items.map((i: any) => i.household_key)).toContain(HOUSEHOLD);
    const afterList = await letter();
    expect(afterList).toContain('Bekeken in een lijst');
    expect(afterList).toContain('Een medewerker van wijkteam Beijum en Vinkhuizen');

    expect((await coordinator.request({ method: 'GET', url: `/api/runs/${run}/flags.csv` })).body).toContain(HOUSEHOLD);
    const flag = await f.flagOf(run, HOUSEHOLD);
    const { wijk } = await f.t.db.selectFrom('flags').select('wijk').where('id', '=', flag).executeTakeFirstOrThrow();
    const meeting = (await coordinator.request({ method: 'POST', url: '/api/meetings', payload: { held_on: '2026-10-20', wijken: [wijk] } })).json();
    expect((await coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda`, payload: { flag_id: flag } })).statusCode).toBe(200);
    const full = await letter();
    expect(full).toContain('Bekeken in een lijst: opgeslagen als bestand');
    expect(full).toContain('Bekeken in een lijst: de agenda van het zorgnetwerk');
    expect(full).not.toMatch(/\bcoordinator\b|wijkteam1|undefined/);
    const ctx = { db: f.t.db, clock: f.clock, pseudonymize: createPseudonymizer(TEST_BSN_KEY), timeZone: 'Europe/Amsterdam' };
    const views = (await assembleLetter(ctx, id, RETENTION)).sections.find((x) => x.heading === 'Wie uw gegevens heeft bekeken')!;
    const listRows = views.table!.rows.filter((r) => r[2]!.startsWith('Bekeken in een lijst'));
    // One week list, one CSV export, one agenda change: the empty search is not there.
    expect(listRows.map((r) => r[2]).sort()).toEqual([
      'Bekeken in een lijst',
      'Bekeken in een lijst: de agenda van het zorgnetwerk',
      'Bekeken in een lijst: opgeslagen als bestand',
    ]);
  });

  it('states retention as the retention job applies it: a signal kept through its stated day and deleted the day after; flags and triage without an invented period; values with their unit', async () => {
    const id = await fileRequest();
    const coordinator = await f.login('coordinator');
    const flag = await f.flagOf(f.runIds[1]!, HOUSEHOLD);
    expect((await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/notes`, payload: { note: 'Contact gezocht.' } })).statusCode).toBe(200);
    const ctx = { db: f.t.db, clock: f.clock, pseudonymize: createPseudonymizer(TEST_BSN_KEY), timeZone: 'Europe/Amsterdam' };
    const letter = await assembleLetter(ctx, id, RETENTION);
    const section = (heading: string) => letter.sections.find((x) => x.heading === heading)!;
    const signals = section('Signalen over uw huishouden');
    expect(signals.table!.head.at(-1)).toBe('Bewaard tot en met');
    const scoring = section('Hoe de berekening werkt');
    expect(scoring.table!.head).not.toContain('Bewaard tot');
    expect(scoring.paragraphs.join(' ')).toContain('Er is geen vaste bewaartermijn');
    expect(section('Wat medewerkers hebben gedaan').paragraphs.join(' ')).toContain('niet vanzelf');
    const rent = signals.table!.rows.find((r) => r[1] === 'Huurachterstand')!;
    expect(rent[3]).toMatch(/^\d+(,\d+)? maanden huurachterstand$/);

    // The oldest signal: kept on its stated last day, gone the day after, by the real job.
    const oldest = await f.t.db
      .selectFrom('signals')
      .select(['id', 'observed_on'])
      .where('household_key', '=', HOUSEHOLD)
      .orderBy('observed_on')
      .executeTakeFirstOrThrow();
    const lastDay = addDays(oldest.observed_on, RETENTION.retentionDays);
    expect(signals.table!.rows.some((r) => r[2] === dutchDate(oldest.observed_on) && r[4] === dutchDate(lastDay))).toBe(true);
    const policy = { ...RETENTION, quarantineRetentionDays: 90 };
    const exists = async () => (await f.t.db.selectFrom('signals').select('id').where('id', '=', oldest.id).execute()).length === 1;
    await applyRetention(engineContext(f.t.db, fixedClock(`${lastDay}T12:00:00Z`)), policy);
    expect(await exists()).toBe(true);
    await applyRetention(engineContext(f.t.db, fixedClock(`${addDays(lastDay, 1)}T12:00:00Z`)), policy);
    expect(await exists()).toBe(false);
  });
});
