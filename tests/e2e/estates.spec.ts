// Issue 14 end to end, as the clerk and the supervisor click it, across days: the estates settings;
// a death recorded on a guarantor with a payment plan (the plan suspended, the statements held, the
// estate in the work queue and on every account); the estate's record and its claim deadline with
// the dates weighed; the referral memo; the supervisor's release (the deadline comes before the
// 501(r) clock can say); the claim filed with its statement of claim; allowed; money from the
// estate; closed with nothing more (the rest written off with a supervisor's approval). Then a death
// recorded by mistake and undone by a supervisor. Every dialog is checked with axe and the focus
// comes back to its button; the estate page and its dialogs reflow at 200% and 400%; the probate
// table and its add-row dialog.
import { expectNoSeriousA11yViolations } from './a11y';
import { checkReflow, checkStepDialog, estateFact, estateStep } from './estatesSteps';
import { expect, test } from './fixtures';
import { fillPlan, moveClockTo, openGuarantor, openQueue, planCard, readOpenPdf, savePlan } from './planSteps';
import { cleanSample, CLEAN } from './samples';
import { addUser, CLERK, importCombined, logIn, logOut, nav, setUpAndLogIn, shot, SUPERVISOR } from './steps';

test.use({ today: '2026-12-01' });

const usd = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
const longDate = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', dateStyle: 'long' });

const DIED = '2026-11-20';
const PUBLISHED = '2026-11-27';
/** ME: 4 months after the first publication (PR-01), before the 9-month outer limit (PR-02). */
const DEADLINE = '2027-03-27';
const OUTER = '2027-08-20';
const REFER_DAY = '2026-12-10';
const FILING_DAY = '2026-12-15';
const ALLOWED_DAY = '2027-01-20';
const CLOSING_DAY = '2027-03-01';

