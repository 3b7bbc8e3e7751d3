import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMeetingItem } from '../../server/src/repositories/meeting-repository.ts';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { TEST_BSN_KEY } from '../helpers/engine.ts';
import { validBsn } from '../engine/support/bsn.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';
import { engineOf, family, importRegistryAt, ingestFeedAt, person, setClock, storeExampleRuleSet } from './support/moves.ts';

// A new family at a flagged address is a new case. Family A is on the list at OLD, in
// treatment, for two weeks; on 1 September A leaves and family B moves in, and B is on the
// next list at once (B's own signals and the nuisance reports about the address). B's flag
// must not continue A's case: it is new, in its first week, with status "nieuw", nobody
// assigned and a first-contact deadline. Family D at STAY gets a baby: the same family,
// so its case continues; so is a registry delivery that left D out once. A's earlier flag at
// OLD takes no more triage steps or meeting advice; its case is closed from the worklist.

const A = { parent: validBsn(21), child: validBsn(22) };
const B = { parent: validBsn(23), child: validBsn(24) };
const D = { parent: validBsn(25), child: validBsn(26), baby: validBsn(27) };
const OLD = '9711AA-1-';
const NEW = '9722CC-5-';
const STAY = '9733DD-7-';
const RESIDENTS_CHANGED =
  'De bewoners van dit adres zijn veranderd sinds deze signalering. De gegevens van toen worden niet meer getoond; open de signalering van de huidige bewoners.';

interface Item {
  id: number;
  household_key: string;
  is_new: boolean;
  weeks_on_list: number;
  triage_status: string;
  assigned_to: string | null;
  first_contact_due: string | null;
}

