import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startApp, type RunningApp } from './app-server.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './browser.ts';
import { axeViolations, overflowingElements, overlappingChartText, reflowProblems, unstyledDesignSystemClasses } from './checks.ts';
import { logIn, settled } from './flows.ts';
import { ensureWebBuild } from './web-build.ts';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
/** The two widths every page is checked at, with the suffix of their screenshots. */
export const WIDTHS = [
  { viewport: DESKTOP, suffix: '' },
  { viewport: PHONE, suffix: '-390' },
] as const;

/** The app, the browser and the current tab of one test file. */
export interface BrowserSuite {
  readonly app: RunningApp;
  readonly browser: Browser;
  readonly tab: WatchedPage;
  /** Closes the current tab and opens a new one at laptop size, without a session. */
  freshTab(): Promise<WatchedPage>;
  /** A fresh tab, logged in as `username` of the demo city (its first page shown). */
  freshTabAs(username: string): Promise<WatchedPage>;
}

/**
 * Registers the hooks of a browser test file: builds the dashboard when needed, starts the API
 * server on the small demo city and Chromium, saves a screenshot `failed-<label>-<test>` of the
 * current tab when a test fails, and closes everything at the end.
 */
export function browserSuite(label: string): BrowserSuite {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let tab: WatchedPage | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  }, 300_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && tab)
      await screenshot(tab.page, `failed-${label}-${task.name.split(':')[0]!.replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await tab?.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not there: beforeAll has not run or failed`);
    return value;
  };
  return {
    get app() {
      return started(app, 'the app');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    get tab() {
      return started(tab, 'a tab (call freshTab first)');
    },
    async freshTab() {
      await tab?.close();
      tab = await openPage(started(browser, 'the browser'), started(app, 'the app').baseURL);
      return tab;
    },
    async freshTabAs(username) {
      const fresh = await this.freshTab();
      await logIn(fresh.page, username, started(app, 'the app').passwords[username]!);
      return fresh;
    },
  };
}

/**
 * For a test file with a server of its own: at 390 and then 1280 px, no axe violation, nothing
 * wider than the viewport (the reflow check and no overflowing element), and a screenshot
 * `<prefix>-<name>[-390]`.
 */
export async function checkPageAtBothWidths(page: Page, prefix: string, name: string, signedIn: boolean): Promise<void> {
  for (const [viewport, suffix] of [
    [PHONE, '-390'],
    [DESKTOP, ''],
  ] as const) {
    await page.setViewportSize(viewport);
    await settled(page);
    expect(await axeViolations(page), `${name}${suffix}`).toEqual([]);
    expect(await reflowProblems(page, signedIn), `${name}${suffix}`).toEqual([]);
    expect(await overflowingElements(page), `${name}${suffix}`).toEqual([]);
    await screenshot(page, `${prefix}-${name}${suffix}`);
  }
}

/** A check of a page's own: its problems, empty when there are none. */
export interface ExtraCheck {
  what: string;
  /** At both widths, or at phone width only. */
  at: 'both' | 'phone';
  problems(page: Page): Promise<string[]>;
}

export interface CheckOptions {
  /** Whether a logout button must be on screen at phone width (default true). */
  signedIn?: boolean;
  /** No chart labels drawn over each other. */
  chartText?: boolean;
  /** Nothing wider than the viewport at laptop width too, not only at phone width. */
  reflowAtBothWidths?: boolean;
  /** Every NL Design System component on the page has its CSS loaded. */
  designSystemCss?: boolean;
  extra?: ExtraCheck[];
}

/**
 * At 1280 and 390 px: a screenshot `<name>[-390]`, no axe WCAG 2.1 A/AA violation of any impact,
 * nothing wider than the viewport at 390 px (and the logout button on screen when signed in),
 * plus the checks the options ask for. Then back at laptop width, with no console error, page
 * error or failed request since the last look.
 */
export async function checkAtBothWidths(tab: WatchedPage, name: string, options: CheckOptions = {}): Promise<void> {
  const { signedIn = true, extra = [] } = options;
  const { page } = tab;
  await settled(page);
  for (const { viewport, suffix } of WIDTHS) {
    const phone = viewport === PHONE;
    await page.setViewportSize(viewport);
    // Let the responsive charts and tables redraw at the new width.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
    await screenshot(page, `${name}${suffix}`);
    expect(await axeViolations(page), `axe on ${name} at ${viewport.width}px`).toEqual([]);
    if (options.chartText) expect(await overlappingChartText(page), `overlapping chart text on ${name} at ${viewport.width}px`).toEqual([]);
    if (phone || options.reflowAtBothWidths) {
      const problems = await reflowProblems(page, signedIn);
      expect(problems, `reflow on ${name} at ${viewport.width}px${problems.length ? `: ${(await overflowingElements(page)).join(', ')}` : ''}`).toEqual([]);
    }
    for (const check of extra) {
      if (phone || check.at === 'both') expect(await check.problems(page), `${check.what} on ${name} at ${viewport.width}px`).toEqual([]);
    }
  }
  await page.setViewportSize(DESKTOP);
  if (options.designSystemCss) expect(await unstyledDesignSystemClasses(page), `design-system classes without CSS on ${name}`).toEqual([]);
  expect(tab.takeErrors(), `errors on ${name}`).toEqual([]);
}
