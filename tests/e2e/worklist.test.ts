import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WatchedPage } from './support/browser.ts';
import { logIn, logOut, settled } from './support/flows.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// The coordinator's week list and the wijkteam's "Mijn signalen" in Chromium against the real
// API server on a small demo city (SQLite; the API tests cover PostgreSQL): search, filters,
// counts per status, page size, to a family and back with the filter kept, the filtered export,
// and the one message for a household outside one's wijken or not found.

const suite = browserSuite('worklist');
/** A Lewenborg flag, found by the coordinator: outside the wijkteam member's wijken (Beijum, Vinkhuizen). */
let lewenborgFlag = '';

/** Every URL the tab asked for: a search term must be in none of them. */
let requested: string[] = [];

async function freshTab(): Promise<WatchedPage> {
  const tab = await suite.freshTab();
  requested = [];
  tab.page.on('request', (r) => requested.push(r.url()));
  return tab;
}

/** The search term, spaced or compact, in no URL the browser requested or shows. */
function expectNotInAnyUrl(page: Page, term: string) {
  const forms = [term, term.replace(/ /g, ''), term.replace(/ /g, '+'), term.split(' ').slice(0, 2).join('')];
  for (const url of [...requested, page.url()]) for (const form of forms) expect(decodeURIComponent(url)).not.toContain(form);
}

const checkPage = (name: string) => checkAtBothWidths(suite.tab, name);

const rows = (page: Page) => page.locator('tbody tr');
const column = async (page: Page, n: number) => rows(page).locator(`td:nth-child(${n})`).allInnerTexts();

/** The counts per status above the list, as numbers, and the number of households the list says it holds. */
async function countsAndTotal(page: Page, label: string | RegExp) {
  const items = await page.getByRole('list', { name: label }).getByRole('listitem').allInnerTexts();
  const counts = items.map((t) => Number(/(\d+)\s*$/.exec(t.replace(/\./g, ''))?.[1]));
  const total = Number(/^(\d+)/.exec((await page.locator('.vs-result-count').innerText()).replace(/\./g, ''))?.[1]);
  return { items, counts, total };
}

/** Waits until the table shows the answer to the last change (no fetch under way). */
async function listSettled(page: Page) {
  await settled(page);
  await page.locator('.vs-table-wrap[aria-busy="false"], .utrecht-alert').first().waitFor();
}

/** The address as the list shows it, "9711AB 12-A", as a search term "9711 AB 12". */
function searchTermOf(address: string): string {
  const [postcode = '', number = ''] = address.split(' ');
  return `${postcode.slice(0, 4)} ${postcode.slice(4)} ${number.split('-')[0]}`;
}

