// What the estates test does again and again (issue 14), written once: a step button of the
// estate page and its dialog, a fact of one of the page's sections, a dialog checked with axe and
// closed with Escape (the focus back on its button), and the page checked for reflow at 200% and
// 400% zoom.
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, pageOverflow } from './a11y';
import { expect } from './fixtures';

/** The estate page's step button, clicked; its dialog. */
export async function estateStep(page: Page, button: string, dialog: string): Promise<Locator> {
  await page.getByRole('group', { name: 'What to do on the estate' }).getByRole('button', { name: button }).click();
  const d = page.getByRole('dialog', { name: dialog });
  await expect(d).toBeVisible();
  return d;
}

/** The value shown for a term in one of the estate page's sections ("The claim", "The estate record"). */
export function estateFact(page: Page, section: string, term: string): Locator {
  return page
    .getByRole('region', { name: section })
    .locator('dt', { hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

/** A step's dialog opened, checked with axe, closed with Escape; the focus comes back to its button. */
export async function checkStepDialog(page: Page, button: string, dialog: string): Promise<void> {
  const d = await estateStep(page, button, dialog);
  await expectNoSeriousA11yViolations(page, `the dialog ${dialog}`);
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
  await expect(
    page.getByRole('group', { name: 'What to do on the estate' }).getByRole('button', { name: button }),
  ).toBeFocused();
}

/**
 * WCAG 1.4.10: the page, and each of the given step dialogs, at 683 and 320 CSS pixels wide: no
 * sideways scrolling of the page (a table's own scroll region may). The viewport is put back.
 */
export async function checkReflow(page: Page, what: string, dialogs: [string, string][] = []): Promise<void> {
  for (const width of [683, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 256 : 384 });
    expect.soft(await pageOverflow(page), `${what} at ${width} px scrolls sideways`).toBe(0);
    for (const [button, dialog] of dialogs) {
      const d = await estateStep(page, button, dialog);
      expect.soft(await pageOverflow(page), `the dialog ${dialog} at ${width} px scrolls sideways`).toBe(0);
      await page.keyboard.press('Escape');
      await expect(d).toBeHidden();
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
