import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { TEST_BSN_KEY } from '../helpers/engine.ts';
import { validBsn } from '../engine/support/bsn.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';
import { engineOf, family, importRegistryAt, ingestFeedAt, setClock, storeExampleRuleSet } from './support/moves.ts';

// The family page starts at the current residents' arrival. Family A, on the list at OLD
// with a note and a meeting's advice, moves to NEW on 1 September; family B moves into OLD
// and comes on the list on 1 October. B's page holds none of A's notes, case, earlier flag
// or trend, says from when it shows data, and still lists the nuisance reports made about
// the address before B came (they count) marked as such. A's own signals follow A. Family
// D never moves: its page shows everything, as before.

const A = { parent: validBsn(11), child: validBsn(12) };
const B = { parent: validBsn(13), child: validBsn(14) };
const D = { parent: validBsn(15), child: validBsn(16) };
const OLD = '9711AA-1-';
const NEW = '9722CC-5-';
const STAY = '9733DD-7-';
const MOVE_DAY = '2026-09-01';
const A_NOTE = 'Gesprek met moeder gepland over de huurachterstand.';
const A_ADVICE = 'Schuldhulp inschakelen voor gezin A.';
const D_NOTE = 'Gezin D is bekend bij het wijkteam.';

interface Signal {
  record_id: string;
  observed_on: string;
  before_residents: boolean;
}
interface Rule {
  indicator: string;
  signals: Signal[];
}
interface Page {
  shown_from: string | null;
  flag: { flag_id: number; rules: Rule[] };
  earlier_flags: { flag_id: number }[];
  trend: { as_of: string; flagged: boolean }[];
  weeks_on_list: number;
  timeline: { id: number; observed_on: string; before_arrival: boolean }[];
  triage: { id: number | null; status: string; shown_from: string | null; residents_changed: boolean; events: { note: string | null }[] };
}
const evidence = (page: Page) => page.flag.rules.flatMap((r) => r.signals.map((s) => `${s.record_id} ${s.before_residents}`)).sort();

