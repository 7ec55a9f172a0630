// What the agency tests do again and again (issue 12), written once: bring the sample's accounts
// to a final notice and past its waiting days, set an agency up as a supervisor, and place accounts
// with it as a clerk (built by hand, reviewed, released with a supervisor's approval).
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, type Workspace } from './fixtures';
import { moveClockTo, prepareAndRelease, readOpenPdf } from './planSteps';
import { CLEAN } from './samples';
import { ADMIN, addUser, CLERK, importCombined, logIn, logOut, nav, setUpAndLogIn, shot, SUPERVISOR } from './steps';

export const AGENCY = 'Lakeside Recovery Services';
/** The business dates of the walk: the first statement, the final notice, the day of placement. */
export const FIRST_RUN = '2026-12-01';
export const FINAL_NOTICE = '2026-12-08';
export const PLACEMENT_DAY = '2027-01-07';

/**
 * Set-up, a statement cycle short enough for a test (one statement, then the final notice a week
 * later), a $100.00 placement minimum, the sample imported, the clerk and the supervisor added;
 * the statements run on FIRST_RUN and on FINAL_NOTICE, then the date moves to PLACEMENT_DAY
 * (the final notice's 30 days passed) and the supervisor logs in.
 */
export async function toPlacementDay(page: Page, workspace: Workspace): Promise<void> {
  await setUpAndLogIn(page, workspace);
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Days between statements').fill('7');
  await page.getByLabel('Statements before the final notice').fill('1');
  const agencies = page.getByRole('group', { name: 'Collection agencies' });
  await expect(agencies.getByLabel('Days after the final notice')).toHaveValue('30');
  await agencies.getByLabel('Placement minimum ($)').fill('100.00');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(agencies.getByLabel('Placement minimum ($)')).toHaveValue('100.00');
  await agencies.scrollIntoViewIfNeeded();
  await shot(page, 'a01-settings-collection-agencies', { viewport: true });
  await addUser(page, CLERK, 'Clerk');
  await addUser(page, SUPERVISOR, 'Supervisor');
  await importCombined(page, CLEAN);
  await prepareAndRelease(page);
  await page
    .getByRole('dialog', { name: /\.pdf$/ })
    .getByRole('button', { name: 'Close' })
    .click();
  await moveClockTo(page, workspace, FINAL_NOTICE, ADMIN);
  await prepareAndRelease(page);
  expect(await readOpenPdf(page, /\.pdf$/)).toContain('FINAL NOTICE');
  await moveClockTo(page, workspace, PLACEMENT_DAY, SUPERVISOR);
}

