import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every axe-core WCAG 2.1 A/AA violation on the page, whatever its impact, as "rule (impact): selectors". */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE); // evaluated, not a <script>: the dashboard's CSP rightly refuses inline scripts
  return page.evaluate(async (tags) => {
    type Result = { id: string; impact: string | null; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
}

/** What does not reflow: a page wider than the viewport, and the logout button (when signed in) not wholly on screen. */
export async function reflowProblems(page: Page, signedIn: boolean): Promise<string[]> {
  return page.evaluate((signedIn) => {
    const problems: string[] = [];
    const width = window.innerWidth;
    const scroll = document.documentElement.scrollWidth;
    if (scroll > width) problems.push(`page is ${scroll}px wide in a ${width}px viewport`);
    const logout = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Uitloggen');
    if (signedIn && !logout) problems.push('no logout button');
    if (logout) {
      const box = logout.getBoundingClientRect();
      if (box.left < 0 || box.right > width) problems.push(`logout button spans ${box.left}..${box.right}px of ${width}px`);
    }
    return problems;
  }, signedIn);
}

/** Pairs of text labels in the charts that are drawn over each other, as "a / b". */
export async function overlappingChartText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('.recharts-wrapper svg text')]
      .map((t) => ({ text: t.textContent?.trim() ?? '', box: t.getBoundingClientRect() }))
      .filter((l) => l.text !== '' && l.box.width > 0);
    const overlaps: string[] = [];
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) {
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 1 && y > 1) overlaps.push(`${a.text} / ${b.text}`);
      }
    });
    return overlaps;
  });
}

/** Whether the page's h1 holds focus (it should after every route change), and what does. */
export async function focusedHeading(page: Page): Promise<{ focused: boolean; active: string }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const h1 = document.querySelector('main h1');
    const describe = (el: Element | null) => (el ? `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 40) ?? ''}` : 'none');
    return { focused: h1 !== null && active === h1, active: describe(active) };
  });
}

/**
 * NL Design System classes on the page (blocks, not their modifiers or elements) whose component
 * CSS is not loaded: the dashboard imports each component's CSS on its own, so a component used
 * without its import shows up here. A component's own rules use design tokens
 * (`.utrecht-table { … var(--utrecht-table-…) }`); the app's few rules about it (app.css) do not.
 */
export async function unstyledDesignSystemClasses(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const used = new Set(
      [...document.querySelectorAll('[class*="utrecht-"]')]
        .flatMap((el) => [...el.classList])
        .filter((c) => /^utrecht-[a-z0-9-]+$/.test(c) && !c.includes('--')),
    );
    used.delete('utrecht-theme'); // the theme class carries the tokens, no component
    const rules: CSSStyleRule[] = [];
    const collect = (list: CSSRuleList) => {
      for (const rule of list) {
        if (rule instanceof CSSStyleRule) rules.push(rule);
        if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of document.styleSheets) collect(sheet.cssRules);
    const styled = (c: string) => {
      const selector = new RegExp(`\\.${c}(?![a-z0-9-])`);
      return rules.some((r) => selector.test(r.selectorText) && r.style.cssText.includes('--utrecht-'));
    };
    return [...used].filter((c) => !styled(c)).sort();
  });
}
