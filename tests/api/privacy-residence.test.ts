import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/src/core/clock.ts';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { applyRetention } from '../../server/src/services/retention.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { engineContext, TEST_BSN_KEY } from '../helpers/engine.ts';
import { validBsn } from '../engine/support/bsn.ts';
import { letterSentences, letterText, requestDetail } from './support/access-requests.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';
import { engineOf, family, feedFile, importRegistryAt, ingestFeedAt, registryFile, setClock, storeExampleRuleSet } from './support/moves.ts';

// An access request covers a household only from the day its current residents came to
// live there by the registry: family A moves out of 9711AA 1 and family B moves in, and
// B's letter holds none of A's flags, notes, address-only signals or viewers; A's letter
// at the new address holds A's own signals but nothing of the occupants before them. A
// BSN the registry does not know finds the signals a feed delivered for it.

const A = { parent: validBsn(1), child: validBsn(2) };
const B = { parent: validBsn(3), child: validBsn(4) };
const C = { parent: validBsn(5), child: validBsn(6) };
const UNLINKED = validBsn(7);
const NOWHERE = validBsn(8);
const OLD = '9711AA-1-'; // A's home, then B's
const NEW = '9722CC-5-'; // C's home, then A's
const MOVE_DAY = '2026-09-01';
const MOVE_AT = `${MOVE_DAY}T08:00:00.000Z`; // the start of the registry import that saw the move
const A_NOTE = 'Gesprek met gezin A over de huur.';
const C_NOTE = 'Gezin C heeft hulp van schuldhulp.';

