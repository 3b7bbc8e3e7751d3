import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type ApiFixture } from './support/fixture.ts';

// A refused request is audited before its route parameters are validated: text of the
// caller's choosing must not land in the audit log as an object id.

describe.each(DIALECTS)('object ids of refused requests in the audit log (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture(dialect);
  });
  afterAll(async () => f?.close());

  it('keeps a plain id and replaces anything else', async () => {
    const anonymous = await f.app.inject({ method: 'GET', url: '/api/flags/%3Cscript%3E%0Afake/household' });
    expect(anonymous.statusCode).toBe(401);
    const plain = await f.app.inject({ method: 'GET', url: '/api/flags/12345/household' });
    expect(plain.statusCode).toBe(401);
    const ids = (await f.t.db.selectFrom('audit_log').select('object_id').where('event', 'like', 'denied:%').orderBy('id').execute()).map((r) => r.object_id);
    expect(ids).toEqual(expect.arrayContaining(['(ongeldig)', '12345']));
    expect(ids.join(' ')).not.toContain('script');
  });

  it('names each type once in a message about a wrong type', async () => {
    const coordinator = await f.login('coordinator');
    const flag = await f.flagOf(f.runIds[0]!, '9711AA-1-');
    const res = await coordinator.request({ method: 'POST', url: `/api/flags/${flag}/triage/status`, payload: { status: 'in_behandeling', outcome: null } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'body.outcome', reason: 'moet tekst zijn' });
  });
});
