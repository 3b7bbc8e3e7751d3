import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, localDate } from '../../server/src/core/dates.ts';
import { sourceDisplayName } from '../../server/src/core/source-name.ts';
import { formatDate } from '../../web/src/lib/format.ts';
import { addMonths } from '../../server/src/services/access-requests.ts';
import { paths } from '../../web/src/config/paths.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { axeViolations, reflowProblems, unstyledDesignSystemClasses } from './support/checks.ts';
import { logIn, logOut, openFromMenu, settled } from './support/flows.ts';
import { ensureWebBuild } from './support/web-build.ts';

// The privacy officer's screens in a real Chromium against the real API server on the
// demo city (SQLite; tests/api/privacy.test.ts covers both databases): registering an
// access request by address, the letter, extending the deadline, marking a signal
// incorrect and excluding the household; every state at 1280 and 390 px with axe.

let app: RunningApp;
let browser: Browser;
let tab: WatchedPage;
let target: { postcode: string; huisnummer: string; toevoeging: string; source: string; recordId: string };

// The date of receipt: two months back (within the year a request may lie back), deadlines from it.
// Received ten days ago: the first month still runs, so the deadline can be extended.
const RECEIVED = addDays(localDate(new Date(), 'Europe/Amsterdam'), -10);
// Dates on screen are Dutch, as the web formats them ("9 okt 2026").
const DEADLINE = formatDate(addMonths(RECEIVED, 1));
const EXTENDED = formatDate(addMonths(RECEIVED, 3));

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

beforeAll(async () => {
  ensureWebBuild();
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  tab = await openPage(browser, app.baseURL);
  target = await aFlaggedHousehold(tab.page);
}, 300_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && tab) await screenshot(tab.page, `failed-privacy-${task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
});

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await app?.stop();
});

/** As the coordinator: the address of a flagged household and one of its signals (what a resident and a source would tell). */
async function aFlaggedHousehold(page: Page) {
  await logIn(page, 'coordinator', app.passwords.coordinator!);
  const found = await page.evaluate(async () => {
    const runs = await (await fetch('/api/runs')).json();
    const flags = await (await fetch(`/api/runs/${runs[0].id}/flags`)).json();
    const flag = flags.items[0];
    const detail = await (await fetch(`/api/flags/${flag.id}/household`)).json();
    const signal = detail.flag.rules[0].signals[0];
    return { key: flag.household_key as string, source: signal.source as string, recordId: signal.record_id as string };
  });
  await logOut(page);
  const [postcode = '', huisnummer = '', toevoeging = ''] = found.key.split('-');
  return { postcode, huisnummer, toevoeging, source: found.source, recordId: found.recordId };
}

async function check(name: string): Promise<void> {
  const { page } = tab;
  await settled(page);
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 150))));
    await screenshot(page, `privacy-${name}${viewport.width === 390 ? '-390' : ''}`);
    expect(await axeViolations(page), `axe on ${name} at ${viewport.width}px`).toEqual([]);
    expect(await reflowProblems(page, true), `reflow on ${name} at ${viewport.width}px`).toEqual([]);
    if (viewport.width === 390) expect(await sidewaysScrolling(page), `sideways scrolling on ${name} at 390px`).toEqual([]);
  }
  await page.setViewportSize(WIDTHS[0]);
  expect(await unstyledDesignSystemClasses(page), `design-system classes without CSS on ${name}`).toEqual([]);
  expect(tab.takeErrors(), `errors on ${name}`).toEqual([]);
}

/** Elements that scroll sideways (a table wider than its region, say): at 390 px the privacy screens have none. */
async function sidewaysScrolling(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}px in ${el.clientWidth}px`),
  );
}

