import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../shared/src/api/endpoints.ts';
import { passwordProblem } from '../../server/src/auth/password-policy.ts';
import { fixedClock } from '../../server/src/core/clock.ts';
import { buildServer, startHttpServer } from '../../server/src/server.ts';
import { ensureDemoUsers } from '../../server/src/services/demo-users.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, testConfig, type ApiFixture } from './support/fixture.ts';

describe.each(DIALECTS)('the server around the routes (%s)', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await createApiFixture(dialect, {}, false);
  });
  afterAll(async () => f?.close());

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('serves an OpenAPI document with every endpoint, and a docs page', async () => {
    const doc = (await f.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const e of Object.values(ENDPOINTS).filter((x) => !x.url.startsWith('/api/docs'))) {
      const p = e.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[p]?.[e.method.toLowerCase()], `${e.method} ${p}`).toBeDefined();
    }
    expect(doc.paths['/api/runs/{runId}/flags'].get.parameters.map((x: any) => x.name)).toContain('min_score');
    const page = await f.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('answers unknown API paths with a JSON 404 and hides internal errors', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/bestaat-niet' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'niet gevonden' });
    const broken = await f.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).not.toMatch(/node_modules|\.ts:\d+|stack/);
  });

  it('creates demo users once, with random passwords that pass the policy, and never in production', async () => {
    const again = await ensureDemoUsers(f.t.db, f.clock, 'test');
    expect(again).toEqual([]);
    expect([...f.passwords.keys()].sort()).toEqual(['beheerder', 'beleidsmaker', 'beleidsmaker2', 'coordinator', 'privacy', 'wijkteam', 'wijkteam2']);
    const pw = [...f.passwords.entries()];
    expect(new Set(pw.map(([, p]) => p)).size).toBe(pw.length);
    for (const [user, p] of pw) expect(passwordProblem(p, user)).toBeNull();
    await expect(ensureDemoUsers(f.t.db, f.clock, 'production')).rejects.toThrow(/production/);
  });

  it('serves the built dashboard with index.html for client routes, but never for /api', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const app = await buildServer({ config: testConfig(f.t, { webDistDir: dist }), db: f.t.db, clock: fixedClock('2026-10-09T08:00:00Z') });
    try {
      const page = await app.inject({ method: 'GET', url: '/signaleringen/12' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('id="root"');
      const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
      expect((await app.inject({ method: 'GET', url: '/api/nope' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    } finally {
      await app.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it('listens on the configured address over real HTTP', async () => {
    const app = await startHttpServer({ config: testConfig(f.t, { port: 0, host: '127.0.0.1' }), db: f.t.db });
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    } finally {
      await app.close();
    }
  });
});
