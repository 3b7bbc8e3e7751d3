import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { buildServer, type FastifyInstance } from '../../server/src/server.ts';
import { createUser } from '../../server/src/services/users.ts';
import { TestClock } from '../api/support/fixture.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { closeTabAndBrowser, launchWithTab, type WatchedPage } from './support/browser.ts';
import { submitLogin } from './support/flows.ts';
import { checkPageAtBothWidths } from './support/suite.ts';
import { ensureWebBuild } from './support/web-build.ts';

// The first beheerder of a production-like installation (second factor required) in
// Chromium: one-time password from the operator, a new password, enrolment by QR code with
// a code the test computes like an authenticator app, recovery codes, and the next sign-in
// with a code. Every step is checked with axe at 1280 and 390 px.

const NEW_PASSWORD = 'een eigen lang wachtwoord 91';

describe.each(DIALECTS)('sign-in of a local account with TOTP in Chromium (%s)', { timeout: 180_000 }, (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let tab: WatchedPage;
  let baseURL: string;
  let oneTime: string;
  const clock = new TestClock(Date.parse('2026-10-09T08:00:00Z'));

  beforeAll(async () => {
    ensureWebBuild();
    t = await createTestDatabase(dialect);
    oneTime = (await createUser(t.db, clock, { username: 'eerste.beheerder', role: 'beheerder' })).password;
    const config = { ...loadConfig({ NODE_ENV: 'test' }), database: t.target, port: 0, loginRateLimit: 1000, apiRateLimit: 100_000, requireTotp: true };
    app = await buildServer({ config, db: t.db, clock });
    baseURL = await app.listen({ host: '127.0.0.1', port: 0 });
    ({ browser, tab } = await launchWithTab(baseURL));
  }, 300_000);
  afterAll(async () => {
    await closeTabAndBrowser(tab, browser);
    await app?.close();
    await t?.drop();
  });

  /** No axe violation and nothing wider than the screen, at both widths. */
  const checkBothWidths = (page: Page, name: string) => checkPageAtBothWidths(page, `totp-${dialect}`, name, false);
  const signIn = (page: Page, password: string) => submitLogin(page, 'eerste.beheerder', password);

  const code = (secret: string) => generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });

  it('changes the one-time password, enrols a second factor, then signs in with a code', async () => {
    const { page } = tab;
    await signIn(page, oneTime);
    await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await checkBothWidths(page, 'nieuw-wachtwoord');
    await page.getByLabel('Eenmalig wachtwoord').fill(oneTime);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Uw wachtwoord is gewijzigd.').waitFor();

    await signIn(page, NEW_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Tweede factor instellen' }).waitFor();
    // The dashboard stays closed until the second factor is there.
    await page.goto('/beheer/gebruikers');
    await page.getByRole('heading', { level: 1, name: 'Tweede factor instellen' }).waitFor();
    await page.getByRole('button', { name: 'QR-code tonen' }).click();
    const qr = page.getByRole('img', { name: /QR-code/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await checkBothWidths(page, 'tweede-factor-instellen');
    const secret = (await page.locator('.vs-totp__secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await page.getByLabel('Code uit uw authenticator-app').fill((await code(secret)) === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText('de code klopt niet').waitFor();
    // The refused code, as Chromium's console and the response report it; nothing else.
    const errors = tab.takeErrors();
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(e).toMatch(/400.*\/api\/auth\/second-factor\/enrolment\/confirm/);
    await page.getByLabel('Code uit uw authenticator-app').fill(await code(secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
    expect(await page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem').count()).toBe(10);
    await checkBothWidths(page, 'herstelcodes');
    await page.getByRole('button', { name: 'Ik heb de herstelcodes bewaard' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Bronnen' }).waitFor();

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    clock.advance(30_000);
    await signIn(page, NEW_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Code invoeren' }).waitFor();
    await checkBothWidths(page, 'code-invoeren');
    await page.getByLabel('Code uit uw authenticator-app').fill(await code(secret));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bronnen' }).waitFor();
    expect(tab.takeErrors()).toEqual([]);
    const logins = await t.db
      .selectFrom('audit_log')
      .select(['event', 'detail'])
      .where('username', '=', 'eerste.beheerder')
      .where('event', '=', 'login')
      .execute();
    expect(logins.map((l) => l.detail)).toContain('met code van de authenticator-app');
  });
});
