// A payment plan's life, as a clerk lives it: set up over two accounts with the live schedule, the
// agreement printed and signed; the clock moves past the first due date and its grace, the plan
// lapses, the lapse letters are printed from the work queue, the queue is worked item by item and
// a payment cures the plan at once; a second plan runs past its cure deadline and defaults.
import { expect, test } from './fixtures';
import {
  fillPlan,
  moveClockTo,
  openGuarantor,
  openQueue,
  planCard,
  postPayment,
  queueRows,
  readOpenPdf,
  savePlan,
} from './planSteps';
import { CLEAN, cleanSample, dollars } from './samples';
import { ADMIN, importCombined, setUpAndLogIn, shot } from './steps';

test.use({ today: '2026-03-02' });

const sample = cleanSample();
const flores = sample.find((g) => g.lastName === 'Flores')!;
const perez = sample.find((g) => g.lastName === 'Perez')!;
const total = (g: typeof flores) => g.accounts.reduce((s, a) => s + a.balanceCents, 0);

test('a plan over two accounts: live schedule, agreement, lapse, lapse letters, the queue worked, a cure and a default', async ({
  page,
  workspace,
}) => {
  expect(flores.accounts).toHaveLength(2);
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);

  // Set up: both accounts, 12 monthly payments from a month from today.
  await openGuarantor(page, flores);
  const dialog = await fillPlan(page, { count: 12 });
  await expect(dialog.getByText('Balance on the plan')).toHaveText(`Balance on the plan ${dollars(total(flores))}`);
  await expect(dialog.getByLabel('First due date')).toHaveValue('2026-04-02');
  const preview = dialog.getByRole('region', { name: 'Schedule' });
  await expect(preview).toContainText(
    '12 monthly payments of $285.89 (the last $285.94), from 04/02/2026 to 03/02/2027',
  );
  await expect(preview.getByRole('table').locator('tbody tr')).toHaveCount(12);
  await expect(preview.getByRole('row', { name: /^12 03\/02\/2027 \$285\.94$/ })).toBeVisible();
  await expect(preview.getByText(/^Total/)).toHaveText(`Total ${dollars(total(flores))} Equals the balance`);
  await expect(preview).toContainText('Within the plan policy');
  // The balance is over $500 and the financial-assistance status is unknown: offer it first.
  const fap = dialog.getByRole('group', { name: 'Offer financial assistance first' });
  await expect(fap).toBeVisible();
  await dialog.getByRole('button', { name: 'Save the plan' }).click();
  await expect(fap.getByRole('alert')).toHaveText('Offer financial assistance and record the answer.');
  await shot(page, '70-plan-set-up', { viewport: true });
  await fap.getByLabel('Offered; the patient declined to apply').check();
  const floresPlan = await savePlan(page, dialog);

  const card = planCard(page, floresPlan);
  await expect(card).toContainText('Current');
  await expect(card).toContainText(
    '$3,430.73 interest-free: 12 monthly payments of $285.89 (the last $285.94) on day 2',
  );
  await expect(card).toContainText('Next payment04/02/2026: $285.89');

  // The agreement, read as printed; then the date it was signed.
  await card.getByRole('button', { name: 'Print agreement' }).click();
  await expect(page.getByRole('dialog', { name: `plan-agreement-${floresPlan}.pdf` })).toBeVisible();
  await shot(page, '71-plan-agreement', { viewport: true });
  const agreement = await readOpenPdf(page, /^plan-agreement-/);
  expect(agreement).toContain('Payment plan agreement');
  expect(agreement).toContain('12 monthly payments of $285.89');
  expect(agreement).toMatch(/within 10 days/);
  expect(agreement).toContain('Financial assistance');
  await card.getByRole('button', { name: 'Record the date it was signed…' }).click();
  const signed = page.getByRole('dialog', { name: `Agreement of plan #${floresPlan} signed` });
  await expect(signed.getByLabel('Signed on')).toHaveValue('2026-03-02');
  await shot(page, '72-plan-signed-date', { viewport: true });
  await signed.getByRole('button', { name: 'Record the date' }).click();
  await expect(card).toContainText('Agreement signed03/02/2026');
  await expect(page.getByRole('row', { name: new RegExp(`Payment plan agreement #${floresPlan}`) })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await shot(page, '73-plan-current');

  // A second guarantor's plan, set by the amount of each payment.
  await openGuarantor(page, perez);
  const perezDialog = await fillPlan(page, { amount: '500.00', fapAnswer: 'Offered; the patient will apply' });
  await expect(perezDialog.getByRole('region', { name: 'Schedule' })).toContainText(
    `11 monthly payments of $500.00 (the last ${dollars(total(perez) - 50_000 * 10)})`,
  );
  const perezPlan = await savePlan(page, perezDialog);

  // Past the first due date and its 10 grace days: both plans lapse at the first log-in.
  await moveClockTo(page, workspace, '2026-04-13', ADMIN);
  // The two lapsed plans, and an account of the sample that needs a person (a collection item).
  await expect(page.locator('.queue-callout')).toContainText('3 items waiting for you');
  await expect(page.locator('.queue-callout')).toContainText('2 lapse letters to print');
  await shot(page, '74-home-queue');
  await openQueue(page);
  await page.getByLabel('Kind').selectOption('lapsed_plan');
  await expect(queueRows(page)).toHaveCount(2);
  await expect(queueRows(page).first()).toContainText('Lapsed plan');
  await expect(queueRows(page).first()).toContainText(`Plan #${perezPlan} lapsed 04/13/2026; cure by 05/03/2026`);
  await expect(page.getByRole('status').filter({ hasText: 'worked today' })).toHaveText('0 worked today by you');
  await shot(page, '75-work-queue');

  await page.getByRole('button', { name: 'Print today’s lapse letters (2)' }).click();
  const letters = await readOpenPdf(page, /^lapse-letters-2026-04-13\.pdf$/);
  expect(letters).toContain('Your payment plan needs attention');
  expect(letters).toContain('$285.89');
  await expect(page.getByRole('status').filter({ hasText: 'lapse letters printed' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Print today’s lapse letters/ })).toHaveCount(0);
  // The batch stays listed, to be opened and reprinted as it was printed.
  const batches = page.getByRole('region', { name: 'Earlier lapse-letter batches' });
  await expect(batches.getByRole('row')).toHaveCount(2);
  await expect(batches.getByRole('row').nth(1)).toContainText('Lapse letters of 04/13/2026: 2 letters');
  await expect(batches.getByRole('row').nth(1)).toContainText(ADMIN.fullName);
  await batches.getByRole('button', { name: 'Open Lapse letters of 04/13/2026: 2 letters' }).click();
  expect(await readOpenPdf(page, /^lapse-letters-2026-04-13\.pdf$/)).toContain('Your payment plan needs attention');
  await shot(page, '75a-lapse-letter-batches');

  // Work the queue: the larger balance first.
  await page.getByRole('button', { name: 'Work next' }).click();
  const bar = page.getByRole('region', { name: 'Working the queue' });
  await expect(bar).toContainText(`Plan #${perezPlan} lapsed`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(perez.lastName);
  await expect(planCard(page, perezPlan)).toContainText('Lapsed');
  await expect(planCard(page, perezPlan)).toContainText('Cure by 05/03/2026');
  await bar.getByRole('button', { name: 'Done — next item' }).click();
  await expect(bar.getByRole('alert')).toHaveText('The outcome is required.');
  await bar.getByLabel('Outcome').fill('Left a message about the missed payment');
  await shot(page, '76-working-the-queue');
  await bar.getByRole('button', { name: 'Done — next item' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(flores.lastName);
  await expect(bar).toContainText(`Plan #${floresPlan} lapsed`);
  const lapsed = planCard(page, floresPlan);
  await expect(lapsed).toContainText('Lapsed');
  await expect(lapsed).toContainText('$285.89 past due. Cure by 05/03/2026');
  await shot(page, '77-plan-lapsed');

  // The past-due amount paid: the plan is current at once.
  await postPayment(page, '285.89');
  await expect(lapsed).toContainText('Current');
  await expect(lapsed).toContainText('Past due$0.00');
  await lapsed.getByText('History (').click();
  await expect(lapsed.getByRole('table', { name: `History of plan #${floresPlan}` })).toContainText(
    'Current againLapsed → Current',
  );
  await bar.getByLabel('Outcome').fill('Paid the past-due amount by phone');
  await bar.getByRole('button', { name: 'Done — next item' }).click();
  await expect(page.getByRole('heading', { name: 'Work queue', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'worked today' })).toHaveText('2 worked today by you');
  await expect(page.getByText('The queue is clear.')).toBeVisible();

  // Past the cure deadline without payment: the second plan defaults.
  await moveClockTo(page, workspace, '2026-05-04', ADMIN);
  await openQueue(page);
  await page.getByLabel('Kind').selectOption('defaulted_plan');
  await expect(queueRows(page)).toHaveCount(1);
  await expect(queueRows(page).first()).toContainText('Defaulted plan');
  await expect(queueRows(page).first()).toContainText(`Plan #${perezPlan} defaulted 05/04/2026`);
  await queueRows(page).first().getByRole('button').click();
  const defaulted = planCard(page, perezPlan);
  await expect(defaulted).toContainText('Defaulted');
  await expect(defaulted).toContainText('It lapsed on 04/13/2026; the cure deadline was 05/03/2026.');
  // Each of the plan's accounts says it is back in the collection cycle, and what comes next.
  for (const a of perez.accounts) {
    const next = page.getByRole('article', { name: `Account ${a.accountNumber}` }).locator('.account-next');
    await expect(next).toContainText(`Payment plan #${perezPlan} defaulted on May 4, 2026`);
    await expect(next).toContainText('the account is back in the collection cycle');
  }
  await defaulted.getByText('History (').click();
  const history = defaulted.getByRole('table', { name: `History of plan #${perezPlan}` });
  await expect(history).toContainText('DefaultedLapsed → Defaulted');
  await expect(history).toContainText('The accounts return to the collection cycle.');
  await defaulted.getByText('Schedule (').click();
  await expect(defaulted.getByRole('table', { name: `Payments of plan #${perezPlan}` })).toContainText('Missed');
  await shot(page, '78-plan-defaulted');

  // Re-aging needs payments made in full (PP-03): main's reasons show on the box.
  await defaulted.getByRole('button', { name: 'Re-schedule…' }).click();
  const reschedule = page.getByRole('dialog', { name: `Re-schedule plan #${perezPlan}` });
  await expect(reschedule.getByLabel('Amount of each payment ($)')).toHaveValue('500.00');
  await reschedule.getByLabel('Reason').fill('Patient back at work');
  await reschedule.getByLabel('Re-age (PP-03): bring the plan current').check();
  await reschedule.getByRole('button', { name: 'Save the new schedule' }).click();
  await expect(reschedule.getByRole('alert')).toContainText(/^It cannot be re-aged: .*\(PP-03\)\.$/);
  await shot(page, '79-plan-reschedule', { viewport: true });
  await reschedule.getByRole('button', { name: 'Cancel' }).click();

  await defaulted.getByRole('button', { name: 'Cancel plan…' }).click();
  const cancel = page.getByRole('dialog', { name: `Cancel plan #${perezPlan}` });
  await cancel.getByLabel('Reason').fill('Referred for financial assistance');
  await shot(page, '79a-plan-cancel', { viewport: true });
  await cancel.getByRole('button', { name: 'Cancel the plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is cancelled' })).toHaveText(
    new RegExp(`Plan #${perezPlan} is cancelled.`),
  );
  await expect(page.getByText('Earlier plans (1)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Set up a payment plan…' })).toBeVisible();

  // The cured plan, re-scheduled over ten payments: the old one is kept, replaced.
  await openGuarantor(page, flores);
  await planCard(page, floresPlan).getByRole('button', { name: 'Re-schedule…' }).click();
  const shorter = page.getByRole('dialog', { name: `Re-schedule plan #${floresPlan}` });
  await expect(shorter.getByLabel('First due date')).toHaveValue('2026-06-02');
  await expect(shorter.getByLabel('Re-age (PP-03): bring the plan current')).toHaveCount(0);
  await shorter.getByRole('radio', { name: 'Number of payments' }).check();
  await shorter.getByRole('spinbutton', { name: 'Number of payments' }).fill('10');
  await shorter.getByLabel('Reason').fill('The patient asked to finish sooner');
  await shorter.getByRole('button', { name: 'Save the new schedule' }).click();
  const replaced = page.getByRole('status').filter({ hasText: 'is replaced by plan' });
  await expect(replaced).toContainText(`Plan #${floresPlan} is replaced by plan #`);
  const newPlan = Number(/by plan #(\d+)/.exec((await replaced.textContent()) ?? '')![1]);
  await expect(planCard(page, newPlan)).toContainText(`Replaces plan #${floresPlan}.`);
  await expect(planCard(page, newPlan)).toContainText('10 monthly payments');
  await page.getByText('Earlier plans (1)').click();
  await expect(planCard(page, floresPlan)).toContainText('Replaced by a new schedule');
  await shot(page, '79b-plan-replaced');
});
