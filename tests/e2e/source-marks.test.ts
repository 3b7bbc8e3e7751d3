import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sourceDisplayName } from '../../server/src/core/source-name.ts';
import { paths } from '../../web/src/config/paths.ts';
import { logOut, settled } from './support/flows.ts';
import { browserSuite, checkAtBothWidths } from './support/suite.ts';

// The beheerder's "Correcties van bronnen" in Chromium: the source is a choice of the sources
// that delivered signals, by their Dutch names, and no source code shows. A signal the privacy
// officer already marked is marked as any other (nothing tells a resident corrected it); only
// the beheerder's own second mark on one signal is refused.

const suite = browserSuite('source-marks');

/** As the coordinator: two signals of flagged households (what a source would name). */
async function twoSignals(page: Page) {
  return page.evaluate(async () => {
    const runs = await (await fetch('/api/runs')).json();
    const flags = await (await fetch(`/api/runs/${runs[0].id}/flags`)).json();
    const signalOf = async (flagId: number) => (await (await fetch(`/api/flags/${flagId}/household`)).json()).flag.rules[0].signals[0];
    const [a, b] = [await signalOf(flags.items[0].id), await signalOf(flags.items[1].id)];
    return [a, b].map((s) => ({ source: s.source as string, recordId: s.record_id as string }));
  });
}

const markAs = (page: Page, source: string, record_id: string) =>
  page.evaluate(
    async (body) => {
      const csrf = (await (await fetch('/api/auth/session')).json()).csrf_token;
      return (
        await fetch('/api/privacy/marks', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) })
      ).status;
    },
    { source, record_id, reason: 'De inwoner toonde een afschrift.' },
  );

describe('the beheerder marks a signal on a source’s instruction', () => {
  it('chooses the source by name, shows no code, marks a signal a resident corrected as any other, and refuses only a second mark of their own', async () => {
    const coordinator = (await suite.freshTabAs('coordinator')).page;
    const [mine, residents] = await twoSignals(coordinator);
    await logOut(coordinator);

    const privacy = (await suite.freshTabAs('privacy')).page;
    expect(await markAs(privacy, residents!.source, residents!.recordId)).toBe(201);
    await logOut(privacy);

    const { page } = await suite.freshTabAs('beheerder');
    await page.goto(paths.admin.marks);
    await page.getByRole('heading', { level: 1, name: 'Correcties van bronnen' }).waitFor();
    const source = page.getByLabel('Bron', { exact: true });
    await expect.poll(() => source.locator('option').count()).toBeGreaterThan(1);
    const options = await source.locator('option').allInnerTexts();
    expect(options[0]).toBe('Kies een bron');
    for (const o of options) expect(o).not.toMatch(/\b[a-z]+[-_][a-z]+\b/);
    await checkAtBothWidths(suite.tab, 'bron-markeren');

    const name = sourceDisplayName(mine!.source);
    await source.selectOption({ label: name });
    await page.getByLabel('Kenmerk bij de bron').fill(mine!.recordId);
    await page.locator('#mark-reason').fill('De bron trekt de regel in');
    await page.getByRole('button', { name: 'Markeren' }).click();
    await page.getByRole('button', { name: `Markering van ${name} ${mine!.recordId} opheffen` }).waitFor();
    await page.getByRole('cell', { name, exact: true }).first().waitFor();
    expect(await page.locator('main').innerText()).not.toContain(mine!.source);
    await checkAtBothWidths(suite.tab, 'bron-gemarkeerd');

    const markForm = async (s: { source: string; recordId: string }) => {
      await source.selectOption({ label: sourceDisplayName(s.source) });
      await page.getByLabel('Kenmerk bij de bron').fill(s.recordId);
      await page.locator('#mark-reason').fill('De bron trekt de regel in');
      await page.getByRole('button', { name: 'Markeren' }).click();
    };
    await markForm(residents!);
    await page.getByRole('button', { name: `Markering van ${sourceDisplayName(residents!.source)} ${residents!.recordId} opheffen` }).waitFor();
    await markForm(mine!);
    await page.getByText('U hebt dit signaal al gemarkeerd: het telt al niet meer mee.').waitFor();
    await settled(page);
    // The refusal (409) of the second own mark is the point of this step; nothing else may have failed.
    expect(suite.tab.takeErrors().filter((e) => !e.includes('409'))).toEqual([]);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/privacyfunctionaris|afschrift|inwoner/i);
    await checkAtBothWidths(suite.tab, 'bron-al-gemarkeerd');
  });
});
