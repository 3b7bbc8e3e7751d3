import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TRIAGE_STATUS_LABELS, type TriageStatus } from '../../shared/src/api/triage.ts';
import { transitionsFor } from '../../shared/src/triage.ts';
import { startApp, type RunningApp } from './support/app-server.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { axeViolations, reflowProblems } from './support/checks.ts';
import { logIn, logOut, settled } from './support/flows.ts';
import { ensureWebBuild } from './support/web-build.ts';

// The family page in a real Chromium against the real API server on the demo city
// (SQLite; the API tests cover PostgreSQL): assigning, the transition table's skip and
// reopening, the one-page print summary, and the page at 1280 and 390 px.

let app: RunningApp;
let browser: Browser;
let tab: WatchedPage;
let flagId: number;
let wijk: string;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  ensureWebBuild();
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
}, 300_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && tab) await screenshot(tab.page, `failed-family-${task.name.split(':')[0]}`).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function freshTab(): Promise<WatchedPage> {
  await tab?.close();
  tab = await openPage(browser, app.baseURL);
  return tab;
}

/** A JSON call with the page's session and CSRF token, as the dashboard makes it. */
async function call<T>(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch(url, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token },
      });
      return { status: res.status, json: await res.json() };
    },
    { method, url, body },
  );
}

/** Widths 1280 and 390: screenshot, axe (no serious or critical WCAG 2.1 A/AA violation), no sideways scrolling at 390. */
async function checkPage(name: string): Promise<void> {
  const { page } = tab;
  await settled(page);
  for (const [viewport, suffix] of [
    [DESKTOP, ''],
    [PHONE, '-390'],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 150))));
    await screenshot(page, `${name}${suffix}`);
    expect(await axeViolations(page), `axe on ${name} at ${viewport.width}px`).toEqual([]);
    if (viewport === PHONE) {
      expect(await reflowProblems(page, true), `reflow on ${name}`).toEqual([]);
      expect(await phoneLayoutProblems(page), `layout on ${name} at 390px`).toEqual([]);
    }
  }
  await page.setViewportSize(DESKTOP);
  expect(tab.takeErrors(), `errors on ${name}`).toEqual([]);
}

/** At 390 px: panels that overlap or stick out, and signal lists squeezed to a word per line. */
async function phoneLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    const panels = [...document.querySelectorAll('.vs-main .vs-panel')].filter((p) => !p.parentElement?.closest('.vs-panel'));
    const boxes = panels.map((p) => ({ name: p.querySelector('h2,h3,legend,p')?.textContent?.trim() ?? p.className, box: p.getBoundingClientRect() }));
    for (const { name, box } of boxes) if (box.right > width + 0.5 || box.left < -0.5) problems.push(`panel ${name} spans ${box.left}..${box.right}`);
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 1 && y > 1) problems.push(`panels overlap: ${a.name} / ${b.name}`);
      }
    });
    for (const li of document.querySelectorAll('.vs-main .vs-timeline > li, .vs-main .vs-rules li')) {
      const box = li.getBoundingClientRect();
      if (box.width < 200) problems.push(`list item only ${Math.round(box.width)}px wide: ${li.textContent?.slice(0, 40)}`);
    }
    return problems;
  });
}

