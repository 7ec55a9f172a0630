// Financial assistance on the account (ECA-05: an application holds the cycle; an approval brings
// the balance down) and the Compliance screen: the issue log and the month's 501(r) registers.
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test } from './fixtures';
import { openGuarantor, openQueue, postPayment, queueRows, readOpenPdf, runStatements } from './planSteps';
import { CLEAN, cleanSample, dollars } from './samples';
import { ADMIN, importCombined, nav, setUpAndLogIn, shot } from './steps';

test.use({ today: '2026-12-01' });

test('financial assistance: an application holds the cycle; approval in full brings every account to zero', async ({
  page,
  workspace,
}) => {
  const flores = cleanSample().find((g) => g.lastName === 'Flores')!;
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);
  await openGuarantor(page, flores);
  const fap = page.getByRole('region', { name: 'Financial assistance' });
  await fap.getByRole('button', { name: 'Record an application…' }).click();
  const application = page.getByRole('dialog', { name: 'Financial-assistance application' });
  await application.getByLabel('Note (optional)').fill('Application and pay stubs received at the desk');
  await application.getByRole('button', { name: 'Record' }).click();
  await expect(application).toBeHidden();
  await expect(fap).toContainText('Status: Application pending');
  const holds = page.getByRole('table', { name: 'Holds' });
  await expect(holds).toContainText('Financial-assistance application pending');

  await nav(page).getByRole('link', { name: 'Statements' }).click();
  await expect(page.getByRole('table', { name: /^Holds:/ })).toContainText(flores.lastName);

  await openGuarantor(page, flores);
  await fap.getByRole('button', { name: 'Record the decision…' }).click();
  const decision = page.getByRole('dialog', { name: 'Financial-assistance decision' });
  await decision.getByLabel('Decision').selectOption({ label: 'Approved in full: the patient owes nothing' });
  await decision.getByLabel('Note (optional)').fill('Household income under 200% of the poverty line');
  // The decision posts exactly the table it shows.
  await expect(decision.getByRole('table', { name: 'What the decision posts, account by account' })).toBeVisible();
  await shot(page, '96-fap-decision', { viewport: true });
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decision).toBeHidden();
  const total = flores.accounts.reduce((t, a) => t + Math.max(0, a.balanceCents), 0);
  await expect(
    page.getByRole('status').filter({ hasText: `${dollars(total)} adjusted as financial assistance` }),
  ).toBeVisible();
  await expect(fap).toContainText('Status: Approved (full)');
  await expect(fap.getByRole('table', { name: 'Financial-assistance history' }).locator('tbody tr')).toHaveCount(2);
  await fap.scrollIntoViewIfNeeded();
  await shot(page, '97-fap-section');
});

