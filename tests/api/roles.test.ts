import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/src/api/auth.ts';
import { ENDPOINTS, type EndpointName } from '../../shared/src/api/endpoints.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';
import { draftDefinition, flagIn, sampleRequest, type Ids } from './support/requests.ts';

// Every role against every endpoint: allowed ones pass the guard, the others get 403
// (401 without a session), and every refusal is in the audit log.

const USER_OF: Record<Role, string> = {
  coordinator: 'coordinator',
  wijkteam: 'wijkteam',
  beleidsmaker: 'beleidsmaker',
  beheerder: 'beheerder',
  privacy: 'privacy',
};
// Sign-in through the organisation answers 404 here (not configured); tests/api/oidc.test.ts covers it with a provider.
const OIDC_ONLY: readonly EndpointName[] = ['oidcLogin', 'oidcCallback', 'oidcBackchannelLogout'];
const names = (Object.keys(ENDPOINTS) as EndpointName[]).filter((n) => n !== 'login' && n !== 'logout' && !OIDC_ONLY.includes(n));

describe.each(DIALECTS)('role × endpoint (%s)', (dialect) => {
  let f: ApiFixture;
  let ids: Ids;
  const agents = new Map<Role, Agent>();

  beforeAll(async () => {
    f = await createApiFixture(dialect);
    for (const role of ROLES) agents.set(role, await f.login(USER_OF[role]));
    const other = await f.login('beleidsmaker2');
    const draft = (await other.request({ method: 'POST', url: '/api/rule-sets', payload: draftDefinition('Matrix') })).json();
    await other.request({ method: 'POST', url: `/api/rule-sets/${draft.id}/request-publication` });
    const wijkteam2 = await f.t.db.selectFrom('users').select('id').where('username', '=', 'wijkteam2').executeTakeFirstOrThrow();
    ids = { runId: f.runIds[1]!, flagId: (await flagIn(f, 'Beijum')).id, ruleSetId: 1, draftId: draft.id, userId: wijkteam2.id };
  });
  afterAll(async () => f?.close());

  for (const role of ROLES) {
    it(`${role}: allowed endpoints answer, the rest is refused and logged`, async () => {
      const agent = agents.get(role)!;
      for (const name of names) {
        const e = ENDPOINTS[name];
        const allowed = e.roles === 'public' || e.roles === 'any' || (e.roles as readonly Role[]).includes(role);
        const res = await agent.request(sampleRequest(name, ids));
        if (allowed) {
          expect.soft([401, 403], `${role} ${name}: ${res.body}`).not.toContain(res.statusCode);
          expect.soft(res.statusCode, `${role} ${name}`).toBeLessThan(500);
        } else {
          expect.soft(res.statusCode, `${role} ${name}: ${res.body}`).toBe(403);
          const entry = await f.t.db
            .selectFrom('audit_log')
            .selectAll()
            .where('event', '=', `denied:${name}`)
            .where('username', '=', agent.username)
            .executeTakeFirst();
          expect.soft(entry, `${role} ${name} audit`).toMatchObject({ role, outcome: 'denied' });
        }
      }
    });
  }

  it('without a session every non-public endpoint is 401 and logged', async () => {
    for (const name of names) {
      const e = ENDPOINTS[name];
      const res = await f.app.inject(sampleRequest(name, ids));
      if (e.roles === 'public') expect(res.statusCode).toBeLessThan(400);
      else expect.soft(res.statusCode, name).toBe(401);
    }
    const denied = await f.t.db.selectFrom('audit_log').select('event').where('username', 'is', null).where('outcome', '=', 'denied').execute();
    expect(denied.length).toBe(names.filter((n) => ENDPOINTS[n].roles !== 'public').length);
  });

  it('logout is open to every role and ends only that session', async () => {
    for (const role of ROLES) {
      const agent = agents.get(role)!;
      expect((await agent.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
      expect((await agent.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    }
  });
});
