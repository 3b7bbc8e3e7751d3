import { beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../server/src/core/clock.ts';
import { addDays, localDate } from '../../server/src/core/dates.ts';
import { createPseudonymizer } from '../../server/src/core/pseudonym.ts';
import { ingestFeed } from '../../server/src/services/feed-ingest.ts';
import { validBsn } from '../engine/support/bsn.ts';
import { engineContext, tempFile } from '../helpers/engine.ts';
import { openFromMenu } from './support/flows.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// A request by a BSN the registry does not know, whose signals a feed delivered: the
// privacy officer's screens show it has no household (no notes to withhold, nothing to
// exclude), at 1280 and 390 px with axe.

const suite = browserSuite('privacy-residence');
const UNKNOWN = validBsn(424_242);
const TODAY = localDate(new Date(), 'Europe/Amsterdam');

beforeAll(async () => {
  // Delivered with the server's own key, as a source's feed would be.
  const ctx = { ...engineContext(suite.app.database.db, systemClock), pseudonymize: createPseudonymizer(suite.app.config.bsnKey) };
  const feed = `source,record_id,indicator,observed_on,value,bsn,postcode,huisnummer,toevoeging\nwoco-noord,e2e-unlinked-1,huurachterstand,${addDays(TODAY, -5)},2,${UNKNOWN},,,\n`;
  expect((await ingestFeed(ctx, tempFile('unlinked.csv', feed))).stored).toBe(1);
});

it('registers a request for a BSN outside the registry: its signals without a household, no notes, nothing to exclude', async () => {
  const { page } = await suite.freshTabAs('privacy');
  await page.getByRole('heading', { level: 1, name: 'Verzoeken van inwoners' }).waitFor();
  await page.getByLabel('BSN (9 cijfers)').fill(UNKNOWN);
  await page.getByLabel('Ontvangen op').fill(TODAY);
  await page.getByRole('button', { name: 'Registreren' }).click();
  await page.getByText('De termijn loopt tot').waitFor();
  const row = page.getByRole('row').filter({ hasText: 'het BSN (geen huishouden)' });
  await row.getByRole('button', { name: /openen/ }).click();
  await page
    .getByText(
      'Deze persoon staat nu niet in de Basisregistratie Personen. Wij hebben 1 signaal over deze persoon. Dit signaal hoort nu bij geen huishouden en telt dus niet mee in de berekening.',
    )
    .waitFor();
  expect(await page.getByRole('heading', { name: 'Notities van de opvolging' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Brief downloaden (PDF)' }).count()).toBe(1);
  expect(await page.content()).not.toContain(UNKNOWN);
  await checkAtBothWidths(suite.tab, 'privacy-unlinked-request', { designSystemCss: true });

  await openFromMenu(page, 'Correctie en bezwaar');
  await page.getByText('Er is geen open verzoek over een huishouden. Registreer eerst een verzoek om het huishouden uit te sluiten.').waitFor();
  expect(await page.getByLabel('Verzoek').count()).toBe(0);
  await checkAtBothWidths(suite.tab, 'privacy-unlinked-corrections', { designSystemCss: true });
});
