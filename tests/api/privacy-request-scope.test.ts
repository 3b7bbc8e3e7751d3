import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { assembleLetter } from '../../server/src/services/access-letter.ts';
import { applyRetention } from '../../server/src/services/retention.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { TEST_BSN_KEY } from '../helpers/engine.ts';
import { validBsn } from '../engine/support/bsn.ts';
import { letterContext, letterSentences, letterText, requestDetail } from './support/access-requests.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';
import { engineOf, family, importRegistryAt, ingestFeedAt, person, setClock, storeExampleRuleSet } from './support/moves.ts';

// A request covers the persons and the periods it was registered for, through a real
// registry move: family A lives at OLD, files requests in August, and moves to NEW on
// 1 September (the import starts at 08:00); family B moves into OLD. A's old requests never
// show B; B's request never shows A (not even A's list view and note earlier on the move
// day), and B's flag is explained by B's signals only, with one sentence that signals from
// before B came also counted. Exclusions follow the request's persons, not the address.

const A = { parent: validBsn(11), child: validBsn(12) };
const B = { parent: validBsn(13), child: validBsn(14) };
const E = validBsn(15);
const LONER = validBsn(16); // only in a feed, never in the registry
const OLD = '9711AA-1-';
const NEW = '9722CC-5-';
const A_NOTE = 'Gesprek met gezin A over de huur.';
const MOVE_DAY_NOTE = 'Gezin A verhuist vandaag.';