describe.each(DIALECTS)('a change of residents starts a new case (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;
  const runs: number[] = [];
  const score = async (asOf: string) => runs.push((await scoreAsOf(engineOf(f), asOf)).runId);
  const listOf = async (runId: number): Promise<Item[]> => {
    const res = await coordinator.request({ method: 'GET', url: `/api/runs/${runId}/flags?sort=address&page_size=50` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const itemAt = async (runId: number, key: string) => (await listOf(runId)).find((i) => i.household_key === key);
  const post = (url: string, payload: Record<string, unknown>) => coordinator.request({ method: 'POST', url, payload });

  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY }, false);
    await importRegistryAt(f, '2026-07-01T08:00:00Z', 'r1.csv', [...family(A, OLD), ...family(D, STAY)]);
    await storeExampleRuleSet(f);
    await ingestFeedAt(f, '2026-07-31T08:00:00Z', 'july.csv', [
      `woco-noord,a-1,huurachterstand,2026-07-10,3,${A.parent},,,`,
      `leerplicht,a-2,schoolverzuim,2026-07-11,20,${A.child},,,`,
      'meldpunt-overlast,o-1,overlastmelding,2026-07-05,,,9711AA,1,',
      'meldpunt-overlast,o-2,overlastmelding,2026-07-20,,,9711AA,1,',
      `woco-noord,d-1,huurachterstand,2026-07-12,4,${D.parent},,,`,
      `leerplicht,d-2,schoolverzuim,2026-07-13,18,${D.child},,,`,
      'meldpunt-overlast,d-3,overlastmelding,2026-07-06,,,9733DD,7,',
      'meldpunt-overlast,d-4,overlastmelding,2026-07-21,,,9733DD,7,',
    ]);
    await score('2026-08-01');
    setClock(f, '2026-08-03T08:00:00Z');
    coordinator = await f.login('coordinator');
    for (const key of [OLD, STAY]) {
      const res = await post(`/api/flags/${await f.flagOf(runs[0]!, key)}/triage/status`, { status: 'in_behandeling' });
      expect(res.statusCode, res.body).toBe(200);
    }
    setClock(f, '2026-08-08T08:00:00Z');
    await score('2026-08-08');
    // 20 August: a faulty delivery leaves family D out; the next one has them back.
    await importRegistryAt(f, '2026-08-20T08:00:00Z', 'glitch.csv', family(A, OLD));
    // 1 September: A leaves OLD for NEW, B moves into OLD, D's baby is registered at STAY.
    const after = [...family(A, NEW), ...family(B, OLD), ...family(D, STAY), person(D.baby, '2026-08-20', STAY)];
    await importRegistryAt(f, '2026-09-01T08:00:00Z', 'r2.csv', after);
    await ingestFeedAt(f, '2026-09-04T08:00:00Z', 'september.csv', [
      `woco-noord,b-1,huurachterstand,2026-09-02,4,${B.parent},,,`,
      `leerplicht,b-2,schoolverzuim,2026-09-03,18,${B.child},,,`,
    ]);
    setClock(f, '2026-09-05T08:00:00Z');
    await score('2026-09-05');
    coordinator = await f.login('coordinator');
  });
  afterAll(async () => f?.close());

  it('without a change of residents, a flag continues its case from week to week', async () => {
    for (const key of [OLD, STAY]) {
      expect(await itemAt(runs[1]!, key)).toMatchObject({ is_new: false, weeks_on_list: 2, triage_status: 'in_behandeling' });
    }
  });

  it("the newcomers' flag at the old address is a new case: new, week one, status nieuw, nobody assigned, a first-contact deadline", async () => {
    const b = await itemAt(runs[2]!, OLD);
    expect(b).toMatchObject({ is_new: true, weeks_on_list: 1, triage_status: 'nieuw', assigned_to: null });
    expect(b!.first_contact_due).not.toBeNull();
    // The family page and its triage say nothing of an earlier case.
    const page = await coordinator.request({ method: 'GET', url: `/api/flags/${b!.id}/household` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ weeks_on_list: 1, earlier_flags: [], triage: { id: null, status: 'nieuw', events: [], residents_changed: false } });
    // A's case is still stored, under A's own episode, for retention and the privacy officer.
    expect(await f.t.db.selectFrom('triage').select('status').where('household_key', '=', OLD).execute()).toEqual([{ status: 'in_behandeling' }]);
  });

  it('a baby joining the family, or one delivery without the family, is no change of residents: the case continues', async () => {
    const d = await itemAt(runs[2]!, STAY);
    expect(d).toMatchObject({ is_new: false, weeks_on_list: 3, triage_status: 'in_behandeling' });
    const page = await coordinator.request({ method: 'GET', url: `/api/flags/${d!.id}/household` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ shown_from: null, weeks_on_list: 3 });
    expect((await coordinator.request({ method: 'GET', url: `/api/flags/${await f.flagOf(runs[1]!, STAY)}/triage` })).statusCode).toBe(200);
  });

  it("the run counts the newcomers' flag among the new ones", async () => {
    const flags = await f.t.db.selectFrom('flags').select(['household_key', 'is_new']).where('run_id', '=', runs[2]!).orderBy('household_key').execute();
    expect(flags.map((r) => `${r.household_key} ${r.is_new}`)).toEqual([`${OLD} 1`, `${STAY} 0`]);
  });

  it("A's earlier flag at the old address takes no step but one that concludes the case: a Dutch 409, nothing stored", async () => {
    const aFlag = await f.flagOf(runs[1]!, OLD);
    const events = async () => (await f.t.db.selectFrom('triage_events').select('id').execute()).length;
    const before = await events();
    for (const [url, payload] of [
      [`/api/flags/${aFlag}/triage/status`, { status: 'besproken_in_zorgnetwerk' }],
      [`/api/flags/${aFlag}/triage/status`, { status: 'doorverwezen' }],
      [`/api/flags/${aFlag}/triage/status`, { status: 'afgesloten', outcome: 'niet_terecht' }],
      [`/api/flags/${aFlag}/triage/status`, { status: 'afgesloten', review_on: '2026-10-01' }],
      [`/api/flags/${aFlag}/triage/notes`, { note: 'Een notitie bij het oude gezin.' }],
      [`/api/flags/${aFlag}/triage/outcome`, { outcome: 'terecht' }],
      [`/api/flags/${aFlag}/triage/assignment`, { assigned_to: null }],
    ] as const) {
      const res = await post(url, payload);
      expect(res.statusCode, `${url} ${res.body}`).toBe(409);
      expect(res.json().message).toBe(RESIDENTS_CHANGED);
    }
    expect(await events()).toBe(before);
    expect(await f.t.db.selectFrom('triage').select('status').where('household_key', '=', OLD).execute()).toEqual([{ status: 'in_behandeling' }]);
  });

  it("A's earlier flag does not go on a meeting's agenda, and advice on an item put there before the move is refused", async () => {
    const aFlag = await f.flagOf(runs[1]!, OLD);
    const meeting = await post('/api/meetings', { held_on: '2026-09-10', wijken: ['Beijum'] });
    expect(meeting.statusCode, meeting.body).toBe(200);
    const id = meeting.json().id as number;
    const refused = await post(`/api/meetings/${id}/agenda`, { flag_id: aFlag });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().message).toBe(RESIDENTS_CHANGED);
    expect(await f.t.db.selectFrom('meeting_items').select('id').where('meeting_id', '=', id).execute()).toEqual([]);
    // An item put on the agenda before the move (as the agenda stood then).
    await addMeetingItem(f.t.db, {
      meeting_id: id,
      flag_id: aFlag,
      household_key: OLD,
      wijk: 'Beijum',
      added_by: 'coordinator',
      added_at: '2026-08-20T08:00:00.000Z',
    });
    const detail = await coordinator.request({ method: 'GET', url: `/api/meetings/${id}` });
    const item = (detail.json().items as { id: number; residents_changed: boolean }[])[0]!;
    expect(item.residents_changed).toBe(true);
    const res = await post(`/api/meetings/${id}/items/${item.id}/record`, {
      advice: 'Schuldhulp inschakelen.',
      regisseur_name: 'A. de Vries',
      regisseur_org: 'GGD',
      next_step: 'Intake plannen.',
      next_step_due: '2026-09-20',
      seen_recorded_at: null,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().message).toBe(RESIDENTS_CHANGED);
    const stored = await f.t.db.selectFrom('meeting_items').select(['advice', 'recorded_at']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ advice: null, recorded_at: null });
    // The newcomers take the earlier family's place on that agenda.
    const bFlag = await f.flagOf(runs[2]!, OLD);
    const replaced = await post(`/api/meetings/${id}/agenda`, { flag_id: bFlag });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().items).toEqual([expect.objectContaining({ id: item.id, flag_id: bFlag, residents_changed: false })]);
  });

  it("lists A's open case on the worklist as an earlier family's, with A's flag, and lets the coordinator close it there", async () => {
    const offList = async () => {
      const res = await coordinator.request({ method: 'GET', url: '/api/worklist/off-list' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { flag_id: number; household_key: string; triage_status: string; residents_changed: boolean; last_on_list: string }[];
    };
    const aFlag = await f.flagOf(runs[1]!, OLD);
    expect(await offList()).toEqual([
      expect.objectContaining({ flag_id: aFlag, household_key: OLD, triage_status: 'in_behandeling', residents_changed: true, last_on_list: '2026-08-08' }),
    ]);
    const closed = await post(`/api/flags/${aFlag}/triage/status`, { status: 'afgesloten', from: 'in_behandeling', note: 'Gezin verhuisd.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await offList()).toEqual([]);
    // A's case is closed; B's new case is untouched.
    expect(await f.t.db.selectFrom('triage').select('status').where('household_key', '=', OLD).execute()).toEqual([{ status: 'afgesloten' }]);
    expect(await itemAt(runs[2]!, OLD)).toMatchObject({ triage_status: 'nieuw', assigned_to: null });
  });

  it('a family off the list for a week and back gets a new case; its open case stays on the worklist with a link to it', async () => {
    const dFlag = await f.flagOf(runs[2]!, STAY);
    await importRegistryAt(f, '2026-09-08T08:00:00Z', 'without-d.csv', [...family(A, NEW), ...family(B, OLD)]);
    setClock(f, '2026-09-12T08:00:00Z');
    await score('2026-09-12');
    await importRegistryAt(f, '2026-09-15T08:00:00Z', 'with-d.csv', [
      ...family(A, NEW),
      ...family(B, OLD),
      ...family(D, STAY),
      person(D.baby, '2026-08-20', STAY),
    ]);
    setClock(f, '2026-09-19T08:00:00Z');
    await score('2026-09-19');
    coordinator = await f.login('coordinator');
    expect(await itemAt(runs[4]!, STAY)).toMatchObject({ is_new: true, weeks_on_list: 1, triage_status: 'nieuw' });
    const res = await coordinator.request({ method: 'GET', url: '/api/worklist/off-list' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ flag_id: dFlag, household_key: STAY, triage_status: 'in_behandeling', residents_changed: false, last_on_list: '2026-09-05' }),
    ]);
    // The same family: the old case opens on its family page.
    expect((await coordinator.request({ method: 'GET', url: `/api/flags/${dFlag}/triage` })).json()).toMatchObject({ status: 'in_behandeling' });
  });
});
