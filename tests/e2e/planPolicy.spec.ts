// The plan policy in Settings (administrators edit, everyone reads) and its guardrails at set-up: a
// plan outside its tier needs a supervisor's user name, password and reason from a clerk, only a
// reason from a supervisor; financial assistance is offered first when the status is unknown and
// the balance is over the policy's amount.
import { expect, test } from './fixtures';
import { fillPlan, openGuarantor, planCard, savePlan } from './planSteps';
import { CLEAN, cleanSample, dollars } from './samples';
import { addUser, CLERK, importCombined, logIn, logOut, nav, setUpAndLogIn, shot, SUPERVISOR } from './steps';

test.use({ today: '2026-03-02' });

const sample = cleanSample();
const freeman = sample.find((g) => g.lastName === 'Freeman')!;
const morin = sample.find((g) => g.lastName === 'Morin')!;

test('plan policy: tiers and figures saved from a date with their history; a clerk reads them', async ({
  page,
  workspace,
}) => {
  await setUpAndLogIn(page, workspace);
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const policy = page.getByRole('region', { name: 'Payment plans' });
  await expect(policy).toContainText('Hospital policy — set by your administrator.');
  await expect(policy).toContainText('Plans are always interest-free.');
  await expect(policy.getByLabel('Tier 1: balance up to ($)')).toHaveValue('500.00');
  const tiers = policy.getByRole('table', { name: 'Plan tiers by balance' });
  await expect(tiers.getByRole('row').last()).toContainText('Over $2,000.00, and above');
  await expect(policy.getByLabel('Grace days')).toHaveValue('10');
  await expect(policy.getByLabel('Takes effect on')).toHaveValue('2026-03-02');

  // Limits must rise; a date before today is refused; a tier is added and removed.
  await policy.getByLabel('Tier 2: balance up to ($)').fill('400.00');
  await policy.getByLabel('Takes effect on').fill('2026-03-01');
  await policy.getByLabel('Re-ages per 12 months, at most').fill('');
  await policy.getByRole('button', { name: 'Save the plan policy' }).click();
  await expect(policy.getByText('Tier limits must rise from one tier to the next.')).toBeVisible();
  await expect(policy.getByText('Choose today or a later date; plans already made keep their terms.')).toBeVisible();
  await expect(policy.getByText('Enter the re-ages as a whole number.')).toBeVisible();
  await shot(page, '80-plan-policy-errors');
  await policy.getByLabel('Tier 2: balance up to ($)').fill('999.99');
  await policy.getByLabel('Re-ages per 12 months, at most').fill('1');
  await policy.getByRole('button', { name: 'Add a tier' }).click();
  await expect(policy.getByLabel('Tier 5: longest term (months)')).toBeVisible();
  await policy.getByRole('button', { name: 'Remove tier 4' }).click();
  await expect(policy.getByLabel('Tier 5: longest term (months)')).toHaveCount(0);
  await expect(policy.getByLabel('Tier 3: balance up to ($)')).toHaveValue('2000.00');

  // Offer financial assistance first above $100, from today.
  await policy.getByLabel('Offer financial assistance first above ($)').fill('100.00');
  await policy.getByLabel('Takes effect on').fill('2026-03-02');
  await policy.getByRole('button', { name: 'Save the plan policy' }).click();
  await expect(policy.getByRole('status')).toHaveText(
    'Plan policy saved; it takes effect on 03/02/2026. Plans already made keep their terms.',
  );
  const history = policy.getByRole('table', { name: 'History of the plan policy' });
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history.locator('tbody tr').first()).toContainText('03/02/2026Ada Admin');
  await expect(history.locator('tbody tr').first()).toContainText('In force');
  await expect(history.locator('tbody tr').last()).toContainText('From the startShipped defaults');
  await shot(page, '81-plan-policy');

  await addUser(page, CLERK, 'Clerk');
  await logOut(page);
  await logIn(page, CLERK);
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const readOnly = page.getByRole('region', { name: 'Payment plans' });
  await expect(readOnly.getByLabel('Offer financial assistance first above ($)')).toHaveValue('100.00');
  await expect(readOnly.getByLabel('Grace days')).toBeDisabled();
  await expect(readOnly.getByRole('button', { name: 'Save the plan policy' })).toHaveCount(0);
  await expect(readOnly.getByRole('button', { name: 'Add a tier' })).toHaveCount(0);
  await readOnly.scrollIntoViewIfNeeded();
  await shot(page, '81a-plan-policy-clerk');
});

