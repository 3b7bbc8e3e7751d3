import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

// Serves the built dashboard (web/dist) when it exists, with index.html for the
// client-side routes; everything under /api stays the API's.
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const root = config.webDistDir;
    const hasWeb = fs.existsSync(path.join(root, 'index.html'));
    if (hasWeb) {
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        index: ['index.html'],
        cacheControl: false,
        // The build writes .br and .gz copies (web/vite.config.ts): sent to browsers that accept them.
        preCompressed: true,
        setHeaders: (res, file) => {
          // Vite names files under assets/ by content hash: they never change.
          const hashed = file.includes(`${path.sep}assets${path.sep}`);
          res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
          // The body depends on Accept-Encoding (preCompressed): caches must keep one copy per encoding.
          res.setHeader('vary', 'accept-encoding');
        },
      });
    }
    app.setNotFoundHandler(async (request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      if (hasWeb && request.method === 'GET' && !url.startsWith('/api') && !path.extname(url)) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'niet gevonden' });
    });
  },
  { name: 'static' },
);
