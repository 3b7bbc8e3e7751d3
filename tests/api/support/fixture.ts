import os from 'node:os';
import { afterAll, beforeAll } from 'vitest';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from '../../../server/src/server.ts';
import type { Role } from '../../../shared/src/api/auth.ts';
import { loadConfig, type Config } from '../../../server/src/config.ts';
import type { Clock } from '../../../server/src/core/clock.ts';
import { buildServer, type ServerOptions } from '../../../server/src/server.ts';
import { ensureDemoUsers } from '../../../server/src/services/demo-users.ts';
import { addSource, sourcePolicy } from '../../../server/src/services/sources.ts';
import { ingestFeed } from '../../../server/src/services/feed-ingest.ts';
import { importRegistry } from '../../../server/src/services/registry-import.ts';
import { readRuleSetFile, storeRuleSet } from '../../../server/src/services/rule-sets.ts';
import { scoreAsOf } from '../../../server/src/services/scoring.ts';
import { createTestDatabase, type Dialect, type TestDatabase } from '../../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext } from '../../helpers/engine.ts';

// An API server over a fresh database seeded through the engine with the contract's
// worked example (flags in Beijum, Vinkhuizen and Lewenborg), scored on two dates.

export class TestClock implements Clock {
  constructor(private at: number) {}
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

export interface Agent {
  username: string;
  role: Role;
  cookie: string;
  csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface ApiFixture {
  t: TestDatabase;
  app: FastifyInstance;
  clock: TestClock;
  config: Config;
  passwords: Map<string, string>;
  runIds: number[];
  /** The id of a household's flag in a run. */
  flagOf(runId: number, householdKey: string): Promise<number>;
  login(username: string): Promise<Agent>;
  close(): Promise<void>;
}

export const RUN_DATES = ['2026-10-01', '2026-10-08'];

export function testConfig(t: TestDatabase, overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test' }),
    database: t.target,
    webDistDir: '/nonexistent',
    apiRateLimit: 100000,
    loginRateLimit: 100000,
    dropRoot: os.tmpdir(),
    ...overrides,
  };
}

export async function seedExample(t: TestDatabase, clock: Clock, ctx = engineContext(t.db, clock)): Promise<number[]> {
  const file = (name: string) => path.join(EXAMPLE_DIR, name);
  await importRegistry(ctx, file('registry.csv'));
  await ingestFeed(ctx, file('feed-1.csv'));
  await ingestFeed(ctx, file('feed-2.csv'));
  await storeRuleSet(ctx, await readRuleSetFile(file('ruleset.json')), true);
  const runs: number[] = [];
  for (const d of RUN_DATES) runs.push((await scoreAsOf(ctx, d)).runId);
  return runs;
}

export async function createApiFixture(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  seed = true,
  server: Pick<ServerOptions, 'logStream' | 'logRequests'> = {},
): Promise<ApiFixture> {
  const t = await createTestDatabase(dialect);
  const clock = new TestClock(Date.parse('2026-10-09T08:00:00Z'));
  const runIds = seed ? await seedExample(t, clock) : [];
  const created = await ensureDemoUsers(t.db, clock, 'test');
  const passwords = new Map(created.map((u) => [u.username, u.password]));
  const config = testConfig(t, overrides);
  await addSource(t.db, clock, { name: 'woco-test', indicators: ['huurachterstand'], folder: 'vs-drop-test' }, sourcePolicy(config));
  const app = await buildServer({ config, db: t.db, clock, ...server });
  const login = async (username: string): Promise<Agent> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: passwords.get(username) } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = sessionCookie(res);
    const body = res.json();
    const request = (opts: InjectOptions) => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': body.csrf_token, ...(opts.headers ?? {}) } });
    return { username, role: body.user.role, cookie, csrf: body.csrf_token, request };
  };
  return {
    t,
    app,
    clock,
    config,
    passwords,
    runIds,
    login,
    flagOf: async (runId, householdKey) =>
      (await t.db.selectFrom('flags').select('id').where('run_id', '=', runId).where('household_key', '=', householdKey).executeTakeFirstOrThrow()).id,
    async close() {
      await app.close();
      await t.drop();
    },
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x: { name: string }) => x.name.endsWith('vs_session'));
  if (!c) throw new Error('no session cookie');
  return `${c.name}=${c.value}`;
}

/** One fixture for a describe block, with `username` signed in: `s.f` and `s.agent` are set from beforeAll on. */
export function useSignedInFixture(dialect: Dialect, username: string): { f: ApiFixture; agent: Agent } {
  const s = {} as { f: ApiFixture; agent: Agent };
  beforeAll(async () => {
    s.f = await createApiFixture(dialect);
    s.agent = await s.f.login(username);
  });
  afterAll(async () => s.f?.close());
  return s;
}

/**
 * A user made on the Gebruikers page (POST /api/users), signed in once with the one-time
 * password from the answer and given `password`: afterwards `f.login(username)` works.
 */
export async function createUserByApi(f: ApiFixture, admin: Agent, body: Record<string, unknown>, password: string): Promise<LightMyRequestResponse> {
  const created = await admin.request({ method: 'POST', url: '/api/users', payload: body });
  if (created.statusCode !== 201) return created;
  const otp = created.json().one_time_password as string;
  const first = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: body.username, password: otp } });
  const headers = { cookie: sessionCookie(first), 'x-csrf-token': first.json().csrf_token };
  const changed = await f.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { current_password: otp, new_password: password } });
  if (changed.statusCode !== 200) throw new Error(`password change ${String(body.username)}: ${changed.body}`);
  f.passwords.set(String(body.username), password);
  return created;
}
