import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';

export type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import app from './app.ts';
import routeGuard from './plugins/app/route-guard.ts';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './core/clock.ts';
import type { Db } from './db/connection.ts';

export interface ServerOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  /** Where the structured (pino) log goes; none when absent. Requests themselves are not logged, only what goes wrong. */
  logStream?: { write(line: string): unknown };
  /** Also log each request and its response (an access log), without query strings. Off unless asked for. */
  logRequests?: boolean;
}

/** A URL as it may be logged: its path, never its query string (it may hold filters on households). */
export function loggableUrl(url: string | undefined): string {
  const path = (url ?? '').split('?')[0]!;
  return path === url ? path : `${path}?[weggelaten]`;
}

/** fastify's own log lines, with the query string left out of "route not found" too. */
class RedactingLogController extends LogController {
  override routeNotFound(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.info(`Route ${request.raw.method}:${loggableUrl(request.raw.url)} not found`);
  }
}

const serializers = {
  req: (req: FastifyRequest) => ({ method: req.method, url: loggableUrl(req.url), host: req.host, remoteAddress: req.ip }),
};

/** The API server, ready for `inject` or `listen`. */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const fastify = await createServer(opts);
  await fastify.ready();
  return fastify;
}

/** The API server with every plugin and route registered, not yet ready (more routes may follow). */
export async function createServer(opts: ServerOptions): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: opts.logStream ? { level: 'info', stream: opts.logStream, serializers, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    logController: new RedactingLogController({ disableRequestLogging: !opts.logRequests }),
    // A request id that is unique across restarts, so a user's report can be matched to the log line.
    genReqId: () => randomUUID(),
    bodyLimit: 256 * 1024,
    // Behind the TLS proxy: the client's address (rate limits, audit) from X-Forwarded-For, only from the proxies named.
    trustProxy: trustedProxies(opts.config.trustProxy),
  }).withTypeProvider<TypeBoxTypeProvider>();
  // At the root, so that it sees every route, also one added outside the app plugin.
  await fastify.register(routeGuard);
  await fastify.register(app, { config: opts.config, db: opts.db, clock: opts.clock ?? systemClock });
  return fastify as unknown as FastifyInstance;
}

/** Builds the server and listens on the configured host and port; prints the URL. */
export async function startHttpServer(opts: ServerOptions): Promise<FastifyInstance> {
  const fastify = await buildServer(opts);
  const address = await fastify.listen({ host: opts.config.host, port: opts.config.port });
  console.log(`Vroegsignaal API: ${address} (documentatie: ${address}/api/docs)`);
  return fastify;
}

/** A hop count as proxy-addr takes it (the nearest `hops` addresses are proxies); a list or false as is. */
function trustedProxies(t: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof t === 'number' ? (_address: string, hop: number) => hop < t : t;
}
