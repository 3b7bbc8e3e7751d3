import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';

// A beheerder cannot point a source outside its place: every refusal is a Dutch 400
// naming the field, and nothing is stored.

describe.each(DIALECTS)('a beheerder configuring where a source points (%s)', (dialect) => {
  let f: ApiFixture;
  let admin: Agent;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-api-drops-'));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-api-outside-'));
  beforeAll(async () => {
    f = await createApiFixture(dialect, { dropRoot: root, pullAllowedHosts: [{ host: '127.0.0.1', port: 8443 }] }, false);
    admin = await f.login('beheerder');
  });
  afterAll(async () => f?.close());

  const create = (name: string, where: { folder: string } | { url: string }) =>
    admin.request({ method: 'POST', url: '/api/sources', payload: { name, indicators: ['huurachterstand'], ...where } });
  const stored = async (name: string) => (await f.t.db.selectFrom('sources').select('name').where('name', '=', name).execute()).length;

  it('resolves a relative folder against the drop root', async () => {
    const res = await create('woco-relatief', { folder: 'woco/in' });
    expect(res.statusCode).toBe(201);
    expect(res.json().location).toBe(path.join(root, 'woco', 'in'));
  });

  it.each(['/etc', '../../', '../', '.', root, `${root}/../elders`, '/tmp'])('refuses the folder %s with a Dutch 400 naming the field', async (folder) => {
    const res = await create('woco-buiten', { folder });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'body.folder', reason: expect.stringMatching(/ligt niet binnen de hoofdmap voor leveringen/) });
    expect(await stored('woco-buiten')).toBe(0);
  });

  it('refuses a folder that is a symbolic link to outside the drop root, also below a new subfolder', async () => {
    fs.symlinkSync(outside, path.join(root, 'naar-buiten'));
    for (const folder of ['naar-buiten', 'naar-buiten/nieuw/diep']) {
      const res = await create('woco-link', { folder });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'body.folder', reason: expect.stringContaining(`via een symbolische link naar ${outside}`) });
    }
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('refuses a change of folder to outside the drop root, and keeps the old one', async () => {
    expect((await create('woco-wissel', { folder: 'wissel' })).statusCode).toBe(201);
    const res = await admin.request({ method: 'PATCH', url: '/api/sources/woco-wissel', payload: { folder: '/etc' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('body.folder');
    const list = (await admin.request({ method: 'GET', url: '/api/sources' })).json();
    expect(list.find((s: { name: string }) => s.name === 'woco-wissel').location).toBe(path.join(root, 'wissel'));
  });

  it.each([
    ['http://127.0.0.1/feed.csv', /127\.0\.0\.1 is een intern adres \(loopback\)/],
    ['http://127.8.9.10:8443/feed.csv', /127\.8\.9\.10 is een intern adres \(loopback\)/],
    ['http://2130706433/feed.csv', /127\.0\.0\.1 is een intern adres \(loopback\)/],
    ['http://localhost:8080/feed.csv', /localhost is altijd deze machine zelf/],
    ['http://LocalHost./feed.csv', /localhost is altijd deze machine zelf/],
    ['http://api.localhost/feed.csv', /api\.localhost is altijd deze machine zelf/],
    ['http://0.0.0.0/feed.csv', /niet-gespecificeerd adres/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://10.1.2.3/feed.csv', /privénetwerk/],
    ['http://172.16.0.9/feed.csv', /privénetwerk/],
    ['http://192.168.1.1/feed.csv', /privénetwerk/],
    ['http://100.64.0.1/feed.csv', /CGNAT/],
    ['http://[::1]/feed.csv', /::1 is een intern adres \(loopback\)/],
    ['http://[::ffff:127.0.0.1]/feed.csv', /intern adres \(loopback\)/],
    ['http://[fe80::1]/feed.csv', /link-local/],
    ['http://[fd00:ec2::254]/feed.csv', /unique local/],
    ['http://[::]/feed.csv', /niet-gespecificeerd adres/],
    ['file:///etc/passwd', /alleen http- en https-URL's, geen file:/],
    ['gopher://example.org/', /geen gopher:/],
    ['https://gebruiker:wachtwoord@example.org/feed.csv', /zet geen gebruikersnaam of wachtwoord in de URL; geef ze in de authenticatieheader/],
  ])('refuses %s with a Dutch 400 naming the field, never echoing a secret', async (url, reason) => {
    const res = await create('ergens', { url });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'body.url', reason: expect.stringMatching(reason) });
    expect(res.body).not.toContain('wachtwoord@');
    expect(await stored('ergens')).toBe(0);
  });

  it('refuses a change of URL to loopback', async () => {
    expect((await create('ggz-extern', { url: 'https://feeds.example.org/ggz.csv' })).statusCode).toBe(201);
    const res = await admin.request({ method: 'PATCH', url: '/api/sources/ggz-extern', payload: { url: 'http://[::1]:8080/' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('body.url');
  });

  it('allows an internal host the operator allowed, on the allowed port only', async () => {
    expect((await create('intern-toegestaan', { url: 'https://127.0.0.1:8443/feed.csv' })).statusCode).toBe(201);
    const otherPort = await create('intern-andere-poort', { url: 'https://127.0.0.1:8444/feed.csv' });
    expect(otherPort.statusCode).toBe(400);
    expect(otherPort.json().reason).toContain('MPG_PULL_ALLOWED_HOSTS');
  });
});

describe.each(DIALECTS)('a beheerder giving a drop folder that overlaps another place (%s)', (dialect) => {
  let f: ApiFixture;
  let admin: Agent;
  // As with the default drop root `data`: the demo registry and the database file lie below it too.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-api-overlap-'));
  const demoDir = path.join(root, 'demo');
  const databaseFile = path.join(root, 'db', 'vroegsignaal.sqlite');
  beforeAll(async () => {
    fs.mkdirSync(demoDir, { recursive: true });
    fs.writeFileSync(path.join(demoDir, 'registry.csv'), 'bsn,geboortedatum\n');
    f = await createApiFixture(dialect, { dropRoot: root, demoDir, database: { dialect: 'sqlite', file: databaseFile } }, false);
    admin = await f.login('beheerder');
    for (const [name, folder] of [
      ['politie', 'demo/drops/politie'],
      ['woco', 'drops/woco'],
    ] as const) {
      const res = await create(name, folder);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => f?.close());

  const create = (name: string, folder: string) =>
    admin.request({ method: 'POST', url: '/api/sources', payload: { name, indicators: ['huurachterstand'], folder } });

  it.each([
    ['demo', /bevat de demomap met de basisregistratie en truth\.csv/],
    ['.//demo/', /bevat de demomap/],
    ['db', /bevat het databasebestand/],
    ['demo/drops/politie/processed', /ligt binnen de map van bron 'politie'/],
    ['demo/drops/politie/failed/x', /ligt binnen de map van bron 'politie'/],
    ['drops/woco', /is dezelfde als de map van bron 'woco'/],
    ['drops', /bevat de map van bron 'woco'/],
  ])('refuses the folder %s with a Dutch 400 naming body.folder, storing nothing', async (folder, reason) => {
    const res = await create('nieuw', folder);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'body.folder', reason: expect.stringMatching(reason) });
    expect(await f.t.db.selectFrom('sources').select('name').where('name', '=', 'nieuw').execute()).toHaveLength(0);
  });

  it('refuses a change onto another source folder, but lets a source keep or move within its own', async () => {
    const onto = await admin.request({ method: 'PATCH', url: '/api/sources/woco', payload: { folder: 'demo/drops/politie' } });
    expect(onto.statusCode).toBe(400);
    expect(onto.json().field).toBe('body.folder');
    expect((await admin.request({ method: 'PATCH', url: '/api/sources/woco', payload: { folder: 'drops/woco' } })).statusCode).toBe(200);
    expect((await create('buur', 'drops/buur')).statusCode).toBe(201);
  });
});
