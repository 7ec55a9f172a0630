// Issue 17 end to end, as the clerk clicks it (PP-04): the price table set in Settings; the
// pre-delivery interview for a new patient (insured: the estimate shown with its arithmetic and the
// schedule as she answers, every payment due before the last allowed date) and for a patient the
// extract brought (self-pay, found by search); the agreement printed and the signature recorded; a
// deposit received (held, not on any account); the delivery date moved (the history keeps both
// versions); months later the delivery recorded, the delivery account arriving with an extract,
// matched and confirmed (the deposit applied: the account's balance lower by it); the true-up
// (a balance left to bill) and its letter. The EMTALA sentence is on the interview and the case
// page. Every new screen is checked with axe and shot for review; the case page reflows at 200%/400%.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, pageOverflow } from './a11y';
import { expect, test } from './fixtures';
import { moveClockTo, readOpenPdf } from './planSteps';
import { addUser, ADMIN, CLERK, importCombined, logIn, logOut, nav, setUpAndLogIn, shot } from './steps';

// Wednesday 1 July 2026; the delivery expected in late November.
const TODAY = '2026-07-01';
test.use({ today: TODAY });

const HEADER =
  'guarantor_id,mrn,last_name,first_name,middle_name,date_of_birth,address_line1,address_line2,city,state,zip,phone,email,language,employer,is_employee,employee_id,pay_frequency,hourly_rate,annual_salary,deceased,date_of_death,death_source,fap_status,fap_status_date,bankruptcy,do_not_call,do_not_mail,do_not_email,account_number,patient_name,service_from,service_to,service_type,payer_class,state_of_service,mbi,medicare_ra_date,medicaid_number,medicaid_ra_date,secondary_ra_date,deductible,coinsurance,last_illness,first_statement_date,transaction_id,transaction_type,amount,effective_date,reference,memo';

interface Person {
  id: string;
  mrn: string;
  last: string;
  first: string;
  dob: string;
  street: string;
  language: string;
}

const LUCIA: Person = {
  id: 'G8000001',
  mrn: 'M8000001',
  last: 'Romero',
  first: 'Lucía',
  dob: '1992-04-03',
  street: '44 Maple Avenue',
  language: 'Spanish',
};
// Entered at the interview with the guarantor number registration gave her: the extract then brings
// her delivery account under the same record.
const AMARA: Person = {
  id: 'G8000002',
  mrn: 'M8000002',
  last: 'Nwosu',
  first: 'Amara',
  dob: '1995-03-12',
  street: '9 Orchard Lane',
  language: 'English',
};

function row(
  p: Person,
  account: { number: string; from: string; type: string; payer: string },
  tx: [id: string, type: string, amount: string, memo: string],
): string {
  return [
    p.id,
    p.mrn,
    p.last,
    p.first,
    '',
    p.dob,
    p.street,
    '',
    'Springfield',
    'IL',
    '62701',
    '2175550199',
    '',
    p.language,
    '',
    'N',
    '',
    '',
    '',
    '',
    'N',
    '',
    '',
    'unknown',
    '',
    'N',
    'N',
    'N',
    'N',
    account.number,
    `${p.first} ${p.last}`,
    account.from,
    account.from,
    account.type,
    account.payer,
    'IL',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    'N',
    '',
    tx[0],
    tx[1],
    tx[2],
    account.from,
    '',
    tx[3],
  ].join(',');
}

async function writeFiles(): Promise<{ first: string; delivery: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'recoup-ob-'));
  const first = path.join(dir, 'extract-july.csv');
  await writeFile(
    first,
    `${HEADER}\n${row(LUCIA, { number: 'A8000001', from: '2026-05-04', type: 'outpatient', payer: 'self_pay' }, ['T8000001', 'charge', '180.00', 'Prenatal visit'])}\n`,
  );
  // The delivery on 25 November: $12,000.00 charged; the payer allowed $10,000.00 and paid
  // $6,550.00; her share is $3,450.00 (the estimate's, to the cent).
  const delivery = path.join(dir, 'extract-december.csv');
  const account = { number: 'A8000002', from: '2026-11-25', type: 'obstetric', payer: 'commercial' };
  await writeFile(
    delivery,
    [
      HEADER,
      row(AMARA, account, ['T8000002', 'charge', '12000.00', 'Delivery']),
      row(AMARA, account, ['T8000003', 'insurance_payment', '-6550.00', 'Blue Plan PPO']),
      row(AMARA, account, ['T8000004', 'contractual_adjustment', '-2000.00', 'Blue Plan PPO contract']),
      '',
    ].join('\n'),
  );
  return { first, delivery };
}

