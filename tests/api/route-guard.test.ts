import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS, type Endpoint } from '../../shared/src/api/endpoints.ts';
import { buildServer, createServer } from '../../server/src/server.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testConfig } from './support/fixture.ts';

// The route guard fails closed: an /api route without its entry in the endpoint table
// stops the server at start, and the documentation's routes follow the table too.

describe('the route guard fails closed', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
  });
  afterAll(async () => t?.drop());
  const server = () => createServer({ config: testConfig(t), db: t.db });

  it('refuses to start with an /api route that is not in the endpoint table', async () => {
    const app = await server();
    app.get('/api/geheim', async () => ({ households: [] }));
    await expect(app.ready()).rejects.toThrow(/refusing to start: GET \/api\/geheim has no entry in the endpoint table \(shared\/src\/api\/endpoints\.ts\)/);
    await app.close().catch(() => undefined);
  });

  it('refuses a route that declares the endpoint of another route', async () => {
    const app = await server();
    app.post('/api/users/:id/reset', { config: { endpoint: ENDPOINTS.health } }, async () => ({ ok: true }));
    await expect(app.ready()).rejects.toThrow(/POST \/api\/users\/:id\/reset has no entry/);
    await app.close().catch(() => undefined);
  });

  it('starts with only tabled routes; other paths (the dashboard) need no entry', async () => {
    const app = await server();
    app.get('/over-ons', async () => 'ok');
    await app.ready();
    expect((await app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
    await app.close();
  });

  it('lists the documentation routes with their roles, and enforces those roles', async () => {
    const docs = Object.entries(ENDPOINTS)
      .filter(([, e]) => e.url.startsWith('/api/docs'))
      .map(([name, e]) => [name, e.method, e.url, e.roles]);
    expect(docs).toEqual([
      ['apiDocs', 'GET', '/api/docs', 'public'],
      ['apiDocsJson', 'GET', '/api/docs/json', 'public'],
      ['apiDocsYaml', 'GET', '/api/docs/yaml', 'public'],
      ['apiDocsPage', 'GET', '/api/docs/static/index.html', 'public'],
      ['apiDocsInitializer', 'GET', '/api/docs/static/swagger-initializer.js', 'public'],
      ['apiDocsAssets', 'GET', '/api/docs/static/*', 'public'],
    ]);
    // Were the table to restrict the document, the server would enforce it.
    const entry = ENDPOINTS.apiDocsJson as { roles: Endpoint['roles'] };
    entry.roles = ['beheerder'];
    try {
      const app = await buildServer({ config: testConfig(t), db: t.db });
      expect((await app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/docs/yaml' })).statusCode).toBe(200);
      await app.close();
    } finally {
      entry.roles = 'public';
    }
  });
});
