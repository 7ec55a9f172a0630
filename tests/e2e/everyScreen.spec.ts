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

  // Returned mail (issue 11): the hold's "New address…" dialog.
  await page.getByRole('button', { name: 'Log activity…', exact: true }).click();
  const log = page.getByRole('dialog', { name: 'Log activity' });
  await log.getByLabel('Kind').selectOption({ label: 'Letter' });
  await log.getByLabel('Outcome').selectOption({ label: 'Mail returned' });
  await log.getByRole('button', { name: 'Log activity' }).click();
  await expect(log).toBeHidden();
  const newAddress = page.getByRole('button', { name: 'New address…' });
  await newAddress.click();
  await expect(page.getByRole('dialog', { name: 'New address' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the dialog opened by New address…');
  await page.keyboard.press('Escape');
  await expect(newAddress).toBeFocused();

  // The statement run's proof and its release dialog (issue 11 item 7).
  await nav(page).getByRole('link', { name: 'Statements', exact: true }).click();
  await page.getByRole('button', { name: 'Prepare today’s run' }).click();
  const proof = page.getByRole('region', { name: 'Prepared run: proof (not sent)' });
  await expect(proof.getByRole('list', { name: 'Proof' })).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousA11yViolations(page, 'the statement run’s proof');
  const release = proof.getByRole('button', { name: 'Release…' });
  await release.click();
  await expect(page.getByRole('dialog', { name: 'Release the statement run' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the release dialog');
  await page.keyboard.press('Escape');
  await expect(release).toBeFocused();
});
