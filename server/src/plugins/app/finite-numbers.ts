import fp from 'fastify-plugin';
import { ApiError } from '../../services/errors.ts';

// Ajv coerces "1e309" (and JSON 1e309) to Infinity and then skips minimum/maximum,
// so a non-finite number could reach the database. Refuse it after validation.

function nonFinitePath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = nonFinitePath(v, `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export default fp(
  async (app) => {
    app.addHook('preHandler', async (request) => {
      for (const [part, value] of [
        ['params', request.params],
        ['querystring', request.query],
        ['body', request.body],
      ] as const) {
        const path = nonFinitePath(value, part);
        if (path) throw ApiError.badRequest(path, 'must be a finite number');
      }
    });
  },
  { name: 'finite-numbers' },
);
