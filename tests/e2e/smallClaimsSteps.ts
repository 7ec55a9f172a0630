// What the small-claims test does to reach court (issue 13), written once: a statement cycle short
// enough for a test (one statement, the final notice a week later, naming a civil action), the clean
// sample imported, the clerk and the supervisor added, the statements run on FIRST_RUN and the
// final notice on FINAL_NOTICE; then, the date moved past the final notice (but before its 30
// days end), the supervisor adds Maine, where the sample's guarantors live, to the court rules.
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, type Workspace } from './fixtures';
import { moveClockTo, prepareAndRelease, readOpenPdf } from './planSteps';
import { CLEAN } from './samples';
import { ADMIN, addUser, importCombined, nav, setUpAndLogIn, shot, SUPERVISOR } from './steps';

export const FIRST_RUN = '2026-12-01';
export const FINAL_NOTICE = '2026-12-08';
/** After the final notice, before its 30 days are over: a case can be prepared, not filed. */
export const PREPARE_DAY = '2026-12-21';
/** The final notice's 30 days are over on 2027-01-07: the gate opens. */
export const GATE_OPENS = '2027-01-07';
export const FILING_DAY = '2027-01-08';
export const HEARING_DAY = '2027-02-10';

export const MAINE_COURT = 'District Court, small claims';

export async function toPrepareDay(page: Page, workspace: Workspace): Promise<void> {
  await setUpAndLogIn(page, workspace);
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Days between statements').fill('7');
  await page.getByLabel('Statements before the final notice').fill('1');
  // The final notice names what may follow it (ECA-05): a lien too, not a wage garnishment.
  await page.getByRole('checkbox', { name: 'Place a lien' }).check();
  const court = page.getByRole('group', { name: 'Small-claims court' });
  await expect(court.getByLabel('Days the demand letter gives')).toHaveValue('14');
  await court.getByLabel('Expected recovery (%)').fill('50');
  await court.getByLabel("The clerk's hourly cost ($)").fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  // A refusal names its field; nothing is saved.
  await expect(court.getByText(/^Enter the .*hourly cost\.$/)).toBeVisible();
  await court.getByLabel("The clerk's hourly cost ($)").fill('32.50');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(court.getByLabel("The clerk's hourly cost ($)")).toHaveValue('32.50');
  await court.scrollIntoViewIfNeeded();
  await shot(page, 'sc01-settings-small-claims', { viewport: true });
  await addUser(page, { fullName: 'Carl Clerk', username: 'carl.clerk', password: 'Collections-77a' }, 'Clerk');
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
  await moveClockTo(page, workspace, PREPARE_DAY, SUPERVISOR);
}

/** As a supervisor: Maine's small-claims limit and statute of limitations, added as rows. */
export async function addMaineRules(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Small-claims rules', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Small-claims rules', level: 1 })).toBeVisible();
  const limits = page.getByRole('table', { name: 'Small-claims limits by state and court' });
  await expect(limits).toContainText('CCP 116.220');
  await expect(limits).not.toContainText('ME');
  await expectNoSeriousA11yViolations(page, 'Small-claims rules');

  const addLimit = page.getByRole('button', { name: 'Add a court limit…' });
  await addLimit.click();
  const limit = page.getByRole('dialog', { name: 'Add a court limit' });
  await limit.getByRole('button', { name: 'Add the limit' }).click();
  await expect(limit.getByText('Choose a state.')).toBeVisible();
  await limit.getByLabel('State').selectOption('ME');
  await limit.getByLabel('Court', { exact: true }).fill(MAINE_COURT);
  await limit.getByLabel('Limit for a business plaintiff ($)').fill('6000');
  await limit.getByLabel('Applies from').fill('2023-01-01');
  await limit.getByLabel('Large-claim threshold ($, optional)').fill('2500');
  await limit.getByLabel('Filing fee ($)').fill('75.00');
  await limit.getByLabel('Service fee ($)').fill('30.00');
  await limit.getByLabel('Source (optional)').fill('14 M.R.S. §7482');
  await limit.getByRole('button', { name: 'Add the limit' }).click();
  // A threshold without its yearly count is refused on the count's field.
  await expect(
    limit.getByText('Give both the large-claim threshold and how many such claims a year, or neither.'),
  ).toBeVisible();
  await limit.getByLabel('Large-claim threshold ($, optional)').fill('');
  await shot(page, 'sc02-add-limit', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog add-limit');
  await limit.getByRole('button', { name: 'Add the limit' }).click();
  await expect(limit).toBeHidden();
  await expect(addLimit).toBeFocused();
  await expect(limits.getByRole('row', { name: new RegExp(MAINE_COURT) })).toContainText('$6,000.00');

  const addStatute = page.getByRole('button', { name: 'Add a statute of limitations…' });
  await addStatute.press('Enter');
  const statute = page.getByRole('dialog', { name: 'Add a statute of limitations' });
  await statute.getByLabel('State').selectOption('ME');
  await statute.getByLabel('Basis').selectOption('open_account');
  await statute.getByLabel('Years').fill('6');
  await statute.getByLabel('The period runs').selectOption('first_due');
  await statute.getByLabel('For claims accrued from').fill('1900-01-01');
  await statute.getByLabel('Source (optional)').fill('14 M.R.S. §752');
  await expectNoSeriousA11yViolations(page, 'the dialog add-statute');
  await statute.getByRole('button', { name: 'Add the statute' }).click();
  await expect(statute).toBeHidden();
  await expect(addStatute).toBeFocused();
  await expect(
    page.getByRole('table', { name: 'Statutes of limitation by state and basis' }).getByText('14 M.R.S. §752'),
  ).toBeVisible();
  await shot(page, 'sc03-court-rules');
}

/** The case page's step button, clicked; its dialog. */
export async function step(page: Page, button: string, dialog: string): Promise<Locator> {
  await page.getByRole('group', { name: 'What to do on the case' }).getByRole('button', { name: button }).click();
  const d = page.getByRole('dialog', { name: dialog });
  await expect(d).toBeVisible();
  return d;
}

/** The "The claim" facts of the case page: the value shown for a term. */
export function fact(page: Page, term: string): Locator {
  return page
    .getByRole('region', { name: 'The claim' })
    .locator('dt', { hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .locator('xpath=following-sibling::dd[1]');
}
