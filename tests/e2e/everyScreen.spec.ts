// Issue 11 item 10: axe-core (WCAG 2.1 AA) over every screen of the workspace and the account
// workspace's dialogs, as an administrator sees them (every place open to them): nothing serious
// or critical on any. Each dialog is closed with Escape, and the focus comes back to its button.
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test } from './fixtures';
import { cleanSample, CLEAN } from './samples';
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
    await expectNoSeriousA11yViolations(page, screen);
  }
  // The aging report's drill-down: the accounts behind the report's total.
  await nav(page).getByRole('link', { name: 'Aging report', exact: true }).click();
  await page.getByRole('button', { name: /list the accounts of All payer classes, total/ }).click();
  await expect(page.getByRole('region', { name: 'Accounts: All payer classes, total' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the aging drill-down');

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