/** As a supervisor: the agency (licensed in Maine, where the sample's guarantors live) added with its agreement, a 25.50% primary fee, and a pipe-separated placement file without the phone. */
export async function setUpAgency(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Agencies', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Collection agencies', level: 1 })).toBeVisible();
  await expect(page.getByText('No agency has been added yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add an agency…' }).click();
  const add = page.getByRole('dialog', { name: 'Add an agency' });
  await add.getByLabel('Agency name').fill(AGENCY);
  await add.getByLabel('Contact name (optional)').fill('Dee Okafor');
  await add.getByLabel('Contact phone (optional)').fill('(312) 555-0140');
  await add.getByLabel('Licensed in').fill('me, nh xx');
  await add.getByLabel('Recall after days without a payment').fill('180');
  await add.getByLabel('Share of placements (%)').fill('100');
  await add.getByLabel('How it remits').selectOption({ label: 'Gross: remits everything and invoices its fee' });
  await add.getByRole('button', { name: 'Add the agency' }).click();
  // A state code not on the list is refused by name, before the round trip.
  await expect(add.getByText('Give two-letter state codes, like IL, IN; not XX.')).toBeVisible();
  await add.getByLabel('Licensed in').fill('ME, NH');
  await shot(page, 'a02-add-agency', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog add-agency');
  await add.getByRole('button', { name: 'Add the agency' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByRole('heading', { name: new RegExp(`^${AGENCY}`), level: 1 })).toBeVisible();
  // HP-02: without its business associate agreement nothing can be placed with it.
  await expect(page.getByText('No BAA: cannot place').first()).toBeVisible();

  await page.getByRole('button', { name: 'Edit…', exact: true }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${AGENCY}` });
  await edit.getByLabel('Business associate agreement signed on').fill('2026-12-15');
  await edit.getByRole('button', { name: 'Save the agency' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('definition').filter({ hasText: 'Signed 12/15/2026' })).toBeVisible();

  await page.getByRole('button', { name: 'Set a fee…' }).click();
  const fee = page.getByRole('dialog', { name: `Set a fee for ${AGENCY}` });
  await fee.getByLabel('Placement kind').selectOption({ label: 'Primary' });
  await fee.getByLabel('Fee (%)').fill('25.5');
  await shot(page, 'a03-set-fee', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog set-fee');
  await fee.getByRole('button', { name: 'Set the fee' }).click();
  await expect(fee).toBeHidden();
  await expect(page.getByRole('table', { name: 'Fee history' })).toContainText('25.50%');
  await expect(page.getByRole('definition').filter({ hasText: 'Primary 25.50%' })).toBeVisible();

  // Deactivated and reactivated, each with its reason; both in the history.
  await page.getByRole('button', { name: 'Deactivate…' }).click();
  const off = page.getByRole('dialog', { name: `Deactivate ${AGENCY}` });
  await off.getByRole('button', { name: 'Deactivate' }).click();
  await expect(off.getByText('Say why.')).toBeVisible();
  await off.getByLabel('Reason').fill('Contract renewal under review');
  await shot(page, 'a03b-deactivate', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog deactivate');
  await off.getByRole('button', { name: 'Deactivate' }).click();
  await expect(off).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${AGENCY}`) })).toContainText('Inactive');
  await page.getByRole('button', { name: 'Reactivate…' }).click();
  const on = page.getByRole('dialog', { name: `Reactivate ${AGENCY}` });
  await on.getByLabel('Reason').fill('Contract renewed for 2027');
  await on.getByRole('button', { name: 'Reactivate' }).click();
  await expect(on).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${AGENCY}`) })).toContainText('Active');
  const history = page.getByRole('table', { name: "The agency's history" });
  await expect(history).toContainText('Made inactive: Contract renewal under review');
  await expect(history).toContainText('Made active: Contract renewed for 2027');

  await page.getByRole('button', { name: 'Edit the placement file layout…' }).click();
  const layout = page.getByRole('dialog', { name: `The placement file of ${AGENCY}` });
  await layout.getByLabel('Delimiter').selectOption({ label: 'Pipe (|)' });
  const phone = layout.locator('select[name$=".field"]').filter({ has: page.locator('option:checked[value="phone"]') });
  const name = (await phone.getAttribute('name'))!;
  const n = Number(/columns\.(\d+)\.field/.exec(name)![1]) + 1;
  await layout.getByRole('button', { name: `Remove column ${n}`, exact: true }).click();
  await shot(page, 'a04-placement-layout', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog placement-layout');
  await layout.getByRole('button', { name: 'Save the layout' }).click();
  await expect(layout).toBeHidden();
  await expect(page.getByRole('region', { name: 'Placement file' })).toContainText('CSV separated by “|”');
  await expect(page.getByRole('table', { name: 'Placement file columns' })).not.toContainText('Phone');
  await shot(page, 'a05-agency-page');
  await expectNoSeriousA11yViolations(page, 'the agency page with its layouts');

  await nav(page).getByRole('link', { name: 'Agencies', exact: true }).click();
  const row = page.getByRole('table', { name: 'Collection agencies' }).getByRole('row', { name: new RegExp(AGENCY) });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Signed 12/15/2026');
  await expect(row).toContainText('Primary 25.50%');
  await shot(page, 'a06-agencies');
}

/** The text of a file the page downloads when `click` runs. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const download: Promise<Download> = page.waitForEvent('download');
  await click();
  const d = await download;
  return { name: d.suggestedFilename(), text: await readFile((await d.path())!, 'utf8') };
}

export interface Placed {
  /** The accounts placed, and the one taken out of the batch before release. */
  accounts: string[];
  takenOut: string;
  placementFile: string;
}

/**
 * As the clerk: the first three eligible accounts ticked and built by hand into a batch for the
 * agency, one taken out in review, the batch released with the supervisor's user name and
 * password typed in, and the placement file downloaded.
 */
export async function placeAccounts(page: Page): Promise<Placed> {
  await logOut(page);
  await logIn(page, CLERK);
  await nav(page).getByRole('link', { name: 'Placement', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Placement', level: 1 })).toBeVisible();
  const eligible = page.getByRole('table', { name: 'Accounts eligible for placement' });
  await expect(eligible).toBeVisible();
  const rows = eligible.locator('tbody tr:not(.spacer)');
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  const accounts: string[] = [];
  for (let i = 0; i < 3; i++) {
    const number = (await rows.nth(i).locator('th').textContent())!.trim();
    accounts.push(number);
    // By keyboard: Space ticks the account.
    const box = page.getByRole('checkbox', { name: `Choose account ${number}` });
    await box.press('Space');
    await expect(box).toBeChecked();
  }
  await expect(page.getByRole('list', { name: 'Left out, by reason' })).toBeVisible();
  await shot(page, 'a07-placement-eligible');
  await expectNoSeriousA11yViolations(page, 'Placement with accounts ticked');

  const buildButton = page.getByRole('button', { name: 'Build a batch…' });
  await buildButton.press('Enter');
  const build = page.getByRole('dialog', { name: 'Build a placement batch' });
  await expect(build.getByLabel('How')).toHaveValue('hand');
  await expect(build).toContainText('3 accounts ticked');
  await build.getByLabel('Agency').selectOption({ label: AGENCY });
  await shot(page, 'a08-build-batch', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog build-batch');
  await build.getByRole('button', { name: 'Build the batch' }).click();
  await expect(build).toBeHidden();

  const review = page.getByRole('region', { name: /^Batch #\d+: / });
  await expect(review).toContainText(AGENCY);
  const inBatch = review.getByRole('table', { name: /^Accounts in batch/ });
  await expect(inBatch.locator('tbody tr')).toHaveCount(3);
  const takenOut = accounts[2]!;
  await review.getByRole('checkbox', { name: `Take account ${takenOut} out` }).check();
  await review.getByRole('button', { name: 'Take the ticked accounts out' }).click();
  await expect(inBatch.locator('tbody tr')).toHaveCount(2);
  await shot(page, 'a09-batch-review');
  await expectNoSeriousA11yViolations(page, 'a draft batch in review');

  const releaseButton = review.getByRole('button', { name: 'Release…' });
  await releaseButton.click();
  const release = page.getByRole('dialog', { name: 'Release the placement batch' });
  await release.getByRole('button', { name: 'Release and write the file' }).click();
  await expect(release.getByText('Enter the supervisor’s user name.')).toBeVisible();
  await release.getByLabel('Supervisor user name').fill(SUPERVISOR.username);
  await release.getByLabel('Supervisor password').fill(SUPERVISOR.password);
  await shot(page, 'a10-release-batch', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog release-batch');
  // Enter in the password box submits the form; the focus goes back to the work, not the page's top.
  await release.getByLabel('Supervisor password').press('Enter');
  await expect(release).toBeHidden();
  await expect(page.locator('#main-content h1')).toBeFocused();
  await expect(page.getByRole('status', { name: 'Release summary' })).toContainText('2 accounts placed');
  await expect(review.getByText('Released', { exact: true })).toBeVisible();

  const file = await downloaded(page, () =>
    review.getByRole('button', { name: 'Download the placement file' }).click(),
  );
  await shot(page, 'a11-batch-released');
  await expectNoSeriousA11yViolations(page, 'the released batch');
  return { accounts: accounts.slice(0, 2), takenOut, placementFile: file.text };
}

export function placedTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Accounts with the agency now' });
}
