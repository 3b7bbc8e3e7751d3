import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { addSource } from '../../server/src/services/sources.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext } from '../helpers/engine.ts';
import { FakeClock, TEST_POLICY, feedCsv, jobRuns, resultOf, testScheduler } from './helpers.ts';

/** A real HTTP server on 127.0.0.1 serving deliveries; each path decides how it behaves. */
function startServer(routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void>) {
  const hits: Record<string, number> = {};
  const server = http.createServer((req, res) => {
    const route = routes[req.url ?? ''];
    hits[req.url ?? ''] = (hits[req.url ?? ''] ?? 0) + 1;
    if (!route) return void res.writeHead(404).end();
    route(req, res, hits[req.url ?? '']!);
  });
  return new Promise<{ base: string; hits: Record<string, number>; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        hits,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  );
}

/** A port nothing listens on (any more). */
function freePort(): Promise<number> {
  const server = http.createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

const csv = (res: http.ServerResponse, body: string) => res.writeHead(200, { 'content-type': 'text/csv' }).end(body);

describe.each(DIALECTS)('an HTTP source (%s)', (dialect) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  const clock = new FakeClock('2026-10-01T10:00:00Z');
  const delivery = feedCsv('woco-http', 7);
  const json = JSON.stringify([{ source: 'ggz-http', record_id: 'g1', indicator: 'ggz_zorg', observed_on: '2026-09-01', postcode: '9711AA', huisnummer: 1 }]);

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importRegistry(engineContext(t.db), path.join(EXAMPLE_DIR, 'registry.csv'));
    server = await startServer({
      '/secure.csv': (req, res) => (req.headers['x-api-key'] === 'geheim' ? csv(res, delivery) : res.writeHead(401).end()),
      '/flaky.csv': (_req, res, hit) => (hit < 3 ? res.writeHead(503).end() : csv(res, feedCsv('woco-flaky', 2))),
      '/down.csv': (_req, res) => res.writeHead(502).end(),
      '/data.json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(json),
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  async function httpSource(name: string, url: string, extra: object = {}) {
    await addSource(t.db, clock, { name, indicators: ['huurachterstand', 'ggz_zorg'], url, schedule: '0 * * * *', ...extra }, TEST_POLICY);
  }

  it('pulls with its auth header and ingests; the same delivery again changes nothing', async () => {
    await httpSource('woco-http', `${server.base}/secure.csv`, { authHeader: { name: 'X-Api-Key', value: 'geheim' } });
    const scheduler = testScheduler(t.db, clock);
    const first = resultOf(await scheduler.tick(clock.set('2026-10-01T11:00:00Z')), 'pull:woco-http');
    expect(first).toMatchObject({ status: 'ok', counts: { attempts: 1, read: 7, stored: 7 } });
    const second = resultOf(await scheduler.tick(clock.set('2026-10-01T12:00:00Z')), 'pull:woco-http');
    expect(second).toMatchObject({ status: 'ok', counts: { attempts: 1, sameAsLastDelivery: true } });
    const signals = await t.db.selectFrom('signals').select('record_id').where('source', '=', 'woco-http').execute();
    expect(signals).toHaveLength(7);
    const ingests = await t.db.selectFrom('ingest_runs').select(['file_name', 'status']).where('source_name', '=', 'woco-http').execute();
    expect(ingests).toEqual([{ file_name: expect.stringMatching(/^woco-http-2026-10-01T11-00-00-000Z\.csv$/), status: 'ok' }]);
    await scheduler.stop();
  });

  it('fails without retrying when the server refuses the credentials', async () => {
    await httpSource('woco-noauth', `${server.base}/secure.csv`);
    const scheduler = testScheduler(t.db, clock);
    const run = resultOf(await scheduler.tick(clock.set('2026-10-01T13:00:00Z')), 'pull:woco-noauth');
    expect(run).toMatchObject({ status: 'failed', counts: { attempts: 1 }, error: expect.stringMatching(/HTTP 401/) });
    await scheduler.stop();
  });

  it('retries a failing pull with back-off and records the attempts', async () => {
    await httpSource('woco-flaky', `${server.base}/flaky.csv`);
    const waits: number[] = [];
    const scheduler = testScheduler(t.db, clock);
    (scheduler as unknown as { options: { sleep: (ms: number) => Promise<void> } }).options.sleep = async (ms) => void waits.push(ms);
    const run = resultOf(await scheduler.tick(clock.set('2026-10-01T14:00:00Z')), 'pull:woco-flaky');
    expect(run).toMatchObject({ status: 'ok', counts: { attempts: 3, stored: 2 } });
    expect(waits).toEqual([10, 20]);
    await scheduler.stop();
  });

  it('gives up after the configured retries and records every attempt', async () => {
    await httpSource('woco-down', `${server.base}/down.csv`);
    const scheduler = testScheduler(t.db, clock);
    const run = resultOf(await scheduler.tick(clock.set('2026-10-01T15:00:00Z')), 'pull:woco-down');
    expect(run).toMatchObject({ status: 'failed', counts: { attempts: 3 } });
    expect(server.hits['/down.csv']).toBe(3);
    const [row] = await jobRuns(t.db, 'pull:woco-down');
    expect(row).toMatchObject({ outcome: 'failed', tick: '2026-10-01T15:00:00.000Z' });
    expect(row!.error).toBe(['poging 1', 'poging 2', 'poging 3'].map((a) => `${a}: HTTP 502 van ${server.base}/down.csv`).join('; '));
    await scheduler.stop();
  });

  it('pulls JSON and records an unreachable host', async () => {
    await httpSource('ggz-http', `${server.base}/data.json`);
    const closedPort = await freePort();
    await httpSource('nowhere', `http://127.0.0.1:${closedPort}/feed.csv`, { schedule: '30 * * * *' });
    const scheduler = testScheduler(t.db, clock);
    const results = await scheduler.tick(clock.set('2026-10-01T16:00:00Z'));
    expect(resultOf(results, 'pull:ggz-http')).toMatchObject({ status: 'ok', counts: { read: 1, stored: 1 } });
    const nowhere = resultOf(await scheduler.tick(clock.set('2026-10-01T16:30:00Z')), 'pull:nowhere');
    expect(nowhere).toMatchObject({
      status: 'failed',
      counts: { attempts: 3 },
      error: expect.stringContaining(`kan http://127.0.0.1:${closedPort}/feed.csv niet bereiken: verbinding geweigerd (ECONNREFUSED)`),
    });
    await scheduler.stop();
  });

  it('records a failed pull with the query values of its URL left out', async () => {
    await httpSource('woco-token', `${server.base}/missing.csv?token=geheim`, { schedule: '45 * * * *' });
    const scheduler = testScheduler(t.db, clock);
    const run = resultOf(await scheduler.tick(clock.set('2026-10-01T17:45:00Z')), 'pull:woco-token');
    expect(run).toMatchObject({ status: 'failed', error: `poging 1: HTTP 404 van ${server.base}/missing.csv?token=…` });
    const [row] = await jobRuns(t.db, 'pull:woco-token');
    expect(row!.error).not.toContain('geheim');
    await scheduler.stop();
  });

  it('records a request Node refuses in Dutch, keeping only its code', async () => {
    await httpSource('woco-oud', `${server.base}/secure.csv`, { authHeader: { name: 'X-Key', value: 'ok' }, schedule: '50 * * * *' });
    // Stored before header values were checked.
    await t.db.updateTable('sources').set({ auth_header_value: 'a\r\nInjected: 1' }).where('name', '=', 'woco-oud').execute();
    const scheduler = testScheduler(t.db, clock);
    const run = resultOf(await scheduler.tick(clock.set('2026-10-01T18:50:00Z')), 'pull:woco-oud');
    expect(run).toMatchObject({ status: 'failed', error: 'poging 1: de aanvraag kon niet worden gedaan (ERR_INVALID_CHAR)' });
    await scheduler.stop();
  });
});
