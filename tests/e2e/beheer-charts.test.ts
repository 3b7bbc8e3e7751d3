import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeAuditEvent } from '../../shared/src/api/audit-events.ts';
import { systemClock } from '../../server/src/core/clock.ts';
import { Scheduler } from '../../server/src/scheduler/scheduler.ts';
import { engineContext } from '../helpers/engine.ts';
import { logOut, openFromMenu, settled } from './support/flows.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// The beleidsmaker's charts and the beheerder's pages in Chromium against the real
// API server on the small demo city (SQLite; the API tests cover PostgreSQL).

const suite = browserSuite('beheer');

/** Chart SVGs that take keyboard focus (or hold something that does), or that are not one named image. */
function chartSvgProblems(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.recharts-wrapper svg.recharts-surface')].flatMap((svg, i) => {
      const image = svg.closest('[role="img"]');
      const name = image?.getAttribute('aria-label')?.trim();
      const problems: string[] = [];
      if (!image || !name) problems.push(`chart ${i} is not inside a named image`);
      const focusable = [svg, ...svg.querySelectorAll('[tabindex]')].filter((e) => e.getAttribute('tabindex') !== null && (e as SVGElement).tabIndex >= 0);
      if (focusable.length) problems.push(`chart ${i} (${name ?? 'no name'}) takes focus`);
      return problems;
    }),
  );
}

/** At 1280 and 390 px: besides the usual checks, no overlapping chart text and no focusable or nameless chart. */
const checkPage = (name: string) =>
  checkAtBothWidths(suite.tab, name, { chartText: true, extra: [{ what: 'chart SVGs', at: 'both', problems: chartSvgProblems }] });

const apiGet = <T>(page: Page, url: string): Promise<T> => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;

/** The texts drawn in a chart's SVG (a wrapped label's lines joined by a space). */
const chartTexts = (region: Locator) =>
  region
    .locator('.recharts-wrapper svg text')
    .evaluateAll((texts) =>
      texts.map((t) =>
        t.querySelectorAll('tspan').length > 1 ? [...t.querySelectorAll('tspan')].map((s) => s.textContent?.trim()).join(' ') : (t.textContent?.trim() ?? ''),
      ),
    );

type Count = number | '<5';
interface Week {
  as_of: string;
  flags: Count;
  new_flags: Count;
  dropped_flags: Count;
}
interface Wijk {
  wijk: string;
  flags: Count;
  gezinshuishoudens: Count;
  share_of_flags: number | null;
  share_of_gezinshuishoudens: number | null;
}

