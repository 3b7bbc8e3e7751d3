import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { useSignedInFixture } from './support/fixture.ts';
import { draftDefinition } from './support/requests.ts';

// A body is taken as sent: null stays null and "5" is not 5. Query strings and route
// parameters are text and may still be converted.

describe.each(DIALECTS)('request bodies are never coerced (%s)', (dialect) => {
  const s = useSignedInFixture(dialect, 'beleidsmaker');

  it('keeps threshold null and min_domains null in a saved draft', async () => {
    const def = { ...draftDefinition('Zonder drempel'), min_domains: null };
    const created = await s.agent.request({ method: 'POST', url: '/api/rule-sets', payload: def });
    expect(created.statusCode).toBe(201);
    const stored = (await s.agent.request({ method: 'GET', url: `/api/rule-sets/${created.json().id}` })).json();
    expect(stored.definition).toEqual(def);
    expect(stored.definition.rules[1].threshold).toBeNull();
    const edited = await s.agent.request({ method: 'PUT', url: `/api/rule-sets/${created.json().id}`, payload: def });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().definition).toEqual(def);
  });

  it('answers 400 naming the field, in Dutch, for "5" where a number belongs', async () => {
    const def = draftDefinition('Tekst');
    const res = await s.agent.request({ method: 'POST', url: '/api/rule-sets', payload: { ...def, rules: [{ ...def.rules[0], weight: '5' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'body.rules[0].weight', reason: 'rules[0].weight: moet een getal van 0 of meer zijn' });
    const flag = await s.agent.request({ method: 'POST', url: '/api/rule-sets', payload: { ...def, flag_threshold: '6' } });
    expect(flag.json()).toMatchObject({ statusCode: 400, field: 'body.flag_threshold', reason: 'flag_threshold: moet een getal zijn' });
    const login = await s.f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'beleidsmaker', password: 12345 } });
    expect(login.json()).toMatchObject({ statusCode: 400, field: 'body.password', reason: 'moet tekst zijn' });
    const nulled = await s.agent.request({ method: 'POST', url: '/api/rule-sets', payload: { ...def, flag_threshold: null } });
    expect(nulled.json()).toMatchObject({ statusCode: 400, field: 'body.flag_threshold' });
    const count = await s.f.t.db
      .selectFrom('rule_sets')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('name', '=', 'Tekst')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('still converts query strings and route parameters', async () => {
    const wijkteam = await s.f.login('coordinator');
    const page = await wijkteam.request({ method: 'GET', url: `/api/runs/${s.f.runIds[1]}/flags?page=1&page_size=2` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ page: 1, page_size: 2 });
    const bad = await wijkteam.request({ method: 'GET', url: `/api/runs/${s.f.runIds[1]}/flags?page=abc` });
    expect(bad.json()).toMatchObject({ statusCode: 400, field: 'querystring.page', reason: 'moet een heel getal zijn' });
  });
});
