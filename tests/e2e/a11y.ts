// Accessibility checks a test makes on the screen it has open: axe-core (every rule it runs by
// default, WCAG 2.1 A and AA among them, and label-in-name) must find nothing serious or critical, and at 320 CSS
// pixels wide (1280 at 400% zoom, WCAG 1.4.10) the page must not scroll sideways: only a table's
// own scroll region may.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Fails with each serious or critical violation named: the rule, its help, and where. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  // label-content-name-mismatch (WCAG 2.5.3, "label in name": a control's accessible name contains
  // its visible text) is experimental in axe and off by default; a clerk using speech input says
  // what she sees, so it runs here too.
  const { violations } = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${screen}`).toEqual([]);
}

/** How far the page itself scrolls sideways, in CSS pixels (0 when it reflows). */
export async function pageOverflow(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
}
