import fc from 'fast-check';
import type { InjectOptions } from '../../server/src/server.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/src/api/auth.ts';
import { ENDPOINTS, type EndpointName } from '../../shared/src/api/endpoints.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';
import { draftDefinition, flagIn, sampleRequest, type Ids } from './support/requests.ts';

// Random and malformed params, query strings, bodies and content types at every
// route, as a role that passes the guard: the answer is never a 500 or a stack trace.

const weird = fc.constantFrom(
  '0',
  '-1',
  '1.5',
  '1e309',
  '99999999999999999999',
  'NaN',
  'null',
  '%00',
  '..%2F..%2Fetc',
  ' 1',
  '[]',
  '{}',
  'true',
  '',
  "'; drop table users; --",
);
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), weird);
const paramValue = fc.oneof(fc.integer(), fc.nat(10), text);
const queryKeys = fc.constantFrom(
  'page',
  'page_size',
  'wijk',
  'status',
  'kind',
  'min_score',
  'indicator',
  'sort',
  'order',
  'assigned_to_me',
  'run',
  'from',
  'to',
  'username',
  'event',
  'outcome',
  'ingest_run',
  'x',
);
const query = fc.array(fc.tuple(queryKeys, fc.oneof(text, fc.integer().map(String))), { maxLength: 5 });
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  undefined,
);

function mutate(sample: unknown) {
  return fc.oneof(
    fc.jsonValue(),
    fc.anything(),
    text,
    sample && typeof sample === 'object'
      ? fc
          .tuple(fc.constantFrom(...Object.keys(sample as object), 'extra'), fc.oneof(fc.jsonValue(), fc.anything()))
          .map(([k, v]) => ({ ...(sample as object), [k]: v }))
      : fc.constant(sample),
  );
}

function show(v: unknown): string {
  try {
    return (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')).slice(0, 200);
  } catch {
    return '(unprintable)';
  }
}

const USER_OF: Record<Role, string> = {
  coordinator: 'coordinator',
  wijkteam: 'wijkteam',
  beleidsmaker: 'beleidsmaker',
  beheerder: 'beheerder',
  privacy: 'privacy',
};

describe.each(DIALECTS)('fuzzing every route (%s)', (dialect) => {
  let f: ApiFixture;
  let ids: Ids;
  const agents = new Map<string, Agent>();
  beforeAll(async () => {
    f = await createApiFixture(dialect);
    for (const u of Object.values(USER_OF)) agents.set(u, await f.login(u));
    const beleid = agents.get('beleidsmaker')!;
    const draft = (await beleid.request({ method: 'POST', url: '/api/rule-sets', payload: draftDefinition('Fuzz') })).json();
    // A user no agent signs in as: a reset gives them a new password.
    const wijkteam2 = await f.t.db.selectFrom('users').select('id').where('username', '=', 'wijkteam2').executeTakeFirstOrThrow();
    ids = { runId: f.runIds[1]!, flagId: (await flagIn(f, 'Beijum')).id, ruleSetId: 1, draftId: draft.id, userId: wijkteam2.id };
  });
  afterAll(async () => f?.close());

  const names = (Object.keys(ENDPOINTS) as EndpointName[]).filter((n) => n !== 'logout');

  for (const name of names) {
    it(`${ENDPOINTS[name].method} ${ENDPOINTS[name].url}`, async () => {
      const e = ENDPOINTS[name];
      const username = e.roles === 'public' || e.roles === 'any' ? 'coordinator' : USER_OF[e.roles[0]!];
      const sample = sampleRequest(name, ids);
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            params: fc.array(fc.oneof(fc.constant(null), paramValue), { minLength: 2, maxLength: 2 }),
            query,
            body: mutate(sample.payload),
            type: contentType,
            rawBody: fc.boolean(),
          }),
          async ({ params, query: q, body, type, rawBody }) => {
            let i = 0;
            const path = e.url.replace(/:(\w+)/g, () => {
              // A reset locks its user out of the password the agents sign in with: only the sample's user.
              const v = name === 'resetUser' ? null : params[i++];
              return v === null || v === undefined ? (sample.url as string).split('/')[3]! : encodeURIComponent(String(v));
            });
            const qs = q.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
            const opts: InjectOptions = { method: e.method, url: qs ? `${path}?${qs}` : path };
            if (e.method !== 'GET') {
              opts.payload = rawBody ? String(typeof body === 'string' ? body : (JSON.stringify(body) ?? '')) : (body as InjectOptions['payload']);
              if (type) opts.headers = { 'content-type': type };
            }
            let agent = agents.get(username)!;
            let res = await agent.request(opts);
            if (res.statusCode === 401 && e.roles !== 'public') {
              agent = await f.login(username); // a fuzzed change may have ended the session
              agents.set(username, agent);
              res = await agent.request(opts);
            }
            expect(res.statusCode, `${opts.method} ${opts.url} ${show(opts.payload)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
            expect(res.body).not.toMatch(/\bat .+:\d+:\d+\)|node_modules/);
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});