/** Pages in a PDF Chromium wrote: its page objects (`/Type /Page`, not `/Pages`). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

const history = (page: Page) => page.getByRole('list', { name: 'Geschiedenis van de opvolging' });
const label = (s: TriageStatus) => TRIAGE_STATUS_LABELS[s];

async function chooseStatus(page: Page, status: TriageStatus): Promise<void> {
  await page.getByLabel('Nieuwe status').selectOption(status);
}

async function statusOptions(page: Page): Promise<string[]> {
  return page
    .getByLabel('Nieuwe status')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
}

describe('family page end to end (SQLite)', { timeout: 180_000 }, () => {
  it('coordinator: picks the household with the most signals in Beijum and sees the page at 1280 and 390 px', async () => {
    const { page } = await freshTab();
    await logIn(page, 'coordinator', app.passwords.coordinator!);
    const runs = await call<{ id: number }[]>(page, 'GET', '/api/runs');
    const list = await call<{ items: { id: number; wijk: string }[] }>(
      page,
      'GET',
      `/api/runs/${runs.json[0]!.id}/flags?wijk=Beijum&sort=domains&order=desc&page_size=10`,
    );
    const sizes = await Promise.all(
      list.json.items.map(async (f) => ({
        id: f.id,
        wijk: f.wijk,
        n: (await call<{ timeline: unknown[] }>(page, 'GET', `/api/flags/${f.id}/household`)).json.timeline.length,
      })),
    );
    const most = sizes.sort((a, b) => b.n - a.n)[0]!;
    expect(most.n, 'a household with many signals').toBeGreaterThanOrEqual(12);
    flagId = most.id;
    wijk = most.wijk;
    await page.goto(`/signaal/${flagId}`);
    await page.getByRole('heading', { name: 'Waarom op de lijst?' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Opvolging' }).innerText()).toContain(label('nieuw'));
    await checkPage('coordinator-family');
    // On a phone the follow-up is far down: one link takes focus there.
    await page.getByRole('button', { name: 'Naar de opvolging' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Opvolging');
    expect(new URL(page.url()).pathname).toBe(`/signaal/${flagId}`);
  });

  it('coordinator: assigns and unassigns from the family page, offered only wijkteam members of the wijk', async () => {
    const { page } = tab;
    const assignees = (await call<{ username: string; wijken: string[] }[]>(page, 'GET', '/api/assignees')).json;
    const expected = assignees.filter((a) => a.wijken.includes(wijk)).map((a) => a.username);
    expect(expected).toContain('wijkteam');
    expect(assignees.some((a) => !a.wijken.includes(wijk))).toBe(true); // wijkteam2 works in Lewenborg only
    const select = page.getByLabel('Toewijzen aan', { exact: true });
    const offered = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(offered).toEqual(expected);

    await select.selectOption('wijkteam');
    await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
    await page.getByText('Toegewezen aan wijkteam.').waitFor();
    await history(page).getByText('Toegewezen aan wijkteam').waitFor();
    await page.getByRole('button', { name: 'Toewijzing aan wijkteam intrekken' }).click();
    await history(page).getByText('Toewijzing ingetrokken').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Opvolging' }).locator('dl').innerText()).toMatch(/Toegewezen aan\s+Niemand/);
    await page.getByLabel('Toewijzen aan', { exact: true }).selectOption('wijkteam');
    await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
    await history(page).getByText('Toegewezen aan wijkteam').nth(1).waitFor();
    expect(tab.takeErrors()).toEqual([]);
  });

  it('coordinator: skips the zorgnetwerk meeting with an outcome, then reopens the closed case with a reason', async () => {
    const { page } = tab;
    expect(await statusOptions(page)).toEqual(transitionsFor('nieuw', 'coordinator').map((t) => t.to));
    await chooseStatus(page, 'in_behandeling');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await history(page)
      .getByText(`Status: ${label('nieuw')} → ${label('in_behandeling')}`)
      .waitFor();

    await expect.poll(() => statusOptions(page)).toEqual(transitionsFor('in_behandeling', 'coordinator').map((t) => t.to));
    await chooseStatus(page, 'afgesloten');
    await page.getByLabel('Signaal was terecht').check();
    await page.getByLabel('Toelichting (optioneel)').fill('Gezin krijgt al hulp via de huisarts; zorgnetwerk niet nodig.');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await history(page)
      .getByText(`Status: ${label('in_behandeling')} → ${label('afgesloten')}`)
      .waitFor();
    await history(page).getByText('Uitkomst: signaal terecht').waitFor();

    // Reopening: the only move left, and it asks for a reason first.
    await expect.poll(() => statusOptions(page)).toEqual(['in_behandeling']);
    await chooseStatus(page, 'in_behandeling');
    expect(await page.getByRole('option', { name: `${label('in_behandeling')} (zaak heropenen)` }).count()).toBe(1);
    const reason = page.getByLabel('Reden (verplicht)');
    await reason.waitFor();
    expect(await page.getByRole('button', { name: 'Status wijzigen' }).isDisabled()).toBe(true);
    await reason.fill('School meldt opnieuw verzuim van de oudste.');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await history(page)
      .getByText(`Heropend: ${label('afgesloten')} → ${label('in_behandeling')}`)
      .waitFor();
    await history(page).getByText('School meldt opnieuw verzuim van de oudste.').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Opvolging' }).locator('dl').innerText()).toMatch(/Uitkomst\s+Nog niet vastgelegd/);
    expect(await history(page).getByText('(Coördinator zorgnetwerk)', { exact: false }).count()).toBeGreaterThanOrEqual(5);
    expect(tab.takeErrors()).toEqual([]);
  });

  it('coordinator: someone else changed the status meanwhile: a plain Dutch message, and the page shows the new state', async () => {
    const { page } = tab;
    await chooseStatus(page, 'besproken_in_zorgnetwerk');
    const behind = await call(page, 'POST', `/api/flags/${flagId}/triage/status`, { status: 'doorverwezen', from: 'in_behandeling' });
    expect(behind.status).toBe(200);
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Status wijzigen mislukt' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Iemand anders heeft de opvolging van dit huishouden zojuist gewijzigd.');
    expect(await alert.innerText()).not.toMatch(/body\.|status:|Conflict/);
    await expect.poll(() => page.getByRole('region', { name: 'Opvolging' }).locator('dl').innerText()).toContain(label('doorverwezen'));
    expect(tab.takeErrors().filter((e) => !e.includes('409'))).toEqual([]);
  });

  it('coordinator: prints a one-page A4 summary for the zorgnetwerk meeting, also with many long notes', async () => {
    const { page } = tab;
    const long = 'Gesprek met moeder over de schulden en het schoolverzuim; afspraak met schuldhulp en leerplicht gemaakt. '.repeat(15).trim();
    for (let i = 1; i <= 8; i++) expect((await call(page, 'POST', `/api/flags/${flagId}/triage/notes`, { note: `${i}. ${long}` })).status).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
    await settled(page);

    const summary = page.getByRole('region', { name: 'Samenvatting voor het zorgnetwerk' });
    expect(await summary.isVisible()).toBe(false); // on screen the full page, in print only the summary
    // page.pdf() prints with the print stylesheet, as the browser's print dialog does.
    expect(pdfPages(await page.pdf({ format: 'A4' })), 'the summary is the whole printout').toBe(1);

    await page.emulateMedia({ media: 'print' });
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toContain('Waarom op de lijst?');
    expect(text).toMatch(/Signalen per leefgebied/);
    expect(text).toContain(`Status: ${label('doorverwezen')}`);
    expect(text).toContain('Toegewezen aan: wijkteam');
    expect(text).toContain('8. Gesprek met moeder');
    expect(text).toMatch(/En \d+ oudere notities? in Vroegsignaal\./);
    const rows = await summary.locator('tbody tr').count();
    expect(rows, 'a line per leefgebied').toBeGreaterThanOrEqual(3);
    for (const hidden of [
      page.getByRole('navigation', { name: 'Hoofdmenu' }),
      page.getByRole('button', { name: 'Uitloggen' }),
      page.getByLabel('Nieuwe status'),
    ]) {
      expect(await hidden.isVisible()).toBe(false);
    }
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await screenshot(page, 'coordinator-family-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(pdf)).toBe(1);

    // The counter counts: the full page as on screen fills several A4 pages.
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESKTOP);
    expect(pdfPages(await page.pdf({ format: 'A4' }))).toBeGreaterThan(1);
    expect(tab.takeErrors()).toEqual([]);
    await logOut(page);
  });

  it('wijkteam: sees the assigned family without assigning, with the moves of their role, at 1280 and 390 px', async () => {
    const { page } = await freshTab();
    await logIn(page, 'wijkteam', app.passwords.wijkteam!);
    await page.goto(`/signaal/${flagId}`);
    await page.getByRole('heading', { name: 'Opvolging' }).waitFor();
    await settled(page);
    expect(await page.getByLabel('Toewijzen aan', { exact: true }).count()).toBe(0);
    expect(await statusOptions(page)).toEqual(transitionsFor('doorverwezen', 'wijkteam').map((t) => t.to));
    await chooseStatus(page, 'afgesloten');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await history(page)
      .getByText(`Status: ${label('doorverwezen')} → ${label('afgesloten')}`)
      .waitFor();
    await page.getByText('Deze zaak is afgerond; alleen een coördinator kan haar heropenen.').waitFor();
    await checkPage('wijkteam-family');
    await logOut(page);
  });
});
