import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSource } from '../../server/src/repositories/source-repository.ts';
import { Scheduler } from '../../server/src/scheduler/scheduler.ts';
import type { Resolve } from '../../server/src/scheduler/pull-http.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { addSource, sourcePolicy } from '../../server/src/services/sources.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { EXAMPLE_DIR, engineContext } from '../helpers/engine.ts';
import { FakeClock, TEST_SETTINGS, feedCsv, listDir, resultOf, tempDir } from './helpers.ts';

// At pull time a source is checked again: a drop folder that became a symbolic link to
// elsewhere, or a URL whose host (now) resolves or redirects to an internal address,
// is refused with a Dutch job detail, and nothing is read, moved or stored.

/** A delivery server on 127.0.0.1 that counts what it was asked. */
async function deliveryServer(csv: string) {
  const hits: string[] = [];
  let redirectTo = '';
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/redirect.csv') return void res.writeHead(302, { location: redirectTo }).end();
    res.writeHead(200, { 'content-type': 'text/csv' }).end(csv);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    hits,
    redirectTo: (url: string) => {
      redirectTo = url;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(DIALECTS)('a source checked again when it is pulled (%s)', (dialect) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof deliveryServer>>;
  const clock = new FakeClock('2026-10-01T10:00:00Z');
  const root = tempDir('vs-drop-root-');
  const outside = tempDir('vs-outside-');
  // Only the test server's own name is allowed; 127.0.0.1 itself is not.
  const settings = { ...TEST_SETTINGS, dropRoot: root, pullAllowedHosts: [{ host: 'delivery.allowed.test', port: null }] };
  const names: Record<string, string> = { 'delivery.allowed.test': '127.0.0.1', 'feeds.gemeente.test': '127.0.0.1', 'v6.gemeente.test': '::1' };
  const resolve: Resolve = async (host) => (names[host] ? [{ address: names[host]!, family: names[host]!.includes(':') ? 6 : 4 }] : []);
  const scheduler = () => new Scheduler({ engine: { ...engineContext(t.db, clock), actor: 'scheduler' }, settings, resolve });
  const stored = async (source: string) => (await t.db.selectFrom('signals').select('id').where('source', '=', source).execute()).length;
  const failure = async (name: string, at: string) => resultOf(await scheduler().tick(clock.set(at)), `pull:${name}`);

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importRegistry(engineContext(t.db), path.join(EXAMPLE_DIR, 'registry.csv'));
    server = await deliveryServer(feedCsv('woco-net', 4));
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  it('refuses a drop folder that became a symbolic link to outside the drop root, and moves nothing', async () => {
    await addSource(t.db, clock, { name: 'woco-link', indicators: ['huurachterstand'], folder: 'woco-link', schedule: '* * * * *' }, sourcePolicy(settings));
    fs.writeFileSync(path.join(outside, 'passwd.csv'), feedCsv('woco-link', 3));
    fs.symlinkSync(outside, path.join(root, 'woco-link'));
    for (const minute of ['10:01', '10:02']) {
      const run = await failure('woco-link', `2026-10-01T${minute}:00Z`);
      expect(run).toMatchObject({
        status: 'failed',
        error: `map ${root}/woco-link (via een symbolische link naar ${outside}) ligt niet binnen de hoofdmap voor leveringen ${root}; er is niets gelezen of verplaatst`,
      });
    }
    expect(listDir(outside)).toEqual(['passwd.csv']);
    expect(await stored('woco-link')).toBe(0);
  });

  it("refuses at pull time a folder stored inside another source's archive, and moves nothing", async () => {
    await addSource(
      t.db,
      clock,
      { name: 'woco-bron', indicators: ['huurachterstand'], folder: 'woco-bron', schedule: '* * * * *', enabled: false },
      sourcePolicy(settings),
    );
    await addSource(t.db, clock, { name: 'woco-mee', indicators: ['huurachterstand'], folder: 'woco-mee', schedule: '* * * * *' }, sourcePolicy(settings));
    // Stored before folders were checked against each other: inside the other source's processed/.
    const archive = path.join(root, 'woco-bron', 'processed');
    fs.mkdirSync(archive, { recursive: true });
    fs.writeFileSync(path.join(archive, 'week.csv'), feedCsv('woco-mee', 2));
    await t.db.updateTable('sources').set({ location: archive }).where('name', '=', 'woco-mee').execute();
    const run = await failure('woco-mee', '2026-10-01T10:05:00Z');
    expect(run).toMatchObject({
      status: 'failed',
      error: `map ${archive} ligt binnen de map van bron 'woco-bron' (${path.join(root, 'woco-bron')}, met haar processed/ en failed/); elke bron heeft een eigen map; er is niets gelezen of verplaatst`,
    });
    expect(listDir(archive)).toEqual(['week.csv']);
    expect(await stored('woco-mee')).toBe(0);
    // Not due in the later tests: ten due jobs exhaust the PostgreSQL pool (each holds a lock connection).
    await t.db.updateTable('sources').set({ enabled: 0 }).where('name', '=', 'woco-mee').execute();
  });

  it('refuses a processed/ subfolder that is a symbolic link, before ingesting anything', async () => {
    await addSource(t.db, clock, { name: 'woco-sub', indicators: ['huurachterstand'], folder: 'woco-sub', schedule: '* * * * *' }, sourcePolicy(settings));
    fs.mkdirSync(path.join(root, 'woco-sub'));
    fs.writeFileSync(path.join(root, 'woco-sub', 'week.csv'), feedCsv('woco-sub', 2));
    fs.symlinkSync(outside, path.join(root, 'woco-sub', 'processed'));
    const run = await failure('woco-sub', '2026-10-01T10:03:00Z');
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/processed is geen gewone map .*er is niets gelezen of verplaatst$/) });
    expect(listDir(path.join(root, 'woco-sub'))).toEqual(['processed', 'week.csv']);
    expect(await stored('woco-sub')).toBe(0);
  });

  /** A URL stored as it was before these checks existed (or whose host has moved since). */
  async function storedUrl(name: string, url: string) {
    await insertSource(t.db, {
      name,
      indicators: JSON.stringify(['huurachterstand']),
      fetch_kind: 'http',
      location: url,
      auth_header_name: null,
      auth_header_value: null,
      schedule: '0 * * * *',
      expected_interval_days: 7,
      column_mapping: null,
      enabled: 1,
      created_at: clock.now().toISOString(),
      updated_at: clock.now().toISOString(),
    });
  }

  it.each([
    ['loopback address', 'net-ip', (p: number) => `http://127.0.0.1:${p}/feed.csv`, /geweigerd: 127\.0\.0\.1 is een intern adres \(loopback\)/],
    [
      'name resolving to loopback',
      'net-name',
      (p: number) => `http://feeds.gemeente.test:${p}/feed.csv`,
      /geweigerd: feeds\.gemeente\.test wijst naar 127\.0\.0\.1, een intern adres \(loopback\)/,
    ],
    [
      'name resolving to IPv6 loopback',
      'net-v6',
      (p: number) => `http://v6.gemeente.test:${p}/feed.csv`,
      /geweigerd: v6\.gemeente\.test wijst naar ::1, een intern adres \(loopback\)/,
    ],
    ['localhost', 'net-localhost', (p: number) => `http://localhost:${p}/feed.csv`, /geweigerd: localhost is altijd deze machine zelf/],
    [
      'URL with credentials',
      'net-creds',
      (p: number) => `http://ik:geheim@delivery.allowed.test:${p}/feed.csv`,
      /geweigerd: zet geen gebruikersnaam of wachtwoord in de URL/,
    ],
    ['file: URL', 'net-file', () => 'file:///etc/passwd', /geweigerd: alleen http- en https-URL's, geen file:/],
  ])('refuses a %s at pull time, reaching nothing and storing nothing', async (_what, name, url, detail) => {
    const before = server.hits.length;
    await storedUrl(name, url(server.port));
    const run = await failure(name, '2026-10-01T11:00:00Z');
    expect(run).toMatchObject({ status: 'failed', counts: { attempts: 1 }, error: expect.stringMatching(detail) });
    expect((run as { error: string }).error).not.toContain('geheim');
    expect(server.hits.length).toBe(before);
    expect(await stored(name)).toBe(0);
  });

  it('follows a redirect only to where the source itself could point', async () => {
    await storedUrl('net-redirect', `http://delivery.allowed.test:${server.port}/redirect.csv`);
    server.redirectTo(`http://feeds.gemeente.test:${server.port}/feed.csv`);
    const refused = await failure('net-redirect', '2026-10-01T12:00:00Z');
    expect(refused).toMatchObject({ status: 'failed', error: expect.stringMatching(/feeds\.gemeente\.test wijst naar 127\.0\.0\.1/) });
    server.redirectTo('file:///etc/passwd');
    expect(await failure('net-redirect', '2026-10-01T13:00:00Z')).toMatchObject({ status: 'failed', error: expect.stringMatching(/geen file:/) });
    expect(server.hits.filter((h) => h === '/feed.csv')).toEqual([]);
    expect(await stored('woco-net')).toBe(0);
    // To the allowed host itself the redirect is followed and the delivery stored.
    server.redirectTo(`http://delivery.allowed.test:${server.port}/feed.csv`);
    expect(await failure('net-redirect', '2026-10-01T14:00:00Z')).toMatchObject({ status: 'ok', counts: { read: 4, stored: 4 } });
  });
});
