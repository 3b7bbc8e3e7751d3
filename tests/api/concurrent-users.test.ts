import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

describe.each(DIALECTS)('two beheerders creating the same user at the same time (%s)', (dialect) => {
  let f: ApiFixture;
  let admin: Agent;
  let base: string;
  beforeAll(async () => {
    f = await createApiFixture(dialect, {}, false);
    admin = await f.login('beheerder');
    base = await f.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => f?.close());

  it('gives one 201 and 409 for the others, never a 500, and stores the user once', async () => {
    const create = () =>
      fetch(`${base}/api/users`, {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'gelijktijdig', role: 'coordinator', password: 'een heel lang wachtwoord 42' }),
      });
    const responses = await Promise.all([create(), create(), create(), create()]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    const conflict = await responses.find((r) => r.status === 409)!.json();
    expect(conflict.message).toBe("gebruiker 'gelijktijdig' bestaat al");
    const stored = await f.t.db.selectFrom('users').select('id').where('username', '=', 'gelijktijdig').execute();
    expect(stored).toHaveLength(1);
  });
});
