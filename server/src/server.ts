import Fastify, { type FastifyInstance } from 'fastify';

export type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import app from './app.ts';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './core/clock.ts';
import type { Db } from './db/connection.ts';

export interface ServerOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  logger?: boolean;
}

/** The API server, ready for `inject` or `listen`. */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: opts.logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    bodyLimit: 256 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  await fastify.register(app, { config: opts.config, db: opts.db, clock: opts.clock ?? systemClock });
  await fastify.ready();
  return fastify as unknown as FastifyInstance;
}

/** Builds the server and listens on the configured host and port; prints the URL. */
export async function startHttpServer(opts: ServerOptions): Promise<FastifyInstance> {
  const fastify = await buildServer(opts);
  const address = await fastify.listen({ host: opts.config.host, port: opts.config.port });
  console.log(`Vroegsignaal API: ${address} (documentatie: ${address}/api/docs)`);
  return fastify;
}
