import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../server/src/core/clock.ts';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { validBsn } from '../engine/support/bsn.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// A new family moves into a flagged household's address through the real registry import:
// the coordinator's family page says from when it shows data, marks the evidence recorded
// before the new residents came, and asks to review the case that began before them; at
// 1280 and 390 px with axe.

const suite = browserSuite('family-page-residence');
let flagId: number;

beforeAll(async () => {
  const db = suite.app.database.db;
  const run = await db.selectFrom('scoring_runs').select('id').orderBy('as_of', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const flag = await db
    .selectFrom('flags')
    .select(['id', 'household_key'])
    .where('run_id', '=', run.id)
    .where('wijk', '=', 'Beijum')
    .orderBy('domains', 'desc')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  flagId = flag.id;
  // The residents at that address leave the city; a new family with other BSNs lives there now.
  const [postcode, huisnummer, toevoeging] = flag.household_key.split('-');
  const lines = fs.readFileSync(path.join(suite.app.config.demoDir, 'registry.csv'), 'utf8').trimEnd().split('\n');
  const columns = lines[0]!.split(',');
  const at = (name: string) => columns.indexOf(name);
  let newcomer = 0;
  const moved = lines.map((line, i) => {
    const cells = line.split(',');
    const here = i > 0 && cells[at('postcode')] === postcode && cells[at('huisnummer')] === huisnummer && (cells[at('toevoeging')] ?? '') === toevoeging;
    if (here) cells[at('bsn')] = validBsn(880_000 + newcomer++);
    return cells.join(',');
  });
  expect(newcomer, 'residents at the flagged address').toBeGreaterThan(0);
  const ctx = { ...engineContext(db, systemClock), pseudonymize: createPseudonymizer(suite.app.config.bsnKey) };
  await importRegistry(ctx, tempFile('moved.csv', `${moved.join('\n')}\n`));
});

it('coordinator: the family page after a move says from when it shows data and marks the older evidence', async () => {
  const { page } = await suite.freshTabAs('coordinator');
  await page.goto(`/signaal/${flagId}`);
  await page.getByRole('heading', { name: 'Waarom op de lijst?' }).waitFor();
  await page
    .getByText(/Gegevens van voor \d{1,2} \w+ \d{4}, toen de huidige bewoners hier kwamen wonen, worden niet getoond\./)
    .first()
    .waitFor();
  const evidence = page.getByRole('list', { name: 'Actieve regels' });
  expect(await evidence.getByText('vastgelegd voor de huidige bewoners hier kwamen wonen').count()).toBeGreaterThan(0);
  await page.getByRole('region', { name: 'Opvolging' }).getByText('De bewoners van dit adres zijn veranderd sinds deze zaak begon').waitFor();
  // The print summary says the same.
  const summary = await page.getByLabel('Samenvatting voor het zorgnetwerk').textContent();
  expect(summary).toContain('toen de huidige bewoners hier kwamen wonen, worden niet getoond.');
  expect(summary).toContain('De bewoners van dit adres zijn veranderd sinds deze zaak begon');
  await checkAtBothWidths(suite.tab, 'family-page-residence');
});