describe.each(DIALECTS)('the family page starts at the current residents (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;
  const runs: number[] = [];
  let meeting = 0;
  const ctx = () => engineOf(f);
  const pageOf = async (flagId: number): Promise<Page> => {
    const res = await coordinator.request({ method: 'GET', url: `/api/flags/${flagId}/household` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await coordinator.request({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    f = await createApiFixture(dialect, { bsnKey: TEST_BSN_KEY }, false);
    await importRegistryAt(f, '2026-07-01T08:00:00Z', 'r1.csv', [...family(A, OLD), ...family(D, STAY)]);
    await storeExampleRuleSet(f);
    await ingestFeedAt(f, '2026-07-31T08:00:00Z', 'july.csv', [
      `woco-noord,a-1,huurachterstand,2026-07-10,3,${A.parent},,,`,
      `leerplicht,a-2,schoolverzuim,2026-07-11,20,${A.child},,,`,
      `uwv,a-3,werkloosheid,2026-07-15,,${A.parent},,,`,
      'meldpunt-overlast,o-1,overlastmelding,2026-07-05,,,9711AA,1,',
      'meldpunt-overlast,o-2,overlastmelding,2026-07-20,,,9711AA,1,',
      `woco-noord,d-1,huurachterstand,2026-07-12,4,${D.parent},,,`,
      `leerplicht,d-2,schoolverzuim,2026-07-13,18,${D.child},,,`,
      'meldpunt-overlast,d-3,overlastmelding,2026-07-06,,,9733DD,7,',
      'meldpunt-overlast,d-4,overlastmelding,2026-07-21,,,9733DD,7,',
    ]);
    runs.push((await scoreAsOf(ctx(), '2026-08-01')).runId);
    setClock(f, '2026-08-03T08:00:00Z');
    coordinator = await f.login('coordinator');
    const aFlag = await f.flagOf(runs[0]!, OLD);
    await post(`/api/flags/${aFlag}/triage/notes`, { note: A_NOTE });
    await post(`/api/flags/${await f.flagOf(runs[0]!, STAY)}/triage/notes`, { note: D_NOTE });
    await post(`/api/flags/${aFlag}/triage/status`, { status: 'in_behandeling' });
    meeting = (await post('/api/meetings', { held_on: '2026-08-10', wijken: ['Beijum'] })).id as number;
    const items = (await post(`/api/meetings/${meeting}/agenda`, { flag_id: aFlag })).items as { id: number; household_key: string }[];
    setClock(f, '2026-08-10T12:00:00Z');
    coordinator = await f.login('coordinator');
    await post(`/api/meetings/${meeting}/items/${items.find((i) => i.household_key === OLD)!.id}/record`, {
      advice: A_ADVICE,
      regisseur_name: 'A. de Vries',
      regisseur_org: 'GGD',
      next_step: 'Intake plannen.',
      next_step_due: '2026-08-20',
      seen_recorded_at: null,
    });
    // 1 September: A moves to NEW, B moves into OLD, D stays.
    await importRegistryAt(f, `${MOVE_DAY}T08:00:00Z`, 'r2.csv', [...family(A, NEW), ...family(B, OLD), ...family(D, STAY)]);
    runs.push((await scoreAsOf(ctx(), '2026-09-05')).runId);
    await ingestFeedAt(f, '2026-09-20T08:00:00Z', 'september.csv', [
      // B lost a job in August, before B came here: recorded at B's previous address.
      `uwv,b-0,werkloosheid,2026-08-20,,${B.parent},,,`,
      `woco-noord,b-1,huurachterstand,2026-09-12,4,${B.parent},,,`,
      `leerplicht,b-2,schoolverzuim,2026-09-13,18,${B.child},,,`,
      'meldpunt-overlast,o-3,overlastmelding,2026-09-10,,,9711AA,1,',
    ]);
    runs.push((await scoreAsOf(ctx(), '2026-10-01')).runId);
    setClock(f, '2026-10-02T08:00:00Z');
    coordinator = await f.login('coordinator');
  });
  afterAll(async () => f?.close());

  it("B's page holds none of A's notes, advice, case, earlier flag or trend, and says from when it shows data", async () => {
    const page = await pageOf(await f.flagOf(runs[2]!, OLD));
    expect(page.shown_from).toBe(MOVE_DAY);
    expect(page.earlier_flags).toEqual([]);
    expect(page.trend.map((p) => `${p.as_of} ${p.flagged}`)).toEqual(['2026-09-05 false', '2026-10-01 true']);
    expect(page.weeks_on_list).toBe(1);
    expect(page.timeline.map((s) => s.observed_on).sort()).toEqual(['2026-08-20', '2026-09-10', '2026-09-12', '2026-09-13']);
    expect(page.triage).toMatchObject({ id: null, status: 'nieuw', events: [], residents_changed: false, shown_from: MOVE_DAY });
    const text = JSON.stringify(page);
    for (const absent of [A_NOTE, A_ADVICE, '2026-08-01', '2026-07-10', 'a-1']) expect(text).not.toContain(absent);
    // A's notes are still stored, for retention and the privacy officer.
    expect(await f.t.db.selectFrom('triage_events').select('id').where('note', '=', A_NOTE).execute()).toHaveLength(1);
  });

  it("B's evidence still lists the nuisance reports about the address from before B came, marked as such", async () => {
    const page = await pageOf(await f.flagOf(runs[2]!, OLD));
    expect(evidence(page)).toEqual(['b-0 false', 'b-1 false', 'b-2 false', 'o-1 true', 'o-2 true', 'o-3 false']);
  });

  it("B's own signal from before B came shows in the timeline, marked as observed before the arrival", async () => {
    const page = await pageOf(await f.flagOf(runs[2]!, OLD));
    const marked = page.timeline.map((s) => `${s.observed_on} ${s.before_arrival}`).sort();
    expect(marked).toEqual(['2026-08-20 true', '2026-09-10 false', '2026-09-12 false', '2026-09-13 false']);
  });

  it("A's flag at OLD from before the move no longer opens as a family page, for the household and the triage read", async () => {
    const aFlag = await f.flagOf(runs[0]!, OLD);
    for (const url of [`/api/flags/${aFlag}/household`, `/api/flags/${aFlag}/triage`]) {
      const res = await coordinator.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(409);
      expect(res.json().message).toBe(
        'De bewoners van dit adres zijn veranderd sinds deze signalering. De gegevens van toen worden niet meer getoond; open de signalering van de huidige bewoners.',
      );
      for (const absent of [A_NOTE, 'b-1', 'a-1', '9711AA']) expect(res.body).not.toContain(absent);
    }
    // Audited as a refused read of that flag.
    const audited = await f.t.db
      .selectFrom('audit_log')
      .select(['outcome', 'object_type'])
      .where('event', '=', 'household_read')
      .where('object_id', '=', String(aFlag))
      .execute();
    expect(audited).toEqual([{ outcome: 'failure', object_type: 'flag' }]);
    // A's page at NEW, where A lives now, and B's page at OLD still open.
    await pageOf(await f.flagOf(runs[2]!, NEW));
    await pageOf(await f.flagOf(runs[2]!, OLD));
  });

  it("the meeting that discussed A marks A's item as of earlier residents; a current flag's item is not", async () => {
    const res = await coordinator.request({ method: 'GET', url: `/api/meetings/${meeting}` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { household_key: string; residents_changed: boolean; advice: string | null }[];
    expect(items.map((i) => `${i.household_key} ${i.residents_changed}`)).toEqual([`${OLD} true`]);
    const next = (await post('/api/meetings', { held_on: '2026-10-10', wijken: ['Beijum'] })).id as number;
    const agenda = await post(`/api/meetings/${next}/agenda`, { flag_id: await f.flagOf(runs[2]!, OLD) });
    expect(agenda.items.map((i: { household_key: string; residents_changed: boolean }) => `${i.household_key} ${i.residents_changed}`)).toEqual([
      `${OLD} false`,
    ]);
  });

  it("A's page at the new address keeps A's own signals, unmarked, and nothing of OLD", async () => {
    const page = await pageOf(await f.flagOf(runs[2]!, NEW));
    expect(page.shown_from).toBe(MOVE_DAY);
    expect(evidence(page)).toEqual(['a-1 false', 'a-2 false', 'a-3 false']);
    expect(page.timeline.map((s) => s.observed_on).sort()).toEqual(['2026-07-10', '2026-07-11', '2026-07-15']);
    // A's flag at OLD stays there; A's flag here in September is A's own.
    expect(page.earlier_flags.map((e) => e.flag_id)).toEqual([await f.flagOf(runs[1]!, NEW)]);
    expect(page.triage).toMatchObject({ events: [], residents_changed: false });
    for (const absent of [A_NOTE, A_ADVICE, 'o-1']) expect(JSON.stringify(page)).not.toContain(absent);
  });

  it('without a move the page shows everything ever recorded, as before', async () => {
    const flagId = await f.flagOf(runs[2]!, STAY);
    const page = await pageOf(flagId);
    expect(page.shown_from).toBeNull();
    const flags = await f.t.db.selectFrom('flags').select('id').where('household_key', '=', STAY).where('id', '!=', flagId).execute();
    expect(page.earlier_flags.map((e) => e.flag_id).sort()).toEqual(flags.map((r) => r.id).sort());
    expect(page.earlier_flags).toHaveLength(2);
    expect(page.trend.map((p) => p.flagged)).toEqual([true, true, true]);
    expect(page.weeks_on_list).toBe(3);
    const signals = await f.t.db.selectFrom('signals').select('id').where('household_key', '=', STAY).execute();
    expect(page.timeline.map((s) => s.id).sort()).toEqual(signals.map((s) => s.id).sort());
    expect(evidence(page).every((e) => e.endsWith('false'))).toBe(true);
    expect(page.triage).toMatchObject({ shown_from: null, residents_changed: false });
    expect(page.triage.events.map((e) => e.note)).toEqual([D_NOTE]);
  });
});