test('financial assistance: an incomplete application and its notice; approved in part by a percentage, previewed per account, and the letter printed', async ({
  page,
  workspace,
}) => {
  const flores = cleanSample().find((g) => g.lastName === 'Flores')!;
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);
  await openGuarantor(page, flores);
  const fap = page.getByRole('region', { name: 'Financial assistance' });
  await fap.getByRole('button', { name: 'Record an application…' }).click();
  const application = page.getByRole('dialog', { name: 'Financial-assistance application' });
  await application
    .getByLabel('What happened')
    .selectOption({ label: 'An application came in with something missing' });
  await application.getByLabel('What is missing').fill('Your last two pay stubs');
  await application.getByRole('button', { name: 'Record' }).click();
  await expect(application).toBeHidden();
  await expect(fap).toContainText('Incomplete: Your last two pay stubs. Asked for by 12/31/2026.');

  // 1.501(r)-6(c): the notice names what is missing, the date to send it by, and whom to call.
  await fap.getByRole('button', { name: /^Print the notice of what is missing of / }).click();
  const notice = await readOpenPdf(page, /^fap-notice-\d+-2026-12-01\.pdf$/);
  expect(notice).toContain('Your last two pay stubs');
  expect(notice).toContain('Please send it to us by December 31, 2026.');

  await fap.getByRole('button', { name: 'Record the decision…' }).click();
  const decision = page.getByRole('dialog', { name: 'Financial-assistance decision' });
  await decision.getByLabel('Decision').selectOption({ label: 'Approved in part: the patient owes a reduced amount' });
  await decision
    .getByLabel('The discount the policy gives')
    .selectOption({ label: 'A percentage off what the patient owed' });
  await decision.getByLabel('Percentage off (%)').fill('60');
  // Per account: 40% of what the patient owed stays; nothing was paid, so no refund. (AGB is 100% as shipped.)
  const table = decision.getByRole('table', { name: 'What the decision posts, account by account' });
  const open = flores.accounts.filter((a) => a.balanceCents > 0);
  await expect(table.locator('tbody tr')).toHaveCount(open.length);
  let adjusted = 0;
  for (const a of open) {
    const keeps = Math.floor((a.balanceCents * 4_000) / 10_000);
    adjusted += a.balanceCents - keeps;
    await expect(table.getByRole('row', { name: new RegExp(a.accountNumber) })).toContainText(
      `${dollars(a.balanceCents)}$0.00${dollars(keeps)}${dollars(a.balanceCents - keeps)}$0.00${dollars(keeps)}`,
    );
  }
  await expect(decision).toContainText(`In all: ${dollars(adjusted)} adjusted as financial assistance`);
  await shot(page, '96b-fap-partial-preview', { viewport: true });
  // Reflow at 400% zoom (320 CSS pixels): the dialog fits, and only the table's own region scrolls
  // sideways. (The account workspace behind it is not this test's: its header overflows by itself.)
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 256 });
  const box = (await decision.boundingBox())!;
  expect(box.x >= 0 && box.x + box.width <= 320, 'the decision dialog fits 320 px').toBe(true);
  expect(await decision.evaluate((e) => e.scrollWidth - e.clientWidth), 'the dialog scrolls sideways').toBe(0);
  await expectNoSeriousA11yViolations(page, 'the decision dialog at 320 px');
  await page.setViewportSize(viewport);
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decision).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: `${dollars(adjusted)} adjusted as financial assistance` }),
  ).toBeVisible();
  await expect(fap).toContainText('Status: Approved (partial)');

  // The written determination, from the history.
  await fap.getByRole('button', { name: /^Print the letter of / }).click();
  const letter = await readOpenPdf(page, /^fap-decision-\d+-2026-12-01\.pdf$/);
  expect(letter).toContain('approved your application for financial assistance in part');
  expect(letter).toContain('you pay 60% less than you owed');
  await expect(page.getByRole('table', { name: 'Documents printed' })).toContainText(
    'Financial assistance: decision letter',
  );
});

test('financial assistance: a payment made before an approval in full is a credit to refund, in the queue until it is posted', async ({
  page,
  workspace,
}) => {
  const flores = cleanSample().find((g) => g.lastName === 'Flores')!;
  const oldest = flores.accounts[0]!.accountNumber;
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);
  await openGuarantor(page, flores);
  await postPayment(page, '25.00');
  const fap = page.getByRole('region', { name: 'Financial assistance' });
  await fap.getByRole('button', { name: 'Record an application…' }).click();
  const application = page.getByRole('dialog', { name: 'Financial-assistance application' });
  await application.getByRole('button', { name: 'Record' }).click();
  await expect(application).toBeHidden();
  await fap.getByRole('button', { name: 'Record the decision…' }).click();
  const decision = page.getByRole('dialog', { name: 'Financial-assistance decision' });
  await decision.getByLabel('Decision').selectOption({ label: 'Approved in full: the patient owes nothing' });
  const table = decision.getByRole('table', { name: 'What the decision posts, account by account' });
  await expect(table.getByRole('row', { name: new RegExp(oldest) })).toContainText('$25.00$0.00');
  await expect(decision).toContainText('$25.00 to refund');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decision).toBeHidden();
  const credits = fap.getByRole('table', { name: 'Credits to refund' });
  // Refund due 30 days (Settings) after the decision of December 1, 2026.
  await expect(credits.getByRole('row', { name: new RegExp(oldest) })).toContainText('$25.0012/31/2026');

  await openQueue(page);
  await expect(queueRows(page).filter({ hasText: 'Credit to refund' })).toContainText(
    `Account ${oldest} is in credit $25.00 after a financial-assistance decision; refund it by 12/31/2026.`,
  );

  await openGuarantor(page, flores);
  await credits.getByRole('button', { name: `Post the refund on account ${oldest}` }).click();
  const refund = page.getByRole('dialog', { name: `Refund on account ${oldest}` });
  await expect(refund.getByLabel('Refund amount ($)')).toHaveValue('25.00');
  await refund.getByLabel('Check number or reference (optional)').fill('4410');
  await refund.getByRole('button', { name: 'Post the refund' }).click();
  await expect(refund).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: `Refund of $25.00 posted to account ${oldest}.` }),
  ).toBeVisible();
  await expect(credits).toHaveCount(0);
  await openQueue(page);
  await expect(queueRows(page).filter({ hasText: 'Credit to refund' })).toHaveCount(0);
});

