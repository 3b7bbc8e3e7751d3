import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/src/core/clock.ts';
import { buildServer } from '../../server/src/server.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, testConfig, type ApiFixture } from './support/fixture.ts';

// The dashboard's files go out compressed: the build writes .br and .gz copies next to each
// (web/vite.config.ts) and the server picks the one the browser accepts. The API's own
// responses stay uncompressed (they carry the CSRF token).

const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `woord-${i % 17}`))};\n`;

describe.each(DIALECTS)('compressed static files (%s)', (dialect) => {
  let f: ApiFixture;
  let dist: string;
  let app: Awaited<ReturnType<typeof buildServer>>;

  beforeAll(async () => {
    f = await createApiFixture(dialect, {}, false);
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    const files = { 'index.html': '<!doctype html><div id="root"></div>', 'assets/app-1234.js': SCRIPT };
    for (const [name, content] of Object.entries(files)) {
      fs.writeFileSync(path.join(dist, name), content);
      fs.writeFileSync(path.join(dist, `${name}.br`), zlib.brotliCompressSync(content));
      fs.writeFileSync(path.join(dist, `${name}.gz`), zlib.gzipSync(content));
    }
    // A build from before the compressed copies: still served, plainly.
    fs.writeFileSync(path.join(dist, 'assets', 'old-1.css'), 'body { margin: 0 }');
    app = await buildServer({ config: testConfig(f.t, { webDistDir: dist }), db: f.t.db, clock: fixedClock('2026-10-09T08:00:00Z') });
  });
  afterAll(async () => {
    await app?.close();
    await f?.close();
    if (dist) fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, the plain file otherwise', async () => {
    const br = await get('/assets/app-1234.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 4);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.headers['content-type']).toContain('javascript');

    const gz = await get('/assets/app-1234.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/app-1234.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);

    const old = await get('/assets/old-1.css', 'gzip, deflate, br');
    expect(old.statusCode).toBe(200);
    expect(old.headers['content-encoding']).toBeUndefined();
    expect(old.body).toBe('body { margin: 0 }');
  });

  it('serves index.html for a client route, and leaves API responses uncompressed', async () => {
    const page = await get('/signalen', 'br');
    expect(page.statusCode).toBe(200);
    const html = page.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(page.rawPayload).toString() : page.body;
    expect(html).toContain('id="root"');
    const api = await get('/api/health', 'gzip, deflate, br');
    expect(api.headers['content-encoding']).toBeUndefined();
    expect(api.json()).toEqual({ status: 'ok' });
  });
});
