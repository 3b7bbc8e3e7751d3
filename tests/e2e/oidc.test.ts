import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.ts';
import { startOidcApp, type OidcApp } from '../helpers/oidc-app.ts';
import { launchBrowser, openPage, type WatchedPage } from './support/browser.ts';
import { settled } from './support/flows.ts';
import { checkAtBothWidths } from './support/suite.ts';
import { ensureWebBuild } from './support/web-build.ts';

// Signing in through the municipality's identity provider in a real Chromium: the app on
// 127.0.0.1, a real OpenID Connect provider (oidc-provider) on localhost, so every redirect
// between them is cross-site (the flow cookie must be SameSite=Lax, the session cookie stays
// Strict). Both databases.

let browser: Browser;
beforeAll(async () => {
  ensureWebBuild();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => browser?.close());

describe.each(DIALECTS)('sign-in through the organisation in Chromium (%s)', (dialect) => {
  let o: OidcApp;
  let tab: WatchedPage;
  beforeAll(async () => {
    o = await startOidcApp(dialect);
  }, 60_000);
  afterAll(async () => {
    await tab?.close();
    await o?.stop();
  });

  const freshTab = async () => {
    await tab?.close();
    tab = await openPage(browser, o.url);
    return tab.page;
  };
  const account = (sub: string, groups: string[]) => o.provider.accounts.set(sub, { preferred_username: sub.replace(/^sub-/, ''), groups });
  /** Problems of the app's own pages; the provider's pages are the test's stand-in and not checked. */
  const appErrors = () => tab.takeErrors().filter((e) => !e.includes(o.provider.issuer));

  /** From the login page through the provider's form; the provider asks for the account only when it has no session. */
  async function signIn(page: Page, sub: string): Promise<void> {
    if (!page.url().endsWith('/inloggen')) await page.goto('/inloggen');
    await page.getByRole('link', { name: 'Inloggen via uw organisatie' }).click();
    await page.waitForURL((url) => url.origin === o.provider.issuer || url.origin === o.url);
    if (new URL(page.url()).origin === o.provider.issuer) {
      await page.getByLabel('Account').fill(sub);
      await page.getByRole('button', { name: 'Aanmelden' }).click();
    }
    await page.waitForURL((url) => url.origin === o.url && url.pathname !== '/');
    await settled(page);
  }

  const sessionIn = (page: Page) =>
    page.evaluate(async () => {
      const res = await fetch('/api/auth/session');
      return res.ok ? ((await res.json()) as { user: { username: string; role: string; wijken: string[] } }).user : null;
    });

  it('shows "Inloggen via uw organisatie" on the login page (axe, 1280 and 390 px)', async () => {
    const page = await freshTab();
    await page.goto('/inloggen');
    await page.getByRole('link', { name: 'Inloggen via uw organisatie' }).waitFor();
    await expect(page.getByLabel('Gebruikersnaam').isVisible()).resolves.toBe(true);
    await checkAtBothWidths(tab, `oidc-login-${dialect}`, { signedIn: false });
  });

  it('lets a mapped user in with the role and wijken of their groups', async () => {
    account('sub-anna', ['grp-wijkteam-beijum', 'grp-wijkteam-lewenborg', 'grp-kantine']);
    const page = await freshTab();
    await signIn(page, 'sub-anna');
    expect(new URL(page.url()).pathname).toBe('/mijn-signalen');
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await expect(page.locator('.vs-user__name').textContent()).resolves.toBe('anna');
    await expect(page.locator('.vs-user__role').textContent()).resolves.toBe('Wijkteam');
    expect(await sessionIn(page)).toEqual({ username: 'anna', role: 'wijkteam', wijken: ['Beijum', 'Lewenborg'] });
    const cookies = await tab.context.cookies(o.url);
    expect(cookies.find((c) => c.name === 'vs_session')).toMatchObject({ sameSite: 'Strict', httpOnly: true });
    expect(cookies.find((c) => c.name === 'vs_oidc_flow')).toBeUndefined();
    expect(appErrors()).toEqual([]);
  });

  it('refuses a user whose groups map to no role with a Dutch page, and audits it', async () => {
    account('sub-bert', ['grp-kantine']);
    const page = await freshTab();
    await signIn(page, 'sub-bert');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/inloggen?melding=geen-rol');
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('U heeft geen toegang tot Vroegsignaal');
    await expect(alert.textContent()).resolves.toContain('uw account heeft geen rol in Vroegsignaal');
    expect(await sessionIn(page)).toBeNull();
    expect(appErrors().filter((e) => !e.includes('/api/auth/session'))).toEqual([]);
    await checkAtBothWidths(tab, `oidc-refused-${dialect}`, { signedIn: false });
    const entry = await o.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('event', '=', 'login_oidc_refused')
      .where('username', '=', 'bert')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ outcome: 'denied', object_id: 'sub-bert' });
    expect(entry.detail).toContain('grp-kantine');
  });

  it('takes a changed group at the next sign-in; logout ends the provider session too', async () => {
    account('sub-carla', ['grp-beleid']);
    const page = await freshTab();
    await signIn(page, 'sub-carla');
    await expect(page.locator('.vs-user__role').textContent()).resolves.toBe('Beleidsmaker');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.origin === o.provider.issuer);
    await page.getByRole('button', { name: 'Ja, uitloggen' }).click();
    await page.waitForURL(`${o.url}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen via uw organisatie' }).waitFor();
    expect(await sessionIn(page)).toBeNull();

    account('sub-carla', ['grp-coordinatoren']);
    await page.getByRole('link', { name: 'Inloggen via uw organisatie' }).click();
    // The provider's session ended with ours: it asks who is signing in again.
    await page.getByLabel('Account').fill('sub-carla');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(`${o.url}/signalen`);
    await expect(page.locator('.vs-user__role').textContent()).resolves.toBe('Coördinator zorgnetwerk');
    expect(await sessionIn(page)).toEqual({ username: 'carla', role: 'coordinator', wijken: [] });
  });

  it('ends the session when the provider says so (back-channel logout)', async () => {
    account('sub-dirk', ['grp-privacy']);
    const page = await freshTab();
    await signIn(page, 'sub-dirk');
    expect((await sessionIn(page))?.role).toBe('privacy');

    // Logging out at the organisation, not in Vroegsignaal: the provider tells the server.
    await page.goto(`${o.provider.issuer}/session/end`);
    await page.getByRole('button', { name: 'Ja, uitloggen' }).click();
    await page.getByRole('heading', { name: 'U bent uitgelogd bij de testorganisatie' }).waitFor();

    await page.goto(`${o.url}/privacy/verzoeken`);
    await page.getByRole('heading', { name: 'Inloggen', level: 1 }).waitFor();
    expect(await sessionIn(page)).toBeNull();
    const entry = await o.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('event', '=', 'logout_oidc_backchannel')
      .where('username', '=', 'dirk')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ outcome: 'success', detail: 'sessies beëindigd: 1' });
  });
});
