import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

// Per client address over the whole API; the login route has its own, lower limit.
export default fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(rateLimit, {
      global: true,
      max: config.apiRateLimit,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        error: 'Too Many Requests',
        message: `te veel verzoeken; probeer het over ${Math.ceil(ctx.ttl / 1000)} seconden opnieuw`,
      }),
    });
  },
  { name: 'rate-limit' },
);
