import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../web/src/config/paths.ts';
import { menuFor, type NavItem, ROLE_NAV, ROLES, type Role } from '../../web/src/lib/roles.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { axeViolations, focusedHeading, reflowProblems, unstyledDesignSystemClasses } from './support/checks.ts';
import { measureFirstLoad } from './support/first-load.ts';
import { logIn, settled } from './support/flows.ts';
import { ensureWebBuild } from './support/web-build.ts';

// Every page each role can reach from its menu (and the first detail page linked from a
// menu page's table), at 1280 and 390 px: no axe WCAG 2.1 A/AA violation of any impact,
// nothing wider than the viewport, focus on the page's h1 after a route change, every NL
// Design System component with its CSS loaded, no console error or failed request, and a
// screenshot `<role>-<page>[-390]` in tests/artifacts/screenshots.

/**
 * The login page's first load before issue 15, on main at c50306d: 1 134 305 bytes on the wire
 * (measureFirstLoad: Chromium DevTools protocol, sum of Network.loadingFinished
 * encodedDataLength over every response of a cold load of /inloggen until network idle;
 * uncompressed CSS 546 KB and JavaScript 580 KB). At most a quarter of it now.
 */
const LOGIN_BYTES_BEFORE = 1_134_305;

const WIDTHS = [
  { viewport: { width: 1280, height: 800 }, suffix: '' },
  { viewport: { width: 390, height: 844 }, suffix: '-390' },
] as const;

let app: RunningApp;
let browser: Browser;
let tab: WatchedPage | undefined;

beforeAll(async () => {
  ensureWebBuild();
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
}, 300_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && tab) await screenshot(tab.page, `failed-${task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
});

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await app?.stop();
});

/** "/signalen/grafieken" → "signalen-grafieken"; numeric ids are left out. */
function slug(pathname: string): string {
  return pathname
    .split('/')
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .join('-');
}

/** Screenshot, axe and reflow at both widths; then back at laptop width without errors. */
async function sweep(page: Page, name: string, signedIn = true): Promise<void> {
  await settled(page);
  for (const { viewport, suffix } of WIDTHS) {
    await page.setViewportSize(viewport);
    // Let responsive charts and tables redraw at the new width.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 150))));
    await screenshot(page, `${name}${suffix}`);
    expect(await axeViolations(page), `axe on ${name} at ${viewport.width}px`).toEqual([]);
    expect(await reflowProblems(page, signedIn), `reflow on ${name} at ${viewport.width}px`).toEqual([]);
  }
  await page.setViewportSize(WIDTHS[0].viewport);
  expect(await unstyledDesignSystemClasses(page), `design-system classes without CSS on ${name}`).toEqual([]);
  expect(tab?.takeErrors(), `errors on ${name}`).toEqual([]);
}

function menuLink(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: label, exact: true });
}

/** Client-side navigation to `to` (a link on the page), then the new page's h1 must hold focus. */
async function follow(page: Page, link: Locator, to: string): Promise<void> {
  await link.click();
  await page.waitForURL((url) => url.pathname === to);
  await page.locator('main h1').waitFor();
  await settled(page);
  await expect.poll(() => focusedHeading(page), { message: `focus after opening ${to}` }).toMatchObject({ focused: true });
}

/** The coordinator assigns the first flag of the latest run in Beijum (a wijk of `username`) through the API. */
async function assignOneTo(username: string): Promise<void> {
  const coordinator = await openPage(browser, app.baseURL);
  try {
    await logIn(coordinator.page, 'coordinator', app.passwords.coordinator!);
    const status = await coordinator.page.evaluate(async (to) => {
      const get = async (url: string) => (await fetch(url)).json();
      const { csrf_token } = await get('/api/auth/session');
      const runId = Math.max(...(await get('/api/runs')).map((r: { id: number }) => r.id));
      const [flag] = (await get(`/api/runs/${runId}/flags?wijk=Beijum`)).items;
      const res = await fetch(`/api/flags/${flag.id}/triage/assignment`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf_token },
        body: JSON.stringify({ assigned_to: to }),
      });
      return res.status;
    }, username);
    expect(status).toBe(200);
  } finally {
    await coordinator.close();
  }
}

it('login page: the first load is at most a quarter of the bytes it took before', async () => {
  const load = await measureFirstLoad(browser, app.baseURL, paths.login, 'Inloggen');
  console.info(`first load of ${paths.login}: ${load.transferred} bytes (before: ${LOGIN_BYTES_BEFORE})`, load.perPath);
  expect(
    load.perPath.some(([p]) => /chart|recharts/i.test(p)),
    'no chart code on the login page',
  ).toBe(false);
  expect(load.transferred).toBeLessThanOrEqual(LOGIN_BYTES_BEFORE / 4);
});

it('login page', async () => {
  tab = await openPage(browser, app.baseURL);
  await tab.page.goto(paths.login);
  await tab.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await sweep(tab.page, 'inloggen', false);
  await tab.close();
  tab = undefined;
});

describe.each(ROLES.map((role) => [role] as const))('%s', { timeout: 120_000 }, (role: Role) => {
  const menu = menuFor(role);
  const details: { from: NavItem; href: string }[] = [];

  beforeAll(async () => {
    // A wijkteam member's list (and so their family page) needs a household assigned to them.
    if (role === 'wijkteam') await assignOneTo('wijkteam');
    tab = await openPage(browser, app.baseURL);
    await logIn(tab.page, role, app.passwords[role]!);
  });

  afterAll(async () => {
    await tab?.close();
    tab = undefined;
  });

  it.each(menu.map((item) => [item.label, item] as const))('menu: %s', async (_, item) => {
    const { page } = tab!;
    const { to } = item;
    // A role lands on its first menu page after logging in, itself a route change.
    if (new URL(page.url()).pathname === to) await expect.poll(() => focusedHeading(page)).toMatchObject({ focused: true });
    else await follow(page, menuLink(page, item.label), to);
    await sweep(page, `${role}-${slug(to)}`);
    const detail = await page
      .locator('main tbody a[href^="/"]')
      .first()
      .getAttribute('href', { timeout: 1_000 })
      .catch(() => null);
    // A link to another menu page (with a filter, say) is no detail page of its own.
    if (detail && !menu.some((own) => own.to === new URL(detail, app.baseURL).pathname)) details.push({ from: item, href: detail });
  });

  it('detail pages linked from the menu pages', async () => {
    const { page } = tab!;
    // The week list, the assigned household and the rule sets: every role but the beheerder has a detail page.
    if (role !== 'beheerder') expect(details.length).toBeGreaterThan(0);
    for (const { from, href } of details) {
      const to = new URL(href, app.baseURL).pathname;
      await follow(page, menuLink(page, from.label), from.to);
      await follow(page, page.locator(`main tbody a[href="${href}"]`).first(), to);
      const name = slug(to);
      await sweep(page, `${role}-${menu.some((item) => slug(item.to) === name) ? `${name}-detail` : name}`);
    }
  });

  it('a page of another role says so under a heading, and an unknown address too', async () => {
    const { page } = tab!;
    const foreign = ROLES.flatMap((r) => ROLE_NAV[r]).find((item) => !menu.some((own) => own.to === item.to))!;
    await page.goto(foreign.to);
    await page.getByRole('heading', { level: 1, name: 'Niet beschikbaar voor uw rol' }).waitFor();
    await sweep(page, `${role}-niet-beschikbaar`);
    await page.goto('/bestaat-niet');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await sweep(page, `${role}-niet-gevonden`);
  });
});
