import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logOut, openFromMenu, settled } from './support/flows.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// The beheerder's audit page in Chromium after a coordinator read families: no address key,
// postcode or household count anywhere on the page, household entries named "huishouden (afgeschermd)",
// and the object field off for the kinds the server will not search on one of.

const suite = browserSuite('audit-redaction');

const apiGet = <T>(page: Page, url: string): Promise<T> => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;

describe('the beheerder’s audit page without household data', () => {
  it('shows what a coordinator read, without which households, and refuses a search on one household', async () => {
    const coordinator = (await suite.freshTabAs('coordinator')).page;
    const runs = await apiGet<{ id: number }[]>(coordinator, '/api/runs');
    const list = await apiGet<{ items: { id: number; household_key: string }[] }>(coordinator, `/api/runs/${runs[0]!.id}/flags?page_size=20`);
    expect(list.items.length).toBeGreaterThan(1);
    const opened = await apiGet<{ household_key: string }>(coordinator, `/api/flags/${list.items[0]!.id}/household`);
    expect(opened.household_key).toBe(list.items[0]!.household_key);
    await logOut(coordinator);

    const { page } = await suite.freshTabAs('beheerder');
    await openFromMenu(page, 'Auditlog');
    const rows = page.locator('tbody tr');
    const read = rows.filter({ hasText: 'household_read' }).first();
    await read.waitFor();
    expect(await read.locator('td:nth-child(4)').innerText()).toBe('huishouden (afgeschermd)');
    const html = await page.content();
    for (const { household_key: key } of list.items) {
      expect(html).not.toContain(key);
      expect(html).not.toContain(key.split('-')[0]);
    }
    // The list's filter and page show, not how many households it held.
    await expect.poll(() => rows.filter({ hasText: 'flags_list' }).filter({ hasText: '"page_size":20' }).count()).toBeGreaterThan(0);
    expect(await page.locator('tbody').innerText()).not.toMatch(/"(huishoudens|getoond|totaal)"/);

    const objectId = page.getByRole('textbox', { name: 'Object' });
    expect(await objectId.isDisabled()).toBe(true);
    await page.getByLabel('Soort object').selectOption('household');
    expect(await objectId.isDisabled()).toBe(true);
    await page.getByText('Afgeschermd: hierop zoeken kan niet.').waitFor();
    await checkAtBothWidths(suite.tab, 'beheerder-audit-shielded');

    await page.getByLabel('Soort object').selectOption('user');
    await objectId.fill('coordinator');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await settled(page);
    await expect.poll(async () => (await page.locator('tbody tr td:nth-child(4)').allInnerTexts()).every((t) => t === 'gebruiker coordinator')).toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);
    await checkAtBothWidths(suite.tab, 'beheerder-audit-user');
  });
});
