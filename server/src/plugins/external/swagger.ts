import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

// The OpenAPI document is generated from the route schemas (shared/src/api); docs at /api/docs.
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Vroegsignaal API',
          version: '1.0.0',
          description:
            'Sign in with POST /api/auth/login; the session is a cookie. Send the csrf_token of the session as header ' +
            '`x-csrf-token` on every POST, PUT, PATCH and DELETE.',
        },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'vs_session' },
            csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          },
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  },
  { name: 'swagger' },
);