test('compliance: an issue reported, assigned and resolved; the month’s registers on screen and as PDF', async ({
  page,
  workspace,
}) => {
  const flores = cleanSample().find((g) => g.lastName === 'Flores')!;
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);
  await runStatements(page);

  await nav(page).getByRole('link', { name: 'Compliance' }).click();
  await expect(page.getByRole('heading', { name: 'Compliance', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Report an issue…' }).click();
  const report = page.getByRole('dialog', { name: 'Report a compliance issue' });
  await report.getByLabel('Category').selectOption({ label: '501(r) notices and collection actions' });
  await report.getByLabel('Account number (optional)').fill('NOPE-1');
  await report.getByLabel('What happened').fill('Patient says the final notice came without the summary.');
  await report.getByRole('button', { name: 'Report' }).click();
  await expect(report.getByText('There is no account NOPE-1; check the number or leave it empty.')).toBeVisible();
  await report.getByLabel('Account number (optional)').fill(flores.accounts[0]!.accountNumber);
  await report.getByRole('button', { name: 'Report' }).click();
  await expect(report).toBeHidden();
  const issues = page.getByRole('table', { name: 'Compliance issues' });
  await expect(issues.locator('tbody tr')).toHaveCount(1);
  await expect(issues.locator('tbody tr')).toContainText(flores.accounts[0]!.accountNumber);
  await expect(issues.locator('tbody tr')).toContainText('Open');

  await page.getByRole('button', { name: 'Assign issue 1' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign issue #1' });
  await assign.getByLabel('Reviewer').selectOption({ label: ADMIN.fullName });
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(issues.locator('tbody tr')).toContainText('In review');
  await page.getByRole('button', { name: 'Resolve issue 1' }).click();
  const resolve = page.getByRole('dialog', { name: 'Resolve issue #1' });
  await resolve.getByLabel('Resolution').fill('Summary re-mailed; the batch was checked and had every summary page.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(issues.locator('tbody tr')).toContainText('Resolved');
  await expect(page.getByRole('button', { name: 'Resolve issue 1' })).toHaveCount(0);

  const month = page.getByRole('list', { name: 'This month' });
  await expect(month.getByRole('listitem').first()).toHaveText('6 statements sent');
  const register = page.getByRole('table', { name: 'Statements register' });
  await expect(register.locator('tbody tr')).toHaveCount(6);
  await expect(register).toContainText(`${flores.accounts[0]!.accountNumber} (1)`);
  await shot(page, '98-compliance');
  await page.getByRole('button', { name: 'Registers PDF' }).click();
  const pdf = await readOpenPdf(page, /registers-2026-12\.pdf/);
  expect(pdf).toContain('501(r) compliance registers: December 2026');
  expect(pdf).toContain('6 statements sent');
});
