import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled } from './support/flows.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// The beheerder's Gebruikers page in Chromium against the real API server on the small demo
// city (SQLite; the API tests cover PostgreSQL): a new user's one-time password is shown once,
// the beheerder cannot change their own role, and a user who signs in through the organisation
// (OpenID Connect) has no local password to reset.

const suite = browserSuite('users');

/** The table row of one user, found by the name in its first cell. */
const userRow = (page: Page, username: string) =>
  page.locator('tbody tr').filter({ has: page.locator('td:first-child strong').getByText(username, { exact: true }) });

async function openUsersPage(page: Page): Promise<void> {
  await page.goto('/beheer/gebruikers');
  await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
  await userRow(page, 'beheerder').waitFor();
  await settled(page);
}

describe("the beheerder's Gebruikers page in Chromium", { timeout: 180_000 }, () => {
  it("shows a new user's one-time password once, and not after a reload", async () => {
    const { page } = await suite.freshTabAs('beheerder');
    await openUsersPage(page);
    const form = page.getByRole('form', { name: 'Gebruiker toevoegen' });
    await form.getByLabel('Gebruikersnaam').fill('nieuwe.coordinator');
    await form.getByLabel('Rol', { exact: true }).selectOption('coordinator');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    const note = form.getByRole('status').filter({ hasText: 'Gebruiker nieuwe.coordinator is toegevoegd.' });
    await note.waitFor();
    await expect.poll(() => note.innerText()).toContain('Het wordt maar één keer getoond');
    const oneTime = (await note.locator('code').innerText()).trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    await userRow(page, 'nieuwe.coordinator').waitFor();
    await checkAtBothWidths(suite.tab, 'gebruikers-eenmalig-wachtwoord');

    await page.reload();
    await openUsersPage(page);
    await userRow(page, 'nieuwe.coordinator').waitFor();
    expect(await userRow(page, 'nieuwe.coordinator').innerText()).toContain('wacht op nieuw wachtwoord');
    expect(await page.getByText('Eenmalig wachtwoord').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(oneTime);
    expect(suite.tab.takeErrors()).toEqual([]);

    // The password shown was the real one: it signs the new user in, to choose their own.
    const other = await suite.freshTab();
    await other.page.goto('/inloggen');
    await other.page.getByLabel('Gebruikersnaam').fill('nieuwe.coordinator');
    await other.page.getByLabel('Wachtwoord').fill(oneTime);
    await other.page.getByRole('button', { name: 'Inloggen' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
  });

  it("disables the beheerder's own role, shows how an organisation user signs in and offers no reset for them", async () => {
    const { db } = suite.app.database;
    const linked = await db.selectFrom('users').select('id').where('username', '=', 'wijkteam2').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await db
      .insertInto('oidc_identities')
      .values({ issuer: 'https://login.gemeente.example', subject: 'e2e-wijkteam2', user_id: linked.id, email: null, created_at: now, last_login_at: now })
      .execute();

    const { page } = await suite.freshTabAs('beheerder');
    await openUsersPage(page);
    const own = userRow(page, 'beheerder');
    expect(await own.getByLabel('Rol van beheerder').isDisabled()).toBe(true);
    await own.getByText('Uw eigen rol wijzigt een andere beheerder.').waitFor();
    expect(await userRow(page, 'coordinator').getByLabel('Rol van coordinator').isDisabled()).toBe(false);

    const provider = userRow(page, 'wijkteam2');
    expect(await provider.innerText()).toContain('meldt zich aan via de organisatie');
    expect(await provider.getByRole('button', { name: 'Resetten' }).count()).toBe(0);
    const local = userRow(page, 'wijkteam');
    expect(await local.innerText()).not.toContain('organisatie');
    expect(await local.getByRole('button', { name: 'Resetten' }).count()).toBe(1);
    await checkAtBothWidths(suite.tab, 'gebruikers');
  });
});
