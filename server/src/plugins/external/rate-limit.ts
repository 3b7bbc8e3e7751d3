import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { secondsText } from '../../core/seconds-text.ts';

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
        message: `te veel verzoeken; probeer het over ${secondsText(Math.ceil(ctx.ttl / 1000))} opnieuw`,
      }),
    });
  },
  { name: 'rate-limit' },
);
