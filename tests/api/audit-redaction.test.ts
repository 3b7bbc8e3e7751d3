import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactAuditEntry } from '../../server/src/core/audit-redaction.ts';
import { NO_HOUSEHOLD_TEXT, SHIELDED_ID } from '../../shared/src/api/audit-shield.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { TEST_BSN_KEY } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// The beheerder reads the audit log without household data: no address key, postcode or
// flag id, no search on one household, and no way to tell by comparing two views of the
// week list which household an objection took off it. The stored log keeps everything.

const entry = (object_type: string | null, object_id: string | null, detail: string | null, event = 'x') => ({ id: 1, event, object_type, object_id, detail });
const clean = new RegExp(NO_HOUSEHOLD_TEXT);

describe('redactAuditEntry', () => {
  it('replaces the id of a household, a flag and a follow-up by a neutral Dutch text', () => {
    expect(redactAuditEntry(entry('household', '9711AA-1-', null)).object_id).toBe('huishouden (afgeschermd)');
    expect(redactAuditEntry(entry('flag', '42', null)).object_id).toBe('signalering (afgeschermd)');
    expect(redactAuditEntry(entry('triage', '42', null)).object_id).toBe('opvolging (afgeschermd)');
    expect(redactAuditEntry(entry('user', 'coordinator', null))).toEqual(entry('user', 'coordinator', null));
    expect(redactAuditEntry(entry('run', '7', null)).object_id).toBe('7');
    expect(redactAuditEntry(entry(null, null, null))).toEqual(entry(null, null, null));
  });

  it('keeps of a list view its filter and page, not its households, how many there were, or an address searched for', () => {
    const raw = JSON.stringify({
      huishoudens: ['9711AA-1-', '9733BC-12-B'],
      getoond: 2,
      totaal: 40,
      filter: { search: '9711 aa 1', wijk: 'Beijum', page: 2, sort: 'address' },
    });
    const detail = redactAuditEntry(entry('run', '7', raw)).detail!;
    expect(JSON.parse(detail)).toEqual({ filter: { search: '(afgeschermd)', wijk: 'Beijum', page: 2, sort: 'address' } });
  });

  it('drops the households and their number of a meeting, an export and the off-list worklist, and hides flag ids and stray addresses', () => {
    const meeting = `zorgnetwerk 3: advies en regisseur vastgelegd; ${JSON.stringify({ huishoudens: ['9711AA-1-', '9733BC-12-B', '9999ZZ-3-'] })}`;
    expect(redactAuditEntry(entry('household', '9711AA-1-', meeting)).detail).toBe('zorgnetwerk 3: advies en regisseur vastgelegd');
    expect(redactAuditEntry(entry('meeting', '1', '{"huishoudens":["9711AA-1-"]}')).detail).toBeNull();
    const exported = `signaleringen als CSV: ${JSON.stringify({ huishoudens: 2, kolommen: 'address_key,wijk', filter: { search: '9711AA' }, adressen: ['9711AA-1-', '9711AA-2-'] })}`;
    expect(redactAuditEntry(entry('export', 'run:7', exported)).detail).toBe(
      'signaleringen als CSV: {"kolommen":"address_key,wijk","filter":{"search":"(afgeschermd)"}}',
    );
    expect(redactAuditEntry(entry('export', 'run:7', 'signaleringen als CSV naar stdout: 63 huishoudens')).detail).toBe('signaleringen als CSV naar stdout');
    expect(redactAuditEntry(entry('run', '7', 'peildatum 2026-10-08: 409 signaleringen')).detail).toBe('peildatum 2026-10-08');
    // A detail cut short still loses its keys and counts.
    expect(redactAuditEntry(entry('run', '7', 'lijst: {"huishoudens":["9711AA-1-"],"totaal":40,"filter":{"wijk":"Beijum"')).detail).toBe(
      'lijst: {"filter":{"wijk":"Beijum"',
    );
    expect(redactAuditEntry(entry('worklist', 'off-list', '{"huishoudens":[]}')).detail).toBeNull();
    expect(redactAuditEntry(entry('household', 'k', 'signalering 42: samenstelling, adres')).detail).toBe('signalering (afgeschermd): samenstelling, adres');
    expect(redactAuditEntry(entry('file', 'a.csv', 'mislukt: 9711AB-5-A en 9711 AB 5 a en 9711AB onbekend')).detail).toBe(
      'mislukt: (afgeschermd) en (afgeschermd) en (afgeschermd) onbekend',
    );
  });

  it("shows of the privacy officer's work only that it happened, failed and denied calls included", () => {
    const excluded = entry('access_request', '8', 'beperking: uitgesloten van 2026-12-05 tot en met 2027-03-05', 'createExclusion');
    expect(redactAuditEntry(excluded)).toEqual({ ...excluded, object_id: 'inzageverzoek (afgeschermd)', detail: null });
    const lifted = entry('signal_mark', '3', 'poging: markering opheffen', 'liftSignalMark');
    expect(redactAuditEntry(lifted)).toEqual({ ...lifted, object_id: 'markering (afgeschermd)', detail: null });
    expect(redactAuditEntry(entry('request', '8', null, 'denied:liftExclusion'))).toMatchObject({ object_id: '(afgeschermd)', detail: null });
    expect(redactAuditEntry(entry('access_request', '8', 'gevonden via bsn', 'access_letter')).detail).toBeNull();
    expect(redactAuditEntry(entry(null, null, null, 'accessRequests'))).toEqual(entry(null, null, null, 'accessRequests'));
  });

  it('keeps counts that are no household list: a registry import', () => {
    const imported = 'registry.csv: personen 410, huishoudens 180, geweigerd 0';
    expect(redactAuditEntry(entry('file', 'registry.csv', imported)).detail).toBe(imported);
  });

  it('leaves text without a household alone, lower-case content hashes included', () => {
    for (const detail of ['Standaard v2 goedgekeurd (1234abcdef12): prima', 'gewijzigd: rol, wijken', 'rol coordinator, wijken Beijum, Vinkhuizen']) {
      expect(redactAuditEntry(entry('rule_set', '2', detail)).detail).toBe(detail);
    }
  });

  it('gives only texts the response schema accepts, where the stored ones are refused', () => {
    const raw = ['9711AA-1-', 'signalering 3 voor 9711 AA 1', JSON.stringify({ huishoudens: ['9711AA-1-'] })];
    for (const r of raw) {
      expect(clean.test(r)).toBe(false);
      const shown = redactAuditEntry(entry('export', r, r));
      expect(clean.test(shown.object_id!)).toBe(true);
      expect(clean.test(shown.detail!)).toBe(true);
    }
  });
});

