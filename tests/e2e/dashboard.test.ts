import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logIn, logOut, openFromMenu, settled } from './support/flows.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// The dashboard in a real Chromium against the real API server on a small demo
// city (SQLite; the API tests cover PostgreSQL). Each role does its main task.

const suite = browserSuite('dashboard');
const checkPage = (name: string, { signedIn = true } = {}) => checkAtBothWidths(suite.tab, name, { signedIn, chartText: true });

describe('dashboard end to end (SQLite)', { timeout: 120_000 }, () => {
  it('shows the login page and refuses a wrong password', async () => {
    const { page } = await suite.freshTab();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await checkPage('00-inloggen', { signedIn: false });
    await page.getByLabel('Gebruikersnaam').fill('coordinator');
    await page.getByLabel('Wachtwoord').fill('dit-is-niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('gebruikersnaam of wachtwoord onjuist').waitFor();
    suite.tab.takeErrors(); // the 401 of the failed login is the point of this step
  });

  it('coordinator: reviews the week, assigns two households to a wijkteam member, exports and sees the charts', async () => {
    const { page } = await suite.freshTabAs('coordinator');
    await page.getByRole('heading', { level: 1, name: 'Signalen van de week' }).waitFor();
    await settled(page);
    await checkPage('10-coordinator-signalen');

    await page.getByLabel('Wijk', { exact: true }).selectOption('Beijum');
    const rows = page.locator('tbody tr');
    await expect.poll(async () => [...new Set(await rows.locator('td:nth-child(3)').allInnerTexts())]).toEqual(['Beijum']);
    await page.locator('.vs-table-wrap[aria-busy="false"]').waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const addresses = [await rows.nth(0).getByRole('link').innerText(), await rows.nth(1).getByRole('link').innerText()];
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByLabel('Toewijzen aan').selectOption('wijkteam');
    await page.getByRole('button', { name: 'Toewijzen (2)' }).click();
    await page.getByText('2 signalen toegewezen aan wijkteam.').waitFor();
    await settled(page);
    for (const address of addresses) {
      await expect.poll(() => page.locator('tbody tr', { hasText: address }).innerText()).toContain('wijkteam');
    }
    await checkPage('11-coordinator-toegewezen');

    await rows.nth(2).getByRole('checkbox').check();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteer selectie (1, CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^signalen-\d{4}-\d{2}-\d{2}-selectie\.csv$/);
    const csv = fs
      .readFileSync((await file.path())!, 'utf8')
      .trim()
      .split('\n');
    const [postcode, number] = (await rows.nth(2).getByRole('link').innerText()).split(' ');
    expect(csv).toHaveLength(2);
    expect(csv[0]).toBe('address_key,wijk,score,domains,indicators,weeks_on_list,triage_status,assigned_to,first_contact_due');
    expect(csv[1]).toMatch(new RegExp(`^${postcode}-${number!.split('-')[0]}-.*,Beijum,`));

    await rows.nth(0).getByRole('link').click();
    await page.getByRole('heading', { name: 'Waarom op de lijst?' }).waitFor();
    await checkPage('12-coordinator-huishouden');

    await openFromMenu(page, 'Grafieken');
    await page.getByRole('heading', { name: 'Signalen per week' }).waitFor();
    // Hidden (<5) counts are named once as text, not as a label on every bar.
    const weeks = page.getByRole('region', { name: 'Signalen per week' }).first();
    expect(await weeks.locator('.vs-chart-legend-note').last().innerText()).toMatch(/^Minder dan 5 .*: (Op de lijst|Nieuw|Van de lijst af) in \d+ weken?/);
    await checkPage('13-coordinator-grafieken');

    await openFromMenu(page, 'Hoe werkt het?');
    await page.getByRole('heading', { name: 'Welke signalen tellen mee' }).waitFor();
    await checkPage('14-hoe-werkt-het');
    await logOut(page);
  });

  it('wijkteam: finds the assignment in Mijn signalen and triages it', async () => {
    const { page } = await suite.freshTabAs('wijkteam');
    await page.getByRole('heading', { level: 1, name: 'Mijn signalen' }).waitFor();
    await settled(page);
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await checkPage('20-wijkteam-mijn-signalen');

    await page.locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Opvolging' }).waitFor();
    await settled(page);
    await page.getByLabel('Nieuwe status').selectOption('in_behandeling');
    await page.getByLabel('Toelichting (optioneel)').fill('Huisbezoek gepland met de woningcorporatie.');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    const history = page.getByRole('list', { name: 'Geschiedenis van de opvolging' });
    await history.getByText('Status: Nog niet opgepakt → In behandeling').waitFor();
    await history.getByText('Huisbezoek gepland met de woningcorporatie.').waitFor();

    await page.getByLabel('Notitie', { exact: true }).fill('Gezin staat open voor hulp.');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await history.getByText('Gezin staat open voor hulp.').waitFor();

    // An outcome goes with concluding the case (the transition table in shared/src/triage.ts).
    await page.getByLabel('Nieuwe status').selectOption('doorverwezen');
    await page.getByLabel('Signaal was terecht').check();
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await history.getByText('Uitkomst: signaal terecht').waitFor();
    await checkPage('21-wijkteam-huishouden');
    await logOut(page);
  });

  it('beleidsmaker: a new draft from the rules in use, saved unchanged, equals them and changes nothing', async () => {
    const { page } = await suite.freshTabAs('beleidsmaker');
    await page.getByRole('button', { name: 'Nieuw concept op basis van de huidige regels' }).click();
    await page.getByRole('heading', { name: 'Effect van het concept' }).waitFor();
    await page.getByRole('button', { name: 'Opslaan en effect berekenen' }).click();
    await page.getByText('Alle wijzigingen zijn opgeslagen.').waitFor();
    await settled(page);
    const draftId = Number(/\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
    const stored = await page.evaluate(async (id) => {
      const get = async (url: string) => (await fetch(url)).json();
      const active = (await get('/api/rule-sets')).find((r: { active: boolean }) => r.active);
      return { draft: (await get(`/api/rule-sets/${id}`)).definition, active: (await get(`/api/rule-sets/${active.id}`)).definition };
    }, draftId);
    expect(stored.draft).toEqual(stored.active);
    expect(stored.draft.rules.some((r: { threshold: number | null }) => r.threshold === null)).toBe(true);
    const preview = page.getByRole('region', { name: 'Effect van het concept' });
    await expect.poll(() => preview.innerText()).toMatch(/dezelfde regels als de regelset die nu in gebruik is: de lijst verandert niet/);
    await logOut(page);
  });

  it('beleidsmaker: edits a draft with a live preview, requests publication, a second beleidsmaker approves', async () => {
    const { page } = await suite.freshTabAs('beleidsmaker');
    await page.getByRole('heading', { level: 1, name: 'Regels' }).waitFor();
    await settled(page);
    await checkPage('30-beleidsmaker-regels');

    await page.getByRole('button', { name: 'Nieuw concept op basis van de huidige regels' }).click();
    await page.getByRole('heading', { name: 'Effect van het concept' }).waitFor();
    await page.getByLabel('Gewicht (punten) voor Huurachterstand').fill('6');
    await page.getByText('Alle wijzigingen zijn opgeslagen.').waitFor();
    await settled(page);
    const preview = page.getByRole('region', { name: 'Effect van het concept' });
    await expect.poll(() => preview.innerText()).toMatch(/Erbij: (\d+|<5)/);
    await checkPage('31-beleidsmaker-concept-effect');

    await page.getByRole('button', { name: 'Publicatie aanvragen' }).click();
    await page.getByText('moet deze publicatie goedkeuren (vier ogen).', { exact: false }).waitFor();
    const draftUrl = page.url();
    await logOut(page);

    await logIn(page, 'beleidsmaker2', suite.app.passwords.beleidsmaker2!);
    await page.goto(draftUrl);
    // The approval screen: the effect first, then the exact version, a confirmation and a reason.
    const effect = page.getByRole('region', { name: 'Effect van het concept' });
    await expect.poll(() => effect.innerText()).toMatch(/Erbij: (\d+|<5)/);
    const hash = (await page.locator('code.vs-hash').getAttribute('title'))!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('code.vs-hash').innerText()).toBe(hash.slice(0, 12));
    const approveButton = page.getByRole('button', { name: 'Goedkeuren en publiceren' });
    const effectBox = (await effect.boundingBox())!;
    expect((await approveButton.boundingBox())!.y).toBeGreaterThan(effectBox.y);
    expect(await approveButton.isDisabled()).toBe(true);
    const reason = page.getByLabel('Reden van goedkeuring');
    await reason.fill('Effect bekeken: meer gezinnen met huurachterstand in beeld.');
    // Design-system field: the hash line, then the label, its description and the textarea, in that order without overlap.
    const hashLine = (await page.locator('p', { has: page.locator('code.vs-hash') }).boundingBox())!;
    const label = (await page.locator('label', { hasText: 'Reden van goedkeuring' }).boundingBox())!;
    const textarea = (await reason.boundingBox())!;
    expect(hashLine.y + hashLine.height).toBeLessThanOrEqual(label.y);
    expect(label.y + label.height).toBeLessThanOrEqual(textarea.y);
    expect(
      await reason.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
      ),
    ).toContain('geschiedenis');
    expect(await approveButton.isDisabled()).toBe(true);
    await page.getByLabel('Ik heb het effect bekeken en keur deze versie goed').check();
    await checkPage('32a-beleidsmaker-goedkeuren');
    await approveButton.click();
    await page.getByText('Deze regels zijn nu in gebruik.').waitFor();
    const history = page.getByRole('region', { name: 'Geschiedenis', exact: true });
    await history.getByText('Effect bekeken: meer gezinnen met huurachterstand in beeld.').waitFor();
    expect(await history.innerText()).toContain(hash.slice(0, 12));
    await checkPage('32-beleidsmaker-gepubliceerd');

    await openFromMenu(page, 'Hoe werkt het?');
    await page.getByText('goedgekeurd', { exact: false }).first().waitFor();
    // By role, from the rule set's history; never a person's name.
    expect(await page.locator('dl').innerText()).toMatch(
      /Goedgekeurd\s+Publicatie aangevraagd door een beleidsmaker op \d.*goedgekeurd door een tweede beleidsmaker op \d/,
    );
    expect(await page.locator('main').innerText()).not.toContain('beleidsmaker2');

    await openFromMenu(page, 'Trends en eerlijkheid');
    await page.getByRole('heading', { name: 'Eerlijkheid per wijk' }).waitFor();
    await settled(page);
    await checkPage('33-beleidsmaker-trends');
    await logOut(page);
  });

  it('beheerder: sees the source that stopped delivering, jobs, deliveries, users and the audit log', async () => {
    const { page } = await suite.freshTabAs('beheerder');
    await page.getByRole('heading', { level: 1, name: 'Bronnen' }).waitFor();
    await settled(page);
    const broken = page.locator('tbody tr', { hasText: suite.app.brokenSource });
    await expect.poll(() => broken.innerText()).toContain('Probleem');
    expect(await broken.innerText()).toMatch(/nooit geleverd|te laat/);
    await checkPage('40-beheerder-bronnen');

    await openFromMenu(page, 'Taken');
    await checkPage('41-beheerder-taken');
    await openFromMenu(page, 'Leveringen');
    await checkPage('42-beheerder-leveringen');
    await openFromMenu(page, 'Gebruikers');
    await page.locator('tbody tr', { hasText: 'wijkteam2' }).waitFor();
    await checkPage('43-beheerder-gebruikers');
    await openFromMenu(page, 'Auditlog');
    await page.getByLabel('Gebeurtenis').fill('household_read');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await settled(page);
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    // The event in Dutch, its code beside it.
    await expect.poll(() => page.locator('tbody tr', { hasText: 'Huishouden inzien' }).filter({ hasText: 'household_read' }).count()).toBeGreaterThanOrEqual(1);
    await checkPage('44-beheerder-auditlog');
    await logOut(page);
  });
});
