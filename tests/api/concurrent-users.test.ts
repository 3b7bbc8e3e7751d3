import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, createUserByApi, type Agent, type ApiFixture } from './support/fixture.ts';
import { useListeningFixture } from './support/http-session.ts';

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
        body: JSON.stringify({ username: 'gelijktijdig', role: 'coordinator' }),
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

describe.each(DIALECTS)('two requests demoting the last two beheerders at the same time (%s)', (dialect) => {
  let f: ApiFixture;
  let base: string;
  useListeningFixture(dialect, (s) => ({ f, base } = s));

  const send = (actor: Agent, method: string, url: string, body: unknown) =>
    fetch(`${base}${url}`, {
      method,
      body: JSON.stringify(body),
      headers: { cookie: actor.cookie, 'x-csrf-token': actor.csrf, 'content-type': 'application/json' },
    });
  const activeBeheerders = () => f.t.db.selectFrom('users').select(['id', 'username']).where('role', '=', 'beheerder').where('active', '=', 1).execute();

  it('lets one of two mutual demotions through and refuses the other, every round, leaving one active beheerder', async () => {
    const password = 'een heel lang wachtwoord 42';
    const second = await createUserByApi(f, await f.login('beheerder'), { username: 'beheerder2', role: 'beheerder' }, password);
    expect(second.statusCode).toBe(201);
    const ids = (await activeBeheerders()).map((u) => u.id);
    expect(ids).toHaveLength(2);
    // A race is a matter of timing: several rounds, each starting from two active beheerders.
    for (let round = 0; round < 8; round++) {
      // Each demotes the other (nobody may change their own role); a change ends the changed user's sessions.
      const actors = await Promise.all((await activeBeheerders()).map(async (u) => ({ id: u.id, agent: await f.login(u.username) })));
      const responses = await Promise.all(actors.map((a, i) => send(a.agent, 'PATCH', `/api/users/${actors[1 - i]!.id}`, { role: 'coordinator' })));
      const statuses = responses.map((r) => r.status).sort();
      // The loser is refused by the check (409), or, when the winner's change ended its session first, by the guard (401).
      expect(statuses[0], `round ${round}`).toBe(200);
      expect([401, 409], `round ${round}: ${statuses}`).toContain(statuses[1]);
      const left = await activeBeheerders();
      expect(left).toHaveLength(1);
      const demoted = ids.find((id) => id !== left[0]!.id)!;
      expect((await send(await f.login(left[0]!.username), 'PATCH', `/api/users/${demoted}`, { role: 'beheerder' })).status).toBe(200);
    }
  });
});
