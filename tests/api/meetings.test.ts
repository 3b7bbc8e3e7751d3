import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreAsOf } from '../../server/src/services/scoring.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { engineContext } from '../helpers/engine.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// The zorgnetwerk meeting's rules at the API, on both databases: dates that make sense, an agenda
// of this week's list or open cases only, and of two coordinators recording advice at once one wins.
// The fixture's clock stands at 2026-10-09; the worked example's runs are of 10-01 and 10-08.

const KEY = '9711AA-1-';
const RECORD = { advice: 'Schuldhulp inschakelen.', regisseur_name: 'A. de Vries', regisseur_org: 'GGD', next_step: 'Intake plannen.' };

describe.each(DIALECTS)('zorgnetwerk meetings (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;
  const plan = (held_on: string) => coordinator.request({ method: 'POST', url: '/api/meetings', payload: { held_on, wijken: ['Beijum'] } });
  const agenda = (meetingId: number, flagId: number) =>
    coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda`, payload: { flag_id: flagId } });

  beforeAll(async () => {
    f = await createApiFixture(dialect);
    coordinator = await f.login('coordinator');
  });
  afterAll(async () => f?.close());

  it('plans a meeting from four weeks back to a year ahead, and names the field otherwise', async () => {
    expect((await plan('2026-09-11')).statusCode).toBe(200);
    expect((await plan('2027-10-10')).statusCode).toBe(200);
    for (const date of ['2026-09-10', '2027-10-11', '2020-01-01', '9999-12-31']) {
      const res = await plan(date);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'body.held_on', reason: 'moet tussen 11 september 2026 en 10 oktober 2027 liggen' });
    }
  });

  it("takes a family from this week's list or with an open case, not one that left the list long ago, and no meeting that was held", async () => {
    const upcoming = (await plan('2026-10-20')).json().id as number;
    const held = (await plan('2026-10-01')).json().id as number;
    const current = await f.flagOf(f.runIds[1]!, KEY);
    expect((await agenda(held, current)).statusCode).toBe(409);
    expect((await agenda(upcoming, current)).statusCode).toBe(200);
    // A newer run without it: the flag of the older list goes on only while its case is open.
    const later = (await scoreAsOf(engineContext(f.t.db, f.clock), '2026-10-09')).runId;
    const stillListed = await f.t.db.selectFrom('flags').select('id').where('run_id', '=', later).where('household_key', '=', KEY).executeTakeFirst();
    const old = stillListed ? await f.flagOf(f.runIds[0]!, KEY) : current;
    const first = await f.flagOf(f.runIds[0]!, KEY);
    const refused = await agenda(upcoming, first === old && stillListed ? first : old);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'body.flag_id', reason: 'dit huishouden staat niet meer op de lijst en heeft geen open zaak' });
  });

  it('records advice with a next step from the meeting date to a year later; of two records at once one wins, the other is told', async () => {
    const meetingId = (await plan('2026-10-20')).json().id as number;
    const flagId = await f.flagOf(f.runIds[1]!, KEY);
    const taken = await coordinator.request({ method: 'POST', url: `/api/flags/${flagId}/triage/status`, payload: { status: 'in_behandeling' } });
    expect(taken.statusCode, taken.body).toBe(200);
    const meeting = (await agenda(meetingId, flagId)).json();
    const itemId = meeting.items.find((i: { household_key: string }) => i.household_key === KEY).id as number;
    const record = (next_step_due: string, regisseur_name = RECORD.regisseur_name, seen_recorded_at: string | null = null) =>
      coordinator.request({
        method: 'POST',
        url: `/api/meetings/${meetingId}/items/${itemId}/record`,
        payload: { ...RECORD, regisseur_name, next_step_due, seen_recorded_at },
      });
    for (const date of ['2026-10-19', '2027-10-22']) {
      const res = await record(date);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().field).toBe('body.next_step_due');
    }
    const both = await Promise.all([record('2026-11-03', 'A. de Vries'), record('2026-11-03', 'B. Jansen')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const won = both
      .find((r) => r.statusCode === 200)!
      .json()
      .items.find((i: { id: number }) => i.id === itemId);
    const after = (await coordinator.request({ method: 'GET', url: `/api/meetings/${meetingId}` })).json();
    expect(after.items.find((i: { id: number }) => i.id === itemId).regisseur_name).toBe(won.regisseur_name);
    // The history holds one record of the meeting: the step to "besproken in zorgnetwerk".
    const triage = (await coordinator.request({ method: 'GET', url: `/api/flags/${flagId}/triage` })).json();
    expect(triage.events.filter((e: { meeting_id: number | null }) => e.meeting_id === meetingId)).toHaveLength(1);
    expect(triage.status).toBe('besproken_in_zorgnetwerk');
    // Recorded again by who saw the winning record: a correction is allowed; with an outdated view it is refused.
    const seen = after.items.find((i: { id: number }) => i.id === itemId).recorded_at as string;
    f.clock.advance(60_000);
    expect((await record('2026-11-10', 'C. Bakker', seen)).statusCode).toBe(200);
    const stale = await record('2026-11-11', 'D. Smit', seen);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('Het advies voor dit gezin is intussen door iemand anders vastgelegd. Bekijk het en probeer het zo nodig opnieuw.');
  });
});
