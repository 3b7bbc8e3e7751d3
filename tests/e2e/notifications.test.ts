import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { axeViolations, reflowProblems } from './support/checks.ts';
import { logIn, logOut, openFromMenu, settled } from './support/flows.ts';
import { ensureWebBuild } from './support/web-build.ts';

// E-mail notifications in Chromium against the real API server (SQLite; the API tests cover
// PostgreSQL and the mails themselves): the beheerder sets an address, the wijkteam member
// switches a kind off on "Meldingen", and a beleidsmaker cannot switch the approval request off.

let app: RunningApp;
let browser: Browser;
let tab: WatchedPage;

beforeAll(async () => {
  ensureWebBuild();
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
}, 300_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && tab) await screenshot(tab.page, `failed-notifications-${task.name.split(':')[0]}`).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** At 1280 and 390 px: no axe violation, and at 390 px nothing wider than the viewport. */
async function checkPage(page: Page, name: string): Promise<void> {
  await settled(page);
  for (const [viewport, suffix] of [
    [DESKTOP, ''],
    [PHONE, '-390'],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
    await screenshot(page, `${name}${suffix}`);
    expect(await axeViolations(page), `axe on ${name} at ${viewport.width}px`).toEqual([]);
    if (viewport === PHONE) expect(await reflowProblems(page, true), `reflow on ${name}`).toEqual([]);
  }
  await page.setViewportSize(DESKTOP);
  expect(tab.takeErrors(), `errors on ${name}`).toEqual([]);
}

describe('notification settings end to end (SQLite)', { timeout: 300_000 }, () => {
  it('beheerder sets an address; wijkteam switches assignment e-mails off, and it stays off', async () => {
    tab = await openPage(browser, app.baseURL);
    const { page } = tab;
    await logIn(page, 'beheerder', app.passwords.beheerder!);
    await openFromMenu(page, 'Gebruikers');
    const row = page.locator('tbody tr', { hasText: 'wijkteam2' });
    await row.getByLabel('E-mailadres van wijkteam2').fill('wijkteam2@gemeente.test');
    await row.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => row.getByRole('button', { name: 'Opslaan' }).isDisabled()).toBe(true);
    await checkPage(page, 'notifications-beheerder-gebruikers');
    await logOut(page);

    await logIn(page, 'wijkteam2', app.passwords.wijkteam2!);
    await openFromMenu(page, 'Meldingen');
    await page.getByText('wijkteam2@gemeente.test').waitFor();
    const assignment = page.getByLabel('Een signalering is aan mij toegewezen');
    expect(await assignment.isChecked()).toBe(true);
    // A wijkteam member gets neither the approval request nor the digest: not offered.
    expect(await page.getByLabel('Weekoverzicht na de wekelijkse berekening').count()).toBe(0);
    await checkPage(page, 'notifications-wijkteam-meldingen');
    await assignment.uncheck();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').getByText('Uw meldingen zijn opgeslagen.').waitFor();
    await checkPage(page, 'notifications-wijkteam-meldingen-opgeslagen');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await settled(page);
    expect(await page.getByLabel('Een signalering is aan mij toegewezen').isChecked()).toBe(false);
    expect(await page.getByLabel('De termijn voor eerste contact is verstreken').isChecked()).toBe(true);
    await logOut(page);
  });

  it('beleidsmaker: the approval request is on and cannot be switched off', async () => {
    const { page } = tab;
    await logIn(page, 'beleidsmaker', app.passwords.beleidsmaker!);
    await openFromMenu(page, 'Meldingen');
    await page.getByText('Er is nog geen e-mailadres voor u ingesteld').waitFor();
    const approval = page.getByLabel('Een regelset wacht op mijn goedkeuring');
    expect(await approval.isChecked()).toBe(true);
    expect(await approval.isDisabled()).toBe(true);
    await checkPage(page, 'notifications-beleidsmaker-meldingen');
  });
});
