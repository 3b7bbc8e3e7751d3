import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { axeViolations, reflowProblems } from './support/checks.ts';
import { logIn, openFromMenu, settled } from './support/flows.ts';
import { ensureWebBuild } from './support/web-build.ts';

// The public "Hoe werkt het?" without a session, the Algoritmeregister page of the
// beleidsmaker and the DPIA page of the beheerder, in Chromium at 1280 and 390 px.

let app: RunningApp;
let browser: Browser;
const tabs: WatchedPage[] = [];

beforeAll(async () => {
  ensureWebBuild();
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  for (const t of tabs) await t.close().catch(() => undefined);
  await browser?.close();
  await app?.stop();
});

async function tab(): Promise<WatchedPage> {
  const t = await openPage(browser, app.baseURL);
  tabs.push(t);
  return t;
}

/** axe at 1280 and 390 px, no horizontal scrolling at 390 px, no console or request errors. */
async function checkPage(t: WatchedPage, name: string, signedIn: boolean): Promise<void> {
  await settled(t.page);
  for (const width of [1280, 390]) {
    await t.page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await t.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 150))));
    await screenshot(t.page, `${name}${width === 390 ? '-390' : ''}`);
    expect(await axeViolations(t.page), `axe on ${name} at ${width}px`).toEqual([]);
    if (width === 390) expect(await reflowProblems(t.page, signedIn), `reflow on ${name}`).toEqual([]);
  }
  await t.page.setViewportSize({ width: 1280, height: 800 });
  expect(t.takeErrors(), `errors on ${name}`).toEqual([]);
}

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return fs.readFileSync((await file.path())!);
}

describe('public accountability in the browser (SQLite)', { timeout: 120_000 }, () => {
  it('shows "Hoe werkt het?" without a session, and never asks for one', async () => {
    const t = await tab();
    const asked: string[] = [];
    t.page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    const api = t.page.waitForResponse((r) => r.url().endsWith('/api/public/transparency'));
    await t.page.goto('/hoe-werkt-het');
    expect((await api).status()).toBe(200);
    await t.page.getByRole('heading', { level: 1, name: 'Hoe werkt het?' }).waitFor();
    await t.page.getByRole('heading', { name: 'Welke signalen tellen mee' }).waitFor();
    const main = await t.page.locator('main').innerText();
    for (const heading of ['Wettelijke basis', 'Bronnen', 'Wie ziet wat', 'Hoe lang gegevens blijven', 'Inzage, correctie en bezwaar', 'Contact'])
      expect(main).toContain(heading);
    expect(main).toMatch(/Goedgekeurd\s+Geïmporteerd en gepubliceerd via beheer \(CLI\)/);
    expect(main).toMatch(/In de laatste ronde \(.*\) kwamen (<5|\d[\d.]*) gezinnen op de lijst/);
    expect(asked).not.toContain('/api/auth/session');
    expect(t.page.url()).toMatch(/\/hoe-werkt-het$/);
    await checkPage(t, '50-hoe-werkt-het-openbaar', false);
  });

  it("beleidsmaker: sees what the register still misses and downloads the CSV with the register's headers", async () => {
    const t = await tab();
    await logIn(t.page, 'beleidsmaker', app.passwords.beleidsmaker!);
    await openFromMenu(t.page, 'Algoritmeregister');
    expect(await t.page.getByRole('alert').first().innerText()).toContain('Organisatie, Contactgegevens');
    await checkPage(t, '51-beleidsmaker-algoritmeregister', true);
    const csv = (await download(t.page, 'Download CSV')).toString('utf8');
    expect(csv.split('\n')[0]).toMatch(/^Naam,Korte omschrijving,Organisatie,Thema,Status,/);
    const json = JSON.parse((await download(t.page, 'Download JSON')).toString('utf8'));
    expect(json.missing).toEqual(['Organisatie', 'Contactgegevens']);
  });

  it('beheerder: downloads the DPIA fact sheet as Markdown and PDF', async () => {
    const t = await tab();
    await logIn(t.page, 'beheerder', app.passwords.beheerder!);
    await openFromMenu(t.page, 'DPIA', 'DPIA-feitenblad');
    await checkPage(t, '52-beheerder-dpia', true);
    const md = (await download(t.page, 'Download Markdown')).toString('utf8');
    expect(md).toMatch(/^# DPIA-feitenblad Vroegsignaal/);
    expect(md).toContain('| beheerder |');
    const pdf = await download(t.page, 'Download PDF');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
