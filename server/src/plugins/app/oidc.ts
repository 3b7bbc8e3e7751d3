import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
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
    // MPG_LOCAL_LOGIN=0: only the organisation's sign-in; a password login is refused (and audited as denied).
    if (!app.config.localLogin) {
      app.addHook('onRequest', async (request, reply) => {
        if (request.routeOptions.config?.endpoint !== ENDPOINTS.login) return;
        request.denied = true;
        return reply
          .code(403)
          .send({ statusCode: 403, error: 'Forbidden', message: 'inloggen met gebruikersnaam en wachtwoord staat uit; log in via uw organisatie' });
      });
    }
  },
  { name: 'oidc', dependencies: ['context'] },
);