describe('worklists end to end (SQLite)', { timeout: 180_000 }, () => {
  it('coordinator: counts, page size, search, filters, to a family and back with the filter kept, filtered export', async () => {
    const { page } = await freshTab();
    await logIn(page, 'coordinator', suite.app.passwords.coordinator!);
    await page.getByRole('heading', { level: 1, name: 'Signalen van de week' }).waitFor();
    await listSettled(page);

    // Counts per status add up to the week's list; the page shows 50 rows, then the size chosen.
    const week = await countsAndTotal(page, 'Aantal per status deze week');
    expect(week.items).toHaveLength(6);
    expect(week.counts.reduce((a, b) => a + b, 0)).toBe(week.total);
    expect(week.total).toBeGreaterThan(100);
    expect(await rows(page).count()).toBe(50);
    await page.getByLabel('Rijen per pagina').selectOption('100');
    await listSettled(page);
    await expect.poll(() => rows(page).count()).toBe(100);
    await expect.poll(() => page.getByRole('navigation', { name: 'Paginering' }).innerText()).toContain(`1–100 van ${week.total}`);
    await page.getByLabel('Rijen per pagina').selectOption('25');
    await listSettled(page);
    await expect.poll(() => rows(page).count()).toBe(25);

    // "Nieuw deze week" is a badge of its own, not the status "Nieuw".
    await page.getByLabel('Op de lijst', { exact: true }).selectOption('nieuw');
    await listSettled(page);
    await expect.poll(async () => [...new Set(await column(page, 7))]).toEqual(['Nieuw deze week']);
    expect(await page.locator('tbody .vs-new-week').count()).toBe(await rows(page).count());
    expect(await page.locator('tbody .vs-status').first().innerText()).not.toContain('deze week');
    await page.getByLabel('Op de lijst', { exact: true }).selectOption('');
    await listSettled(page);

    // Remember a Lewenborg household for the wijkteam test.
    await page.getByLabel('Wijk', { exact: true }).selectOption('Lewenborg');
    await listSettled(page);
    await expect.poll(async () => [...new Set(await column(page, 3))]).toEqual(['Lewenborg']);
    lewenborgFlag = (await rows(page).first().getByRole('link').getAttribute('href'))!.split('/').pop()!;

    // Filter: Beijum, nobody assigned; sorted on status.
    await page.getByLabel('Wijk', { exact: true }).selectOption('Beijum');
    await page.getByLabel('Toegewezen aan', { exact: true }).first().selectOption({ label: 'Niet toegewezen' });
    await listSettled(page);
    await expect.poll(async () => [...new Set(await column(page, 3))]).toEqual(['Beijum']);
    expect([...new Set(await column(page, 10))]).toEqual(['Niemand']);
    await page.getByRole('button', { name: /^Status/ }).click();
    await listSettled(page);
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain('Status');
    expect(new URL(page.url()).searchParams.get('wijk')).toBe('Beijum');
    const beijum = await countsAndTotal(page, 'Aantal per status binnen het filter');
    expect(beijum.counts.reduce((a, b) => a + b, 0)).toBe(beijum.total);
    expect(beijum.total).toBeLessThan(week.total);
    await checkPage('coordinator-week-list-filter');

    // Search: postcode and house number of a row; the term never appears in the URL.
    const address = await rows(page).nth(1).getByRole('link').innerText();
    const term = searchTermOf(address);
    await page.getByLabel('Zoek op postcode en huisnummer').fill(term);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await listSettled(page);
    await expect.poll(() => column(page, 2)).toEqual([expect.stringContaining(address)]);
    expectNotInAnyUrl(page, term);
    await page.getByText(`1 huishouden gevonden voor "${term}"`).waitFor();
    await checkPage('coordinator-week-list-search');

    // A part of the address: the postcode alone.
    const postcode = term.split(' ').slice(0, 2).join(' ');
    await page.getByLabel('Zoek op postcode en huisnummer').fill(postcode);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await listSettled(page);
    const found = await rows(page).getByRole('link').allInnerTexts();
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found.every((a) => a.startsWith(postcode.replace(' ', '')))).toBe(true);
    expect(found).toContain(address);

    // Export what the filter shows: Beijum, nobody assigned, the postcode; with status and assignee.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteer wat het filter toont (CSV)' }).click();
    const csv = fs
      .readFileSync((await (await download).path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('address_key,wijk,score,domains,indicators,weeks_on_list,triage_status,assigned_to,first_contact_due');
    expect(csv).toHaveLength(found.length + 1);
    for (const line of csv.slice(1))
      expect(line).toMatch(new RegExp(`^${postcode.replace(' ', '')}-\\d+-[A-Z0-9]*,Beijum,.*,\\d+,[a-z_]+,,(\\d{4}-\\d{2}-\\d{2})?$`));

    // To the family and back by its link, and by the browser's Back button: filter and search kept.
    const expectKept = async () => {
      await listSettled(page);
      expect(await page.getByLabel('Wijk', { exact: true }).inputValue()).toBe('Beijum');
      expect(await page.getByLabel('Zoek op postcode en huisnummer').inputValue()).toBe(postcode);
      await expect.poll(() => rows(page).getByRole('link').allInnerTexts()).toEqual(found);
    };
    await rows(page).first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Waarom op de lijst?' }).waitFor();
    await page.getByRole('link', { name: '← Terug naar de signalen van de week' }).click();
    await expectKept();
    await rows(page).first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Waarom op de lijst?' }).waitFor();
    await page.goBack();
    await expectKept();
    expectNotInAnyUrl(page, term);
    expectNotInAnyUrl(page, postcode);

    await page.getByRole('button', { name: 'Filters en zoekopdracht wissen' }).click();
    await listSettled(page);
    await expect.poll(async () => (await countsAndTotal(page, 'Aantal per status deze week')).total).toBe(week.total);
    expect(suite.tab.takeErrors()).toEqual([]);
    await logOut(page);
  });

  it('wijkteam: a worklist of their wijken before anything is assigned, search, filter, family and back, one message for another wijk', async () => {
    expect(lewenborgFlag).toMatch(/^\d+$/);
    const { page } = await freshTab();
    await logIn(page, 'wijkteam', suite.app.passwords.wijkteam!);
    await page.getByRole('heading', { level: 1, name: 'Mijn signalen' }).waitFor();
    await listSettled(page);

    // Nothing is assigned yet, and still the list of Beijum and Vinkhuizen is there, closed cases hidden.
    const wijken = [...new Set(await column(page, 2))].sort();
    expect(wijken.every((w) => ['Beijum', 'Vinkhuizen'].includes(w))).toBe(true);
    const all = await countsAndTotal(page, 'Aantal per status in uw wijken');
    expect(all.counts.reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(all.total).toBeGreaterThan(25);
    await page.getByText(/huishoudens \(afgesloten zaken niet getoond\)/).waitFor();
    await page.getByLabel('Rijen per pagina').selectOption('25');
    await listSettled(page);
    await expect.poll(() => rows(page).count()).toBe(25);
    await page.getByRole('button', { name: /^Score/ }).click();
    await listSettled(page);
    const scores = (await column(page, 4)).map((s) => Number(s.replace(',', '.')));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await checkPage('wijkteam-worklist');

    // "Aan mij toegewezen": empty, and the page says what to do.
    await page.getByLabel('Toegewezen', { exact: true }).selectOption('mij');
    await listSettled(page);
    await page.getByText('Er is deze week nog niets aan u toegewezen.', { exact: false }).waitFor();
    await checkPage('wijkteam-worklist-aan-mij-leeg');
    await page.getByLabel('Toegewezen', { exact: true }).selectOption('niemand');
    await page.getByLabel('Wijk', { exact: true }).selectOption('Vinkhuizen');
    await listSettled(page);
    await expect.poll(async () => [...new Set(await column(page, 2))]).toEqual(['Vinkhuizen']);

    // Search, to the family and back: kept.
    const address = await rows(page).first().getByRole('link').innerText();
    const term = searchTermOf(address);
    await page.getByLabel('Zoek op postcode en huisnummer').fill(term);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await listSettled(page);
    await expect.poll(() => column(page, 1)).toEqual([address]);
    expectNotInAnyUrl(page, term);
    await checkPage('wijkteam-worklist-search');
    await rows(page).first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Waarom op de lijst?' }).waitFor();
    await page.getByRole('link', { name: '← Terug naar mijn signalen' }).click();
    await listSettled(page);
    expect(await page.getByLabel('Wijk', { exact: true }).inputValue()).toBe('Vinkhuizen');
    expect(await page.getByLabel('Toegewezen', { exact: true }).inputValue()).toBe('niemand');
    await expect.poll(() => column(page, 1)).toEqual([address]);
    expectNotInAnyUrl(page, term);
    expect(suite.tab.takeErrors()).toEqual([]);

    // A household in another wijk and one that does not exist: one plain message, no error text.
    for (const id of [lewenborgFlag, '987654321']) {
      await page.goto(`/signaal/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Huishouden niet in uw wijken of niet gevonden' }).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/mislukt|signalering niet gevonden/);
      // Only the expected 404 of the household (as a response and as Chromium's console line).
      const errors = suite.tab.takeErrors();
      expect(errors).toContain(`http 404: GET ${suite.app.baseURL}/api/flags/${id}/household`);
      expect(errors.filter((e) => !e.includes(`/api/flags/${id}/household`) || !e.includes('404'))).toEqual([]);
    }
    await checkPage('wijkteam-niet-in-uw-wijken');
    await logOut(page);
  });
  it('one view is one request: the week list and a search each ask the server once and leave one flags_list audit entry', async () => {
    const { page } = await freshTab();
    await logIn(page, 'coordinator', suite.app.passwords.coordinator!);
    await page.getByRole('heading', { level: 1, name: 'Signalen van de week' }).waitFor();
    await listSettled(page);
    // Start counting from a reload: the first load of the week list, without a state kept from before.
    await page.evaluate(() => sessionStorage.clear());
    const searches = () => requested.filter((u) => /\/api\/runs\/\d+\/flags\/search$/.test(u)).length;
    const flagsListEntries = async () =>
      (await suite.app.database.db.selectFrom('audit_log').select('id').where('event', '=', 'flags_list').where('username', '=', 'coordinator').execute())
        .length;
    requested = [];
    const before = await flagsListEntries();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Signalen van de week' }).waitFor();
    await listSettled(page);
    expect(searches()).toBe(1);
    await expect.poll(flagsListEntries).toBe(before + 1);

    const address = await rows(page).first().getByRole('link').innerText();
    await page.getByLabel('Zoek op postcode en huisnummer').fill(searchTermOf(address));
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await listSettled(page);
    await expect.poll(() => column(page, 2)).toEqual([expect.stringContaining(address)]);
    expect(searches()).toBe(2);
    await expect.poll(flagsListEntries).toBe(before + 2);
    await logOut(page);
  });
});
