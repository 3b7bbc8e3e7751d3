import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settled } from './support/flows.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// The zorgnetwerk's working method in Chromium against the real API server on the demo city
// (SQLite; the API tests cover PostgreSQL): first-contact deadlines on the week list and the
// overdue filter. The demo's history is ten weeks long, so households that entered the list
// more than four weeks ago and were never picked up are overdue today.

const suite = browserSuite('zorgnetwerk');
const checkPage = (name: string) => checkAtBothWidths(suite.tab, name);

async function listSettled(page: Page) {
  await settled(page);
  await page.locator('.vs-table-wrap[aria-busy="false"], .utrecht-alert').first().waitFor();
}

/** Pages in a PDF Chromium wrote: its page objects (`/Type /Page`, not `/Pages`). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

const total = async (page: Page) => Number(/^(\d+)/.exec((await page.locator('.vs-result-count').innerText()).replace(/\./g, ''))?.[1]);

describe('zorgnetwerk end to end (SQLite)', { timeout: 400_000 }, () => {
  it('coordinator: every flag shows its first-contact date; the overdue filter keeps only passed deadlines nobody picked up', async () => {
    const { page } = await suite.freshTabAs('coordinator');
    await page.getByRole('heading', { level: 1, name: 'Signalen van de week' }).waitFor();
    await listSettled(page);
    const all = await total(page);
    const dueCells = page.locator('tbody tr td:nth-child(8)');
    expect((await dueCells.allInnerTexts()).every((t) => /^\d{1,2} \S+ \d{4}/.test(t))).toBe(true);

    await page.getByLabel('Alleen termijn eerste contact verstreken').click();
    await listSettled(page);
    await expect.poll(() => page.url()).toContain('termijn-verstreken=1');
    // The list may still show the unfiltered count for a moment after the URL changed.
    await expect.poll(() => total(page)).toBeLessThan(all);
    await listSettled(page);
    const overdue = await total(page);
    expect(overdue).toBeGreaterThan(0);
    // Every row says so in words, is still "Nog niet opgepakt", and its date lies before today.
    const texts = await dueCells.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toContain('Termijn verstreken');
    expect([...new Set(await page.locator('tbody tr td:nth-child(9)').allInnerTexts())]).toEqual(['Nog niet opgepakt']);
    await checkPage('zorgnetwerk-overdue');

    // Taking one up removes it from the overdue list.
    const first = page.locator('tbody tr').first().getByRole('link');
    await first.click();
    await page.getByRole('heading', { name: 'Opvolging' }).waitFor();
    await settled(page);
    expect(await page.locator('.vs-dl .vs-due--overdue').innerText()).toContain('Termijn verstreken');
    await checkPage('zorgnetwerk-family-overdue');
    await page.getByLabel('Nieuwe status').selectOption('in_behandeling');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await page.locator('.vs-dl .vs-status', { hasText: 'In behandeling' }).waitFor();
    await page.goBack();
    await listSettled(page);
    await expect.poll(() => total(page)).toBe(overdue - 1);
  });

  it('coordinator: the open work per wijkteam member adds up, and overdue stands out', async () => {
    const { page } = suite.tab;
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Openstaand werk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Openstaand werk' }).waitFor();
    await settled(page);
    const table = page.getByRole('region', { name: 'Openstaand werk per wijkteamlid' });
    const members = await table.locator('tbody th').allInnerTexts();
    expect(members).toEqual(expect.arrayContaining(['wijkteam', 'wijkteam2']));
    for (const row of await table.locator('tbody tr').all()) {
      const [open, week, late] = (await row.locator('td').allInnerTexts()).map((t) => Number(t.replace(/\./g, '')));
      expect(week! + late!).toBeLessThanOrEqual(open!);
    }
    await page.getByRole('heading', { name: 'Van de lijst af, nog niet afgesloten' }).waitFor();
    await checkPage('zorgnetwerk-open-work');
  });

  it('coordinator: plans a meeting, puts families on its agenda from the family page and from the week list, records advice, prints the agenda', async () => {
    const { page } = suite.tab;
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Zorgnetwerk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zorgnetwerk' }).waitFor();
    await settled(page);
    await checkPage('zorgnetwerk-meetings-empty');
    await page.getByLabel('Datum').fill('2026-12-14');
    await page.getByLabel('Beijum').check();
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    const meetingLink = page.getByRole('link', { name: 'Overleg van 14 dec 2026' });
    await meetingLink.waitFor();

    // Two Beijum families; the first is taken up first, so the meeting can move it on.
    await page.goto('/signalen?wijk=Beijum&status=nieuw');
    await listSettled(page);
    const hrefs = (
      await page
        .locator('tbody tr')
        .getByRole('link')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    ).slice(0, 2) as string[];
    expect(hrefs).toHaveLength(2);
    const secondAddress = await page.locator(`tbody tr a[href="${hrefs[1]}"]`).innerText();
    // The first from its family page, after taking it up.
    await page.goto(hrefs[0]!);
    await page.getByRole('heading', { name: 'Opvolging' }).waitFor({ timeout: 60_000 });
    await settled(page);
    await page.getByLabel('Nieuwe status').selectOption('in_behandeling');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await page.locator('.vs-dl .vs-status', { hasText: 'In behandeling' }).waitFor();
    await page.getByRole('combobox', { name: 'Op de agenda van het zorgnetwerk' }).selectOption({ label: '14 dec 2026 (Beijum)' });
    await page.getByRole('button', { name: 'Op de agenda zetten' }).click();
    await page.getByText('Op de agenda gezet.').waitFor();
    // The second from the week list: selected, then put on the meeting's agenda.
    await page.goto('/signalen?wijk=Beijum&status=nieuw');
    await listSettled(page);
    await page.getByLabel(`Selecteer ${secondAddress}`).check();
    await page.getByRole('combobox', { name: 'Zorgnetwerkoverleg' }).selectOption({ label: '14 dec 2026 (Beijum)' });
    await page.getByRole('button', { name: 'Op de agenda (1)' }).click();
    await page.getByText('1 gezin op de agenda gezet.').waitFor();
    await checkPage('zorgnetwerk-week-list-agenda');
    // Again: the agenda did not grow, and the message says so.
    await page.getByLabel(`Selecteer ${secondAddress}`).check();
    await page.getByRole('button', { name: 'Op de agenda (1)' }).click();
    await page.getByText('0 gezinnen op de agenda gezet, 1 stond er al op.').waitFor();

    // Opening the meeting reads no family's household data (each such read is audited).
    const householdReads: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/flags\/\d+\/household/.test(r.url())) householdReads.push(r.url());
    });
    await menu.getByRole('link', { name: 'Zorgnetwerk' }).click();
    await meetingLink.click();
    await page.getByRole('heading', { level: 1, name: 'Zorgnetwerkoverleg 14 dec 2026' }).waitFor();
    await settled(page);
    expect(await page.getByRole('article').count()).toBe(2);
    expect(householdReads).toEqual([]);
    await checkPage('zorgnetwerk-meeting');

    // The family taken up can move on; the other is refused by the transition table (it was never picked up).
    const takenUp = page.getByRole('article').filter({ has: page.locator('.vs-status', { hasText: 'In behandeling' }) });
    const address = await takenUp.getByRole('link').first().innerText();
    const first = page.getByRole('article').filter({ has: page.getByRole('link', { name: address, exact: true }) });
    await first.getByLabel('Advies', { exact: true }).fill('Schuldhulp inschakelen.');
    await first.getByLabel('Regisseur (naam)').fill('A. de Vries');
    await first.getByLabel('Organisatie van de regisseur').selectOption('Schuldhulpverlening');
    await first.getByLabel('Volgende stap', { exact: true }).fill('Intake plannen.');
    await first.getByLabel('Volgende stap vóór').fill('2026-12-28');
    await first.getByRole('button', { name: 'Advies vastleggen' }).click();
    await first.getByText('Regisseur: A. de Vries (Schuldhulpverlening).').waitFor();
    expect(await first.locator('.vs-status').innerText()).toBe('Besproken in zorgnetwerk');
    await settled(page);

    expect(householdReads).toEqual([]);

    // Printed: the summaries load on "Agenda afdrukken", then the print dialog opens (stubbed here).
    await page.evaluate(() => {
      const w = window as Window & { printed?: number };
      w.printed = 0;
      w.print = () => {
        w.printed = (w.printed ?? 0) + 1;
      };
    });
    await page.getByRole('button', { name: 'Agenda afdrukken' }).click();
    await expect.poll(() => page.evaluate(() => (window as Window & { printed?: number }).printed)).toBe(1);
    expect(householdReads).toHaveLength(2);
    expect(await page.locator('.vs-print-agenda .vs-print-page').count()).toBe(2);
    // The agenda, then one A4 per family.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(pdf)).toBe(1 + 2);

    // The family page's history names the meeting and links to it, for the coordinator.
    await first.getByRole('link', { name: address, exact: true }).click();
    await page.getByRole('heading', { name: 'Opvolging' }).waitFor();
    await settled(page);
    const history = page.getByRole('list', { name: 'Geschiedenis van de opvolging' });
    await history.getByText('Besproken in zorgnetwerk', { exact: false }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Op de agenda zetten' }).count()).toBe(1);
    await checkPage('zorgnetwerk-family-discussed');
    // Closed, the case is no longer offered for an agenda.
    await page.getByLabel('Nieuwe status').selectOption('afgesloten');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await page.locator('.vs-dl .vs-status', { hasText: 'Afgesloten' }).waitFor();
    expect(await page.getByRole('button', { name: 'Op de agenda zetten' }).count()).toBe(0);
    const familyUrl = new URL(page.url()).pathname;
    await history.getByRole('link', { name: 'Besproken in het zorgnetwerkoverleg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zorgnetwerkoverleg 14 dec 2026' }).waitFor();

    // The wijkteam cannot open meetings: the same line, without a link.
    const wijkteam = (await suite.freshTabAs('wijkteam')).page;
    await wijkteam.goto(familyUrl);
    await wijkteam.getByRole('heading', { name: 'Opvolging' }).waitFor({ timeout: 60_000 });
    await settled(wijkteam);
    const theirHistory = wijkteam.getByRole('list', { name: 'Geschiedenis van de opvolging' });
    await theirHistory.getByText('Besproken in het zorgnetwerkoverleg').waitFor();
    expect(await theirHistory.getByRole('link').count()).toBe(0);
  });
});
