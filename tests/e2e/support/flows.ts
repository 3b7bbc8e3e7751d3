import type { Page } from 'playwright-core';

/** Fills in and sends the login page's form, waiting for nothing after. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Logs in through the login page and waits for the role's first page. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await submitLogin(page, username, password);
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
}

/** Navigates through the main menu and waits for the page heading. */
export async function openFromMenu(page: Page, link: string, heading: string | RegExp = link): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await settled(page);
}

/** No spinner left: every query on the page has answered. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.vs-loading')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}
