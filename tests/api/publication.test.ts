import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRegisterEntry, REGISTER_FIELDS, type RegisterEntry } from '../../shared/src/algoritmeregister.ts';
import { loadConfig } from '../../server/src/config.ts';
import { publishCount } from '../../server/src/core/suppression.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { createApiFixture, type Agent, type ApiFixture } from './support/fixture.ts';
import { draftDefinition } from './support/requests.ts';

// Public accountability at the HTTP boundary: "Hoe werkt het?" without a session, the
// Algoritmeregister export checked against the field list, and the DPIA fact sheet's
// counts checked against the audit log and the rule-set history.

const CONFIGURED = loadConfig({
  NODE_ENV: 'test',
  MPG_ORGANISATION: 'Gemeente Groningen',
  MPG_CONTACT: 'privacy@groningen.nl',
  MPG_LEGAL_BASIS: 'Wet gemeentelijke schuldhulpverlening, artikel 3.',
  MPG_LEGAL_BASIS_URL: 'https://wetten.overheid.nl/BWBR0031835',
  MPG_REGISTER_THEMES: 'Sociale zekerheid, Zorg en gezondheid',
}).publication;

/** RFC 4180 rows (quoted cells with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n')) cell += c;
    else {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    }
  }
  return rows;
}

describe.each(DIALECTS)('public transparency, register export and DPIA fact sheet (%s)', (dialect) => {
  let f: ApiFixture;
  let a: Agent;
  let b: Agent;
  const anonymous = (url: string) => f.app.inject({ method: 'GET', url });
  beforeAll(async () => {
    f = await createApiFixture(dialect);
    a = await f.login('beleidsmaker');
    b = await f.login('beleidsmaker2');
  });
  afterAll(async () => f?.close());

  it('answers "Hoe werkt het?" without a session, without an audit entry per read, and without names or households', async () => {
    const before = await f.t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await anonymous('/api/public/transparency');
    expect(res.statusCode, res.body).toBe(200);
    const after = await f.t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const t = res.json();
    expect(t.rule_set).toMatchObject({ name: 'Standaard', version: 1, approval: { via: 'beheer', approved_by_role: 'beheer (CLI)' } });
    expect(t.rule_set.approval.text).toMatch(/^Geïmporteerd en gepubliceerd via beheer \(CLI\) op .*zonder goedkeuring/);
    expect(t.indicators.length).toBeGreaterThan(0);
    expect(t.sources).toEqual([{ name: 'woco-test', indicators: [{ indicator: 'huurachterstand', label: 'Huurachterstand' }] }]);
    expect(t.retention).toEqual([
      { what: expect.stringContaining('Signalen'), days: 730 },
      { what: expect.stringContaining('quarantaine'), days: 90 },
      { what: expect.stringContaining('Auditlog'), days: 1826 },
    ]);
    expect(t.signal_not_decision).toMatch(/nooit een besluit/);
    expect(t.roles.map((r: { role: string }) => r.role)).toEqual(['Coördinator zorgnetwerk', 'Wijkteam', 'Beleidsmaker', 'Beheerder']);
    expect(t.contact).toBeNull();
    expect(t.legal_basis.text).toMatch(/Wet gemeentelijke schuldhulpverlening/);
    const run = await f.t.db.selectFrom('scoring_runs').selectAll().orderBy('as_of', 'desc').executeTakeFirstOrThrow();
    expect(t.latest_run).toEqual({ as_of: run.as_of, flags: publishCount(run.flags) });
    const keys = await f.t.db.selectFrom('households').select('address_key').execute();
    for (const { address_key } of keys) expect(res.body).not.toContain(address_key);
    for (const name of ['beheerder', 'cli', 'coordinator']) expect(res.body).not.toContain(`"${name}"`);
  });

  it('names the approval by role after four eyes, from the rule set history', async () => {
    const d = (await a.request({ method: 'POST', url: '/api/rule-sets', payload: draftDefinition('Openbaar') })).json();
    const r = (await a.request({ method: 'POST', url: `/api/rule-sets/${d.id}/request-publication` })).json();
    const ok = await b.request({
      method: 'POST',
      url: `/api/rule-sets/${d.id}/approve`,
      payload: { content_hash: r.content_hash, reason: 'akkoord na bespreking' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const res = await anonymous('/api/public/transparency');
    const events = await f.t.db.selectFrom('rule_set_events').selectAll().where('rule_set_id', '=', d.id).orderBy('id').execute();
    const approval = res.json().rule_set.approval;
    expect(approval).toMatchObject({
      via: 'vier-ogen',
      requested_by_role: 'beleidsmaker',
      approved_by_role: 'tweede beleidsmaker',
      requested_at: events.find((e) => e.kind === 'requested')!.at,
      approved_at: events.find((e) => e.kind === 'approved')!.at,
    });
    expect(approval.text).toMatch(/^Publicatie aangevraagd door een beleidsmaker op .*goedgekeurd door een tweede beleidsmaker op /);
    expect(res.body).not.toContain('beleidsmaker2');
  });

  it('refuses the register export and the fact sheet without a session or to the wrong role', async () => {
    expect((await anonymous('/api/register/export')).statusCode).toBe(401);
    expect((await anonymous('/api/dpia/factsheet?from=2026-10-01&to=2026-10-09')).statusCode).toBe(401);
    const coordinator = await f.login('coordinator');
    expect((await coordinator.request({ method: 'GET', url: '/api/register/export' })).statusCode).toBe(403);
    expect((await a.request({ method: 'GET', url: '/api/dpia/factsheet?from=2026-10-01&to=2026-10-09' })).statusCode).toBe(403);
  });

  it('exports the register entry with every field, and names the mandatory fields still missing', async () => {
    const res = await a.request({ method: 'GET', url: '/api/register/export?format=json' });
    expect(res.statusCode, res.body).toBe(200);
    const x = res.json();
    expect(Object.keys(x.entry)).toEqual(REGISTER_FIELDS.map((field) => field.name));
    expect(x.missing).toEqual(['Organisatie', 'Contactgegevens']);
    expect(x.invalid).toEqual([]);
    expect(x.empty_shown).toEqual(expect.arrayContaining(['Thema', 'Link naar wettelijke basis', 'Impacttoets(en)', 'Leverancier']));
    expect(x.entry).toMatchObject({
      Status: 'In gebruik',
      Taal: 'nld',
      Schema: '1.0.0',
      Publicatiecategorie: 'Impactvolle algoritmes',
      'Wettelijke basis': null,
      Einddatum: null,
    });
    const first = await f.t.db
      .selectFrom('rule_sets')
      .select('published_at')
      .where('status', '=', 'published')
      .orderBy('published_at')
      .executeTakeFirstOrThrow();
    expect(x.entry.Begindatum).toBe(first.published_at!.slice(0, 7));
    expect(x.entry['Technische werking']).toContain('Openbaar');
    const csv = await a.request({ method: 'GET', url: '/api/register/export?format=csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row, ...rest] = parseCsv(csv.body);
    expect(rest).toEqual([]);
    expect(header).toEqual(REGISTER_FIELDS.map((field) => field.name));
    expect(row).toEqual(
      REGISTER_FIELDS.map((field) => {
        const v = x.entry[field.name];
        return v === null ? '' : Array.isArray(v) ? v.join('|') : v;
      }),
    );
    const audit = await f.t.db.selectFrom('audit_log').selectAll().where('event', '=', 'register_export').orderBy('id').execute();
    expect(audit.map((e) => e.object_id)).toEqual(['algoritmeregister:json', 'algoritmeregister:csv']);
  });

  it('fills the mandatory fields from configuration and passes the field list', async () => {
    const g = await createApiFixture(dialect, { publication: CONFIGURED });
    try {
      const x = (await (await g.login('beleidsmaker')).request({ method: 'GET', url: '/api/register/export' })).json();
      expect(x).toMatchObject({ missing: [], invalid: [] });
      expect(x.entry).toMatchObject({
        Organisatie: 'Gemeente Groningen',
        Contactgegevens: 'privacy@groningen.nl',
        Thema: ['Sociale zekerheid', 'Zorg en gezondheid'],
      });
      for (const field of REGISTER_FIELDS) {
        const v = x.entry[field.name];
        if (field.requirement === 'mandatory') expect(v, field.name).not.toBeNull();
        if (v === null) continue;
        if (field.kind.type === 'text') expect((v as string).length, field.name).toBeLessThanOrEqual(field.kind.max);
        if (field.kind.type === 'choice') expect(field.kind.choices, field.name).toContain(v);
        if (field.kind.type === 'https') expect(v, field.name).toMatch(/^https:\/\//);
      }
      const t = (await g.app.inject({ method: 'GET', url: '/api/public/transparency' })).json();
      expect(t).toMatchObject({
        organisation: 'Gemeente Groningen',
        contact: 'privacy@groningen.nl',
        legal_basis: { text: 'Wet gemeentelijke schuldhulpverlening, artikel 3.' },
      });
    } finally {
      await g.close();
    }
  });

  it('reports a value that breaks a length, format or choice by field name', () => {
    const entry = Object.fromEntries(REGISTER_FIELDS.map((field) => [field.name, null])) as RegisterEntry;
    Object.assign(entry, {
      Naam: 'x'.repeat(100),
      'Korte omschrijving': 'kort',
      Organisatie: 'Gemeente',
      Status: 'Actief',
      Contactgegevens: 'geen adres',
      Publicatiecategorie: 'Impactvolle algoritmes',
      Taal: 'eng',
      Schema: '2.0.0',
      Begindatum: '2026-13',
      'Link naar broncode': 'http://example.org',
    });
    const check = checkRegisterEntry(entry);
    expect(check.missing).toEqual([]);
    expect(check.invalid.map((p) => p.field)).toEqual(['Naam', 'Status', 'Begindatum', 'Contactgegevens', 'Link naar broncode', 'Taal', 'Schema']);
    expect(check.invalid[0]!.reason).toBe('te lang: 100 tekens, hoogstens 99');
    expect(checkRegisterEntry({ ...entry, Organisatie: '  ', Naam: null }).missing).toEqual(['Naam', 'Organisatie']);
  });

  it('counts access per role in the fact sheet exactly as the audit log holds it, and the rule-set history as stored', async () => {
    const admin = await f.login('beheerder');
    await anonymous('/api/flags/1/household'); // a denied read without a session
    const from = '2026-10-01';
    const to = '2026-10-09';
    const expected = await f.t.db
      .selectFrom('audit_log')
      .select((eb) => ['role', eb.fn.countAll<number>().as('n')])
      .where('at', '>=', `${from}T00:00:00.000Z`)
      .where('at', '<', '2026-10-10T00:00:00.000Z')
      .groupBy('role')
      .execute();
    expect(expected.length).toBeGreaterThan(2);
    const res = await admin.request({ method: 'GET', url: `/api/dpia/factsheet?from=${from}&to=${to}&format=md` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown/);
    const md = res.body;
    const section = md.slice(md.indexOf('## Rollen'), md.indexOf('### '));
    const shown = new Map([...section.matchAll(/^\| (.+?) \| (\d+) \|$/gm)].map((m) => [m[1], Number(m[2])]));
    expect(shown).toEqual(new Map(expected.map((e) => [e.role ?? 'zonder sessie', Number(e.n)])));
    // The rule-set history: one table row per stored event, per published set.
    const sets = await f.t.db.selectFrom('rule_sets').selectAll().where('status', '=', 'published').orderBy('published_at').execute();
    const history = md.slice(md.indexOf('## Geschiedenis'), md.indexOf('## Quarantaine'));
    const blocks = history.split(/^### /m).slice(1);
    expect(blocks.map((bl) => bl.split('\n')[0])).toEqual(sets.map((s) => `${s.name}, versie ${s.version}`));
    for (const [i, s] of sets.entries()) {
      const events = await f.t.db.selectFrom('rule_set_events').select('kind').where('rule_set_id', '=', s.id).execute();
      const rows = blocks[i]!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Moment'));
      expect(rows.length).toBe(events.length);
    }
    expect(blocks[1]).toContain('goedgekeurd door een tweede beleidsmaker');
    expect(blocks[1]).toContain('akkoord na bespreking');
    const runs = await f.t.db.selectFrom('ingest_runs').selectAll().where('kind', '=', 'feed').execute();
    const read = runs.reduce((n, r) => n + r.read_rows, 0);
    const quarantined = runs.reduce((n, r) => n + r.quarantined, 0);
    expect(md).toContain(`| zonder bron (bestand via beheer) | ${runs.length} | ${read} | ${quarantined} |`);
    expect(md).toMatch(/## Oververtegenwoordiging per wijk\n\nScoringsronde van 2026-10-08/);
  });

  it('draws the fact sheet as a PDF and refuses a period that ends before it starts', async () => {
    const admin = await f.login('beheerder');
    const pdf = await admin.request({ method: 'GET', url: '/api/dpia/factsheet?from=2026-10-01&to=2026-10-09&format=pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
    const wrong = await admin.request({ method: 'GET', url: '/api/dpia/factsheet?from=2026-10-09&to=2026-10-01' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: 'query.from', reason: 'ligt na de einddatum' });
  });
});

describe('publication settings', () => {
  it('refuses a value the register would refuse, naming the variable', () => {
    const refused = (env: Record<string, string>) => () => loadConfig({ NODE_ENV: 'test', ...env });
    expect(refused({ MPG_ORGANISATION: 'x'.repeat(100) })).toThrow(/^MPG_ORGANISATION: expected a text of 1 to 99 characters/);
    expect(refused({ MPG_PUBLICATION_CATEGORY: 'Impactvol' })).toThrow(/^MPG_PUBLICATION_CATEGORY: expected one of Hoog-risico AI-systemen/);
    expect(refused({ MPG_LEGAL_BASIS_URL: 'http://wetten.overheid.nl' })).toThrow(/^MPG_LEGAL_BASIS_URL: expected an https:\/\/ URL/);
    expect(refused({ MPG_CONTACT: 'privacy at gemeente' })).toThrow(/^MPG_CONTACT: /);
    const p = loadConfig({ NODE_ENV: 'test' }).publication;
    expect(p).toMatchObject({ organisation: null, contact: null, legalBasisConfigured: false, category: 'Impactvolle algoritmes', themes: [] });
  });
});

describe('public transparency is rate limited like the rest', () => {
  it('answers 429 past the per-address limit, without writing an audit entry per read', async () => {
    const f = await createApiFixture('sqlite', { apiRateLimit: 3 }, false);
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await f.app.inject({ method: 'GET', url: '/api/public/transparency' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      // At most the refusal itself is recorded, never the anonymous reads.
      const entries = await f.t.db.selectFrom('audit_log').select('event').execute();
      expect(entries.filter((e) => e.event !== 'rate_limited:publicTransparency')).toEqual([]);
    } finally {
      await f.close();
    }
  });
});
