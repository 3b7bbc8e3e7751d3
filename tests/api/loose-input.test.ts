import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { useSignedInFixture } from './support/fixture.ts';
import { draftDefinition } from './support/requests.ts';

// Route parameters and query strings are converted from text, but only from their plain
// form: "0x10" is not rule set 16, 2026-02-30 is no date, and a note of spaces is no note.

describe.each(DIALECTS)('loose input is refused (%s)', (dialect) => {
  const s = useSignedInFixture(dialect, 'beleidsmaker');

  it('takes a route id only as decimal digits', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 16; i++) ids.push((await s.agent.request({ method: 'POST', url: '/api/rule-sets', payload: draftDefinition(`Id ${i}`) })).json().id);
    const sixteen = ids.find((id) => id === 16) ?? ids.at(-1)!;
    const hex = `0x${sixteen.toString(16)}`;
    for (const raw of [hex, `${sixteen}e0`, `0${sixteen}`, ` ${sixteen}`, `${sixteen}.0`]) {
      const res = await s.agent.request({
        method: 'PUT',
        url: `/api/rule-sets/${encodeURIComponent(raw)}`,
        payload: draftDefinition(`Id ${ids.indexOf(sixteen)}`, 9),
      });
      expect(res.statusCode, raw).toBe(400);
      expect(res.json()).toMatchObject({ field: 'params.id', reason: 'moet een heel getal zijn' });
    }
    expect((await s.agent.request({ method: 'GET', url: `/api/rule-sets/${sixteen}` })).json().definition.flag_threshold).toBe(5);
    const coordinator = await s.f.login('coordinator');
    expect((await coordinator.request({ method: 'GET', url: `/api/runs/0x${s.f.runIds[0]!.toString(16)}/flags` })).json()).toMatchObject({
      statusCode: 400,
      field: 'params.runId',
    });
  });

  it('takes query dates only when they exist', async () => {
    for (const from of ['2026-02-30', '2026-13-01', '2025-02-29', '2026-00-10']) {
      const res = await s.agent.request({ method: 'GET', url: `/api/aggregates/weeks?from=${from}` });
      expect(res.statusCode, from).toBe(400);
      expect(res.json()).toMatchObject({ field: 'querystring.from', reason: 'moet een bestaande datum zijn (JJJJ-MM-DD)' });
    }
    expect((await s.agent.request({ method: 'GET', url: '/api/aggregates/weeks?from=2024-02-29' })).statusCode).toBe(200);
    const admin = await s.f.login('beheerder');
    expect((await admin.request({ method: 'GET', url: '/api/audit?from=2026-13-01' })).json()).toMatchObject({ statusCode: 400, field: 'querystring.from' });
    expect((await admin.request({ method: 'GET', url: '/api/audit?to=2026-02-30' })).statusCode).toBe(400);
    expect((await admin.request({ method: 'GET', url: '/api/audit?from=2026-02-28' })).statusCode).toBe(200);
  });

  it('refuses a triage note of only spaces, in Dutch', async () => {
    const coordinator = await s.f.login('coordinator');
    const flag = await s.f.flagOf(s.f.runIds[1]!, '9711AA-1-');
    for (const note of ['   ', ' \t\n ']) {
      const res = await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/notes`, payload: { note } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'body.note', reason: 'mag niet leeg zijn of alleen uit spaties bestaan' });
    }
    expect((await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/notes`, payload: { note: '  gebeld  ' } })).statusCode).toBe(200);
  });
});
