import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import type { ApiFixture } from '../api/support/fixture.ts';
import { codeAt, enrolOverHttp, listeningFixture, send, signIn, wrongCodeAt } from '../api/support/http-session.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { closeTabAndBrowser, launchWithTab, type WatchedPage } from './support/browser.ts';
import { openFromMenu, submitLogin } from './support/flows.ts';
import { checkPageAtBothWidths } from './support/suite.ts';
import { ensureWebBuild } from './support/web-build.ts';

// A user with a second factor makes new recovery codes on the page "Tweede factor" in
// Chromium, confirmed with a code the test computes as an authenticator app would (the
// server runs on the test's clock): a wrong code is refused, a right one shows ten new codes
// and the old ones stop working. Every state is checked with axe at 1280 and 390 px.

describe.each(DIALECTS)('new recovery codes in Chromium (%s)', { timeout: 180_000 }, (dialect) => {
  let f: ApiFixture;
  let base: string;
  let browser: Browser;
  let tab: WatchedPage;

  beforeAll(async () => {
    ensureWebBuild();
    ({ f, base } = await listeningFixture(dialect, { webDistDir: loadConfig({ NODE_ENV: 'test' }).webDistDir }));
    ({ browser, tab } = await launchWithTab(base));
  }, 300_000);
  afterAll(async () => {
    await closeTabAndBrowser(tab, browser);
    await f?.close();
  });

  const checkBothWidths = (page: Page, name: string) => checkPageAtBothWidths(page, `recovery-codes-${dialect}`, name, true);

  it('refuses a wrong code, then shows ten new codes for a right one; the old codes no longer sign in', async () => {
    const { secret, codes: old } = await enrolOverHttp(f, base, 'coordinator');
    const { page } = tab;
    await submitLogin(page, 'coordinator', f.passwords.get('coordinator')!);
    await page.getByRole('heading', { level: 1, name: 'Code invoeren' }).waitFor();
    await page.getByLabel('Code uit uw authenticator-app').fill(await codeAt(f, secret));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();

    await openFromMenu(page, 'Tweede factor');
    await page.getByRole('heading', { level: 2, name: 'Nieuwe herstelcodes' }).waitFor();
    await checkBothWidths(page, 'tweede-factor');
    f.clock.advance(31_000);
    await page.getByLabel('Code uit uw authenticator-app').fill(await wrongCodeAt(f, secret));
    await page.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
    await page.getByText('Code: de code klopt niet of is verlopen').waitFor();
    await checkBothWidths(page, 'nieuwe-herstelcodes-geweigerd');
    // The refused code, as Chromium's console and the response report it; nothing else.
    const errors = tab.takeErrors();
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(e).toMatch(/400.*\/api\/auth\/second-factor\/recovery-codes/);

    await page.getByLabel('Code uit uw authenticator-app').fill(await codeAt(f, secret));
    await page.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
    await page.getByText('Uw vorige herstelcodes werken niet meer.').waitFor();
    const shown = await page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem').allTextContents();
    expect(shown).toHaveLength(10);
    expect(shown.filter((c) => old.includes(c.trim()))).toEqual([]);
    await checkBothWidths(page, 'nieuwe-herstelcodes');
    expect(tab.takeErrors()).toEqual([]);

    const pending = await signIn(base, 'coordinator', f.passwords.get('coordinator')!);
    expect((await send(base, pending, 'POST', '/api/auth/second-factor', { code: old[0] })).status).toBe(400);
    expect((await send(base, pending, 'POST', '/api/auth/second-factor', { code: shown[0]!.trim() })).status).toBe(200);
  });
});
