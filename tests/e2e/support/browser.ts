import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? 'tests/artifacts/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A page at laptop size that records every console error, page error and failed request. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Problems since the last call; clears the list. */
  takeErrors(): string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, baseURL: string): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  let errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium logs every 4xx fetch; the session check answering 401 before login is the one expected.
    if (msg.text().includes('status of 401') && msg.location().url.endsWith('/api/auth/session')) return;
    errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    // 401 on the session check before login is expected, every other failure is not.
    if (response.status() >= 400 && !(response.status() === 401 && response.url().endsWith('/api/auth/session'))) {
      errors.push(`http ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  return {
    context,
    page,
    takeErrors: () => {
      const taken = errors;
      errors = [];
      return taken;
    },
    close: () => context.close(),
  };
}

/** Chromium with one watched tab at `baseURL`, for a test file with a server of its own. */
export async function launchWithTab(baseURL: string): Promise<{ browser: Browser; tab: WatchedPage }> {
  const browser = await launchBrowser();
  return { browser, tab: await openPage(browser, baseURL) };
}

/** Closes the tab and then the browser, whichever of them were opened. */
export async function closeTabAndBrowser(tab: WatchedPage | undefined, browser: Browser | undefined): Promise<void> {
  await tab?.close().catch(() => undefined);
  await browser?.close();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