describe.each(DIALECTS)('access requests follow residence (%s)', (dialect) => {
  let f: ApiFixture;
  let privacy: Agent;
  const register = (payload: Record<string, unknown>) =>
    privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { received_on: '2026-10-02', ...payload } });
  const detailOf = (id: number) => requestDetail(privacy, id);
  const letterOf = (id: number) => letterText(privacy, id);

  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY }, false);
    // July: A lives at OLD, C at NEW; both get signals, a flag, a note and a viewer.
    await importRegistryAt(f, '2026-07-01T08:00:00Z', 'r1.csv', [...family(A, OLD), ...family(C, NEW)]);
    await storeExampleRuleSet(f);
    await ingestFeedAt(f, '2026-07-31T08:00:00Z', 'july.csv', [
      `woco-noord,a-1,huurachterstand,2026-07-10,3,${A.parent},,,`,
      `leerplicht,a-2,schoolverzuim,2026-07-11,20,${A.child},,,`,
      'meldpunt-overlast,a-3,overlastmelding,2026-07-05,,,9711AA,1,',
      'meldpunt-overlast,a-4,overlastmelding,2026-07-20,,,9711AA,1,',
      `woco-noord,c-1,huurachterstand,2026-07-12,4,${C.parent},,,`,
      `leerplicht,c-2,schoolverzuim,2026-07-13,18,${C.child},,,`,
      'meldpunt-overlast,c-3,overlastmelding,2026-07-06,,,9722CC,5,',
      'meldpunt-overlast,c-4,overlastmelding,2026-07-21,,,9722CC,5,',
      `woco-noord,u-1,huurachterstand,2026-07-15,2,${UNLINKED},,,`,
    ]);
    const run = (await scoreAsOf(engineOf(f), '2026-08-01')).runId;
    const flagged = await f.t.db.selectFrom('flags').select('household_key').where('run_id', '=', run).orderBy('household_key').execute();
    expect(flagged.map((r) => r.household_key)).toEqual([OLD, NEW]);
    setClock(f, '2026-08-03T08:00:00Z');
    const coordinator = await f.login('coordinator');
    expect((await coordinator.request({ method: 'GET', url: `/api/runs/${run}/flags?page_size=200` })).statusCode).toBe(200);
    for (const [key, note] of [
      [OLD, A_NOTE],
      [NEW, C_NOTE],
    ] as const) {
      const flag = await f.flagOf(run, key);
      expect((await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/household` })).statusCode).toBe(200);
      expect((await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/notes`, payload: { note } })).statusCode).toBe(200);
    }
    // 1 September: A moves to NEW, C leaves the city, B moves into OLD.
    await importRegistryAt(f, `${MOVE_DAY}T08:00:00Z`, 'r2.csv', [...family(A, NEW), ...family(B, OLD)]);
    await ingestFeedAt(f, '2026-09-20T08:00:00Z', 'september.csv', ['meldpunt-overlast,b-1,overlastmelding,2026-09-10,,,9711AA,1,']);
    setClock(f, '2026-10-09T08:00:00Z');
    privacy = await f.login('privacy');
  });
  afterAll(async () => f?.close());

  it("B's request, by BSN and by address, holds nothing of A: from B's arrival on, with the reason in plain Dutch", async () => {
    for (const [payload, who] of [
      [{ bsn: B.parent }, 'u'],
      [{ postcode: '9711AA', huisnummer: 1 }, 'de eerste huidige bewoner'],
    ] as const) {
      const res = await register(payload);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ scope_from: MOVE_DAY, household: true });
      const detail = await detailOf(res.json().id);
      expect(detail).toMatchObject({ signals: 1, flags: 0, notes: [] });
      const letter = await letterOf(res.json().id);
      for (const expected of [
        'Deze brief toont de gegevens over uw adres vanaf 1 september 2026.',
        `Dat is de datum waarop ${who} volgens de Basisregistratie Personen op dit adres kwam wonen.`,
        'Gegevens van eerdere bewoners van dit adres staan niet in deze brief.',
        '10 september 2026', // B's own nuisance report
        'In de periode dat u op dit adres woonde, stond uw huishouden niet op de lijst.',
        'In de periode dat u op dit adres woonde, heeft geen medewerker iets vastgelegd over uw huishouden.',
        'In de periode dat u op dit adres woonde, heeft niemand de gegevens van uw huishouden bekeken.',
      ])
        expect(letter).toContain(expected);
      // A's nuisance reports, rent arrears, flag, note and viewers are not B's.
      for (const absent of [
        '5 juli 2026',
        '20 juli 2026',
        'Huurachterstand',
        'Schoolverzuim',
        A_NOTE,
        '1 augustus 2026',
        'coördinator',
        'Bekeken in een lijst',
      ])
        expect(letter).not.toContain(absent);
    }
  });

  it("A's request after the move holds A's own history at the old address, but nothing of C who lived at the new one before", async () => {
    const res = await register({ bsn: A.parent });
    expect(res.json()).toMatchObject({ scope_from: MOVE_DAY, household: true });
    const detail = await detailOf(res.json().id);
    // A's four July signals at OLD (two about A, two about the address while A lived there), A's flag and note.
    expect(detail).toMatchObject({ signals: 4, flags: 1, notes: [{ note: A_NOTE }] });
    const letter = await letterOf(res.json().id);
    for (const expected of [
      'Deze brief toont de adressen waar u woonde toen u uw vraag stelde, voor de tijd dat u er woonde.',
      'Van elk adres tonen wij alleen de periode dat u er woonde.',
      'Huurachterstand',
      '10 juli 2026',
      'Schoolverzuim',
      '11 juli 2026',
      '5 juli 2026',
      '20 juli 2026',
      'Uw huishouden stond 1 keer op de lijst.',
      A_NOTE,
      'De coördinator van het zorgnetwerk',
    ])
      expect(letter).toContain(expected);
    for (const absent of ['6 juli 2026', '21 juli 2026', '12 juli 2026', C_NOTE, '10 september 2026', 'nooit op de lijst', 'Niemand heeft'])
      expect(letter).not.toContain(absent);
    // A note of C is not this request's to withhold.
    const cNote = await f.t.db.selectFrom('triage_events').select('id').where('note', '=', C_NOTE).executeTakeFirstOrThrow();
    const withhold = await privacy.request({
      method: 'POST',
      url: `/api/privacy/requests/${res.json().id}/withheld`,
      payload: { triage_event_id: cNote.id, ground: 'Bescherming van de rechten van anderen' },
    });
    expect(withhold.statusCode).toBe(404);
  });

  it('the registry import kept who lived where since when: the first registry without a start, the move as an end and a start', async () => {
    const rows = await f.t.db.selectFrom('residences').select(['address_key', 'since', 'until']).execute();
    const sorted = rows.map((r) => `${r.address_key} ${r.since ?? '…'} ${r.until ?? '…'}`).sort();
    expect(sorted).toEqual([
      `${OLD} ${MOVE_AT} …`,
      `${OLD} ${MOVE_AT} …`,
      `${OLD} … ${MOVE_AT}`,
      `${OLD} … ${MOVE_AT}`,
      `${NEW} ${MOVE_AT} …`,
      `${NEW} ${MOVE_AT} …`,
      `${NEW} … ${MOVE_AT}`,
      `${NEW} … ${MOVE_AT}`,
    ]);
  });

  it('a BSN only in unlinked signals registers without a household; the letter lists its signals, never scored, and holds no BSN', async () => {
    const res = await register({ bsn: UNLINKED });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as number;
    expect(res.json()).toMatchObject({ household: false, scope_from: null });
    expect(await detailOf(id)).toMatchObject({ signals: 1, flags: 0, notes: [], exclusions: [] });
    const letter = await letterOf(id);
    for (const expected of [
      'Signalen over u',
      'Wij hebben 1 signaal over u.',
      'Daarom zijn deze signalen niet gekoppeld aan een huishouden.',
      'Daarom heeft het systeem ze nooit meegeteld in een berekening.',
      'Woningcorporatie noord',
      'Huurachterstand',
      '15 juli 2026',
    ])
      expect(letter).toContain(expected);
    const hash = createPseudonymizer(TEST_BSN_KEY)(UNLINKED);
    expect(letter).not.toContain(UNLINKED);
    expect(letter).not.toContain(hash);
    const stored = JSON.stringify([
      await f.t.db.selectFrom('access_requests').selectAll().execute(),
      await f.t.db.selectFrom('access_request_signals').selectAll().execute(),
      await f.t.db.selectFrom('audit_log').selectAll().execute(),
    ]);
    expect(stored).not.toContain(UNLINKED);
    expect(stored).not.toContain(hash);
    const signal = await f.t.db.selectFrom('signals').select('id').where('record_id', '=', 'u-1').executeTakeFirstOrThrow();
    expect(await f.t.db.selectFrom('access_request_signals').select(['request_id', 'signal_id']).where('request_id', '=', id).execute()).toEqual([
      { request_id: id, signal_id: signal.id },
    ]);
    // A correction after registration gives the signal a new id: the request keeps the version it found.
    expect((await ingestFeed(engineOf(f), feedFile('correction.csv', [`woco-noord,u-1,huurachterstand,2026-07-15,5,${UNLINKED},,,`]))).updated).toBe(1);
    expect(await detailOf(id)).toMatchObject({ signals: 1 });
    expect(await letterOf(id)).toContain('15 juli 2026');
    // No household, so nothing to exclude: a Dutch 409.
    const excluded = await privacy.request({
      method: 'POST',
      url: `/api/privacy/requests/${id}/exclusions`,
      payload: { ground: 'bezwaar', reason: 'Bezwaar toegekend', from: '2026-10-09', to: '2026-10-20' },
    });
    expect(excluded.statusCode).toBe(409);
    expect(excluded.json().message).toContain('Er is geen huishouden om uit te sluiten.');
    // C left the registry: the request covers C's time at NEW (signals, flag, note), without a household now.
    const c = await register({ bsn: C.parent });
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ household: false });
    expect(await detailOf(c.json().id)).toMatchObject({ signals: 4, flags: 1, notes: [{ note: C_NOTE }] });
  });

  it('a BSN in neither the registry nor any signal is a Dutch 404', async () => {
    const res = await register({ bsn: NOWHERE });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('Over deze persoon of dit adres zijn geen gegevens vastgelegd. Laat de inwoner dat schriftelijk weten.');
  });

  it('keeps every sentence of these letters at 20 words or fewer', async () => {
    const requests = await f.t.db.selectFrom('access_requests').select('id').execute();
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const { id } of requests) {
      for (const s of await letterSentences(f, id)) expect(s.split(/\s+/).length, s).toBeLessThanOrEqual(20);
    }
  });
});

