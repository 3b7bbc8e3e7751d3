import pdf from 'pdf-parse/lib/pdf-parse.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { assembleLetter } from '../../server/src/services/access-letter.ts';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext, TEST_BSN_KEY, tempFile } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// Residents' rights end to end on both databases: an access request by BSN and its
// letter (read back from the PDF), a signal marked incorrect, and a household excluded
// from scoring for a period.

const HOUSEHOLD = '9711AA-1-';
const PARENT_BSN = '908301662';
const text = async (buffer: Buffer) => (await pdf(buffer)).text.replace(/\s+/g, ' ');

describe.each(DIALECTS)('residents’ rights (%s)', (dialect) => {
  let f: ApiFixture;
  let privacy: Agent;
  let coordinator: Agent;
  let beheerder: Agent;
  const score = async (asOf: string) => (await scoreAsOf(engineContext(f.t.db, f.clock), asOf)).runId;
  const flagged = async (runId: number) =>
    (await f.t.db.selectFrom('flags').select('household_key').where('run_id', '=', runId).execute()).map((r) => r.household_key);
  const fileRequest = async () => {
    const res = await privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn: PARENT_BSN, received_on: '2026-10-02' } });
    expect(res.statusCode).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY });
    privacy = await f.login('privacy');
    coordinator = await f.login('coordinator');
    beheerder = await f.login('beheerder');
  });
  afterAll(async () => f?.close());

  it('only the privacy officer reaches requests; other roles are refused', async () => {
    for (const a of [coordinator, beheerder]) {
      expect((await a.request({ method: 'GET', url: '/api/privacy/requests' })).statusCode).toBe(403);
      expect((await a.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn: PARENT_BSN, received_on: '2026-10-02' } })).statusCode).toBe(403);
    }
    expect((await privacy.request({ method: 'GET', url: `/api/flags/${await f.flagOf(f.runIds[0]!, HOUSEHOLD)}/household` })).statusCode).toBe(403);
  });

  it('files a request by BSN with a one-month deadline, extendable once by two months with a reason; the BSN is stored nowhere', async () => {
    const created = await fileRequest();
    expect(created).toMatchObject({ identified_by: 'bsn', received_on: '2026-10-02', deadline: '2026-11-02', status: 'open', extension_reason: null });
    const list = (await privacy.request({ method: 'GET', url: '/api/privacy/requests' })).json();
    expect(list.map((r: any) => r.id)).toContain(created.id);
    const extended = await privacy.request({
      method: 'POST',
      url: `/api/privacy/requests/${created.id}/extend`,
      payload: { reason: 'Veel gegevens van verschillende bronnen' },
    });
    expect(extended.json()).toMatchObject({ deadline: '2027-01-02', extension_reason: 'Veel gegevens van verschillende bronnen' });
    expect((await privacy.request({ method: 'POST', url: `/api/privacy/requests/${created.id}/extend`, payload: { reason: 'nog eens' } })).statusCode).toBe(
      409,
    );
    const byAddress = await privacy.request({
      method: 'POST',
      url: '/api/privacy/requests',
      payload: { postcode: '9711 AA', huisnummer: 1, received_on: '2026-10-03' },
    });
    expect(byAddress.json()).toMatchObject({ identified_by: 'adres', deadline: '2026-11-03' });
    const unknown = await privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn: '111222333', received_on: '2026-10-03' } });
    expect(unknown.statusCode).toBe(404);
    const hash = createPseudonymizer(TEST_BSN_KEY)(PARENT_BSN);
    const audit = JSON.stringify(await f.t.db.selectFrom('audit_log').selectAll().execute());
    const requests = JSON.stringify(await f.t.db.selectFrom('access_requests').selectAll().execute());
    for (const stored of [audit, requests]) {
      expect(stored).not.toContain(PARENT_BSN);
      expect(stored).not.toContain(hash);
    }
  });

  it('writes a letter with the signals, flags, triage history, the roles that viewed the data and no BSN; a withheld note shows only its ground', async () => {
    const flag = await f.flagOf(f.runIds[1]!, HOUSEHOLD);
    await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/household` });
    const wijkteam = await f.login('wijkteam'); // wijken Beijum and Vinkhuizen
    expect((await wijkteam.request({ method: 'GET', url: `/api/flags/${flag}/household` })).statusCode).toBe(200);
    // A beheerder marks a signal on the source's instruction: the letter names the source, not the beheerder.
    const mark = await beheerder.request({
      method: 'POST',
      url: '/api/privacy/marks',
      payload: { source: 'meldpunt-overlast', record_id: 'o-1', reason: 'Het meldpunt trekt de melding in.' },
    });
    expect(mark.statusCode).toBe(201);
    const note = 'Gesprek met moeder gepland op school.';
    expect(
      (await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/status`, payload: { status: 'in_behandeling', note } })).statusCode,
    ).toBe(200);
    await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/notes`, payload: { note: 'Melding van de buren over geluid.' } });
    const request = await fileRequest();
    const detail = (await privacy.request({ method: 'GET', url: `/api/privacy/requests/${request.id}` })).json();
    expect(detail.flags).toBe(2);
    const withheldNote = detail.notes.find((n: any) => n.note.startsWith('Melding van de buren'));
    const withheld = await privacy.request({
      method: 'POST',
      url: `/api/privacy/requests/${request.id}/withheld`,
      payload: { triage_event_id: withheldNote.triage_event_id, ground: 'Bescherming van de rechten van anderen' },
    });
    expect(withheld.statusCode).toBe(200);
    const res = await privacy.request({ method: 'GET', url: `/api/privacy/requests/${request.id}/letter` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const letter = await text(res.rawPayload);
    for (const expected of [
      'Woningcorporatie noord',
      'Meldpunt overlast',
      'Leerplicht',
      'verbeterd op verzoek van Meldpunt overlast',
      'Huurachterstand',
      'Schoolverzuim',
      '15 september 2026', // signals
      'Standaard, versie 1',
      '1 oktober 2026',
      '8 oktober 2026', // flags with rule-set version
      'In behandeling',
      note,
      'Bescherming van de rechten van anderen', // triage history
      'De coördinator van het zorgnetwerk van de gemeente',
      'Een medewerker van wijkteam Beijum en Vinkhuizen',
      'Huishouden inzien', // who viewed, by role and team
      'Autoriteit Persoonsgegevens',
      'bezwaar',
    ])
      expect(letter).toContain(expected);
    expect(letter).not.toContain('Melding van de buren');
    // Sources by their names in plain Dutch: no source code anywhere in the letter.
    const codes = await f.t.db.selectFrom('signals').select('source').distinct().where('household_key', '=', HOUSEHOLD).execute();
    expect(codes.map((c) => c.source).sort()).toEqual(['leerplicht', 'meldpunt-overlast', 'woco-noord']);
    for (const { source } of codes) expect(letter).not.toContain(source);
    expect(letter).not.toMatch(/\b[a-z]+-[a-z]+\b/); // nothing shaped like a code (a-b), in any case
    expect((await privacy.request({ method: 'POST', url: `/api/privacy/marks/${mark.json().id}/lift` })).statusCode).toBe(200);
    expect(letter).not.toContain(PARENT_BSN);
    expect(letter).not.toContain(createPseudonymizer(TEST_BSN_KEY)(PARENT_BSN));
    expect(letter).not.toMatch(/\bcoordinator\b|in_behandeling|undefined|null/);
    const entry = await f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'access_letter').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ username: 'privacy', role: 'privacy', object_type: 'access_request', object_id: String(request.id) });
  });

  it('refuses a date of receipt in the future or more than a year back, and an extension without a reason, in Dutch naming the field', async () => {
    const file = (received_on: string) => privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn: PARENT_BSN, received_on } });
    const future = await file('2026-10-10'); // today is 9 October 2026
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ field: 'body.received_on', reason: 'de datum van ontvangst ligt in de toekomst' });
    const old = await file('2025-10-08');
    expect(old.statusCode).toBe(400);
    expect(old.json()).toMatchObject({ field: 'body.received_on' });
    expect(old.json().reason).toContain('meer dan een jaar terug');
    const yearBack = await file('2025-10-09');
    expect(yearBack.statusCode).toBe(201);
    expect(yearBack.json()).toMatchObject({ deadline: '2025-11-09', days_left: -334 });
    const id = yearBack.json().id;
    for (const payload of [{}, { reason: '   ' }]) {
      const refused = await privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/extend`, payload });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().field).toMatch(/reason/);
    }
    // Its first month ended long ago: too late to extend (AVG art. 12(3)).
    const late = await privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/extend`, payload: { reason: 'Complex verzoek' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('verstreken');
  });

  it('a withheld note can be taken back into the letter while the request is open; a closed request refuses every change with a Dutch 409', async () => {
    const request = await fileRequest();
    const url = `/api/privacy/requests/${request.id}`;
    const note = (await privacy.request({ method: 'GET', url })).json().notes[0];
    expect(note).toBeDefined();
    const ground = 'Bescherming van de rechten van anderen';
    const withhold = () => privacy.request({ method: 'POST', url: `${url}/withheld`, payload: { triage_event_id: note.triage_event_id, ground } });
    const release = () => privacy.request({ method: 'POST', url: `${url}/withheld/${note.triage_event_id}/release` });
    expect((await withhold()).json().notes[0].withheld_ground).toBe(ground);
    const released = await release();
    expect(released.statusCode).toBe(200);
    expect(released.json().notes[0].withheld_ground).toBeNull();
    const letter = await text((await privacy.request({ method: 'GET', url: `${url}/letter` })).rawPayload);
    expect(letter).toContain(note.note);
    expect(letter).not.toContain(ground);
    const twice = await release();
    expect(twice.statusCode).toBe(404);
    const audit = await f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'releaseNote').where('outcome', '=', 'success').execute();
    expect(audit).toEqual([expect.objectContaining({ role: 'privacy', object_type: 'access_request', object_id: String(request.id) })]);

    expect((await withhold()).statusCode).toBe(200);
    expect((await privacy.request({ method: 'POST', url: `${url}/close` })).statusCode).toBe(200);
    for (const change of [
      withhold,
      release,
      () => privacy.request({ method: 'POST', url: `${url}/extend`, payload: { reason: 'Veel gegevens' } }),
      () => privacy.request({ method: 'POST', url: `${url}/close` }),
    ]) {
      const refused = await change();
      expect(refused.statusCode).toBe(409);
      expect(refused.json().message).toContain('afgehandeld en kan niet meer worden gewijzigd');
    }
    // Still withheld, as it was when the request was closed.
    expect((await privacy.request({ method: 'GET', url })).json().notes[0].withheld_ground).toBe(ground);
  });

  it('an exclusion starts today or later, ends on or after its start and lasts at most a year; refusals name the field in Dutch', async () => {
    const request = await fileRequest();
    const exclude = (from: string, to?: string) =>
      privacy.request({
        method: 'POST',
        url: `/api/privacy/requests/${request.id}/exclusions`,
        payload: { ground: 'bezwaar', reason: 'Bezwaar toegekend', from, ...(to ? { to } : {}) },
      });
    const past = await exclude('2026-10-08', '2026-10-20');
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ field: 'body.from', reason: 'de begindatum ligt in het verleden: een uitsluiting begint op 2026-10-09 of later' });
    const open = await exclude('2026-10-09');
    expect(open.statusCode).toBe(400);
    expect(open.json().field).toMatch(/to/);
    expect((await exclude('2026-10-12', '2026-10-11')).json()).toMatchObject({ field: 'body.to', reason: 'de einddatum ligt voor de begindatum' });
    const long = await exclude('2026-10-10', '2027-10-11');
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ field: 'body.to', reason: 'een uitsluiting duurt hoogstens een jaar: kies een einddatum tot en met 2027-10-10' });
    expect(
      await f.t.db.selectFrom('household_exclusions').select('id').where('reason', '=', 'Bezwaar toegekend').where('from_date', '=', '2026-10-10').execute(),
    ).toEqual([]);
    const year = await exclude('2026-10-10', '2027-10-10');
    expect(year.statusCode).toBe(200);
    const made = year.json().exclusions.at(-1);
    expect(made).toMatchObject({ from: '2026-10-10', to: '2027-10-10', lifted: false });
    await privacy.request({ method: 'POST', url: `/api/privacy/requests/${request.id}/exclusions/${made.id}/lift` });
  });

  it('keeps every sentence of the letter at 20 words or fewer', async () => {
    const request = await fileRequest();
    const ctx = { db: f.t.db, clock: f.clock, pseudonymize: createPseudonymizer(TEST_BSN_KEY), timeZone: 'Europe/Amsterdam' };
    const letter = await assembleLetter(ctx, request.id, { retentionDays: 730, auditRetentionDays: 1826 });
    const sentences = letter.sections.flatMap((s) => s.paragraphs).flatMap((p) => p.split(/(?<=[.?!])\s+/));
    expect(sentences.length).toBeGreaterThan(20);
    for (const s of sentences) expect(s.split(/\s+/).length, s).toBeLessThanOrEqual(20);
  });

  it('a signal marked incorrect stops counting from the next run, stays out after a re-delivery, keeps its old explanation with the correction, and counts again once lifted', async () => {
    const before = await f.flagOf(f.runIds[1]!, HOUSEHOLD);
    const mark = await beheerder.request({
      method: 'POST',
      url: '/api/privacy/marks',
      payload: { source: 'woco-noord', record_id: 'h-1', reason: 'De woningcorporatie meldt een boekingsfout.' },
    });
    expect(mark.statusCode).toBe(201);
    expect(JSON.stringify(mark.json())).not.toContain(HOUSEHOLD);
    const corrected = await score('2026-10-08');
    expect(await flagged(corrected)).not.toContain(HOUSEHOLD);
    // The rest of the list is as it was.
    expect((await flagged(corrected)).sort()).toEqual((await flagged(f.runIds[1]!)).filter((k) => k !== HOUSEHOLD).sort());
    // A re-delivery of the same record (a new value) is stored, but stays excluded.
    const feed = tempFile(
      'redelivery.csv',
      'source,record_id,indicator,observed_on,value,bsn,postcode,huisnummer,toevoeging\nwoco-noord,h-1,huurachterstand,2026-09-15,4,908301662,,,\n',
    );
    const ingested = await ingestFeed(engineContext(f.t.db, f.clock), feed);
    expect(ingested.updated).toBe(1);
    expect(await flagged(await score('2026-10-08'))).not.toContain(HOUSEHOLD);
    const old = (await coordinator.request({ method: 'GET', url: `/api/flags/${before}/household` })).json();
    const signal = old.flag.rules.flatMap((r: any) => r.signals).find((s: any) => s.record_id === 'h-1');
    expect(signal).toMatchObject({ source: 'woco-noord', value: 3, correction: { reason: 'De woningcorporatie meldt een boekingsfout.' } });
    const lift = await privacy.request({ method: 'POST', url: `/api/privacy/marks/${mark.json().id}/lift` });
    expect(lift.json().lifted_at).not.toBeNull();
    expect(await flagged(await score('2026-10-08'))).toContain(HOUSEHOLD);
  });

  it('an excluded household is absent from runs in its period, counted under the small-number rules, and back after it', async () => {
    const request = await fileRequest();
    const excluded = await privacy.request({
      method: 'POST',
      url: `/api/privacy/requests/${request.id}/exclusions`,
      payload: { ground: 'bezwaar', reason: 'Bezwaar toegekend', from: '2026-10-09', to: '2026-10-16' },
    });
    expect(excluded.statusCode).toBe(200);
    const during = await score('2026-10-15');
    expect(await flagged(during)).not.toContain(HOUSEHOLD);
    expect((await f.t.db.selectFrom('scoring_runs').select('excluded_households').where('id', '=', during).executeTakeFirstOrThrow()).excluded_households).toBe(
      1,
    );
    const weeks = (await coordinator.request({ method: 'GET', url: '/api/aggregates/weeks' })).json();
    expect(weeks.find((w: any) => w.run_id === during).excluded_households).toBe('<5');
    const after = await score('2026-10-17');
    expect(await flagged(after)).toContain(HOUSEHOLD);
    // Lifting it early brings the household back in its period too.
    const exclusion = excluded.json().exclusions.at(-1);
    await privacy.request({ method: 'POST', url: `/api/privacy/requests/${request.id}/exclusions/${exclusion.id}/lift` });
    expect(await flagged(await score('2026-10-15'))).toContain(HOUSEHOLD);
    const audit = await f.t.db.selectFrom('audit_log').select('event').where('role', '=', 'privacy').execute();
    expect(audit.map((a) => a.event)).toEqual(expect.arrayContaining(['createExclusion', 'liftExclusion', 'liftSignalMark']));
  });

  describe('while an exclusion is active the household is hidden from every list and page, at read time', () => {
    const run = () => f.runIds[1]!;
    const listed = async (a: Agent, query = '') => {
      const res = await a.request({ method: 'GET', url: `/api/runs/${run()}/flags?page_size=200${query}` });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      const counted = Object.values(page.status_counts as Record<string, number>).reduce((x, y) => x + y, 0);
      return { keys: page.items.map((i: any) => i.household_key) as string[], total: page.total as number, counted };
    };
    const searched = async (a: Agent) =>
      (await a.request({ method: 'POST', url: `/api/runs/${run()}/flags/search`, payload: { search: '9711AA' } }))
        .json()
        .items.map((i: any) => i.household_key);
    const weekCount = async (a: Agent) => (await a.request({ method: 'GET', url: '/api/runs' })).json().find((r: any) => r.id === run()).flags as number;
    const csv = async (a: Agent) => (await a.request({ method: 'GET', url: `/api/runs/${run()}/flags.csv` })).body;
    const page = async (a: Agent, flag: number) => a.request({ method: 'GET', url: `/api/flags/${flag}/household` });
    const exclude = async (from: string, to: string) => {
      const request = await fileRequest();
      const res = await privacy.request({
        method: 'POST',
        url: `/api/privacy/requests/${request.id}/exclusions`,
        payload: { ground: 'beperking', reason: 'Beperking van de verwerking toegekend', from, to },
      });
      expect(res.statusCode).toBe(200);
      return { requestId: request.id as number, exclusionId: res.json().exclusions.at(-1).id as number };
    };

    it('out of the week list, Mijn signalen, search, CSV export and the counts per status; its page a 404 like an unknown flag; back once lifted', async () => {
      const wijkteam = await f.login('wijkteam');
      const beleid = await f.login('beleidsmaker');
      const aggregates = async () => (await beleid.request({ method: 'GET', url: '/api/aggregates/weeks' })).body;
      const beleidBefore = await aggregates();
      const flag = await f.flagOf(run(), HOUSEHOLD);
      const before = { coordinator: await listed(coordinator), wijkteam: await listed(wijkteam, '&hide_closed=true') };
      const weeks = { coordinator: await weekCount(coordinator), wijkteam: await weekCount(wijkteam) };
      expect(before.coordinator.keys).toContain(HOUSEHOLD);
      expect(before.wijkteam.keys).toContain(HOUSEHOLD);
      expect(await searched(coordinator)).toContain(HOUSEHOLD);
      expect(await csv(coordinator)).toContain(HOUSEHOLD);
      expect((await page(wijkteam, flag)).statusCode).toBe(200);
      // An exclusion that starts tomorrow hides nothing yet.
      const later = await exclude('2026-10-10', '2026-10-20');
      expect((await listed(coordinator)).keys).toContain(HOUSEHOLD);
      await privacy.request({ method: 'POST', url: `/api/privacy/requests/${later.requestId}/exclusions/${later.exclusionId}/lift` });

      const { requestId, exclusionId } = await exclude('2026-10-09', '2026-10-20');
      for (const [a, query, was] of [
        [coordinator, '', before.coordinator],
        [wijkteam, '&hide_closed=true', before.wijkteam],
      ] as const) {
        const now = await listed(a, query);
        expect(now.keys).not.toContain(HOUSEHOLD);
        expect(now.total).toBe(was.total - 1);
        expect(now.counted).toBe(was.counted - 1);
      }
      expect(await searched(coordinator)).not.toContain(HOUSEHOLD);
      expect(await csv(coordinator)).not.toContain(HOUSEHOLD);
      // The week's count in the list of runs agrees with the list.
      expect(await weekCount(coordinator)).toBe(weeks.coordinator - 1);
      expect(await weekCount(wijkteam)).toBe(weeks.wijkteam - 1);
      const unknown = await page(coordinator, 999999);
      expect(unknown.statusCode).toBe(404);
      for (const a of [coordinator, wijkteam]) {
        const hidden = await page(a, flag);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.body).toBe(unknown.body);
        expect((await a.request({ method: 'GET', url: `/api/flags/${flag}/triage` })).body).toBe(unknown.body);
      }
      // Beleidsmakers' aggregates are computed from the run, not from the lists: unchanged.
      expect(await aggregates()).toBe(beleidBefore);

      await privacy.request({ method: 'POST', url: `/api/privacy/requests/${requestId}/exclusions/${exclusionId}/lift` });
      expect((await listed(coordinator)).keys).toContain(HOUSEHOLD);
      expect(await weekCount(coordinator)).toBe(weeks.coordinator);
      expect(await csv(coordinator)).toContain(HOUSEHOLD);
      expect((await page(wijkteam, flag)).statusCode).toBe(200);
    });

    it('leaves the zorgnetwerk agenda, the open cases off the list and their counts too, and is back on all once lifted', async () => {
      const flag = await f.flagOf(run(), HOUSEHOLD);
      const { wijk } = await f.t.db.selectFrom('flags').select('wijk').where('id', '=', flag).executeTakeFirstOrThrow();
      const meeting = (await coordinator.request({ method: 'POST', url: '/api/meetings', payload: { held_on: '2026-10-20', wijken: [wijk] } })).json();
      const agenda = () => coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda`, payload: { flag_id: flag } });
      const onAgenda = async () =>
        (await coordinator.request({ method: 'GET', url: `/api/meetings/${meeting.id}` })).json().items.map((i: any) => i.household_key) as string[];
      const offList = async () =>
        (await coordinator.request({ method: 'GET', url: '/api/worklist/off-list' })).json().items.map((i: any) => i.household_key) as string[];
      // An open case, then a run in the exclusion's period: the household leaves the list while its case is open.
      const assigned = await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/assignment`, payload: { assigned_to: 'wijkteam' } });
      expect(assigned.statusCode).toBe(200);
      expect(assigned.json().status).not.toMatch(/^afgesloten/);
      // An open case may go on the agenda, also when a later run is the newest list.
      expect((await agenda()).statusCode).toBe(200);
      // The counts beside the lists leave it out too: families on the agenda, open cases per wijkteam member.
      const families = async () =>
        (await coordinator.request({ method: 'GET', url: '/api/meetings' })).json().find((m: any) => m.id === meeting.id).families as number;
      const open = async () =>
        (await coordinator.request({ method: 'GET', url: '/api/workload' })).json().find((w: any) => w.username === 'wijkteam').open as number;
      const before = { families: await families(), open: await open() };
      const { requestId, exclusionId } = await exclude('2026-10-09', '2026-10-20');
      await score('2026-10-18'); // after every other run of this file: the newest list
      expect(await onAgenda()).not.toContain(HOUSEHOLD);
      expect(await offList()).not.toContain(HOUSEHOLD);
      expect((await agenda()).statusCode).toBe(400);
      expect(await families()).toBe(before.families - 1);
      expect(await open()).toBe(before.open - 1);

      await privacy.request({ method: 'POST', url: `/api/privacy/requests/${requestId}/exclusions/${exclusionId}/lift` });
      expect(await onAgenda()).toContain(HOUSEHOLD);
      expect(await offList()).toContain(HOUSEHOLD);
      expect(await families()).toBe(before.families);
      expect(await open()).toBe(before.open);
    });

    it('is visible again the day after the period ends', async () => {
      const flag = await f.flagOf(run(), HOUSEHOLD);
      await exclude('2026-10-09', '2026-10-10');
      expect((await listed(coordinator)).keys).not.toContain(HOUSEHOLD);
      expect((await page(coordinator, flag)).statusCode).toBe(404);
      f.clock.advance(2 * 24 * 3600_000); // 2026-10-11: the period is over
      const again = await f.login('coordinator');
      expect((await listed(again)).keys).toContain(HOUSEHOLD);
      expect((await page(again, flag)).statusCode).toBe(200);
    });
  });
});