const HOUSEHOLD = '9711AA-1-';
interface AuditItem {
  id: number;
  event: string;
  username: string | null;
  role: string | null;
  object_type: string | null;
  object_id: string | null;
  detail: string | null;
  outcome: string;
}
const PARENT_BSN = '908301662';

describe.each(DIALECTS)('the beheerder reads the audit log without household data (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;
  let beheerder: Agent;
  let privacy: Agent;
  let keys: string[];
  const run = () => f.runIds[1]!;
  const weekList = () => coordinator.request({ method: 'GET', url: `/api/runs/${run()}/flags?page_size=200` });
  const audit = async (query: string) => {
    const res = await beheerder.request({ method: 'GET', url: `/api/audit?page_size=200${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: AuditItem[]; total: number };
  };
  const stored = (event: string) => f.t.db.selectFrom('audit_log').selectAll().where('event', '=', event).orderBy('id').execute();

  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY });
    [coordinator, beheerder, privacy] = [await f.login('coordinator'), await f.login('beheerder'), await f.login('privacy')];
    keys = (await f.t.db.selectFrom('households').select('address_key').execute()).map((h) => h.address_key);
    expect(keys).toContain(HOUSEHOLD);
  });
  afterAll(async () => f?.close());

  it('shows no address key, postcode or flag id of any household the coordinator opened, listed, searched or exported', async () => {
    const flag = await f.flagOf(run(), HOUSEHOLD);
    expect((await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/household` })).statusCode).toBe(200);
    expect((await weekList()).statusCode).toBe(200);
    const search = await coordinator.request({ method: 'POST', url: `/api/runs/${run()}/flags/search`, payload: { search: '9711 AA 1' } });
    expect(search.json().items.map((i: { household_key: string }) => i.household_key)).toContain(HOUSEHOLD);
    expect((await coordinator.request({ method: 'GET', url: `/api/runs/${run()}/flags.csv` })).body).toContain(HOUSEHOLD);
    // The stored log names them, for the privacy officer's letter.
    expect((await stored('household_read')).map((e) => e.object_id)).toContain(HOUSEHOLD);
    expect((await stored('flags_list')).map((e) => e.detail).join()).toContain(HOUSEHOLD);

    const page = await audit('');
    const shown = JSON.stringify(page);
    for (const key of keys) {
      expect(shown).not.toContain(key);
      expect(shown).not.toContain(key.split('-')[0]);
    }
    expect(shown).not.toMatch(/9711 ?AA/i);
    const read = page.items.find((e) => e.event === 'household_read')!;
    expect(read).toMatchObject({ object_type: 'household', object_id: SHIELDED_ID.household });
    expect(read.detail).not.toContain(String(flag));
    const list = page.items.find((e) => e.event === 'flags_list' && e.detail?.includes('"search"'))!;
    expect(Object.keys(JSON.parse(list.detail!))).toEqual(['filter']);
    expect(JSON.parse(list.detail!)).toMatchObject({ filter: { search: '(afgeschermd)' } });
    for (const e of page.items.filter((i) => ['household', 'flag', 'triage'].includes(i.object_type ?? ''))) {
      expect(Object.values(SHIELDED_ID)).toContain(e.object_id);
    }
  });

  it('refuses a search on one household, flag or follow-up, and on an object id without its type, in Dutch', async () => {
    const flag = await f.flagOf(run(), HOUSEHOLD);
    for (const query of [`object_type=household&object_id=${HOUSEHOLD}`, `object_type=flag&object_id=${flag}`, `object_type=triage&object_id=${flag}`]) {
      const res = await beheerder.request({ method: 'GET', url: `/api/audit?${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'querystring.object_id', reason: expect.stringContaining('afgeschermd') });
    }
    const untyped = await beheerder.request({ method: 'GET', url: `/api/audit?object_id=${HOUSEHOLD}` });
    expect(untyped.statusCode).toBe(400);
    expect(untyped.json()).toMatchObject({ field: 'querystring.object_id', reason: 'zoeken op een object kan alleen samen met een soort object' });
    // A search by type still works, and so does one on an object that is no household.
    expect((await audit('&object_type=household')).total).toBeGreaterThan(0);
    const users = await audit('&object_type=user&object_id=coordinator');
    expect(users.items.length).toBeGreaterThan(0);
    expect(users.items.every((e) => e.object_id === 'coordinator')).toBe(true);
  });

  it('gives the same views of lists, exports and a meeting before and after an exclusion, and of the exclusion only that it happened', async () => {
    const flag = await f.flagOf(run(), HOUSEHOLD);
    const meeting = (await coordinator.request({ method: 'POST', url: '/api/meetings', payload: { held_on: '2026-10-20', wijken: ['Beijum'] } })).json()
      .id as number;
    expect((await coordinator.request({ method: 'POST', url: `/api/meetings/${meeting}/agenda`, payload: { flag_id: flag } })).statusCode).toBe(200);
    // The reviewer's reads: the wijk's export, an address search's export, the whole run's export, the list and the meeting.
    const reads = async () => {
      const exportOf = (payload: object) => coordinator.request({ method: 'POST', url: `/api/runs/${run()}/flags/export`, payload });
      const answers = [
        await exportOf({ wijk: 'Beijum' }),
        await exportOf({ search: '9711 AA 1' }),
        await coordinator.request({ method: 'GET', url: `/api/runs/${run()}/flags.csv` }),
        await weekList(),
        await coordinator.request({ method: 'GET', url: `/api/meetings/${meeting}` }),
      ];
      for (const a of answers) expect(a.statusCode).toBe(200);
      return answers;
    };
    const [, searched, , , meetingBefore] = await reads();
    expect(searched!.body).toContain(HOUSEHOLD);
    expect(meetingBefore!.json().items).toHaveLength(1);
    const before = await audit('');

    const request = (await privacy.request({ method: 'POST', url: '/api/privacy/requests', payload: { bsn: PARENT_BSN, received_on: '2026-10-02' } })).json();
    const excluded = await privacy.request({
      method: 'POST',
      url: `/api/privacy/requests/${request.id}/exclusions`,
      payload: { ground: 'beperking', reason: 'Beperking toegekend', from: '2026-10-09', to: '2026-12-31' },
    });
    expect(excluded.statusCode).toBe(200);
    const [, searchedAfter, , list, meetingAfter] = await reads();
    expect(searchedAfter!.body).not.toContain(HOUSEHOLD);
    expect(list!.json().items.map((i: { household_key: string }) => i.household_key)).not.toContain(HOUSEHOLD);
    expect(meetingAfter!.json().items).toHaveLength(0);
    const after = await audit('');

    // Stored, every read of the second round differs from its twin of the first: the household is gone.
    const storedReads = (
      await f.t.db.selectFrom('audit_log').select(['event', 'detail']).where('username', '=', 'coordinator').orderBy('id', 'desc').limit(10).execute()
    ).reverse();
    for (let i = 0; i < 5; i++) expect(storedReads[i + 5]!.detail).not.toBe(storedReads[i]!.detail);

    // Shown, the old entries stay as they were, and the new reads read exactly like the old ones.
    const seen = new Set(before.items.map((e) => e.id));
    const kept = after.items.filter((e) => seen.has(e.id));
    expect(kept).toEqual(before.items);
    const added = after.items.filter((e) => !seen.has(e.id)).reverse();
    const view = (e: AuditItem) => ({
      event: e.event,
      object_type: e.object_type,
      object_id: e.object_id,
      detail: e.detail,
      outcome: e.outcome,
      username: e.username,
    });
    const firstRound = before.items.slice(0, 5).reverse().map(view);
    expect(added.filter((e) => e.username === 'coordinator').map(view)).toEqual(firstRound);
    expect(JSON.stringify(firstRound)).not.toMatch(/"(huishoudens|adressen|getoond|totaal)|\d+ huishoudens/);
    expect(added.filter((e) => e.username === 'privacy').map((e) => [e.event, e.role, e.object_id, e.detail])).toEqual([
      ['createAccessRequest', 'privacy', 'inzageverzoek (afgeschermd)', null],
      ['createExclusion', 'privacy', 'inzageverzoek (afgeschermd)', null],
    ]);
    // Besides: the beheerder's own first look at the log.
    expect(added.filter((e) => e.username === 'beheerder').map((e) => e.event)).toEqual(['audit_search']);
    expect(added).toHaveLength(8);
    const everything = JSON.stringify(after);
    for (const key of keys) expect(everything).not.toContain(key);
    expect(everything).not.toMatch(/uitgesloten|2026-12-31|Beperking toegekend/);
  });

  it('refuses a search on one access request or mark, like on a household', async () => {
    const res = await beheerder.request({ method: 'GET', url: '/api/audit?object_type=access_request&object_id=1' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'querystring.object_id', reason: expect.stringContaining('verzoek') });
  });
});
