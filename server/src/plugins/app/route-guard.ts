import { ENDPOINTS, type Endpoint } from '@vroegsignaal/shared/api/endpoints';
import fp from 'fastify-plugin';
import type { RouteOptions } from 'fastify';
import './types.ts';

// The route guard fails closed: every /api route must have its entry in the endpoint
// table (shared/src/api/endpoints.ts), or the server refuses to start. Routes that a
// plugin adds (the API documentation) get their entry from the table here, so the
// authentication hook enforces its roles like any other.

const TABLE: readonly Endpoint[] = Object.values(ENDPOINTS);

/** `/api/docs/` and `/api/docs` are one route for the table. */
const normalise = (url: string) => (url.length > 1 ? url.replace(/\/+$/, '') : url);

function tableEntry(method: string, url: string): Endpoint | undefined {
  // fastify adds a HEAD route for every GET; it answers what the GET answers.
  const asked = method === 'HEAD' ? 'GET' : method;
  return TABLE.find((e) => e.method === asked && e.url === normalise(url));
}

/** Why this route may not start, or null. */
function problem(route: RouteOptions): string | null {
  const url = route.url ?? '';
  if (url !== '/api' && !url.startsWith('/api/')) return null;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const declared = route.config?.endpoint;
  for (const method of methods) {
    const entry = tableEntry(method, url);
    if (!entry) return `${method} ${url} has no entry in the endpoint table (shared/src/api/endpoints.ts)`;
    if (declared && declared !== entry) return `${method} ${url} declares the endpoint of ${declared.method} ${declared.url}`;
  }
  return null;
}

export default fp(
  async (app) => {
    const problems: string[] = [];
    app.addHook('onRoute', (route) => {
      const found = problem(route);
      if (found) return void problems.push(found);
      const url = route.url ?? '';
      if (!route.config?.endpoint && (url === '/api' || url.startsWith('/api/'))) {
        const method = Array.isArray(route.method) ? (route.method.includes('GET') ? 'GET' : route.method[0]!) : route.method;
        route.config = { ...route.config, endpoint: tableEntry(method, url) };
      }
    });
    app.addHook('onReady', async () => {
      if (problems.length) throw new Error(`refusing to start: ${problems.join('; ')}`);
    });
  },
  { name: 'route-guard' },
);
