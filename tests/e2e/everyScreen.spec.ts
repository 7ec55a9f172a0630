// Issue 11 item 10: axe-core (WCAG 2.1 AA) over every screen of the workspace and the account
// workspace's dialogs, as an administrator sees them (every place open to them): nothing serious
// or critical on any. Each dialog is closed with Escape, and the focus comes back to its button.
import { expectNoSeriousA11yViolations, pageOverflow } from './a11y';
import { expect, test } from './fixtures';
import { postPayment } from './planSteps';
import { cleanSample, CLEAN } from './samples';
import type { Locator, Page } from '@playwright/test';
import { importCombined, nav, setUpAndLogIn } from './steps';

const SCREENS = [
  'Work queue',
  'Home',
  'Import',
  'Statements',
  'Aging report',
  'Compliance',
  'Agencies',
  'Placement',
  'Placed accounts',
  'Remittances',
  'Agency scorecard',
  'Small claims',
  'Small-claims rules',
  'Estates',
  'Probate rules',
  'Insurance payments (835)',
  'Medicare bad debt',
  'Payroll deductions',
  'Obstetrics',
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
  // Issue 13: the case page's step dialogs are checked in smallClaims.spec.ts, where there is a case.
  'Should we sue?…',
  // Issue 14: recording a death (the estate page's dialogs are checked in estates.spec.ts).
  'Record a death…',
  // Issue 16: a payroll deduction or bank transfer (the other payroll dialogs are checked in payroll.spec.ts).
  'Set up a deduction or transfer…',
];

// An agency's page (issue 12) and its dialogs; the placement, recall, ECA and remittance dialogs
// are checked in agencies.spec.ts, where there are accounts to place.
const AGENCY_DIALOGS = ['Edit…', 'Set a fee…', 'Deactivate…', 'Edit the placement file layout…'];

/** Adds an agency through its dialog (the user is an administrator) and opens its page. */
async function addAgency(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Agencies', exact: true }).click();
  await page.getByRole('button', { name: 'Add an agency…' }).click();
  const add = page.getByRole('dialog', { name: 'Add an agency' });
  await add.getByLabel('Agency name').fill('Northshore Credit Partners');
  await add.getByLabel('How it remits').selectOption('net');
  await add.getByRole('button', { name: 'Add the agency' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Northshore Credit Partners/ })).toBeVisible();
}

/** Opens the dialog a button names, fills it, runs axe; closes it with Escape unless told not to. */
function dialogOpener(page: Page) {
  return async (name: string | RegExp, fill: (dialog: Locator) => Promise<void>, close = true) => {
    const button =
      typeof name === 'string' ? page.getByRole('button', { name, exact: true }) : page.getByRole('button', { name });
    await button.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await fill(dialog);
    await expectNoSeriousA11yViolations(page, `the dialog opened by ${String(name)}`);
    if (!close) return dialog;
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    return dialog;
  };
}