it('registers an access request by address (only in a POST body), lists its deadline and offers the letter', async () => {
  const { page } = tab;
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await logIn(page, 'privacy', app.passwords.privacy!);
  await page.getByRole('heading', { level: 1, name: 'Verzoeken van inwoners' }).waitFor();
  await check('verzoeken-leeg');
  await page.getByText('met een geheime sleutel een code').waitFor();
  expect(await page.getByText('versleuteld').count()).toBe(0);
  await page.getByLabel('Zoeken op').selectOption('adres');
  await page.getByLabel('Postcode').fill(target.postcode);
  await page.getByLabel('Ontvangen op').fill(RECEIVED);
  // A wrong house number is named by its label, not as a missing BSN or a field code.
  await page.getByLabel('Huisnummer').fill('0');
  await page.getByRole('button', { name: 'Registreren' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Huisnummer: moet 1 of meer zijn' });
  await refusal.waitFor();
  expect(await refusal.textContent()).not.toMatch(/body\.|bsn/i);
  // The refusal's own 400 is expected; nothing else went wrong.
  expect(tab.takeErrors().every((e) => e.includes('400') && e.includes('/api/privacy/requests'))).toBe(true);
  await page.getByLabel('Huisnummer').fill(target.huisnummer);
  if (target.toevoeging) await page.getByLabel('Toevoeging').fill(target.toevoeging);
  await page.getByLabel('Ontvangen op').fill(RECEIVED);
  await page.getByRole('button', { name: 'Registreren' }).click();
  await page.getByText(`De termijn loopt tot ${DEADLINE}.`).waitFor();
  const row = page.getByRole('row').filter({ hasText: DEADLINE });
  await row.waitFor();
  await check('verzoeken');
  await row.getByRole('button', { name: /openen/ }).click();
  const letter = page.getByRole('link', { name: 'Brief downloaden (PDF)' });
  await letter.waitFor();
  await check('verzoek');
  const pdf = await page.evaluate(
    async (href) => {
      const res = await fetch(href);
      return { type: res.headers.get('content-type'), head: new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5)) };
    },
    (await letter.getAttribute('href'))!,
  );
  expect(pdf).toEqual({ type: 'application/pdf', head: '%PDF-' });
  await page.getByLabel('Reden om de termijn met twee maanden te verlengen').fill('Gegevens van veel bronnen');
  await page.getByRole('button', { name: 'Verlengen' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: `${EXTENDED} (verlengd)` })
    .waitFor();
  await check('verzoek-verlengd');
  // At 390 px the list is a stack of cards, each value with its column's name.
  await page.setViewportSize(WIDTHS[1]);
  const card = page.getByRole('row').filter({ hasText: `${EXTENDED} (verlengd)` });
  expect(await card.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
  expect(
    await card
      .locator('td')
      .first()
      .evaluate((td) => getComputedStyle(td, '::before').content),
  ).toBe('"Verzoek: "');
  await page.setViewportSize(WIDTHS[0]);
  expect(urls.filter((u) => u.includes(target.postcode))).toEqual([]);
  // A closed request is read-only: no extending, closing or withholding any more.
  // Closing asks first: "Nee, terug" leaves it open, "Ja, afhandelen" closes it.
  await page.getByRole('button', { name: 'Afhandelen' }).click();
  await page.getByRole('button', { name: 'Nee, terug' }).click();
  await page.getByRole('button', { name: 'Afhandelen' }).click();
  await page.getByText('Weet u het zeker?').waitFor();
  await check('verzoek-afhandelen-vraag');
  await page.getByRole('button', { name: 'Ja, afhandelen' }).click();
  await page.getByText('Dit verzoek is afgehandeld. Het kan niet meer worden gewijzigd.').waitFor();
  await check('verzoek-afgehandeld');
  expect(await page.getByRole('button', { name: /Afhandelen|Verlengen|Achterhouden|Weer opnemen/ }).count()).toBe(0);
});

it('marks a signal incorrect and excludes the household of the request, both reversible', async () => {
  const { page } = tab;
  // The first request is closed: a new exclusion needs an open one, and a closed one is not offered.
  await openFromMenu(page, 'Correctie en bezwaar');
  await page.getByText('Er is geen open verzoek over een huishouden.').waitFor();
  await openFromMenu(page, 'Verzoeken');
  await page.getByLabel('Zoeken op').selectOption('adres');
  await page.getByLabel('Postcode').fill(target.postcode);
  await page.getByLabel('Huisnummer').fill(target.huisnummer);
  if (target.toevoeging) await page.getByLabel('Toevoeging').fill(target.toevoeging);
  await page.getByLabel('Ontvangen op').fill(RECEIVED);
  await page.getByRole('button', { name: 'Registreren' }).click();
  await page.getByText(`De termijn loopt tot ${DEADLINE}.`).waitFor();
  expect(await page.getByRole('cell', { name: 'het adres', exact: true }).count()).toBeGreaterThan(0);
  await openFromMenu(page, 'Correctie en bezwaar');
  await check('correctie');
  // Only the open request is offered; grounds and sources by their Dutch names.
  expect(await page.locator('#exclusion-request option').count()).toBe(1);
  expect(await page.locator('#exclusion-ground option').allInnerTexts()).toEqual(['Bezwaar (art. 21)', 'Beperking (art. 18)']);
  const sourceName = sourceDisplayName(target.source);
  await page.getByLabel('Bron', { exact: true }).selectOption({ label: sourceName });
  await page.getByLabel('Kenmerk bij de bron').fill(target.recordId);
  await page.locator('#mark-reason').fill('De bron meldt een boekingsfout');
  await page.getByRole('button', { name: 'Markeren' }).click();
  await page.getByText('Het signaal is gemarkeerd als onjuist.').waitFor();
  await page.getByRole('button', { name: `Markering van ${sourceName} ${target.recordId} opheffen` }).waitFor();
  await page.getByRole('cell', { name: sourceName, exact: true }).first().waitFor();
  expect(await page.locator('main').innerText()).not.toContain(target.source);
  await page.locator('#exclusion-reason').fill('Bezwaar toegekend');
  await page.getByRole('button', { name: 'Uitsluiten' }).click();
  const lift = page.getByRole('button', { name: /^Uitsluiting \d+ opheffen$/ });
  await lift.waitFor();
  await page.getByRole('cell', { name: 'Bezwaar (art. 21)', exact: true }).waitFor();
  await check('correctie-gemarkeerd');
  await lift.click();
  await page.getByRole('cell', { name: 'opgeheven', exact: true }).waitFor();
  await page.getByRole('button', { name: `Markering van ${sourceName} ${target.recordId} opheffen` }).click();
  await page.getByRole('cell', { name: /^opgeheven op / }).waitFor();
  await check('correctie-opgeheven');
});

it('other roles do not get the privacy screens', async () => {
  const { page } = tab;
  await logOut(page);
  await logIn(page, 'coordinator', app.passwords.coordinator!);
  await page.goto(paths.privacy.requests);
  await page.getByRole('heading', { level: 1, name: 'Niet beschikbaar voor uw rol' }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken' }).count()).toBe(0);
});