test('estates: a death recorded, the deadline, referral, release, claim filed, allowed, paid, closed; a death undone', async ({
  page,
  workspace,
}) => {
  test.setTimeout(600_000);
  const flores = cleanSample().find((g) => g.lastName === 'Flores')!;
  const owed = flores.accounts.reduce((t, a) => t + a.balanceCents, 0);
  const name = new RegExp(`${flores.firstName} .*${flores.lastName}`);

  // Settings: the estates group (an administrator).
  await setUpAndLogIn(page, workspace);
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const group = page.getByRole('group', { name: 'Estates' });
  await expect(group.getByLabel('First reminder (days before the deadline)')).toHaveValue('30');
  await group.getByLabel('Second reminder (days before the deadline)').fill('40');
  await page.getByRole('button', { name: 'Save settings' }).click();
  // Each reminder comes closer to the deadline: refused on its field, nothing saved.
  await expect(group.getByText('Each reminder comes closer to the deadline than the one before it.')).toBeVisible();
  await group.getByLabel('Second reminder (days before the deadline)').fill('14');
  await group.getByLabel('Days between follow-ups after filing').fill('21');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await group.scrollIntoViewIfNeeded();
  await shot(page, 'es01-settings-estates', { viewport: true });
  await addUser(page, CLERK, 'Clerk');
  await addUser(page, SUPERVISOR, 'Supervisor');
  await importCombined(page, CLEAN);

  // The probate table, and a supervisor's add-row dialog (checked, then cancelled: ME has its row).
  await nav(page).getByRole('link', { name: 'Probate rules', exact: true }).click();
  const table = page.getByRole('table', { name: 'The probate table by state' });
  await expect(table.getByRole('row', { name: /^ME / })).toContainText('9 months');
  await expect(table.getByRole('row', { name: /^\* \(UPC\)/ })).toContainText('In force');
  // At 1366 pixels the table fits: no sideways scrolling inside its frame either (the source wraps).
  expect(
    await table.evaluate((t) => {
      const frame = t.closest('.table-scroll') ?? t;
      return frame.scrollWidth - frame.clientWidth;
    }),
    'the probate table scrolls sideways at 1366 px (pixels over)',
  ).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page, 'Probate rules');
  const addRow = page.getByRole('button', { name: 'Add a row…' });
  await addRow.click();
  const rowDialog = page.getByRole('dialog', { name: 'Add a row to the probate table' });
  await rowDialog.getByRole('button', { name: 'Add the row' }).click();
  await expect(rowDialog.getByText('Choose a state.')).toBeVisible();
  await rowDialog.getByLabel('Months after publication').fill('four');
  await rowDialog.getByRole('button', { name: 'Add the row' }).click();
  await expect(rowDialog.getByText('Months after publication is a whole number.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the dialog add a probate row');
  await shot(page, 'es02-probate-row', { viewport: true });
  await page.keyboard.press('Escape');
  await expect(addRow).toBeFocused();
  await shot(page, 'es03-probate-rules');
  await logOut(page);

  // The clerk sets up a plan for Harold Flores (both accounts), then his daughter calls: he died.
  await logIn(page, CLERK);
  await openGuarantor(page, flores);
  const planDialog = await fillPlan(page, { count: 12, fapAnswer: 'Offered; the patient declined to apply' });
  const planId = await savePlan(page, planDialog);
  await expect(planCard(page, planId)).toContainText('Current');
  const recordButton = page.getByRole('button', { name: 'Record a death…' });
  await recordButton.press('Enter');
  const record = page.getByRole('dialog', { name: 'Record a death' });
  await expect(record).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(record).toBeHidden();
  await expect(recordButton).toBeFocused();
  await page.keyboard.press('Enter');
  await record.getByRole('button', { name: 'Record the death' }).click();
  await expect(record.getByText('Enter the date of death.')).toBeVisible();
  await expect(record.getByText('Choose how the death became known.')).toBeVisible();
  await record.getByLabel('Date of death').fill('2026-12-02');
  await record.getByLabel('How the death became known').selectOption({ label: 'Family' });
  await record.getByRole('button', { name: 'Record the death' }).click();
  await expect(record.getByText(/^The date of death cannot be dated after the business date/)).toBeVisible();
  await record.getByLabel('Date of death').fill(DIED);
  await record.getByLabel('Note (optional)').fill('His daughter Ana called.');
  await expectNoSeriousA11yViolations(page, 'the dialog record a death');
  await shot(page, 'es04-record-death', { viewport: true });
  await record.getByRole('button', { name: 'Record the death' }).click();
  await expect(record).toBeHidden();

  // The workspace: the banner with the estate's deadline (no estate known yet: the outer limit),
  // the plan suspended, the line on every account.
  const banner = page.getByRole('region', { name: 'Deceased: the balance is claimed from the estate' });
  await expect(banner).toContainText(longDate(DIED));
  await expect(banner).toContainText(`claim due by ${longDate(OUTER)}`);
  await expect(page.getByRole('status').filter({ hasText: /^Death recorded\./ })).toContainText(longDate(OUTER));
  await expect(planCard(page, planId)).toContainText('Suspended');
  for (const a of flores.accounts)
    await expect(page.getByRole('article', { name: `Account ${a.accountNumber}` })).toContainText('Estate claim');
  await expect(page.getByRole('list', { name: 'Flags' })).toContainText('Deceased');
  await expect(page.getByRole('button', { name: 'Record a death…' })).toHaveCount(0);
  await expect(banner.getByRole('button', { name: 'Undo the death…' })).toHaveCount(0); // a clerk may not
  await expectNoSeriousA11yViolations(page, 'the account workspace of a deceased guarantor');
  await shot(page, 'es05-workspace-deceased');
  await checkReflow(page, 'the account workspace of a deceased guarantor');
  // At 400% zoom the notice sits in the page's flow: it covers nothing of the banner.
  await page.setViewportSize({ width: 320, height: 256 });
  const toast = page.getByRole('status').filter({ hasText: /^Death recorded\./ });
  await toast.scrollIntoViewIfNeeded();
  const [toastBox, bannerBox] = [await toast.boundingBox(), await banner.boundingBox()];
  expect(toastBox!.y + toastBox!.height, 'the notice covers the deceased banner').toBeLessThanOrEqual(bannerBox!.y);
  await shot(page, 'es05b-workspace-deceased-400', { viewport: true });
  await page.setViewportSize({ width: 1366, height: 768 });

  // The work queue has the estate; the Estates screen lists it with its deadline and days left.
  await openQueue(page);
  await page.getByLabel('Kind').selectOption('estate');
  await expect(page.getByRole('table', { name: /work queue/ })).toContainText(flores.lastName);
  await nav(page).getByRole('link', { name: 'Estates', exact: true }).click();
  const list = page.getByRole('table', { name: 'Open estates' });
  const row = list.getByRole('row', { name: name });
  await expect(row).toContainText('Death recorded; no claim yet');
  await expect(row).toContainText('08/20/2027');
  await expect(row).toContainText('262 days left');
  await expect(row).toContainText(usd(owed));
  await expectNoSeriousA11yViolations(page, 'Estates');
  await shot(page, 'es06-estates');
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /^Estate of / })).toBeVisible();
  const deadline = page.getByRole('region', { name: 'The claim deadline' });
  await expect(deadline).toContainText('no notice to creditors is known yet, so the outer limit from death stands');

  // The estate record: the probate court, the representative, the notice's first publication.
  const details = await estateStep(page, 'Edit the estate record…', 'The estate record');
  await details.getByLabel('First published on (optional)').fill('2026-12-05');
  await details.getByRole('button', { name: 'Save the record' }).click();
  await expect(details.getByText(/^The first publication cannot be dated after the business date/)).toBeVisible();
  await details.getByLabel('County (optional)').fill('Cumberland');
  await details.getByLabel('Probate court (optional)').fill('Cumberland County Probate Court');
  await details.getByLabel('Court’s address (optional)').fill('142 Federal Street, Portland, ME 04101');
  await details.getByLabel('Probate case number (optional)').fill('2026-0871');
  await details.getByLabel('Personal representative (optional)').fill('Ana Flores');
  await details
    .getByLabel('Personal representative’s address (optional)')
    .fill('12 Pleasant Street, Portland, ME 04101');
  await details.getByLabel('First published on (optional)').fill(PUBLISHED);
  await expectNoSeriousA11yViolations(page, 'the dialog the estate record');
  await shot(page, 'es07-estate-record', { viewport: true });
  await details.getByRole('button', { name: 'Save the record' }).click();
  await expect(details).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Record saved.' })).toContainText(longDate(DEADLINE));
  await expect(deadline).toContainText(longDate(DEADLINE));
  await expect(deadline).toContainText('4 months after the first publication');
  const weighed = deadline.getByRole('table', { name: 'The dates weighed for the claim deadline' });
  await expect(weighed.getByRole('row', { name: /03\/27\/2027/ })).toContainText('The deadline');
  await expect(weighed.getByRole('row', { name: /08\/20\/2027/ })).toContainText('outer limit');
  await expect(estateFact(page, 'The estate record', 'Probate court')).toContainText('Cumberland County Probate Court');

  // The accounts: balances from the ledger, last illness (suggested or not) with the class.
  const accounts = page.getByRole('table', { name: "The estate's accounts" });
  for (const a of flores.accounts)
    await expect(accounts.getByRole('row', { name: new RegExp(a.accountNumber) })).toContainText(usd(a.balanceCents));
  const first = accounts.getByRole('checkbox', {
    name: `Account ${flores.accounts[0]!.accountNumber} is the last illness's care`,
  });
  const wasLastIllness = await first.isChecked();
  await first.press('Space');
  await page.getByRole('button', { name: 'Save the last illness' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Last illness saved' })).toBeVisible();
  const firstRow = accounts.getByRole('row', { name: new RegExp(flores.accounts[0]!.accountNumber) });
  await expect(firstRow).toContainText(wasLastIllness ? 'Class 6' : 'Class 4');
  // The 501(r) gate in its own words, never the court's "allowed"; the claim's sentence agrees.
  await expect(firstRow).toContainText('Waits for the clock');
  await expect(accounts).not.toContainText(/allowed/i);
  await expect(estateFact(page, 'The claim', '501(r)')).toContainText('Waits for the clock');
  await expectNoSeriousA11yViolations(page, 'an estate’s page');
  await shot(page, 'es08-estate-page');
  for (const [button, dialog] of [['Add a note…', 'Add a note to the estate']] as const)
    await checkStepDialog(page, button, dialog);
  await checkReflow(page, 'an estate’s page', [
    ['Edit the estate record…', 'The estate record'],
    ['Refer to legal…', 'Refer the claim to legal'],
    ['File the claim…', 'File the claim'],
    ['Close with nothing more…', 'Close the estate with nothing more'],
  ]);

  // A week and more later: the referral memo to legal.
  await moveClockTo(page, workspace, REFER_DAY, CLERK);
  await nav(page).getByRole('link', { name: 'Estates', exact: true }).click();
  await page.getByRole('table', { name: 'Open estates' }).getByRole('link', { name: name }).click();
  const refer = await estateStep(page, 'Refer to legal…', 'Refer the claim to legal');
  await refer.getByLabel('Note for legal (optional)').fill('The daughter says the house is to be sold.');
  await expectNoSeriousA11yViolations(page, 'the dialog refer to legal');
  await refer.getByRole('button', { name: 'Print the referral memo' }).click();
  const memo = await readOpenPdf(page, /\.pdf$/, (f) => `test-results/estates/${f}`);
  expect(memo).toContain(flores.lastName);
  expect(memo).toContain(usd(owed));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Referred to legal');
  // The viewer closed: the focus is back on the button that opened the dialog (WCAG 2.4.3).
  await expect(page.getByRole('button', { name: 'Refer to legal again…' })).toBeFocused();
  const documents = page.getByRole('table', { name: "The estate's documents" });
  await expect(documents).toContainText('Referral memo to legal');

  // ECA-04: the claim deadline comes before the 501(r) clock allows a claim: a supervisor releases it.
  await expect(page.getByText('Release needed').first()).toBeVisible();
  await logOut(page);
  await logIn(page, SUPERVISOR);
  await nav(page).getByRole('link', { name: 'Estates', exact: true }).click();
  await page.getByRole('table', { name: 'Open estates' }).getByRole('link', { name: name }).click();
  const release = await estateStep(page, 'Release the claim (supervisor)…', 'Release the claim before the 501(r) date');
  await release.getByRole('button', { name: 'Release the claim' }).click();
  await expect(release.getByText('Say why the claim may go before the 501(r) clock allows.')).toBeVisible();
  await release
    .getByLabel('Reason')
    .fill('The claim deadline in Maine comes before the final notice could run its 30 days.');
  await expectNoSeriousA11yViolations(page, 'the dialog release the claim');
  await release.getByRole('button', { name: 'Release the claim' }).click();
  await expect(release).toBeHidden();
  await expect(estateFact(page, 'The claim', '501(r)')).toContainText('Released by a supervisor');
  await logOut(page);

  // Filing day: the claim through the 501(r) gate, the cover letter and the statement of claim.
  await moveClockTo(page, workspace, FILING_DAY, CLERK);
  await nav(page).getByRole('link', { name: 'Estates', exact: true }).click();
  await page.getByRole('table', { name: 'Open estates' }).getByRole('link', { name: name }).click();
  const file = await estateStep(page, 'File the claim…', 'File the claim');
  await expect(file.getByLabel('Where the claim goes')).toHaveValue('clerk');
  await file.getByLabel('Add the sworn wording').check();
  await expectNoSeriousA11yViolations(page, 'the dialog file the claim');
  await shot(page, 'es09-file-claim', { viewport: true });
  await file.getByRole('button', { name: 'File and print the claim' }).click();
  const claim = await readOpenPdf(page, /\.pdf$/, (f) => `test-results/estates/${f}`);
  expect(claim).toContain('In the Estate of');
  expect(claim).toContain(usd(owed));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Claim filed');
  await expect(estateFact(page, 'The claim', 'Filed')).toContainText(`${longDate(FILING_DAY)}: ${usd(owed)}`);
  await expect(documents).toContainText('Statement of claim');
  await expect(documents).toContainText('Cover letter');
  // The statement of claim again, byte for byte, from the documents list.
  const reprint = documents.getByRole('button', { name: /^Reprint the statement of claim/ });
  await reprint.click();
  expect(await readOpenPdf(page, /\.pdf$/)).toContain('In the Estate of');
  await expect(reprint).toBeFocused();
  await checkStepDialog(page, 'Follow-up letter to the clerk of court…', 'Ask the clerk of court');
  await checkStepDialog(page, 'The claim is disallowed…', 'The claim is disallowed');
  await checkStepDialog(page, 'Record a call to the clerk of court…', 'A call to the clerk of court');

  // A month later: the personal representative allows the claim in full.
  await moveClockTo(page, workspace, ALLOWED_DAY, CLERK);
  await nav(page).getByRole('link', { name: 'Estates', exact: true }).click();
  await page.getByRole('table', { name: 'Open estates' }).getByRole('link', { name: name }).click();
  const call = await estateStep(page, 'Record a call to the clerk of court…', 'A call to the clerk of court');
  await call.getByLabel('What was said').fill('The clerk says the representative has the claim.');
  await call.getByRole('button', { name: 'Record the call' }).click();
  await expect(call).toBeHidden();
  const allowed = await estateStep(page, 'The claim is allowed…', 'The claim is allowed');
  await expect(allowed.getByLabel('Amount allowed ($)')).toHaveValue((owed / 100).toFixed(2));
  await expectNoSeriousA11yViolations(page, 'the dialog the claim is allowed');
  await allowed.getByRole('button', { name: 'Record the allowance' }).click();
  await expect(allowed).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Claim allowed');

  // Money from the estate: more than is owed is refused; a part is posted, oldest account first.
  const part = 100000;
  const pay = await estateStep(page, 'Money from the estate…', 'Money from the estate');
  await pay.getByLabel('Amount ($)').fill(((owed + 100) / 100).toFixed(2));
  await pay.getByLabel('Paid by').selectOption({ label: 'Check' });
  await pay.getByLabel('Reference (optional)').fill('Estate check 1001');
  await pay.getByRole('button', { name: 'Post the payment' }).click();
  await expect(pay.getByRole('alert').first()).toBeVisible();
  await pay.getByLabel('Amount ($)').fill((part / 100).toFixed(2));
  await expectNoSeriousA11yViolations(page, 'the dialog money from the estate');
  await pay.getByRole('button', { name: 'Post the payment' }).click();
  await expect(pay).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Paid in part');
  await expect(estateFact(page, 'The claim', 'Recovered from the estate')).toHaveText(usd(part));
  await expect(estateFact(page, 'The claim', 'Owed today')).toHaveText(usd(owed - part));
  await shot(page, 'es10-paid-part');

  // The estate pays nothing more: closed, the rest written off with a supervisor's approval.
  await moveClockTo(page, workspace, CLOSING_DAY, CLERK);
  await nav(page).getByRole('link', { name: 'Estates', exact: true }).click();
  await page.getByRole('table', { name: 'Open estates' }).getByRole('link', { name: name }).click();
  const close = await estateStep(page, 'Close with nothing more…', 'Close the estate with nothing more');
  await close.getByLabel('Reason').fill('The personal representative’s final account: the estate is insolvent.');
  await expect(close.getByRole('group', { name: 'Supervisor approval' })).toBeVisible();
  await close.getByLabel('Supervisor user name').fill(SUPERVISOR.username);
  await close.getByLabel('Supervisor password').fill(SUPERVISOR.password);
  await expectNoSeriousA11yViolations(page, 'the dialog close the estate');
  await shot(page, 'es11-close', { viewport: true });
  await close.getByRole('button', { name: 'Close the estate' }).click();
  await expect(close).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Closed with nothing more');
  await expect(estateFact(page, 'The claim', 'Closed')).toContainText(longDate(CLOSING_DAY));
  await expect(page.getByRole('table', { name: "The estate's events" })).toContainText('03/01/2027');
  await shot(page, 'es12-closed');
  await nav(page).getByRole('link', { name: 'Estates', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Estates/ })).toContainText('0 open');
  await openGuarantor(page, flores);
  // The estate closed: the banner still says the guarantor died, and how the estate ended.
  await expect(page.getByRole('region', { name: 'Deceased', exact: true })).toContainText('Closed with nothing more');
  // The write-off's reason by its label, never its code.
  await expect(page.getByRole('main')).toContainText('Estate closed with nothing more');
  await expect(page.getByRole('main')).not.toContainText('estate_closed');

  // A death recorded by mistake: a supervisor undoes it; the history is kept.
  const other = cleanSample().find((g) => g.lastName !== 'Flores' && g.accounts.some((a) => a.balanceCents > 0))!;
  await openGuarantor(page, other);
  await page.getByRole('button', { name: 'Record a death…' }).click();
  const mistake = page.getByRole('dialog', { name: 'Record a death' });
  await mistake.getByLabel('Date of death').fill('2027-02-20');
  await mistake.getByLabel('How the death became known').selectOption({ label: 'Returned mail' });
  await mistake.getByRole('button', { name: 'Record the death' }).click();
  await expect(mistake).toBeHidden();
  await expect(page.getByRole('region', { name: 'Deceased: the balance is claimed from the estate' })).toBeVisible();
  await logOut(page);
  await logIn(page, SUPERVISOR);
  await openGuarantor(page, other);
  const undoButton = page.getByRole('button', { name: 'Undo the death…' });
  await undoButton.press('Enter');
  const undo = page.getByRole('dialog', { name: 'Undo the death' });
  await undo.getByRole('button', { name: 'Undo the death' }).click();
  await expect(undo.getByText('Say why the death is undone.')).toBeVisible();
  await undo.getByLabel('Reason').fill('The returned letter was for his late father, of the same name.');
  await expectNoSeriousA11yViolations(page, 'the dialog undo the death');
  await shot(page, 'es13-undo-death', { viewport: true });
  await undo.getByRole('button', { name: 'Undo the death' }).click();
  await expect(undo).toBeHidden();
  await expect(page.getByRole('region', { name: 'Deceased: the balance is claimed from the estate' })).toHaveCount(0);
  const deathSection = page.getByRole('region', { name: 'Death' });
  await expect(deathSection).toContainText('The returned letter was for his late father');
  await expect(deathSection).toContainText('withdrawn');
  await expect(page.getByRole('button', { name: 'Record a death…' })).toBeVisible();
  await shot(page, 'es14-death-undone');

  // A death long past, its claim deadline gone with nothing filed: the page says so first, and
  // closing is the step offered first (refer and file stay there).
  const late = cleanSample().find(
    (g) => g.lastName !== 'Flores' && g.lastName !== other.lastName && g.accounts.some((a) => a.balanceCents > 0),
  )!;
  await openGuarantor(page, late);
  await page.getByRole('button', { name: 'Record a death…' }).click();
  const lateDeath = page.getByRole('dialog', { name: 'Record a death' });
  await lateDeath.getByLabel('Date of death').fill('2025-01-15');
  await lateDeath.getByLabel('How the death became known').selectOption({ label: 'Family' });
  await lateDeath.getByRole('button', { name: 'Record the death' }).click();
  await expect(lateDeath).toBeHidden();
  await page.getByRole('button', { name: 'Open the estate' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The last day to present the claim was' })).toContainText(
    'no claim was filed',
  );
  const steps = page.getByRole('group', { name: 'What to do on the estate' });
  await expect(steps.getByRole('button', { name: 'Close with nothing more…' })).toHaveClass(/primary/);
  await expect(steps.getByRole('button', { name: 'Refer to legal…' })).not.toHaveClass(/primary/);
  await expect(steps.getByRole('button', { name: 'File the claim…' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'an estate whose deadline has passed');
  await shot(page, 'es15-deadline-passed');

  // The list: the open estates by default; the closed and withdrawn ones too when asked.
  await nav(page).getByRole('link', { name: 'Estates', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Open estates' }).getByRole('row', { name: name })).toHaveCount(0);
  await page.getByLabel('Show closed and withdrawn estates too').check();
  await expect(page.getByRole('table', { name: 'Estates' }).getByRole('row', { name: name })).toContainText(
    'Closed with nothing more',
  );
  await shot(page, 'es16-estates-all');
});
