// Issue 11 item 10: axe-core (WCAG 2.1 AA) over every screen of the workspace and the account
// workspace's dialogs, as an administrator sees them (every place open to them): nothing serious
// or critical on any. Each dialog is closed with Escape, and the focus comes back to its button.
import { expectNoSeriousA11yViolations, pageOverflow } from './a11y';
import { expect, test } from './fixtures';
import { cleanSample, CLEAN } from './samples';
import type { Page } from '@playwright/test';
import { importCombined, nav, setUpAndLogIn } from './steps';

const SCREENS = [
  'Work queue',
  'Home',
  'Import',
  'Statements',
  'Aging report',
  'Compliance',
  'Users',
  'Audit log',
  'Settings',
  'Backup & restore',
  'My password',
];

const DIALOGS = [
  'Post payment…',
  'Set up a payment plan…',
  'Promise to pay…',
  'Place a hold…',
  'Record an application…',
  'Add task…',
  'Log activity…',
];

test('every screen and the account dialogs pass axe (nothing serious or critical)', async ({ page, workspace }) => {
  test.setTimeout(120_000);
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);
  for (const screen of SCREENS) {
    await nav(page).getByRole('link', { name: screen, exact: true }).click();
    await expect(page.locator('#main-content h1').first()).toBeVisible();
    // LANG-01: Settings' patient texts are checked open (each group is a <details>).
    if (screen === 'Settings')
      await page.locator('.patient-texts details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
    await expectNoSeriousA11yViolations(page, screen);
  }

  const g = cleanSample()[1]!;
  await page.getByRole('combobox', { name: 'Find a guarantor' }).fill(g.accounts[0]!.accountNumber);
  await expect(page.getByRole('option').first()).toContainText(g.lastName);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(g.lastName) })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the account workspace');
  for (const name of DIALOGS) {
    const button = page.getByRole('button', { name, exact: true });
    await button.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the dialog opened by ${name}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  }
});

// WCAG 1.4.10 (reflow): at 200% zoom (683 CSS pixels of the 1366-pixel test screen) and at 400%
// (320 pixels) no screen or dialog makes the page scroll sideways; only a table's own scroll
// region may. The same lists as above, so a new screen or dialog is checked at both zooms too.
test('every screen and dialog reflows at 200% and 400% zoom (no sideways scrolling of the page)', async ({
  page,
  workspace,
}) => {
  test.setTimeout(180_000);
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);
  const g = cleanSample()[1]!;
  for (const width of [683, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 256 : 384 });
    for (const screen of SCREENS) {
      await openScreen(page, screen);
      expect.soft(await pageOverflow(page), `${screen} at ${width} px scrolls sideways`).toBe(0);
    }
    await openScreen(page, 'Home');
    await page.getByRole('combobox', { name: 'Find a guarantor' }).fill(g.accounts[0]!.accountNumber);
    await expect(page.getByRole('option').first()).toContainText(g.lastName);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(g.lastName) })).toBeVisible();
    expect.soft(await pageOverflow(page), `the account workspace at ${width} px scrolls sideways`).toBe(0);
    for (const name of DIALOGS) {
      await page.getByRole('button', { name, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      expect.soft(await pageOverflow(page), `the dialog opened by ${name} at ${width} px scrolls sideways`).toBe(0);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
  }
});

async function openScreen(page: Page, screen: string): Promise<void> {
  await nav(page).getByRole('link', { name: screen, exact: true }).click();
  await expect(page.locator('#main-content h1').first()).toBeVisible();
  if (screen === 'Settings')
    await page.locator('.patient-texts details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
}