describe.each(DIALECTS)('an access request covers its own persons and periods (%s)', (dialect) => {
  let f: ApiFixture;
  let privacy: Agent;
  const ids: Record<string, number> = {};
  let aExclusion = 0;
  let moveDayRun = 0;
  let october = 0;
  const ctx = () => engineOf(f);
  const register = async (payload: Record<string, unknown>, received_on: string) => {
    const res = await privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { received_on, ...payload } });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  const detailOf = (id: number) => requestDetail(privacy, id);
  const letterOf = (id: number) => letterText(privacy, id);
  const exclude = (id: number, from: string, to: string) =>
    privacy.request({ method: 'POST', url: `/api/privacy/requests/${id}/exclusions`, payload: { ground: 'bezwaar', reason: 'Bezwaar toegekend', from, to } });

  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY }, false);
    await importRegistryAt(f, '2026-07-01T08:00:00Z', 'r1.csv', family(A, OLD));
    await storeExampleRuleSet(f);
    await ingestFeedAt(f, '2026-07-31T08:00:00Z', 'july.csv', [
      `woco-noord,a-1,huurachterstand,2026-07-10,3,${A.parent},,,`,
      `leerplicht,a-2,schoolverzuim,2026-07-11,20,${A.child},,,`,
      'meldpunt-overlast,a-3,overlastmelding,2026-07-05,,,9711AA,1,',
      'meldpunt-overlast,a-4,overlastmelding,2026-07-20,,,9711AA,1,',
      'politie,a-5,huiselijk_geweld,2026-07-08,,,9711AA,1,',
      `woco-noord,l-1,huurachterstand,2026-07-15,2,${LONER},,,`,
    ]);
    const july = (await scoreAsOf(ctx(), '2026-08-01')).runId;
    const aFlag = await f.flagOf(july, OLD);
    setClock(f, '2026-08-03T08:00:00Z');
    const coordinator = await f.login('coordinator');
    expect((await coordinator.request({ method: 'GET', url: `/api/flags/${aFlag}/household` })).statusCode).toBe(200);
    expect((await coordinator.request({ method: 'POST', url: `/api/flags/${aFlag}/triage/notes`, payload: { note: A_NOTE } })).statusCode).toBe(200);

    // 5 August: A asks, by address and by BSN; A objects from 2 September on.
    setClock(f, '2026-08-05T09:00:00Z');
    privacy = await f.login('privacy');
    ids.aByAddress = await register({ postcode: '9711AA', huisnummer: 1 }, '2026-08-04');
    ids.aByBsn = await register({ bsn: A.parent }, '2026-08-04');
    const objection = await exclude(ids.aByBsn, '2026-09-02', '2026-12-31');
    expect(objection.statusCode).toBe(200);
    aExclusion = objection.json().exclusions[0].id;

    // The move day: a list view and a note about A before the import at 08:00.
    setClock(f, '2026-09-01T07:00:00Z');
    const early = await f.login('coordinator');
    expect((await early.request({ method: 'GET', url: `/api/runs/${july}/flags?page_size=200` })).statusCode).toBe(200);
    setClock(f, '2026-09-01T07:30:00Z');
    const later = await f.login('coordinator'); // a session idles out in half an hour
    expect((await later.request({ method: 'POST', url: `/api/flags/${aFlag}/triage/notes`, payload: { note: MOVE_DAY_NOTE } })).statusCode).toBe(200);
    // A run as of the move day that started before the import: A's flag, not B's.
    setClock(f, '2026-09-01T07:45:00Z');
    moveDayRun = (await scoreAsOf(ctx(), '2026-09-01')).runId;
    expect(await f.flagOf(moveDayRun, OLD)).toBeGreaterThan(0);
    await importRegistryAt(f, '2026-09-01T08:00:00Z', 'r2.csv', [...family(A, NEW), ...family(B, OLD)]);

    // B's own signals; A's address-only July reports still count for OLD (the data contract).
    await ingestFeedAt(f, '2026-09-20T08:00:00Z', 'september.csv', [
      `woco-noord,b-1,huurachterstand,2026-09-05,4,${B.parent},,,`,
      'meldpunt-overlast,b-2,overlastmelding,2026-09-10,,,9711AA,1,',
    ]);
    setClock(f, '2026-10-01T06:00:00Z');
    october = (await scoreAsOf(ctx(), '2026-10-01')).runId;
    expect(await f.flagOf(october, OLD)).toBeGreaterThan(0);

    setClock(f, '2026-10-09T08:00:00Z');
    privacy = await f.login('privacy');
    ids.b = await register({ postcode: '9711AA', huisnummer: 1 }, '2026-10-08');
    ids.aAfter = await register({ bsn: A.parent }, '2026-10-08');
    ids.loner = await register({ bsn: LONER }, '2026-10-08');
  });
  afterAll(async () => f?.close());

  it("H1: A's requests from before the move show none of B's signals, flags or exclusion", async () => {
    const made = await exclude(ids.b!, '2026-10-10', '2026-10-20');
    expect(made.statusCode).toBe(200);
    for (const id of [ids.aByAddress!, ids.aByBsn!]) {
      const detail = await detailOf(id);
      // A's five July signals, A's two flags (July, and the move day's run before the import), both notes; A's exclusion, not B's.
      expect(detail).toMatchObject({ signals: 5, flags: 2 });
      expect(detail.notes.map((n: { note: string }) => n.note)).toEqual([A_NOTE, MOVE_DAY_NOTE]);
      expect(detail.exclusions.map((x: { id: number }) => x.id)).toEqual(id === ids.aByBsn ? [aExclusion] : []);
      const letter = await letterOf(id);
      for (const absent of ['5 september 2026', '10 september 2026', '1 oktober 2026']) expect(letter).not.toContain(absent);
      expect(letter).toContain('Uw huishouden stond 2 keer op de lijst.');
      expect(letter).not.toContain('elk adres waar u volgens de Basisregistratie Personen woonde');
    }
    // Each kind says truly what it covers.
    expect(await letterOf(ids.aByAddress!)).toContain('Deze brief toont de gegevens van dit adres vanaf de komst van de bewoners, zolang zij er woonden.');
    expect(await letterOf(ids.aByBsn!)).toContain('Deze brief toont de adressen waar u woonde toen u uw vraag stelde, voor de tijd dat u er woonde.');
  });

  it("M2 and H3: B's letter holds nothing of A from earlier on the move day, and explains B's flag by B's signals only", async () => {
    const detail = await detailOf(ids.b!);
    expect(detail).toMatchObject({ signals: 2, flags: 1, notes: [] });
    const letter = await letterOf(ids.b!);
    for (const expected of [
      'Deze brief toont de gegevens over uw adres vanaf 1 september 2026.',
      'Uw huishouden stond 1 keer op de lijst.',
      'Huurachterstand (1 keer',
      'Overlastmelding (1 keer',
      'Ook signalen over dit adres van voordat u er kwam wonen, telden mee in de berekening.',
      'In de periode dat u op dit adres woonde, heeft geen medewerker iets vastgelegd over uw huishouden.',
    ])
      expect(letter).toContain(expected);
    for (const absent of ['Huiselijk geweld', 'Overlastmelding (3 keer', 'Bekeken in een lijst', MOVE_DAY_NOTE, A_NOTE, '5 juli 2026', '8 juli 2026'])
      expect(letter).not.toContain(absent);
    // A's letter after the move has that list view and that note: they were A's.
    const mine = await letterOf(ids.aAfter!);
    expect(mine).toContain(MOVE_DAY_NOTE);
    expect(mine).toContain('Bekeken in een lijst');
    // The family page agrees: B's page starts with the October run, not the move day's run before the import.
    setClock(f, '2026-10-09T08:10:00Z');
    const coordinator = await f.login('coordinator');
    const page = await coordinator.request({ method: 'GET', url: `/api/flags/${await f.flagOf(october, OLD)}/household` });
    expect(page.statusCode).toBe(200);
    expect(page.json().trend.map((t: { run_id: number }) => t.run_id)).toEqual([october]);
    expect(page.json().earlier_flags).toEqual([]);
    expect(page.json().triage.events).toEqual([]);
    expect(moveDayRun).toBeLessThan(october);
  });

  it("H2: A's request by BSN after the move covers A's earlier residence, and says so in true sentences", async () => {
    expect(await detailOf(ids.aAfter!)).toMatchObject({ signals: 5, flags: 2 });
    const letter = await letterOf(ids.aAfter!);
    for (const expected of [
      'Van elk adres tonen wij alleen de periode dat u er woonde.',
      'Uw huishouden stond 2 keer op de lijst.',
      A_NOTE,
      'Huiselijk geweld',
    ])
      expect(letter).toContain(expected);
    for (const absent of ['nooit op de lijst', 'Geen medewerker heeft', 'Niemand heeft', '5 september 2026', '10 september 2026'])
      expect(letter).not.toContain(absent);
  });

  it("M1: a request lists and lifts only its own persons' exclusions; a 409 names only what the request shows", async () => {
    // B's request neither lists nor lifts A's objection.
    const b = await detailOf(ids.b!);
    expect(b.exclusions.map((x: { id: number }) => x.id)).not.toContain(aExclusion);
    expect(b.exclusions).toHaveLength(1);
    const lift = await privacy.request({ method: 'POST', url: `/api/privacy/requests/${ids.b}/exclusions/${aExclusion}/lift` });
    expect(lift.statusCode).toBe(404);
    expect((await f.t.db.selectFrom('household_exclusions').select('lifted_at').where('id', '=', aExclusion).executeTakeFirstOrThrow()).lifted_at).toBeNull();
    // A's new request lists A's objection, and an overlapping one names its period.
    expect((await detailOf(ids.aAfter!)).exclusions.map((x: { id: number }) => x.id)).toEqual([aExclusion]);
    const again = await exclude(ids.aAfter!, '2026-10-10', '2026-10-20');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('van 2 september 2026 tot en met 31 december 2026');
    // A's request by the old address: its residents live elsewhere now, nothing there to exclude.
    const gone = await exclude(ids.aByAddress!, '2026-10-10', '2026-10-20');
    expect(gone.statusCode).toBe(409);
    expect(gone.json().message).toContain('wonen niet meer op dit adres');
    // B's exclusion is for B's persons.
    const hash = createPseudonymizer(TEST_BSN_KEY);
    const bExclusion = b.exclusions[0].id as number;
    const persons = await f.t.db.selectFrom('household_exclusion_persons').select('bsn_hash').where('exclusion_id', '=', bExclusion).execute();
    expect(persons.map((p) => p.bsn_hash).sort()).toEqual([hash(B.parent), hash(B.child)].sort());
    // E moves in with A: E's request does not show A's objection, and its 409 names no period.
    await importRegistryAt(f, '2026-10-12T08:00:00Z', 'r3.csv', [...family(A, NEW), ...family(B, OLD), person(E, '1990-01-01', NEW)]);
    setClock(f, '2026-10-12T09:00:00Z');
    privacy = await f.login('privacy');
    const e = await register({ bsn: E }, '2026-10-12');
    ids.e = e;
    expect((await detailOf(e)).exclusions).toEqual([]);
    const hidden = await exclude(e, '2026-10-13', '2026-10-20');
    expect(hidden.statusCode).toBe(409);
    expect(hidden.json().message).toContain('via een ander verzoek');
    expect(hidden.json().message).not.toMatch(/september|december/);
    // A newcomer's request by address neither lists nor lifts an objection made before they came.
    const eAtNew = await register({ postcode: '9722CC', huisnummer: 5 }, '2026-10-12');
    expect((await detailOf(eAtNew)).exclusions).toEqual([]);
    const byAddressLift = await privacy.request({ method: 'POST', url: `/api/privacy/requests/${eAtNew}/exclusions/${aExclusion}/lift` });
    expect(byAddressLift.statusCode).toBe(404);
    // A's request by the old address lists only what was made through it: not A's by-BSN objection.
    expect((await detailOf(ids.aByAddress!)).exclusions).toEqual([]);
    // A's own request lifts A's objection, and still lists it, lifted.
    const lifted = await privacy.request({ method: 'POST', url: `/api/privacy/requests/${ids.aByBsn}/exclusions/${aExclusion}/lift` });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json().exclusions).toMatchObject([{ id: aExclusion, lifted: true }]);
  });

  it("R1: a housemate's signals count only from the time they lived together; one's own always", async () => {
    // E (moved in with A on 12 October) had a signal in August; A gets one after E came.
    await ingestFeedAt(f, '2026-10-20T08:00:00Z', 'e.csv', [
      `woco-noord,e-1,huurachterstand,2026-08-15,2,${E},,,`,
      `leerplicht,a-6,schoolverzuim,2026-10-15,12,${A.child},,,`,
    ]);
    setClock(f, '2026-10-20T09:00:00Z');
    privacy = await f.login('privacy');
    ids.newByAddress = await register({ postcode: '9722CC', huisnummer: 5 }, '2026-10-20');
    ids.aLatest = await register({ bsn: A.parent }, '2026-10-20');
    // E's request: E's own August signal and A's child's October one, none of A's July signals.
    const e = await letterOf(ids.e!);
    for (const expected of ['15 augustus 2026', '15 oktober 2026']) expect(e).toContain(expected);
    for (const absent of ['10 juli 2026', '11 juli 2026']) expect(e).not.toContain(absent);
    expect((await detailOf(ids.e!)).signals).toBe(2);
    // A's request by BSN: all A's own signals (five in July incl. the address's, the child's in October), none of E's August.
    const a = await letterOf(ids.aLatest!);
    expect(a).not.toContain('15 augustus 2026');
    expect((await detailOf(ids.aLatest!)).signals).toBe(6);
    // The new address's request: its residents' signals from their time there only.
    const address = await letterOf(ids.newByAddress!);
    expect(address).toContain('15 oktober 2026');
    for (const absent of ['15 augustus 2026', '10 juli 2026', '11 juli 2026']) expect(address).not.toContain(absent);
    expect(a).toContain('Signalen over een huisgenoot tonen wij alleen uit de tijd dat u samenwoonde.');
  });

  it("R2: a flag that counted earlier occupants' signals shows no score or threshold; one with all evidence in scope does", async () => {
    const settings = { retentionDays: 730, auditRetentionDays: 1826 };
    const rowsOf = async (id: number) =>
      (await assembleLetter(letterContext(f), id, settings)).sections.find((s) => s.table?.head.includes('Score'))?.table?.rows ?? [];
    const scoreOf = async (runId: number) => {
      const flag = await f.t.db
        .selectFrom('flags')
        .select(['score_micro'])
        .where('run_id', '=', runId)
        .where('household_key', '=', OLD)
        .executeTakeFirstOrThrow();
      return String(Number(flag.score_micro) / 1_000_000).replace('.', ',');
    };
    const [bRow] = await rowsOf(ids.b!);
    const bScore = await scoreOf(october);
    expect(bRow!.slice(1, 3)).toEqual(['niet getoond', 'niet getoond']);
    expect(bRow!.join(' ')).not.toContain(bScore);
    expect(bRow![4]).toContain('samen met eerdere signalen over dit adres');
    const letter = await letterOf(ids.b!);
    expect(letter).toContain('Bij "niet getoond" stond uw huishouden op de lijst');
    const aRows = await rowsOf(ids.aByBsn!);
    expect(aRows).toHaveLength(2);
    expect(aRows.map((r) => r[1])).toContain(await scoreOf(moveDayRun));
    expect(aRows.flat()).not.toContain('niet getoond');
  });

  it('R4: a request whose persons no longer live in a household says so, counts the unlinked signals apart and offers no exclusion', async () => {
    // E leaves the registry; A's request by the old address has no residents there any more.
    await importRegistryAt(f, '2026-10-21T08:00:00Z', 'r4.csv', [...family(A, NEW), ...family(B, OLD)]);
    setClock(f, '2026-10-21T09:00:00Z');
    privacy = await f.login('privacy');
    const e = await detailOf(ids.e!);
    // E's own August signal names a person outside the registry; A's child's October signal still counts.
    expect(e).toMatchObject({ signals: 2, unlinked_signals: 1, request: { household: false } });
    expect((await exclude(ids.e!, '2026-10-22', '2026-10-30')).statusCode).toBe(409);
    expect(await detailOf(ids.aByAddress!)).toMatchObject({ unlinked_signals: 0, request: { household: false } });
    expect(await detailOf(ids.aByBsn!)).toMatchObject({ request: { household: true } });
    const list = (await privacy.request({ method: 'GET', url: '/api/privacy/requests' })).json() as { id: number; household: boolean }[];
    expect(list.find((r) => r.id === ids.e)?.household).toBe(false);
    expect(list.find((r) => r.id === ids.aByBsn)?.household).toBe(true);
    for (const id of [ids.e!, ids.aByAddress!]) expect(await letterOf(id)).not.toContain('uw huishouden een tijd buiten de berekening');
    expect(await letterOf(ids.aByAddress!)).toContain('De bewoners wonen nu niet meer op dit adres.');
    expect(await letterOf(ids.aByBsn!)).toContain('Dan laat het systeem uw huishouden een tijd buiten de berekening.');
  });

  it('R6: a request by an address where nobody lives now, but with stored data, asks for the BSN instead of saying nothing is held', async () => {
    await importRegistryAt(f, '2026-10-22T08:00:00Z', 'r6.csv', family(A, NEW)); // B leaves: OLD is empty
    setClock(f, '2026-10-22T09:00:00Z');
    privacy = await f.login('privacy');
    const byAddress = (postcode: string, huisnummer: number) =>
      privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { received_on: '2026-10-22', postcode, huisnummer } });
    const res = await byAddress('9711AA', 1);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Registreer het verzoek op het BSN van de inwoner');
    expect(res.json().message).not.toContain('geen gegevens vastgelegd');
    // An address nothing is known about still answers that nothing is held.
    const unknown = await byAddress('9799ZZ', 9);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('geen gegevens vastgelegd');
  });

  it('L4: a request without a household offers no exclusion and speaks of "u" only', async () => {
    const letter = await letterOf(ids.loner!);
    expect(letter).toContain('welke gegevens wij over u bewaren.');
    expect(letter).toContain('Daarom telt het systeem uw signalen nu in geen enkele berekening mee.');
    for (const absent of ['u en uw huishouden', 'uw huishouden een tijd buiten de berekening']) expect(letter).not.toContain(absent);
  });

  it('retention keeps the residences a request covers; every sentence stays at 20 words or fewer', async () => {
    const before = await f.t.db.selectFrom('residences').select('id').where('until', 'is not', null).execute();
    expect(before.length).toBeGreaterThan(0);
    const policy = { retentionDays: 30, quarantineRetentionDays: 90, auditRetentionDays: 1826 };
    await applyRetention(ctx(), policy);
    const covered = await f.t.db.selectFrom('access_request_residences').select('residence_id').distinct().execute();
    const left = await f.t.db.selectFrom('residences').select('id').execute();
    const kept = new Set(left.map((r) => Number(r.id)));
    expect(covered.every((c) => kept.has(Number(c.residence_id)))).toBe(true);
    for (const id of Object.values(ids)) {
      for (const s of await letterSentences(f, id)) expect(s.split(/\s+/).length, s).toBeLessThanOrEqual(20);
    }
  });
});
