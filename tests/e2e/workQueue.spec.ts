// The work queue drives collections (issue 11 item 8): on day one, with the demo data, the queue
// holds the accounts that need a person, highest score first; working one records what was done on
// the guarantor's activity. And the aging report lists the accounts behind a figure.
import { expectNoSeriousA11yViolations, pageOverflow } from './a11y';
import { expect, test } from './fixtures';
import { openQueue, queueRows } from './planSteps';
import { ADMIN, continueToLogIn, logIn, nav, setUp, shot } from './steps';

test('day one with demo data: a ranked queue; Done writes the activity; the aging report drills down', async ({
  page,
  workspace,
}) => {
  test.setTimeout(120_000);
  await setUp(page, workspace, { demoData: true });
  await continueToLogIn(page);
  await logIn(page, ADMIN);
  await openQueue(page);
  await expect(queueRows(page).first()).toBeVisible();
  const scores = (await queueRows(page).locator('td:first-child').allTextContents()).map(Number);
  expect(scores.length).toBeGreaterThan(5);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  await expect(page.getByText(/items? waiting\./)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the work queue with collection items');
  await shot(page, '78-queue-day-one');

  // The kinds' filter names the collection kinds; work the top unpaid statement: what was done,
  // how it came out, and the outcome go on the guarantor's activity.
  await page.getByLabel('Kind').selectOption('no_payment');
  await expect(queueRows(page).first()).toContainText('No payment');
  const first = queueRows(page).first();
  const name = (await first.getByRole('button').textContent())!.trim();
  await first.getByRole('button').click();
  const bar = page.getByRole('region', { name: 'Working the queue' });
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name.split(' ').at(-1)!);
  await bar.getByLabel('What you did').selectOption({ label: 'Call' });
  await bar.getByLabel('Result').selectOption({ label: 'Left a message' });
  await bar.getByLabel('Outcome').fill('Left a message about the unpaid statement');
  await expectNoSeriousA11yViolations(page, 'the working bar');
  await shot(page, '79-working-collections');
  await bar.getByRole('button', { name: 'Done — next item' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText(name);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name.split(' ').at(-1)!);
  const activity = page.getByRole('region', { name: /^Activity/ });
  await expect(activity).toContainText('Left a message');
  await expect(activity).toContainText('Left a message about the unpaid statement');
  await shot(page, '79a-activity-from-queue');
  await openQueue(page);
  await expect(page.getByRole('status').filter({ hasText: 'worked today' })).toHaveText('1 worked today by you');
  await expect(queueRows(page).filter({ hasText: name })).toHaveCount(0);

  // The aging report: the self-pay 180+ figure lists its accounts, whose total is the figure.
  await nav(page).getByRole('link', { name: 'Aging report' }).click();
  const figure = page.getByRole('button', { name: /list the accounts of Self-pay, 180\+ days/ });
  const amount = (await figure.textContent())!.trim();
  await figure.click();
  const list = page.getByRole('region', { name: 'Accounts: Self-pay, 180+ days' });
  await expect(list.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(list).toContainText(`Together they owe ${amount}, the report’s figure.`);
  await expect(list.getByRole('table').locator('tbody tr')).toHaveCount(50);
  await expectNoSeriousA11yViolations(page, 'the aging drill-down');
  await shot(page, '62b-aging-drill-down');
  await list.getByRole('button', { name: 'Next 50' }).click();
  await expect(list).toContainText('Accounts 51–');
  const opened = list.getByRole('table').locator('tbody tr').first().getByRole('button');
  const guarantor = (await opened.textContent())!.trim();
  await opened.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(guarantor.split(' ').at(-1)!);
  // Back to the report: the list is where it was left.
  await nav(page).getByRole('link', { name: 'Aging report' }).click();
  await expect(page.getByRole('region', { name: 'Accounts: Self-pay, 180+ days' })).toContainText('Accounts 51–');
  // At 400% zoom (320 CSS pixels) the report and its list scroll sideways only inside their tables.
  await page.setViewportSize({ width: 320, height: 256 });
  expect(await pageOverflow(page), 'the aging drill-down scrolls sideways').toBe(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: 'Close the list' }).click();
  await expect(page.getByRole('button', { name: /list the accounts of Self-pay, 180\+ days/ })).toBeFocused();

  // The working bar reflows too (its own width: the account below is the account workspace's).
  await openQueue(page);
  await queueRows(page).first().getByRole('button').click();
  await expect(bar).toBeVisible();
  await page.setViewportSize({ width: 320, height: 256 });
  const fits = await bar.evaluate((e) => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().right <= 320);
  expect(fits, 'the working bar fits 320 CSS pixels').toBe(true);
});
