// Issue 11, "done when": two months of business days for one guarantor, as a clerk and a supervisor
// work them: the first statement, a payment and a payment plan with its agreement, the plan's
// monthly statement with its coupon, a financial-assistance application and a partial approval that
// leaves one account in credit, the determination letter, the next statement with the credit and its
// refund date, and the refund. Every printed page is read back and its figures compared with the
// ledger as the account workspace shows it (ST-01..03, ECA-05, PP-01, PP-02).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fillPlan, moveClockTo, planCard, postPayment, prepareAndRelease, readOpenPdf, savePlan } from './planSteps';
import { CLEAN, dollars } from './samples';
import { ADMIN, importCombined, setUpAndLogIn, shot } from './steps';

test.use({ today: '2027-01-04' });

const HEADER = readFileSync(CLEAN, 'utf8').split(/\r?\n/)[0]!;
const DANA = { lastName: 'Walker', firstName: 'Dana' };

/** Dana Walker: A9100001, an outpatient visit ($800.00 + $400.00), and A9100002, an emergency visit ($480.00); self-pay. */
function extract(): string {
  const cols = HEADER.split(',');
  const row = (values: Record<string, string>) => cols.map((c) => values[c] ?? '').join(',');
  const dana = {
    guarantor_id: 'G9100001',
    mrn: 'M9100001',
    last_name: 'Walker',
    first_name: 'Dana',
    date_of_birth: '1979-03-14',
    address_line1: '58 Elm Street',
    city: 'Springfield',
    state: 'IL',
    zip: '62704',
    phone: '2175550123',
    language: 'English',
    is_employee: 'N',
    deceased: 'N',
    fap_status: 'unknown',
    bankruptcy: 'N',
    do_not_call: 'N',
    do_not_mail: 'N',
    do_not_email: 'N',
    payer_class: 'self_pay',
    state_of_service: 'IL',
    last_illness: 'N',
  };
  const a1 = {
    ...dana,
    account_number: 'A9100001',
    patient_name: 'Dana Walker',
    service_from: '2026-11-02',
    service_to: '2026-11-02',
    service_type: 'outpatient',
  };
  const a2 = {
    ...dana,
    account_number: 'A9100002',
    patient_name: 'Dana Walker',
    service_from: '2026-11-20',
    service_to: '2026-11-20',
    service_type: 'emergency',
  };
  const lines = [
    row({
      ...a1,
      transaction_id: 'T9100001',
      transaction_type: 'charge',
      amount: '800.00',
      effective_date: '2026-11-02',
      memo: 'Clinic visit',
    }),
    row({
      ...a1,
      transaction_id: 'T9100002',
      transaction_type: 'charge',
      amount: '400.00',
      effective_date: '2026-11-02',
      memo: 'Laboratory',
    }),
    row({
      ...a2,
      transaction_id: 'T9100003',
      transaction_type: 'charge',
      amount: '480.00',
      effective_date: '2026-11-20',
      memo: 'Emergency room',
    }),
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'recoup-two-months-'));
  const file = path.join(dir, 'walker-extract.csv');
  writeFileSync(file, [HEADER, ...lines].join('\r\n') + '\r\n');
  return file;
}

/**
 * A printed document's text on one line (line ends and the reader's item marks as spaces). Each
 * document is kept under test-results/two-months/, numbered in order, for a person to look at.
 */
async function printed(page: Page, name: RegExp): Promise<string> {
  const text = await readOpenPdf(page, name, (file) => path.join(KEPT, `${String(++kept).padStart(2, '0')}-${file}`));
  return text.replace(/·/g, ' ').replace(/\s+/g, ' ');
}
const KEPT = path.resolve(__dirname, '../../test-results/two-months');
let kept = 0;

/** Ctrl+K, the name, Enter: Dana's account workspace. */
async function openDana(page: Page): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.keyboard.type(DANA.lastName);
  await expect(page.getByRole('option', { name: /Walker, Dana/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Dana .*Walker$/ })).toBeVisible();
}

