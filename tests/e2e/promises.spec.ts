// Promises to pay: one logged from a call, one on its own; the clock moves past the due date, the
// unpaid one is broken and waits in the work queue, the paid one is kept.
import { expect, test } from './fixtures';
import { moveClockTo, openGuarantor, openQueue, postPayment, queueRows } from './planSteps';
import { CLEAN, cleanSample } from './samples';
import { ADMIN, importCombined, setUpAndLogIn, shot } from './steps';

test.use({ today: '2026-03-02' });

const sample = cleanSample();
const morgan = sample.find((g) => g.lastName === 'Morgan')!;
const freeman = sample.find((g) => g.lastName === 'Freeman')!;

test('a promise to pay from a call, broken when its day passes unpaid, waits in the work queue', async ({
  page,
  workspace,
}) => {
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);

  // From a call: the outcome "Promised to pay" asks the amount and the date.
  await openGuarantor(page, morgan);
  await page.getByRole('button', { name: 'Log activity…' }).click();
  const call = page.getByRole('dialog', { name: 'Log activity' });
  await expect(call.getByLabel('Amount promised ($)')).toHaveCount(0);
  await call.getByLabel('Outcome').selectOption({ label: 'Promised to pay' });
  await call.getByLabel('Promised by').fill('2026-03-01');
  await call.getByRole('button', { name: 'Log activity' }).click();
  await expect(call.getByText('Enter the amount promised.')).toBeVisible();
  await expect(call.getByText('A promise falls due today or later (03/02/2026 or after).')).toBeVisible();
  await call.getByLabel('Amount promised ($)').fill('50.00');
  await call.getByLabel('Promised by').fill('2026-03-09');
  await call.getByLabel('Note (optional)').fill('Will pay on Friday after payday.');
  await shot(page, '85-promise-from-call', { viewport: true });
  await call.getByRole('button', { name: 'Log activity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Promise recorded' })).toContainText(
    'Call logged: Promised to pay. Promise recorded: $50.00 by 03/09/2026.',
  );
  const promises = page.getByRole('table', { name: 'Promises to pay' });
  await expect(promises.locator('tbody tr')).toHaveCount(1);
  await expect(promises.locator('tbody tr').first()).toContainText('$50.0003/02/202603/09/2026Open$0.00');

  // On its own, for a guarantor who then pays.
  await openGuarantor(page, freeman);
  await page.getByRole('button', { name: 'Promise to pay…' }).click();
  const promise = page.getByRole('dialog', { name: 'Promise to pay' });
  await promise.getByLabel('Amount promised ($)').fill('20.00');
  await promise.getByLabel('Promised by').fill('2026-03-06');
  await shot(page, '86-promise-dialog', { viewport: true });
  await promise.getByRole('button', { name: 'Record the promise' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Promise recorded' })).toContainText(
    'Promise recorded: $20.00 by 03/06/2026.',
  );
  await postPayment(page, '20.00');

  // A week later: Morgan's promise is broken and in the queue; Freeman's is kept.
  await moveClockTo(page, workspace, '2026-03-10', ADMIN);
  await openQueue(page);
  await page.getByLabel('Kind').selectOption('broken_promise');
  await expect(queueRows(page)).toHaveCount(1);
  await expect(queueRows(page).first()).toContainText('Broken promise');
  await expect(queueRows(page).first()).toContainText('Promised $50.00 by 03/09/2026; not paid.');
  await page.getByRole('button', { name: 'Run today’s check now' }).click();
  // It ran at the log-in of the day: run again, it finds nothing new and says so.
  await expect(page.getByRole('status').filter({ hasText: 'Today’s check' })).toHaveText(
    'Today’s check had already run (at the first log-in of the day); nothing new was found.',
  );
  await shot(page, '87-queue-broken-promise');
  await queueRows(page).first().getByRole('button').click();
  await expect(page.getByRole('region', { name: 'Working the queue' })).toContainText('Promised $50.00 by 03/09/2026');
  await expect(page.getByRole('table', { name: 'Promises to pay' }).locator('tbody tr').first()).toContainText(
    'Broken 03/10/2026',
  );
  await openGuarantor(page, freeman);
  await expect(page.getByRole('table', { name: 'Promises to pay' }).locator('tbody tr').first()).toContainText('Kept');
  await expect(page.getByRole('table', { name: 'Promises to pay' }).locator('tbody tr').first()).toContainText(
    '$20.00',
  );
});
