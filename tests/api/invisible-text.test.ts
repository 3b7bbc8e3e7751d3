import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// A reason or note must be something a reader can see: white space and invisible format
// characters (zero-width space, direction marks, soft hyphen, BOM) are refused like nothing.

const INVISIBLE = ['\u200b', ' \u200b\u200d ', '\u00ad', '\ufeff', '\u2060\u200e'];

describe.each(DIALECTS)('invisible reasons and notes (%s)', (dialect) => {
  let f: ApiFixture;
  let coordinator: Agent;
  beforeAll(async () => {
    f = await createApiFixture(dialect);
    coordinator = await f.login('coordinator');
  });
  afterAll(async () => f?.close());

  it('refuses them as a reason and as a note, and keeps nothing', async () => {
    const flag = await f.flagOf(f.runIds[0]!, '9711AA-1-');
    for (const text of INVISIBLE) {
      const reason = await coordinator.request({
        method: 'POST',
        url: `/api/flags/${flag}/triage/status`,
        payload: { status: 'geen_actie_nodig', note: text },
      });
      expect(reason.statusCode, JSON.stringify(text)).toBe(400);
      const note = await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/notes`, payload: { note: text } });
      expect(note.statusCode, JSON.stringify(text)).toBe(400);
    }
    expect((await coordinator.request({ method: 'GET', url: `/api/flags/${flag}/triage` })).json()).toMatchObject({ status: 'nieuw', events: [] });
    const visible = await coordinator.request({
      method: 'POST',
      url: `/api/flags/${flag}/triage/status`,
      payload: { status: 'geen_actie_nodig', note: '\u200bdubbel geregistreerd' },
    });
    expect(visible.statusCode).toBe(200);
  });
});
