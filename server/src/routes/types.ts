import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticator.ts';

export type RoutesPlugin = FastifyPluginAsync<Record<never, never>, RawServerDefault, TypeBoxTypeProvider>;
export type TypedApp = FastifyInstance<RawServerDefault, any, any, any, TypeBoxTypeProvider>;

/** The signed-in user; the authentication hook guarantees one on non-public routes. */
export function userOf(request: { user: AuthenticatedUser | null }): AuthenticatedUser {
  if (!request.user) throw new Error('route without a session guard');
  return request.user;
}