/** The ledger as the workspace shows it: the total and each account's balance, in cents. */
async function ledger(page: Page): Promise<{ total: number; a1: number; a2: number }> {
  const cents = (text: string | null) => {
    const m = /(-?)\$([\d,]+)\.(\d\d)/.exec(text ?? '');
    if (!m) throw new Error(`no amount in ${text}`);
    return (m[1] ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]));
  };
  const balanceOf = async (n: string) =>
    cents(
      await page
        .getByRole('article', { name: `Account ${n}` })
        .locator('.account-balance strong')
        .textContent(),
    );
  return {
    total: cents(await page.locator('.owes-total').textContent()),
    a1: await balanceOf('A9100001'),
    a2: await balanceOf('A9100002'),
  };
}

test('two months of business days: a plan, a financial-assistance decision and a credit; every printed page agrees with the ledger', async ({
  page,
  workspace,
}) => {
  test.setTimeout(240_000);
  await setUpAndLogIn(page, workspace);
  await importCombined(page, extract());

  // Monday 4 January 2027: the first statement, for what the ledger says.
  await openDana(page);
  let books = await ledger(page);
  expect(books).toEqual({ total: 168_000, a1: 120_000, a2: 48_000 });
  await prepareAndRelease(page);
  let statement = await printed(page, /\.pdf$/);
  expect(statement).toContain('Dana Walker');
  expect(statement).toContain(`Amount due ${dollars(books.total)}`);
  expect(statement).toMatch(
    /A9100001 Dana Walker Outpatient visit, 11\/02\/2026 \$1,200\.00 \$0\.00 \$0\.00 \$0\.00 \$1,200\.00/,
  );
  expect(statement).toMatch(
    /A9100002 Dana Walker Emergency visit, 11\/20\/2026 \$480\.00 \$0\.00 \$0\.00 \$0\.00 \$480\.00/,
  );

  // Monday 11 January: Dana pays $180.00 and sets up six monthly payments on the rest.
  await moveClockTo(page, workspace, '2027-01-11', ADMIN);
  await openDana(page);
  await page.getByRole('button', { name: 'Post payment…' }).click();
  const pay = page.getByRole('dialog', { name: 'Post a payment' });
  await pay.getByLabel('Paid by').selectOption({ label: 'Cash' });
  await pay.getByLabel('Amount ($)').fill('180.00');
  await pay.getByRole('button', { name: 'Post payment' }).click();
  const posted = page.getByRole('dialog', { name: 'Payment posted' });
  await posted.getByRole('button', { name: 'Open receipt' }).click();
  const receipt = await printed(page, /^receipt-/);
  // The viewer took the place of the dialog; closed, the workspace shows the payment.
  await expect(posted).toBeHidden();
  books = await ledger(page);
  expect(books).toEqual({ total: 150_000, a1: 102_000, a2: 48_000 });
  // Oldest service first: all of it to A9100001, whose balance after is the ledger's.
  expect(receipt).toContain(`Amount $180.00`);
  expect(receipt).toContain(`A9100001 11/02/2026 $180.00 ${dollars(books.a1)} Total $180.00`);

  const dialog = await fillPlan(page, { count: 6, fapAnswer: 'Offered; the patient declined to apply' });
  await expect(dialog.getByText('Balance on the plan')).toHaveText(`Balance on the plan ${dollars(books.total)}`);
  const planId = await savePlan(page, dialog);
  const card = planCard(page, planId);
  await expect(card).toContainText('6 monthly payments of $250.00');
  await expect(card).toContainText('Next payment02/11/2027: $250.00');
  await card.getByRole('button', { name: 'Print agreement' }).click();
  const agreement = await printed(page, /^plan-agreement-/);
  expect(agreement).toContain('6 monthly payments of $250.00');
  expect(agreement).toContain(dollars(books.total));

  // Wednesday 3 February: the plan's monthly statement asks for its payment (PP-01), with the coupon.
  await moveClockTo(page, workspace, '2027-02-03', ADMIN);
  await prepareAndRelease(page);
  statement = await printed(page, /\.pdf$/);
  await openDana(page);
  books = await ledger(page);
  expect(books).toEqual({ total: 150_000, a1: 102_000, a2: 48_000 });
  expect(statement).toContain(`Payment plan #${planId}: your payment of $250.00 is due February 11, 2027.`);
  expect(statement).toContain('Amount due $250.00');
  expect(statement).toContain('Please pay by 02/11/2027');
  // Everything since the last statement: the payment of 11 January.
  expect(statement).toMatch(/01\/11\/2027 A9100001 Patient payment.* -\$180\.00/);
  expect(statement).toContain(`balance now ${dollars(books.total)}`);

  // Wednesday 10 February: the first installment.
  await moveClockTo(page, workspace, '2027-02-10', ADMIN);
  await openDana(page);
  await postPayment(page, '250.00');
  books = await ledger(page);
  expect(books).toEqual({ total: 125_000, a1: 77_000, a2: 48_000 });
  await expect(planCard(page, planId)).toContainText('Next payment03/11/2027: $250.00');

  // Monday 15 February: Dana applies for financial assistance; the application is complete.
  await moveClockTo(page, workspace, '2027-02-15', ADMIN);
  await openDana(page);
  const fap = page.getByRole('region', { name: 'Financial assistance' });
  await fap.getByRole('button', { name: 'Record an application…' }).click();
  const application = page.getByRole('dialog', { name: 'Financial-assistance application' });
  await application.getByLabel('What happened').selectOption({ label: 'A complete application came in' });
  await application.getByRole('button', { name: 'Record' }).click();
  await expect(application).toBeHidden();

  // Monday 22 February: the supervisor approves 70% off what Dana owed, account by account.
  // A9100001: owed $1,200.00, 30% = $360.00 under the policy; Dana paid $430.00: $70.00 back, an
  // adjustment of $840.00 ($770.00 balance to -$70.00). A9100002: owed $480.00, 30% = $144.00;
  // an adjustment of $336.00.
  await moveClockTo(page, workspace, '2027-02-22', ADMIN);
  await openDana(page);
  await fap.getByRole('button', { name: 'Record the decision…' }).click();
  const decision = page.getByRole('dialog', { name: 'Financial-assistance decision' });
  await decision.getByLabel('Decision').selectOption({ label: 'Approved in part: the patient owes a reduced amount' });
  await decision
    .getByLabel('The discount the policy gives')
    .selectOption({ label: 'A percentage off what the patient owed' });
  await decision.getByLabel('Percentage off (%)').fill('70');
  const table = decision.getByRole('table', { name: 'What the decision posts, account by account' });
  await expect(table.getByRole('row', { name: /A9100001/ })).toContainText('$840.00');
  await expect(table.getByRole('row', { name: /A9100001/ })).toContainText('$70.00');
  await expect(table.getByRole('row', { name: /A9100002/ })).toContainText('$336.00');
  await shot(page, 'two-months-fap-preview', { viewport: true });
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decision).toBeHidden();
  books = await ledger(page);
  expect(books).toEqual({ total: 7_400, a1: -7_000, a2: 14_400 });
  await fap.getByRole('button', { name: /^Print the letter of / }).click();
  const letter = await printed(page, /^fap-decision-/);
  // The determination (1.501(r)-6(c)): what Dana owed, what she owes under the policy, the
  // adjustment and the refund, account by account; the same figures the ledger now holds. The
  // refund is due 30 days after the decision (Settings: days to refund).
  expect(letter).toContain('approved your application for financial assistance in part');
  expect(letter).toContain('A9100001 11/02/2026 $1,200.00 $360.00 $840.00 $70.00 $0.00');
  expect(letter).toContain(`A9100002 11/20/2026 $480.00 $144.00 $336.00 $0.00 ${dollars(books.a2)}`);
  expect(letter).toContain(`You now owe ${dollars(books.a2)} in all.`);
  expect(letter).toContain(
    'You paid $70.00 more than you owe under the policy. We will refund it to you by March 24, 2027.',
  );
  // The plan asks for what its accounts owe: A9100002's $144.00 (the credit is refunded, not netted).
  await expect(planCard(page, planId)).toContainText(`Still owed on the plan${dollars(books.a2)}`);
  await expect(planCard(page, planId)).toContainText(`Next payment03/11/2027: ${dollars(books.a2)}`);
  const credits = page.getByRole('table', { name: 'Credits to refund' });
  await expect(credits).toContainText('A9100001');
  await expect(credits).toContainText('$70.00');
  await expect(credits).toContainText('03/24/2027');

  // Friday 5 March: the next statement bills what is owed (the plan's payment) and says when the
  // credit comes back.
  await moveClockTo(page, workspace, '2027-03-05', ADMIN);
  await prepareAndRelease(page);
  statement = await printed(page, /\.pdf$/);
  await openDana(page);
  books = await ledger(page);
  expect(books).toEqual({ total: 7_400, a1: -7_000, a2: 14_400 });
  expect(statement).toContain('Amount due $144.00');
  expect(statement).toContain('Please pay by 03/11/2027');
  expect(statement).toMatch(
    /A9100001 Dana Walker Outpatient visit, 11\/02\/2026 Credit: we refund it \$1,200\.00 \$0\.00 \$840\.00 \$430\.00 -\$70\.00/,
  );
  expect(statement).toMatch(
    /A9100002 Dana Walker Emergency visit, 11\/20\/2026 On your payment plan \$480\.00 \$0\.00 \$336\.00 \$0\.00 \$144\.00/,
  );
  expect(statement).toContain(`Total balance ${dollars(books.total)}`);
  expect(statement).toContain(`Payment plan #${planId}: your payment of $144.00 is due March 11, 2027.`);
  expect(statement).toContain('We owe you $70.00 on account A9100001: we will refund it to you by March 24, 2027.');
  // Everything since the last statement, without gaps: the installment and both adjustments.
  expect(statement).toMatch(/02\/10\/2027 A9100001 Patient payment -\$250\.00/);
  expect(statement).toMatch(/02\/22\/2027 A9100001 Charity \/ financial-assistance adjustment.* -\$840\.00/);
  expect(statement).toMatch(/02\/22\/2027 A9100002 Charity \/ financial-assistance adjustment.* -\$336\.00/);
  expect(statement).toContain(`Previous balance $1,500.00; balance now ${dollars(books.total)}.`);
  expect(statement).not.toContain('FINAL NOTICE');
  // Recoup's own note on the adjustment (for staff, in English) is not printed for the patient.
  expect(statement).not.toContain('Approved in part');

  // Monday 8 March: the refund is posted from the credits worklist.
  await moveClockTo(page, workspace, '2027-03-08', ADMIN);
  await openDana(page);
  await page.getByRole('button', { name: 'Post the refund on account A9100001' }).click();
  const refund = page.getByRole('dialog');
  await expect(refund.getByLabel('Refund amount ($)')).toHaveValue('70.00');
  await refund.getByRole('button', { name: 'Post the refund' }).click();
  await expect(refund).toBeHidden();
  books = await ledger(page);
  expect(books).toEqual({ total: 14_400, a1: 0, a2: 14_400 });
  await expect(page.getByRole('table', { name: 'Credits to refund' })).toHaveCount(0);

  // Thursday 11 March: Dana pays the plan's payment, and the plan is paid.
  await moveClockTo(page, workspace, '2027-03-11', ADMIN);
  await openDana(page);
  await postPayment(page, '144.00');
  books = await ledger(page);
  expect(books).toEqual({ total: 0, a1: 0, a2: 0 });
  const plans = page.getByRole('region', { name: /^Payment plans/ });
  await expect(plans).toContainText('No open payment plan. Nothing is owed.');
  await expect(plans).toContainText('Earlier plans (1): paid in full, cancelled or replaced');
  await shot(page, 'two-months-paid');
});
