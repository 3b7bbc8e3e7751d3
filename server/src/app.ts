import type { FastifyPluginAsync } from 'fastify';
import type { Authenticator } from './auth/authenticator.ts';
import type { Config } from './config.ts';
import type { Clock } from './core/clock.ts';
import type { Db } from './db/connection.ts';
import audit from './plugins/app/audit.ts';
import authentication from './plugins/app/authentication.ts';
import context from './plugins/app/context.ts';
import errorHandler from './plugins/app/error-handler.ts';
import finiteNumbers from './plugins/app/finite-numbers.ts';
import oidc from './plugins/app/oidc.ts';
import validation from './plugins/app/validation.ts';
import cookie from './plugins/external/cookie.ts';
import helmet from './plugins/external/helmet.ts';
import rateLimit from './plugins/external/rate-limit.ts';
import staticFiles from './plugins/external/static.ts';
import swagger from './plugins/external/swagger.ts';
import admin from './routes/admin/index.ts';
import aggregates from './routes/aggregates/index.ts';
import auth from './routes/auth/index.ts';
import flags from './routes/flags/index.ts';
import health from './routes/health/index.ts';
import oidcRoutes from './routes/auth/oidc.ts';
import operations from './routes/operations/index.ts';
import privacy from './routes/privacy/index.ts';
import publication from './routes/publication/index.ts';
import ruleSets from './routes/rule-sets/index.ts';
import transparency from './routes/transparency/index.ts';
import triage from './routes/triage/index.ts';
import openWork from './routes/open-work/index.ts';
import meetings from './routes/meetings/index.ts';
import notifications from './routes/notifications/index.ts';

export interface AppOptions {
  config: Config;
  db: Db;
  clock: Clock;
  authenticator?: Authenticator;
}

/** The API as one fastify plugin: third-party plugins, ours, then the routes. */
const app: FastifyPluginAsync<AppOptions> = async (fastify, opts) => {
  await fastify.register(validation);
  await fastify.register(helmet);
  await fastify.register(cookie);
  await fastify.register(rateLimit, { config: opts.config });
  await fastify.register(swagger);
  await fastify.register(context, opts);
  await fastify.register(errorHandler);
  await fastify.register(authentication);
  await fastify.register(audit);
  await fastify.register(finiteNumbers);
  await fastify.register(oidc);
  for (const routes of [
    health,
    auth,
    oidcRoutes,
    flags,
    triage,
    openWork,
    meetings,
    ruleSets,
    aggregates,
    transparency,
    publication,
    admin,
    operations,
    privacy,
    notifications,
  ])
    await fastify.register(routes);
  await fastify.register(staticFiles, { config: opts.config });
};
export default app;
