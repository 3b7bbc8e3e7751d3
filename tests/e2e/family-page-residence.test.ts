import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../server/src/core/clock.ts';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { addMeetingItem, insertMeeting } from '../../server/src/repositories/meeting-repository.ts';
import { importRegistry } from '../../server/src/services/registry-import.ts';
import { changeTriage } from '../../server/src/services/triage.ts';
import { paths } from '../../web/src/config/paths.ts';
import { formatAddressKey } from '../../web/src/lib/format.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// Through the real registry import, the residents of a flagged address leave the city and a
// family flagged elsewhere moves in. The old flag no longer opens as a family page and its
// meeting item says why without fetching the newcomers' data; at 1280 and 390 px with axe.
// (The current residents' page is covered by tests/api/family-page-residence.test.ts.)

const suite = browserSuite('family-page-residence');
let oldFlag: number;
let meetingId: number;
let oldAddress: string;

beforeAll(async () => {
  const db = suite.app.database.db;
  const run = await db.selectFrom('scoring_runs').select(['id', 'as_of']).orderBy('as_of', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const flags = await db
    .selectFrom('flags')
    .select(['id', 'household_key'])
    .where('run_id', '=', run.id)
    .where('wijk', '=', 'Beijum')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('triage as t').select('t.id').whereRef('t.household_key', '=', 'flags.household_key'))))
    .orderBy('domains', 'desc')
    .orderBy('id')
    .limit(2)
    .execute();
  expect(flags).toHaveLength(2);
  const [here, elsewhere] = flags as [(typeof flags)[0], (typeof flags)[0]];
  oldFlag = here.id;
  meetingId = await insertMeeting(db, {
    held_on: run.as_of,
    wijken: JSON.stringify(['Beijum']),
    created_by: 'coordinator',
    created_at: new Date().toISOString(),
  });
  await addMeetingItem(db, {
    meeting_id: meetingId,
    flag_id: oldFlag,
    household_key: here.household_key,
    wijk: 'Beijum',
    added_by: 'coordinator',
    added_at: new Date().toISOString(),
    advice: null,
    regisseur_name: null,
    regisseur_org: null,
    next_step: null,
    next_step_due: null,
    recorded_by: null,
    recorded_at: null,
  });
  // The coordinator opened a case for the residents here before they left.
  const coordinator = await db.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirstOrThrow();
  const user = { id: coordinator.id, username: 'coordinator', role: 'coordinator' as const, wijken: [] };
  await changeTriage(db, systemClock, user, oldFlag, { kind: 'note', note: 'Eerste gesprek gepland.' }, run.as_of);
  oldAddress = formatAddressKey(here.household_key);
  // The residents here leave the city; the family of the other flagged address moves in.
  const lines = fs.readFileSync(path.join(suite.app.config.demoDir, 'registry.csv'), 'utf8').trimEnd().split('\n');
  const columns = lines[0]!.split(',');
  const at = (name: string) => columns.indexOf(name);
  const keyOf = (cells: string[]) => `${cells[at('postcode')]}-${cells[at('huisnummer')]}-${cells[at('toevoeging')] ?? ''}`;
  const [postcode, huisnummer, toevoeging] = here.household_key.split('-');
  let movers = 0;
  const moved = lines.flatMap((line, i) => {
    const cells = line.split(',');
    if (i === 0) return [line];
    if (keyOf(cells) === here.household_key) return [];
    if (keyOf(cells) !== elsewhere.household_key) return [line];
    movers++;
    cells[at('postcode')] = postcode!;
    cells[at('huisnummer')] = huisnummer!;
    cells[at('toevoeging')] = toevoeging ?? '';
    return [cells.join(',')];
  });
  expect(movers, 'residents of the other flagged address').toBeGreaterThan(0);
  const ctx = { ...engineContext(db, systemClock), pseudonymize: createPseudonymizer(suite.app.config.bsnKey) };
  await importRegistry(ctx, tempFile('moved.csv', `${moved.join('\n')}\n`));
});

it('coordinator: a flag from before the residents changed shows why it no longer opens, not the family page', async () => {
  const { page } = await suite.freshTabAs('coordinator');
  await page.goto(`/signaal/${oldFlag}`);
  await page.getByRole('heading', { name: 'Bewoners veranderd sinds deze signalering' }).waitFor();
  await page.getByText('De bewoners van dit adres zijn veranderd sinds deze signalering. De gegevens van toen worden niet meer getoond').waitFor();
  expect(await page.getByRole('heading', { name: 'Waarom op de lijst?' }).count()).toBe(0);
  // The refusal is the point: exactly the one 409 of the household read.
  expect(suite.tab.takeErrors().filter((e) => !e.includes(`/api/flags/${oldFlag}/household`))).toEqual([]);
  await checkAtBothWidths(suite.tab, 'family-page-residence-old-flag');
});

it('coordinator: the meeting lists the old flag as of earlier residents, and prints no summary of the current ones', async () => {
  const { page } = await suite.freshTabAs('coordinator');
  const reads: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/household')) reads.push(r.url());
  });
  await page.goto(`/zorgnetwerk/${meetingId}`);
  await page.getByRole('heading', { name: 'Agenda' }).waitFor();
  await page.locator('.vs-residents-changed').getByText('Bewoners veranderd sinds deze signalering').waitFor();
  expect(await page.getByRole('form', { name: /Advies vastleggen/ }).count()).toBe(0);
  await checkAtBothWidths(suite.tab, 'family-page-residence-meeting');
  // Printing: the agenda names the change; the current family's data is never fetched.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: 'Agenda afdrukken' }).click();
  await page.getByText('de samenvatting van toen wordt niet meer getoond').waitFor({ state: 'attached' });
  expect(reads).toEqual([]);
});

it('coordinator: the earlier family’s open case stays on the worklist, marked, and is closed there', async () => {
  const { page } = await suite.freshTabAs('coordinator');
  await page.goto(paths.coordinator.openWork);
  const section = page.getByRole('region', { name: 'Van de lijst af, nog niet afgesloten' });
  const row = section.getByRole('row').filter({ hasText: oldAddress });
  await row.getByText('Bewoners veranderd').waitFor();
  expect(await row.getByRole('link').count()).toBe(0);
  await checkAtBothWidths(suite.tab, 'family-page-residence-worklist');
  await row.getByRole('button', { name: `Zaak afsluiten van de vorige bewoners van ${oldAddress}` }).click();
  await expect.poll(() => row.count()).toBe(0);
  expect(suite.tab.takeErrors()).toEqual([]);
});
