import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_FIELDS } from '../../shared/src/algoritmeregister.ts';
import { seedExample, TestClock } from '../api/support/fixture.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { expectFailure, expectSuccess } from './support.ts';

// `mpg register export` and `mpg dpia factsheet` as the operator runs them, on both databases.

describe.each(DIALECTS)('publication verbs of the CLI (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedExample(t, new TestClock(Date.parse('2026-10-09T08:00:00Z')));
  }, 120_000);
  afterAll(async () => t?.drop());
  const mpg = (args: string[], env: Record<string, string> = {}) => runCli(args, { DATABASE_URL: t.url, MPG_NOW: '2026-10-09T09:00:00Z', ...env });

  it('exports the register entry and names the missing mandatory fields with their variable', async () => {
    const r = await mpg(['register', 'export']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('waarschuwing: verplichte velden ontbreken: Organisatie (MPG_ORGANISATION), Contactgegevens (MPG_CONTACT)\n');
    const x = JSON.parse(r.stdout);
    expect(x.missing).toEqual(['Organisatie', 'Contactgegevens']);
    expect(x.entry).toMatchObject({ Status: 'In gebruik', Begindatum: '2026-10', Schema: '1.0.0' });
    expectFailure(await mpg(['register', 'export', '--strict']), /^error: verplichte velden ontbreken: Organisatie \(MPG_ORGANISATION\)/);
    const configured = { MPG_ORGANISATION: 'Gemeente Groningen', MPG_CONTACT: 'https://gemeente.groningen.nl/privacy' };
    const csv = expectSuccess(await mpg(['register', 'export', '--format', 'csv', '--strict'], configured));
    expect(csv.split('\n')[0]).toBe(REGISTER_FIELDS.map((f) => f.name).join(','));
    expect(csv).toContain('Gemeente Groningen');
    expectFailure(await mpg(['register', 'export'], { MPG_CONTACT: 'geen adres' }), /^error: MPG_CONTACT: expected an e-mail address or an https:\/\/ URL/);
    expectFailure(await mpg(['register', 'export', '--format', 'xml']), /formaat 'xml' wordt niet ondersteund/);
    const audit = await t.db.selectFrom('audit_log').select('outcome').where('event', '=', 'cli:register_export').orderBy('id').execute();
    expect(audit.map((a) => a.outcome)).toEqual(['success', 'failure', 'success']);
  }, 120_000);

  it("writes the DPIA fact sheet with the audit log's counts per role, as Markdown and PDF", async () => {
    expect((await mpg(['register', 'export'])).code).toBe(0); // at least one entry in the period, whatever ran before
    // Counted before the fact sheet, whose own entry is written after it is made.
    const counts = await t.db
      .selectFrom('audit_log')
      .select((eb) => ['role', eb.fn.countAll<number>().as('n')])
      .where('at', '>=', '2026-10-01T00:00:00Z')
      .where('at', '<', '2026-10-10T00:00:00Z')
      .groupBy('role')
      .execute();
    const md = expectSuccess(await mpg(['dpia', 'factsheet', '--from', '2026-10-01', '--to', '2026-10-09']));
    expect(counts.length).toBeGreaterThan(0);
    for (const c of counts) expect(md).toContain(`| ${c.role} | ${Number(c.n)} |`);
    expect(md).toContain('### Standaard, versie 1');
    expect(md).toContain('Geïmporteerd en gepubliceerd via beheer (CLI)');
    const pdf = await mpg(['dpia', 'factsheet', '--from', '2026-10-01', '--to', '2026-10-09', '--format', 'pdf']);
    expect(pdf.code).toBe(0);
    expect(pdf.stdout.startsWith('%PDF-')).toBe(true);
    expectFailure(await mpg(['dpia', 'factsheet', '--from', '2026-10-09', '--to', '2026-10-01']), /^error: --from 2026-10-09 ligt na --to 2026-10-01$/);
    expectFailure(await mpg(['dpia', 'factsheet', '--from', '2026-02-30', '--to', '2026-10-01']), /geen bestaande datum/);
    expectFailure(await mpg(['dpia', 'factsheet', '--to', '2026-10-01']), /--from/);
    const audit = await t.db.selectFrom('audit_log').select(['event', 'outcome', 'role']).where('event', '=', 'cli:dpia_factsheet').orderBy('id').execute();
    expect(audit).toEqual([
      { event: 'cli:dpia_factsheet', outcome: 'success', role: 'beheer (CLI)' },
      { event: 'cli:dpia_factsheet', outcome: 'success', role: 'beheer (CLI)' },
    ]);
  }, 120_000);

  it('answers --help on both verbs', async () => {
    expect(expectSuccess(await mpg(['register', 'export', '--help']))).toMatch(/--format <format>.*json or csv/);
    expect(expectSuccess(await mpg(['dpia', 'factsheet', '--help']))).toMatch(/--from <date>/);
  }, 60_000);
});