// The walk is in three parts (the screens; the account workspace and its dialogs; the statement
// run's proof and an agency's page), each on its own server, so that no part nears its time limit
// on a slow machine (the one walk took 3.2 minutes in CI and ran out).
test('every screen passes axe (nothing serious or critical)', async ({ page, workspace }) => {
  test.setTimeout(180_000);
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
  // Issue 17: the OB interview (a page of its own; the case page and its dialogs are checked in
  // obstetrics.spec.ts, where there is a case), and its new-patient step.
  await nav(page).getByRole('link', { name: 'Obstetrics', exact: true }).click();
  await page.getByRole('button', { name: 'New OB interview' }).click();
  await expect(page.getByRole('heading', { name: 'OB interview', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the OB interview');
  await page.getByLabel('A new patient: enter her details').check();
  await expectNoSeriousA11yViolations(page, 'the OB interview for a new patient');
  await nav(page).getByRole('link', { name: 'Obstetrics', exact: true }).click();
  await page.getByRole('tab', { name: 'Monthly OB statements' }).click();
  await expectNoSeriousA11yViolations(page, 'the monthly OB statements');

  // The aging report's drill-down: the accounts behind the report's total.
  await nav(page).getByRole('link', { name: 'Aging report', exact: true }).click();
  await page.getByRole('button', { name: /list the accounts of All payer classes, total/ }).click();
  await expect(page.getByRole('region', { name: 'Accounts: All payer classes, total' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the aging drill-down');
});

test('the account workspace and its dialogs pass axe (nothing serious or critical)', async ({ page, workspace }) => {
  test.setTimeout(180_000); // issue 11 added the assistance dialogs and a refund to the walk
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);
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

  // Financial assistance (issue 11): the application with something missing, the decision with its
  // per-account preview, and, after an approval leaves an account in credit, the refund.
  const fap = page.getByRole('region', { name: 'Financial assistance' });
  const opened = dialogOpener(page);
  await opened('Record an application…', async (d) => {
    await d.getByLabel('What happened').selectOption({ label: 'An application came in with something missing' });
    await expect(d.getByLabel('What is missing')).toBeVisible();
  });
  await postPayment(page, '10.00');
  const record = await opened('Record an application…', async () => {}, false);
  await record.getByRole('button', { name: 'Record' }).click();
  await expect(record).toBeHidden();
  await opened('Record the decision…', async (d) => {
    await d.getByLabel('Decision').selectOption({ label: 'Approved in part: the patient owes a reduced amount' });
    await d
      .getByLabel('The discount the policy gives')
      .selectOption({ label: 'A percentage off what the patient owed' });
    await d.getByLabel('Percentage off (%)').fill('50');
    await expect(d.getByRole('table', { name: 'What the decision posts, account by account' })).toBeVisible();
  });
  const decide = await opened(
    'Record the decision…',
    async (d) => {
      await d.getByLabel('Decision').selectOption({ label: 'Approved in full: the patient owes nothing' });
      await expect(d.getByRole('table', { name: 'What the decision posts, account by account' })).toBeVisible();
    },
    false,
  );
  await decide.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decide).toBeHidden();
  await expect(fap.getByRole('table', { name: 'Credits to refund' })).toContainText('$10.00');
  await expectNoSeriousA11yViolations(page, 'the account workspace with a credit to refund');
  await opened(/^Post the refund on account /, async (d) => {
    await expect(d.getByLabel('Refund amount ($)')).toHaveValue('10.00');
  });

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
});

test('the statement run’s proof and an agency’s page pass axe (nothing serious or critical)', async ({
  page,
  workspace,
}) => {
  test.setTimeout(180_000);
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);
  const opened = dialogOpener(page);
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

  // Issue 12: adding an agency, then its page and its dialogs.
  await nav(page).getByRole('link', { name: 'Agencies', exact: true }).click();
  await opened('Add an agency…', async (d) => {
    await d.getByRole('button', { name: 'Add the agency' }).click();
    await expect(d.getByText('Agency name is required.')).toBeVisible();
  });
  await addAgency(page);
  await expectNoSeriousA11yViolations(page, 'an agency’s page');
  for (const name of AGENCY_DIALOGS) await opened(name, async () => {});
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
    // Issue 17: the OB interview, for a new patient.
    await openScreen(page, 'Obstetrics');
    await page.getByRole('button', { name: 'New OB interview' }).click();
    await page.getByLabel('A new patient: enter her details').check();
    expect.soft(await pageOverflow(page), `the OB interview at ${width} px scrolls sideways`).toBe(0);
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
  // Issue 12: an agency's page and its dialogs.
  await page.setViewportSize({ width: 1366, height: 768 });
  await addAgency(page);
  for (const width of [683, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 256 : 384 });
    await expect(page.getByRole('heading', { level: 1, name: /^Northshore Credit Partners/ })).toBeVisible();
    expect.soft(await pageOverflow(page), `an agency's page at ${width} px scrolls sideways`).toBe(0);
    for (const name of AGENCY_DIALOGS) {
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
