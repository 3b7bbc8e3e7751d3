import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply, RawServerDefault } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import { localDate } from '../core/dates.ts';

export type RoutesPlugin = FastifyPluginAsync<Record<never, never>, RawServerDefault, TypeBoxTypeProvider>;

/** The signed-in user; the authentication hook guarantees one on non-public routes. */
export function userOf(request: { user: AuthenticatedUser | null }): AuthenticatedUser {
  if (!request.user) throw new Error('route without a session guard');
  return request.user;
}

/** Today in the configured time zone, by the server's (injectable) clock. */
export function todayOf(app: { clock: { now(): Date }; config: { timeZone: string } }): string {
  return localDate(app.clock.now(), app.config.timeZone);
}

const serialized = new WeakMap<object, string>();

/**
 * Sends a read model serialized once by the route's response schema: a model
 * shared through the read cache is the same object on every hit, so its JSON is too.
 */
export function sendSerializedOnce(reply: FastifyReply, value: object): FastifyReply {
  let json: string | undefined = serialized.get(value);
  if (json === undefined) {
    json = reply.serialize(value) as string; // the JSON serializer of a response schema returns a string
    serialized.set(value, json);
  }
  return reply.type('application/json; charset=utf-8').send(json);
}
