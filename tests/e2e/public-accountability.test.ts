import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openFromMenu } from './support/flows.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// The public "Hoe werkt het?" without a session, the Algoritmeregister page of the
// beleidsmaker and the DPIA page of the beheerder, in Chromium at 1280 and 390 px.

const suite = browserSuite('public');

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return fs.readFileSync((await file.path())!);
}

describe('public accountability in the browser (SQLite)', { timeout: 120_000 }, () => {
  it('shows "Hoe werkt het?" without a session, and never asks for one', async () => {
    const t = await suite.freshTab();
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
    await checkAtBothWidths(t, '50-hoe-werkt-het-openbaar', { signedIn: false });
  });

  it("beleidsmaker: sees what the register still misses and downloads the CSV with the register's headers", async () => {
    const t = await suite.freshTabAs('beleidsmaker');
    await openFromMenu(t.page, 'Algoritmeregister');
    expect(await t.page.getByRole('alert').first().innerText()).toContain('Organisatie, Contactgegevens');
    await checkAtBothWidths(t, '51-beleidsmaker-algoritmeregister');
    const csv = (await download(t.page, 'Download CSV')).toString('utf8');
    expect(csv.split('\n')[0]).toMatch(/^Naam,Korte omschrijving,Organisatie,Thema,Status,/);
    const json = JSON.parse((await download(t.page, 'Download JSON')).toString('utf8'));
    expect(json.missing).toEqual(['Organisatie', 'Contactgegevens']);
  });

  it('beheerder: downloads the DPIA fact sheet as Markdown and PDF', async () => {
    const t = await suite.freshTabAs('beheerder');
    await openFromMenu(t.page, 'DPIA', 'DPIA-feitenblad');
    await checkAtBothWidths(t, '52-beheerder-dpia');
    const md = (await download(t.page, 'Download Markdown')).toString('utf8');
    expect(md).toMatch(/^# DPIA-feitenblad Vroegsignaal/);
    expect(md).toContain('| beheerder |');
    const pdf = await download(t.page, 'Download PDF');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