describe.each(DIALECTS)('residences kept by the registry import (%s)', (dialect) => {
  let t: TestDatabase;
  const at = (day: string) => engineContext(t.db, fixedClock(`${day}T08:00:00Z`));
  const hash = createPseudonymizer(TEST_BSN_KEY);
  const residences = async () => (await t.db.selectFrom('residences').selectAll().orderBy('id').execute()).map((r) => ({ ...r, id: Number(r.id) }));
  const of = async (bsn: string) =>
    await t.db.selectFrom('residences').select(['address_key', 'since', 'until']).where('bsn_hash', '=', hash(bsn)).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => t?.drop());

  it('the same snapshot again changes nothing; a move ends one residence and starts another; a newcomer starts on the import date', async () => {
    const first = [...family(A, OLD), ...family(C, NEW)];
    await importRegistry(at('2026-07-01'), registryFile('first.csv', first));
    const once = await residences();
    expect(once).toHaveLength(4);
    expect(once.every((r) => r.since === null && r.until === null)).toBe(true);
    await importRegistry(at('2026-07-08'), registryFile('again.csv', [...first].reverse()));
    expect(await residences()).toEqual(once);

    // A moves to NEW, C leaves, B arrives at OLD.
    const second = [...family(A, NEW), ...family(B, OLD)];
    await importRegistry(at('2026-08-01'), registryFile('second.csv', second));
    // Instants: the start of the import that saw the move.
    const aug = '2026-08-01T08:00:00.000Z';
    expect(await of(A.parent)).toEqual([
      { address_key: OLD, since: null, until: aug },
      { address_key: NEW, since: aug, until: null },
    ]);
    expect(await of(C.parent)).toEqual([{ address_key: NEW, since: null, until: aug }]);
    expect(await of(B.child)).toEqual([{ address_key: OLD, since: aug, until: null }]);
    const moved = await residences();
    await importRegistry(at('2026-08-08'), registryFile('second-again.csv', second));
    expect(await residences()).toEqual(moved);

    // C comes back to NEW: a new residence from that day, the old one stays closed.
    await importRegistry(at('2026-09-01'), registryFile('third.csv', [...second, ...family(C, NEW)]));
    expect(await of(C.parent)).toEqual([
      { address_key: NEW, since: null, until: '2026-08-01T08:00:00.000Z' },
      { address_key: NEW, since: '2026-09-01T08:00:00.000Z', until: null },
    ]);
  });

  it('the retention job deletes a residence that ended longer ago than the signals are kept, and no open one', async () => {
    const policy = { retentionDays: 30, quarantineRetentionDays: 90, auditRetentionDays: 1826 };
    const open = (await residences()).filter((r) => r.until === null).length;
    const kept = await applyRetention(at('2026-08-31'), policy); // signals before 1 August go: nothing ended before then
    expect(kept.residencesDeleted).toBe(0);
    const removed = await applyRetention(at('2026-09-01'), policy); // before 2 August: the residences that ended on 1 August
    expect(removed.residencesDeleted).toBe(4);
    const left = await residences();
    expect(left.every((r) => r.until === null)).toBe(true);
    expect(left).toHaveLength(open);
  });
});