describe('beleidsmaker charts and beheerder pages (SQLite)', { timeout: 180_000 }, () => {
  it('beleidsmaker: a week with a hidden count keeps its bars, "<5" is written on the chart, axes have titles', async () => {
    const { page } = await suite.freshTabAs('beleidsmaker');
    await openFromMenu(page, 'Trends en eerlijkheid');
    await page.getByRole('heading', { name: 'Signalen per leefgebied over tijd' }).waitFor();
    await settled(page);

    const weeks = await apiGet<Week[]>(page, '/api/aggregates/weeks');
    const series = ['flags', 'new_flags', 'dropped_flags'] as const;
    const hiddenCells = weeks.flatMap((w, j) => series.map((s, i) => ({ week: j, series: i, hidden: typeof w[s] !== 'number' }))).filter((c) => c.hidden);
    expect(hiddenCells.length, 'the demo city has weeks with a hidden count').toBeGreaterThan(0);
    const weeksChart = page.getByRole('region', { name: 'Signalen per week' });
    const bars = weeksChart.locator('.recharts-bar-rectangles');
    expect(await bars.count()).toBe(3);
    // Every week, hidden ones included, has a drawn bar in every series; a hidden one is marked.
    const heights = await Promise.all(
      [0, 1, 2].map((i) =>
        bars
          .nth(i)
          .locator('.recharts-bar-rectangle path')
          .evaluateAll((paths) => paths.map((p) => p.getBoundingClientRect().height)),
      ),
    );
    for (const h of heights) expect(h).toHaveLength(weeks.length);
    for (const c of hiddenCells) expect(heights[c.series]![c.week], `week ${weeks[c.week]!.as_of} series ${series[c.series]}`).toBeGreaterThan(0);
    expect(await weeksChart.locator('path.vs-bar-hidden').count()).toBe(hiddenCells.length);
    const weekTexts = await chartTexts(weeksChart);
    expect(weekTexts).toEqual(expect.arrayContaining(['Week van de berekening', 'Aantal huishoudens']));

    // Fairness: a wijk whose share cannot be shown says "<5" where the count behind it is hidden.
    const wijken = (await apiGet<{ wijken: Wijk[] }>(page, '/api/aggregates/wijken')).wijken;
    const fairness = page.getByRole('region', { name: 'Eerlijkheid per wijk' });
    const fairTexts = await chartTexts(fairness);
    const hiddenShares = wijken
      .flatMap((w) => [w.share_of_flags === null && w.flags === '<5', w.share_of_gezinshuishoudens === null && w.gezinshuishoudens === '<5'])
      .filter(Boolean);
    expect(fairTexts.filter((t) => t === '<5')).toHaveLength(hiddenShares.length);
    expect(fairTexts).toEqual(expect.arrayContaining(['Aandeel in procenten', ...wijken.map((w) => w.wijk)]));

    // Lines per leefgebied: each its own dash pattern and legend shape, hidden counts as gaps.
    const domains = page.getByRole('region', { name: 'Signalen per leefgebied over tijd' });
    const dashes = await domains.locator('.recharts-line-curve').evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray') ?? ''));
    expect(dashes.length).toBeGreaterThan(3);
    expect(new Set(dashes).size).toBe(dashes.length);
    const legendShapes = await domains.locator('.recharts-legend-item path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')));
    expect(new Set(legendShapes).size).toBe(dashes.length);
    expect(await chartTexts(domains)).toEqual(expect.arrayContaining(['Week van de berekening', 'Aantal huishoudens']));

    await checkPage('beleidsmaker-trends');
    await logOut(page);
  });

  it('coordinator: the wijk and indicator charts label every bar with its published count, "<5" included', async () => {
    const { page } = await suite.freshTabAs('coordinator');
    await openFromMenu(page, 'Grafieken');
    await page.getByRole('heading', { name: 'Welke signalen leiden tot de lijst' }).waitFor();
    await settled(page);
    const wijken = (await apiGet<{ wijken: Wijk[] }>(page, '/api/aggregates/wijken')).wijken;
    const indicators = (await apiGet<{ indicators: { flags: Count }[] }>(page, '/api/aggregates/indicators')).indicators;
    const labels = async (region: string) => (await page.getByRole('region', { name: region }).locator('.recharts-label-list text').allTextContents()).sort();
    const published = (counts: Count[]) => counts.map((c) => (typeof c === 'number' ? c.toLocaleString('nl-NL') : c)).sort();
    expect(await labels('Signalen per wijk')).toEqual(published(wijken.map((w) => w.flags)));
    expect(await labels('Welke signalen leiden tot de lijst')).toEqual(published(indicators.map((i) => i.flags)));
    expect([...wijken.map((w) => w.flags), ...indicators.map((i) => i.flags)], 'some count is hidden in the demo city').toContain('<5');
    await checkPage('coordinator-grafieken-labels');
    await logOut(page);
  });

  it('beheerder: follows a source to its last failure, filters and pages the jobs', async () => {
    // A file the broken source rejects as a whole: its pull fails (the dashboard cannot make this happen).
    const source = await suite.app.database.db.selectFrom('sources').select('location').where('name', '=', suite.app.brokenSource).executeTakeFirstOrThrow();
    fs.writeFileSync(path.join(source.location, 'kapot.csv'), 'geen,kolommen\n1,2\n');
    const scheduler = new Scheduler({
      engine: { ...engineContext(suite.app.database.db, systemClock), actor: 'scheduler' },
      settings: suite.app.config,
      sleep: async () => undefined,
    });
    const failed = await scheduler.runNow(`pull:${suite.app.brokenSource}`);
    await scheduler.stop();
    expect(failed.status).toBe('failed');

    const { page } = await suite.freshTabAs('beheerder');
    await page.getByRole('heading', { level: 1, name: 'Bronnen' }).waitFor();
    await settled(page);
    await page
      .locator('tbody tr', { hasText: suite.app.brokenSource })
      .getByRole('link', { name: /^Laatste storing/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Taken' }).waitFor();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('taak')).toBe(`pull:${suite.app.brokenSource}`);
    expect(await page.getByLabel('Uitkomst').inputValue()).toBe('failed');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(
      /Ophalen van bron schuldhulp-e2e\s+Mislukt[\s\S]*kapot\.csv geweigerd: het bestand mist de verplichte kolommen/,
    );
    expect(await rows.first().getAttribute('class')).toContain('vs-row--failed');
    await checkPage('beheerder-jobs-storing');

    await openFromMenu(page, 'Taken');
    // Failures are named above the list, whatever page they are on, with a way to show only them.
    await page.getByText('1 taak is mislukt in deze selectie.').waitFor();
    const found = async () => Number((await page.getByText(/taken? gevonden\./).innerText()).replace(/\D/g, ''));
    const busy = await found();
    const details = await rows.locator('td:nth-child(5)').allInnerTexts();
    expect(details.length).toBeGreaterThan(0);
    expect(details.join('\n')).not.toMatch(/files: |failedFiles|Geen nieuwe bestanden/);
    expect(
      details.every((d) => d.endsWith('.')),
      details.join('\n'),
    ).toBe(true);
    // The filter lives in the address: the box is checked once the navigation is done.
    const idle = page.getByLabel('Ook ophaalrondes zonder nieuwe bestanden');
    await idle.click();
    await expect.poll(() => idle.isChecked()).toBe(true);
    expect(new URL(page.url()).searchParams.get('alles')).toBe('1');
    await expect.poll(found).toBeGreaterThan(busy);
    const all = await found();
    expect(all).toBeGreaterThan(25);
    await expect.poll(() => page.getByText('Geen nieuwe bestanden in de map.').count()).toBeGreaterThan(0);
    const firstPage = await rows.allInnerTexts();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText(`26–${Math.min(50, all)} van ${all.toLocaleString('nl-NL')} (pagina 2`).waitFor();
    // The pager's text can change a moment before the rows do.
    await expect.poll(() => rows.allInnerTexts()).not.toEqual(firstPage);
    await page.getByLabel('Taak').selectOption('scoring');
    await expect.poll(() => new URL(page.url()).searchParams.get('taak')).toBe('scoring');
    expect(new URL(page.url()).searchParams.get('pagina')).toBeNull();
    const isScoring = (r: string) => /^Wekelijkse berekening\s+Gelukt[\s\S]*Berekening \d+: [\d.]+ huishoudens op de lijst/.test(r);
    await expect.poll(async () => (await rows.allInnerTexts()).every(isScoring)).toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBe(await found());
    await page.getByLabel('Taak').selectOption('');
    await checkPage('beheerder-jobs');
    await logOut(page);
  });

  it('beheerder: follows a source to its quarantined rows, reads Dutch reasons and audit events, chooses wijken', async () => {
    const { page } = await suite.freshTabAs('beheerder');
    await page.getByRole('heading', { level: 1, name: 'Bronnen' }).waitFor();
    await settled(page);
    const link = page.getByRole('link', { name: /rij(en)? in quarantaine \(/ }).first();
    const name = /\((.+)\)$/.exec((await link.getAttribute('aria-label'))!)![1]!;
    const shown = Number((await link.innerText()).replace(/\D/g, ''));
    await link.click();
    await page.getByRole('heading', { name: `Quarantaine van bron ${name}` }).waitFor();
    await settled(page);
    const quarantine = page.getByRole('region', { name: `Quarantaine van bron ${name}` });
    await quarantine.getByText(`van ${shown.toLocaleString('nl-NL')} (pagina 1`).waitFor();
    const stored = await apiGet<{ items: { reasons: string[] }[]; total: number }>(page, `/api/quarantine?source=${encodeURIComponent(name)}&page_size=25`);
    expect(stored.total).toBe(shown);
    const reasons = await quarantine.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(reasons).toHaveLength(Math.min(25, shown));
    for (const r of reasons) expect(r).not.toMatch(/\b(must|fails|required|is not|either)\b/);
    expect(reasons.join('\n')).toMatch(/moet|verplicht|voldoet niet|staat niet|mag/);
    await checkPage('beheerder-quarantine');

    await openFromMenu(page, 'Auditlog');
    const events = page.locator('tbody tr td:nth-child(2)');
    await expect.poll(() => events.count()).toBeGreaterThan(5);
    for (const cell of await events.all()) {
      const code = await cell.locator('code').innerText();
      const label = await cell.locator('.vs-audit-event').innerText();
      const dutch = describeAuditEvent(code);
      expect(dutch, `${code} has a Dutch description`).not.toBe(code);
      expect(label).toBe(dutch.charAt(0).toUpperCase() + dutch.slice(1));
    }
    await checkPage('beheerder-audit');

    await openFromMenu(page, 'Gebruikers');
    const row = page.locator('tbody tr', { hasText: 'wijkteam2' });
    await row.waitFor();
    expect(await page.getByRole('textbox', { name: /wijken/i }).count()).toBe(0);
    const known = await apiGet<string[]>(page, '/api/wijken');
    const before = (await apiGet<{ username: string; wijken: string[] }[]>(page, '/api/users')).find((u) => u.username === 'wijkteam2')!.wijken;
    const extra = known.find((w) => !before.includes(w))!;
    await row.locator('summary').click();
    const group = row.getByRole('group', { name: 'Wijken van wijkteam2' });
    expect(await group.getByRole('checkbox').count()).toBe(known.length);
    await group.getByRole('checkbox', { name: extra, exact: true }).check();
    await checkPage('beheerder-users');
    await row.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(async () => (await apiGet<{ username: string; wijken: string[] }[]>(page, '/api/users')).find((u) => u.username === 'wijkteam2')!.wijken.sort())
      .toEqual([...before, extra].sort());
    await expect.poll(() => page.locator('tbody tr', { hasText: 'wijkteam2' }).locator('summary').innerText()).toContain(extra);
    expect(suite.tab.takeErrors()).toEqual([]);
    await logOut(page);
  });
});