async function openObstetrics(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Obstetrics' }).click();
  await expect(page.getByRole('heading', { name: 'Obstetrics', level: 1 })).toBeVisible();
}

const EMTALA = 'Your care never depends on these payments.';

async function setPriceTable(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const group = page.getByRole('group', { name: 'Obstetrics' });
  await expect(group.getByLabel('Days before delivery for the last payment')).toHaveValue('30');
  await group.getByLabel('Expected charges, vaginal delivery ($)').fill('12000.00');
  await group.getByLabel('Expected charges, cesarean delivery ($)').fill('18000.00');
  await group.getByLabel('Self-pay discount (%)').fill('25');
  await group.getByLabel('Whom the patient asks').fill('Maternity billing, extension 2210');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await group.scrollIntoViewIfNeeded();
}

test('OB prepayment from the interview to the true-up', async ({ page, workspace }) => {
  test.setTimeout(300_000);
  const files = await writeFiles();
  await setUpAndLogIn(page, workspace);
  await importCombined(page, files.first);

  // Settings: the Obstetrics group, the price table in dollars.
  await setPriceTable(page);
  await shot(page, 'ob01-settings', { viewport: true });

  // The Obstetrics screen, empty.
  await openObstetrics(page);
  await expect(page.getByText('No OB case here.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Obstetrics: cases (empty)');

  // The interview for a new patient.
  await page.getByRole('button', { name: 'New OB interview' }).click();
  await expect(page.getByRole('heading', { name: 'OB interview', level: 1 })).toBeVisible();
  await expect(page.getByRole('note')).toContainText(EMTALA);
  await page.getByLabel('A new patient: enter her details').check();
  await page.getByLabel('Last name').fill(AMARA.last);
  await page.getByLabel('First name').fill(AMARA.first);
  await page.getByLabel('Date of birth').fill(AMARA.dob);
  await page.getByLabel('Address', { exact: true }).fill(AMARA.street);
  await page.getByLabel('City').fill('Springfield');
  await page.getByLabel('State').selectOption('IL');
  await page.getByLabel('ZIP code').fill('62701');
  await page.getByLabel('Guarantor number (optional)').fill(AMARA.id);
  await page.getByLabel('Expected delivery date').fill('2026-11-20');
  await page.getByLabel('Delivery kind').selectOption({ label: 'Vaginal delivery' });
  await page.getByLabel('Payer and plan').fill('Blue Plan PPO');
  await page.getByLabel('Deductible remaining ($)').fill('1500.00');
  await page.getByLabel('Out-of-pocket maximum remaining ($)').fill('4000.00');
  await page.getByLabel('Coinsurance (%)').fill('20');
  await page.getByLabel('Copay for the delivery ($)').fill('250.00');
  await page.getByLabel("Payer's allowed amount ($, if known)").fill('10000.00');
  // The estimate, live: $10,000.00 allowed; $1,500.00 deductible; 20% of $8,500.00 = $1,700.00;
  // $250.00 copay: $3,450.00 (under the $4,000.00 out-of-pocket maximum left).
  const steps = page.getByRole('list', { name: 'How the estimate is worked out' });
  await expect(steps).toContainText('$10,000.00');
  await expect(steps).toContainText('$1,500.00');
  await expect(steps).toContainText('$1,700.00');
  await expect(steps).toContainText('$250.00');
  await expect(steps).toContainText('$3,450.00');
  // The last allowed date: 30 days before 20 November.
  await expect(page.getByText(/Every payment falls due by October 21, 2026/)).toBeVisible();
  await page.getByLabel('First due date she chooses').fill('2026-07-15');
  const due = page.getByRole('list', { name: 'Each payment' });
  await expect(due.getByRole('listitem')).toHaveCount(4);
  await expect(due).toContainText('$862.50 due July 15, 2026');
  await expect(due).toContainText('$862.50 due October 15, 2026');
  await page.getByLabel('The offer and her answer').selectOption({ label: 'Offered; she declined' });
  await shot(page, 'ob02-interview-new-patient');
  await expectNoSeriousA11yViolations(page, 'the OB interview');
  await page.getByRole('button', { name: 'Save the interview' }).click();

  // The case page.
  await expect(page.getByRole('heading', { level: 1, name: /^OB-\d+: .*Nwosu/ })).toBeVisible();
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const reference = heading.split(':')[0]!;
  // The cursor starts at the new case's heading (WCAG 2.4.3).
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('note')).toContainText(EMTALA);
  await expect(page.getByText('Awaiting the signed agreement').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'The schedule, payment by payment' }).getByRole('row')).toHaveCount(5);
  await shot(page, 'ob03-case-new');
  await expectNoSeriousA11yViolations(page, 'the OB case page');

  // The signature is refused before the agreement is printed; then printed, then signed.
  await page.getByRole('button', { name: 'Print the agreement' }).click();
  const agreement = await readOpenPdf(page, /\.pdf$/, (name) => path.join('test-results', 'ob', name));
  expect(agreement).toContain(reference);
  expect(agreement).toContain('3,450.00');
  expect(agreement.replace(/\s+/g, ' ')).toContain(EMTALA);
  await page.getByRole('button', { name: 'Record the signature…' }).click();
  const sign = page.getByRole('dialog', { name: `Record the signature on ${reference}` });
  await expectNoSeriousA11yViolations(page, 'the OB signature dialog');
  await sign.getByRole('button', { name: 'Record the signature' }).click();
  await expect(sign).toBeHidden();
  await expect(page.getByText('Paying before delivery').first()).toBeVisible();

  // A deposit: held for her (no account yet).
  await page.getByRole('button', { name: 'Record a deposit…' }).click();
  const deposit = page.getByRole('dialog', { name: `Record a deposit on ${reference}` });
  await expect(deposit.getByLabel('Amount ($)')).toHaveValue('862.50');
  await deposit.getByLabel('How it was paid').selectOption({ label: 'Cash' });
  await shot(page, 'ob04-deposit', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the OB deposit dialog');
  await deposit.getByRole('button', { name: 'Record the deposit' }).click();
  await expect(deposit).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: /\$862\.50 received: receipt OB2026\d{4}-\d{4}/ }),
  ).toBeVisible();
  const deposits = page.getByRole('table', { name: 'Deposits' });
  await expect(deposits).toContainText('Held for her');
  await expect(
    page.getByRole('table', { name: 'The schedule, payment by payment' }).getByRole('row').nth(1),
  ).toContainText('Paid');

  // The date moves a week: a new version, the old one in the history.
  await page.getByRole('button', { name: 'Move the date or revise…' }).click();
  const revise = page.getByRole('dialog', { name: `Move the date or revise ${reference}` });
  // The first due date offered is the schedule's first payment not yet paid (July 15 is paid), not the
  // original first due date; the reason's choices are read whole.
  await expect(revise.getByLabel('First due date')).toHaveValue('2026-08-15');
  await expect(revise.getByLabel('Why')).toBeVisible();
  // A past delivery date and a past first due date are both said at once, each at its field.
  await revise.getByLabel('Expected delivery date').fill('2026-06-20');
  await revise.getByLabel('First due date').fill('2026-06-15');
  await revise.getByLabel('Note: what changed and who said so').fill('Checking the refusals.');
  await revise.getByRole('button', { name: 'Save the new version' }).click();
  await expect(revise.getByText('The expected delivery date must be after today, July 1, 2026.')).toBeVisible();
  await expect(revise.getByText('The first payment cannot be due before today, July 1, 2026.')).toBeVisible();
  await revise.getByLabel('First due date').fill('2026-08-15');
  await revise.getByLabel('Expected delivery date').fill('2026-11-27');
  await revise.getByLabel('Note: what changed and who said so').fill('Her obstetrician moved the date a week.');
  await expect(revise.getByText(/Every payment falls due by October 28, 2026/)).toBeVisible();
  await shot(page, 'ob05-revise', { viewport: true });
  // At 1366×768 the dialog's body scrolls and its buttons stay in reach.
  await expect(revise.getByRole('button', { name: 'Save the new version' })).toBeInViewport();
  await expect(revise.getByRole('button', { name: 'Cancel' })).toBeInViewport();
  await expectNoSeriousA11yViolations(page, 'the OB revise dialog');
  await revise.getByRole('button', { name: 'Save the new version' }).click();
  await expect(revise).toBeHidden();
  const history = page.getByRole('table', { name: 'Versions, newest first' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history).toContainText('Delivery date moved: Her obstetrician moved the date a week.');

  // The second interview: a patient the extract brought, found by search; self-pay.
  await openObstetrics(page);
  await page.getByRole('button', { name: 'New OB interview' }).click();
  await page.getByLabel('Name, MRN, phone or date of birth').fill('Romero');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: /^Choose .*Romero/ }).click();
  await expect(page.getByText(/Romero, born/)).toBeVisible();
  // A date the calendar has not, typed: said to not exist (not asked for as if blank).
  await page.getByLabel('Expected delivery date').click();
  await page.keyboard.type('02302027');
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: 'Save the interview' }).click();
  await expect(page.getByText(/^That date does not exist/)).toBeVisible();
  await shot(page, 'ob05b-interview-no-such-date', { viewport: true });
  await page.getByLabel('Expected delivery date').fill('2027-01-10');
  await page.getByLabel('Delivery kind').selectOption({ label: 'Vaginal delivery' });
  await page.getByLabel('Insured or self-pay').selectOption({ label: 'Self-pay (no coverage)' });
  // $12,000.00 less the 25% self-pay discount ($3,000.00): $9,000.00; five payments of $1,800.00.
  await expect(steps).toContainText('$3,000.00');
  await expect(steps).toContainText('$9,000.00');
  // A first due date after the last allowed date (December 11): the estimate stays, the schedule's place
  // says why, once.
  await page.getByLabel('First due date she chooses').fill('2026-12-20');
  await expect(page.getByText(/^Every payment must be due by December 11, 2026/)).toHaveCount(1);
  await expect(steps).toContainText('$9,000.00');
  await shot(page, 'ob05c-interview-first-due-refused');
  await page.getByLabel('First due date she chooses').fill('2026-08-01');
  await expect(due.getByRole('listitem')).toHaveCount(5);
  await expect(due).toContainText('$1,800.00 due December 1, 2026');
  await page
    .getByLabel('The offer and her answer')
    .selectOption({ label: 'Offered; she will apply (application given)' });
  await shot(page, 'ob06-interview-existing');
  await page.getByRole('button', { name: 'Save the interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^OB-\d+: .*Romero/ })).toBeVisible();
  await openObstetrics(page);
  await expect(page.getByRole('table', { name: 'OB cases' }).getByRole('row')).toHaveCount(3);
  // The deposits held before delivery: her $862.50, one patient (Romero has paid nothing yet).
  await expect(page.getByText('Deposits held: $862.50')).toBeVisible();
  await expect(page.getByText(/Deposits held: \$862\.50 for 1 patient\b/)).toBeVisible();
  await shot(page, 'ob07-cases');
  await expectNoSeriousA11yViolations(page, 'Obstetrics: cases');

  // The monthly OB statements tab.
  await page.getByRole('tab', { name: 'Monthly OB statements' }).click();
  // Each open case is either due an OB statement or left out with the reason.
  await expect(page.getByRole('tabpanel', { name: 'Monthly OB statements' })).toContainText(reference);
  await shot(page, 'ob08-statement-run');
  await expectNoSeriousA11yViolations(page, 'Obstetrics: monthly OB statements');
  // A real OB statement run: her statement made, the run's PDF read back (her name, the amount due: the
  // next payment of $862.50 with nothing past due, and the sentence that her care never depends on it).
  const obTab = page.getByRole('tabpanel', { name: 'Monthly OB statements' });
  await expect(obTab.getByRole('table', { name: /^Due an OB statement on/ })).toContainText(AMARA.last);
  await obTab.getByRole('button', { name: 'Make the OB statement' }).click();
  const run = (await readOpenPdf(page, /\.pdf$/, (name) => path.join('test-results', 'ob', name))).replace(/\s+/g, ' ');
  expect(run).toContain(AMARA.last);
  expect(run).toContain('862.50');
  expect(run).toContain(EMTALA);
  await expect(obTab.getByRole('button', { name: /^Open the PDF of the OB statements of July 1, 2026/ })).toBeVisible();

  // The guarantor's panel on her account workspace.
  await page.getByRole('combobox', { name: 'Find a guarantor' }).fill('Romero');
  await expect(page.getByRole('option').first()).toContainText('Romero');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Obstetrics: payments before delivery' });
  await expect(panel).toContainText('Awaiting the signed agreement');

  // Months later: the delivery, then the extract brings the delivery account.
  await moveClockTo(page, workspace, '2026-12-01', ADMIN);
  await openObstetrics(page);
  await page.getByRole('link', { name: reference, exact: true }).click();
  await page.getByRole('button', { name: 'Record the delivery…' }).click();
  const delivered = page.getByRole('dialog', { name: `Record the delivery for ${reference}` });
  await delivered.getByLabel('Delivered on').fill('2026-11-25');
  await expectNoSeriousA11yViolations(page, 'the OB delivery dialog');
  await delivered.getByRole('button', { name: 'Record the delivery' }).click();
  await expect(delivered).toBeHidden();
  await expect(page.getByText('Delivered: awaiting the true-up').first()).toBeVisible();

  await importCombined(page, files.delivery);
  await page.getByRole('combobox', { name: 'Find a guarantor' }).fill('A8000002');
  await expect(page.getByRole('option').first()).toContainText('Nwosu');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Nwosu/ })).toBeVisible();
  const accounts = page.getByRole('region', { name: /^Accounts/ });
  await expect(accounts.first()).toContainText('$3,450.00');
  const obPanel = page.getByRole('region', { name: 'Obstetrics: payments before delivery' });
  await obPanel.getByRole('link', { name: reference }).click();

  // Matched and confirmed: the deposit applied to the delivery account.
  await page.getByRole('button', { name: 'Match the delivery account…' }).click();
  const match = page.getByRole('dialog', { name: `Match the delivery account for ${reference}` });
  await match.getByLabel(/Account A8000002/).check();
  await shot(page, 'ob09-match', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the OB match dialog');
  await match.getByRole('button', { name: 'Confirm the match' }).click();
  await expect(match).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '$862.50 of deposits applied' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Delivery accounts' })).toContainText('$2,587.50');
  await expect(page.getByRole('table', { name: 'Deposits' })).toContainText('Applied');

  // The account workspace: the balance lower by the deposit.
  await page.getByRole('link', { name: 'Open her account workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Nwosu/ })).toBeVisible();
  await expect(accounts.first()).toContainText('$2,587.50');
  // The case's hold on her delivery account is named by the case, not by a reason's label.
  await expect(page.getByRole('table', { name: 'Holds' })).toContainText(`${reference} obstetric prepayment`);
  await expect(page.getByRole('table', { name: 'Holds' })).not.toContainText('Payment plan current');
  await obPanel.getByRole('link', { name: reference }).click();

  // The true-up: her real share from the EOB; the figures; a balance of $2,587.50 left to bill.
  await page.getByRole('button', { name: 'True-up…' }).click();
  const trueUp = page.getByRole('dialog', { name: `True-up for ${reference}` });
  await trueUp.getByLabel('Her real share ($)').fill('3450.00');
  await trueUp.getByLabel('Where it comes from').fill('Blue Plan PPO explanation of benefits');
  await expect(trueUp.getByText('$2,587.50 is left for her to pay.')).toBeVisible();
  await shot(page, 'ob10-true-up', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the OB true-up dialog');
  await trueUp.getByRole('button', { name: 'Make the true-up' }).click();
  await expect(trueUp).toBeHidden();
  await expect(page.getByText('Closed (trued up)').first()).toBeVisible();
  await page.getByRole('button', { name: 'Print the true-up letter' }).click();
  const letter = await readOpenPdf(page, /\.pdf$/, (name) => path.join('test-results', 'ob', name));
  expect(letter).toContain(reference);
  expect(letter).toContain('2,587.50');
  await shot(page, 'ob11-case-closed');
  await expectNoSeriousA11yViolations(page, 'the closed OB case page');

  // Reflow: the case page at 200% and 400% (1280 px wide shown at 640 and 320 CSS px).
  for (const width of [640, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 256 : 384 });
    expect.soft(await pageOverflow(page), `the OB case page at ${width} px scrolls sideways`).toBe(0);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('the interview by keyboard alone', async ({ page, workspace }) => {
  test.setTimeout(120_000);
  await setUpAndLogIn(page, workspace);
  await openObstetrics(page);
  // Tab to the button and press Enter: the interview opens, its steps reached by Tab.
  const open = page.getByRole('button', { name: 'New OB interview' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'OB interview', level: 1 })).toBeVisible();
  await page.getByLabel('Find her guarantor record').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('A new patient: enter her details')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Last name')).toBeFocused();
  // Save with nothing typed: the messages name the fields and the cursor goes to the first.
  await page.getByRole('button', { name: 'Save the interview' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Enter the expected delivery date.')).toBeVisible();
  await expect(page.getByText('Record the financial-assistance screening offer and her answer.')).toBeVisible();
  // At 200% the patient search box takes the row's width beside its button.
  await page.getByLabel('Find her guarantor record').check();
  await page.setViewportSize({ width: 683, height: 384 });
  const searchBox = await page.getByLabel('Name, MRN, phone or date of birth').boundingBox();
  expect(searchBox!.width).toBeGreaterThan(250);
  await shot(page, 'ob12-interview-200pct');
  for (const width of [640, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 256 : 384 });
    expect.soft(await pageOverflow(page), `the interview at ${width} px scrolls sideways`).toBe(0);
  }
  // Settings: a bad figure is marked invalid, its red border kept while the cursor is in it.
  await page.setViewportSize({ width: 1366, height: 768 });
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const days = page.getByRole('group', { name: 'Obstetrics' }).getByLabel('Days before delivery for the last payment');
  await days.fill('-3');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await days.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
  // The red border of an invalid field stays while it has the focus: the same colour focused and not.
  const border = String(await page.evaluate('getComputedStyle(document.activeElement).borderTopColor'));
  await days.blur();
  await expect(days).toHaveCSS('border-top-color', border);
  await days.scrollIntoViewIfNeeded();
  await shot(page, 'ob13-settings-bad-days', { viewport: true });
});

test('a case cancelled: a deposit reversed, the deposits refunded by a supervisor, a clerk sees neither step', async ({
  page,
  workspace,
}) => {
  test.setTimeout(240_000);
  const files = await writeFiles();
  await setUpAndLogIn(page, workspace);
  await addUser(page, CLERK, 'Clerk');
  await setPriceTable(page);
  await importCombined(page, files.first);

  // From her account workspace: the interview opens with her record chosen.
  await page.getByRole('combobox', { name: 'Find a guarantor' }).fill('A8000001');
  await expect(page.getByRole('option').first()).toContainText('Romero');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Obstetrics: payments before delivery' });
  await expect(panel).toContainText('No OB arrangement.');
  await panel.getByRole('button', { name: 'New OB interview' }).click();
  await expect(page.getByText(/Romero, born/)).toBeVisible();
  await page.getByLabel('Expected delivery date').fill('2027-01-10');
  await page.getByLabel('Delivery kind').selectOption({ label: 'Vaginal delivery' });
  await page.getByLabel('Insured or self-pay').selectOption({ label: 'Self-pay (no coverage)' });
  await page.getByLabel('First due date she chooses').fill('2026-08-01');
  await page.getByLabel('The offer and her answer').selectOption({ label: 'She has applied already' });
  await page.getByRole('button', { name: 'Save the interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^OB-\d+: .*Romero/ })).toBeVisible();
  const reference = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').split(':')[0]!;
  // Her recorded language is Spanish: her papers print in Spanish, and the sentence shows in both.
  await expect(page.getByLabel('Her papers in')).toHaveValue('es');
  await expect(page.getByRole('note').locator('p[lang="es"]')).toContainText('Su atención médica nunca depende');

  // An OB statement now, in English this time.
  await page.getByLabel('Her papers in').selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Print an OB statement now' }).click();
  const statement = await readOpenPdf(page, /\.pdf$/, (name) => path.join('test-results', 'ob', name));
  expect(statement).toContain(reference);
  expect(statement).toContain('1,800.00');
  await expect(page.getByRole('button', { name: 'Print an OB statement now' })).toBeFocused();

  // Two deposits; the second was a mistake and is reversed (an administrator may).
  for (const [amount, method] of [
    ['1800.00', 'Cash'],
    ['50.00', 'Check'],
  ] as const) {
    const opener = page.getByRole('button', { name: 'Record a deposit…' });
    await opener.click();
    const d = page.getByRole('dialog', { name: `Record a deposit on ${reference}` });
    await d.getByLabel('Amount ($)').fill(amount);
    await d.getByLabel('How it was paid').selectOption({ label: method });
    await d.getByRole('button', { name: 'Record the deposit' }).click();
    await expect(d).toBeHidden();
  }
  const deposits = page.getByRole('table', { name: 'Deposits' });
  await expect(deposits.getByRole('row')).toHaveCount(3);
  const reverse = deposits.getByRole('button', { name: /^Reverse deposit OB/ }).last();
  await reverse.click();
  const reversal = page.getByRole('dialog', { name: /^Reverse deposit OB/ });
  await expectNoSeriousA11yViolations(page, 'the OB reverse-deposit dialog');
  await page.keyboard.press('Escape');
  await expect(reversal).toBeHidden();
  await expect(reverse).toBeFocused();
  await reverse.click();
  await reversal.getByRole('button', { name: 'Reverse the deposit' }).click();
  await expect(reversal.getByText('Say what the mistake was.')).toBeVisible();
  await reversal.getByLabel('What the mistake was').fill('Keyed twice: the check was the cash.');
  await reversal.getByRole('button', { name: 'Reverse the deposit' }).click();
  await expect(reversal).toBeHidden();
  await expect(deposits).toContainText('Reversed (a mistake)');

  // Reflow of the case's dialogs at 400%.
  await page.setViewportSize({ width: 320, height: 256 });
  for (const name of ['Move the date or revise…', 'Record a deposit…', 'Cancel the arrangement…']) {
    await page.getByRole('button', { name }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect.soft(await pageOverflow(page), `the dialog opened by ${name} at 320 px scrolls sideways`).toBe(0);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  await page.setViewportSize({ width: 1366, height: 768 });

  // Cancelled: the $1,800.00 held is to be refunded.
  await page.getByRole('button', { name: 'Cancel the arrangement…' }).click();
  const cancel = page.getByRole('dialog', { name: `Cancel ${reference}` });
  await cancel.getByLabel('Why it ends').fill('She moved to another state.');
  await shot(page, 'ob12-cancel', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the OB cancel dialog');
  await cancel.getByRole('button', { name: 'Cancel the arrangement' }).click();
  await expect(cancel).toBeHidden();
  await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();

  // A clerk: neither the refund nor a reversal.
  await logOut(page);
  await logIn(page, CLERK);
  await openObstetrics(page);
  await page.getByLabel('Status').selectOption({ label: 'Cancelled' });
  await page.getByRole('link', { name: reference, exact: true }).click();
  await expect(page.getByText('$1,800.00 received is still held for her: a supervisor refunds it')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refund the deposits…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Reverse deposit/ })).toHaveCount(0);
  await shot(page, 'ob13-cancelled-clerk');

  // The administrator refunds.
  await logOut(page);
  await logIn(page, ADMIN);
  await openObstetrics(page);
  await page.getByLabel('Status').selectOption({ label: 'All' });
  await page.getByRole('link', { name: reference, exact: true }).click();
  await page.getByRole('button', { name: 'Refund the deposits…' }).click();
  const refund = page.getByRole('dialog', { name: `Refund the deposits on ${reference}` });
  await refund.getByLabel('How it goes back').selectOption({ label: 'Check' });
  await refund.getByLabel('Reference (check number)').fill('20417');
  await expectNoSeriousA11yViolations(page, 'the OB refund dialog');
  await refund.getByRole('button', { name: 'Refund $1,800.00' }).click();
  await expect(refund).toBeHidden();
  await expect(page.getByRole('table', { name: 'Deposits' })).toContainText('Refunded');
  await expect(page.getByRole('button', { name: 'Refund the deposits…' })).toHaveCount(0);
  await shot(page, 'ob14-refunded');
  await expectNoSeriousA11yViolations(page, 'a cancelled OB case');
});
