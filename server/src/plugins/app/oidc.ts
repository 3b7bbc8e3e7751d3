import fp from 'fastify-plugin';
import { OidcClient } from '../../auth/oidc-client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The relying party of the municipality's OpenID Connect provider; null when not configured. */
    oidc: OidcClient | null;
  }
}

export default fp(
  async (app) => {
    app.decorate('oidc', app.config.oidc ? new OidcClient(app.config.oidc, app.clock) : null);
  },
  { name: 'oidc', dependencies: ['context'] },
);