test('outside the tier a clerk needs a supervisor, a supervisor gives the reason; financial assistance is offered first', async ({
  page,
  workspace,
}) => {
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);
  await addUser(page, SUPERVISOR, 'Supervisor');
  await addUser(page, CLERK, 'Clerk');
  // The administrator asks for the financial-assistance offer above $100, from today.
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const policy = page.getByRole('region', { name: 'Payment plans' });
  await policy.getByLabel('Offer financial assistance first above ($)').fill('100.00');
  await policy.getByRole('button', { name: 'Save the plan policy' }).click();
  await expect(policy.getByRole('status')).toContainText('takes effect on 03/02/2026');
  await logOut(page);
  await logIn(page, CLERK);

  // $140.10 over 24 months: outside the tier (12 months, $50 a month), and over $100 with the
  // financial-assistance status unknown.
  const balance = freeman.accounts[0]!.balanceCents;
  expect(balance).toBeGreaterThan(10_000);
  await openGuarantor(page, freeman);
  const dialog = await fillPlan(page, { count: 24 });
  const preview = dialog.getByRole('region', { name: 'Schedule' });
  await expect(preview).toContainText('Outside the plan policy');
  await expect(preview).toContainText('It runs 24 months; for this balance the policy allows 12.');
  await expect(preview).toContainText('for this balance the policy asks at least $50.00.');
  const fap = dialog.getByRole('group', { name: 'Offer financial assistance first' });
  await expect(fap).toContainText(`the balance is over ${dollars(10_000)}`);
  const approval = dialog.getByRole('group', { name: 'Supervisor approval' });
  await dialog.getByRole('button', { name: 'Save the plan' }).click();
  await expect(fap.getByRole('alert')).toHaveText('Offer financial assistance and record the answer.');
  await expect(approval.getByText('Enter the supervisor’s user name.')).toBeVisible();
  await fap.getByLabel('The patient has already applied').check();
  await approval.getByLabel('Supervisor user name').fill(SUPERVISOR.username);
  await approval.getByLabel('Supervisor password').fill('not-the-password');
  await approval.getByLabel('Reason for the exception').fill('Fixed income; about $6 a month is what he can pay');
  await dialog.getByRole('button', { name: 'Save the plan' }).click();
  await expect(approval.getByLabel('Supervisor password')).toHaveAttribute('aria-invalid', 'true');
  await expect(approval.getByRole('alert')).toHaveText('The supervisor user name or password is not right.');
  await shot(page, '82-plan-supervisor-approval', { viewport: true });
  await approval.getByLabel('Supervisor password').fill(SUPERVISOR.password);
  const plan = await savePlan(page, dialog);
  const card = planCard(page, plan);
  await expect(card).toContainText(
    'Outside the policy, approved by Sam Supervisor. Reason: Fixed income; about $6 a month is what he can pay',
  );
  await expect(card).toContainText('Financial assistanceThe patient has already applied');
  await shot(page, '83-plan-outside-policy');
  await logOut(page);

  // A supervisor approves their own exception with a reason; $6.00 asks nothing about assistance.
  await logIn(page, SUPERVISOR);
  await openGuarantor(page, morin);
  const own = await fillPlan(page, { count: 2 });
  await expect(own.getByRole('group', { name: 'Offer financial assistance first' })).toHaveCount(0);
  await expect(own.getByLabel('Financial assistance offered?')).toHaveValue('');
  await expect(own.getByRole('group', { name: 'Supervisor approval' })).toHaveCount(0);
  const exception = own.getByRole('group', { name: 'Exception to the policy' });
  await own.getByRole('button', { name: 'Save the plan' }).click();
  await expect(exception.getByRole('alert')).toHaveText('Say why this plan is an exception.');
  await exception.getByLabel('Reason for the exception').fill('Two payments fit the patient’s paydays');
  await shot(page, '84-plan-supervisor-exception', { viewport: true });
  const morinPlan = await savePlan(page, own);
  await expect(planCard(page, morinPlan)).toContainText(
    'approved by Sam Supervisor. Reason: Two payments fit the patient’s paydays',
  );
  await expect(planCard(page, morinPlan)).toContainText('Financial assistanceNot asked');
});
