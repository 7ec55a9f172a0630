// Settings and the forms that follow them: the posting policy (in dollars), Undo back to what was
// last saved, the minimum password length in every password form, no reset of one's own password
// from Users, and event numbers in the audit log.
import { expect, test } from './fixtures';
import { HOSPITAL, nav, scrollTableToEnd, setUpAndLogIn, shot } from './steps';

test('settings: posting limit in dollars, Undo returns to the saved values, password minimum applies', async ({
  page,
  workspace,
}) => {
  await setUpAndLogIn(page, workspace);
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const limit = page.getByLabel('Adjustment approval limit ($)');
  await expect(limit).toHaveValue('250.00');
  await limit.fill('12.5x');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Write the approval limit in dollars and cents, like 125.00.')).toBeVisible();
  await limit.fill('100');
  await page.getByLabel('Minimum password length').fill('12');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(limit).toHaveValue('100.00');

  // Undo goes back to what was saved a moment ago, not to what the page first showed.
  await page.getByLabel('Legal name').fill('Someone Else Hospital');
  await limit.fill('5.00');
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expect(page.getByLabel('Legal name')).toHaveValue(HOSPITAL);
  await expect(limit).toHaveValue('100.00');
  await expect(page.getByLabel('Minimum password length')).toHaveValue('12');
  await shot(page, '22-settings-posting');

  // Users: no reset of one's own password here, and new passwords are held to 12 characters.
  await nav(page).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('button', { name: /^Reset password of Ada Admin/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Ada Admin/ }).getByRole('link', { name: 'My password' })).toBeVisible();
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await expect(dialog.getByText(/^At least 12 characters\./)).toBeVisible();
  await dialog.getByLabel('Full name').fill('Short Password');
  await dialog.getByLabel('User name').fill('short.pw');
  await dialog.getByLabel('Password', { exact: true }).fill('Abcdefgh-1');
  await dialog.getByLabel('Confirm password').fill('Abcdefgh-1');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Password must be at least 12 characters.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await nav(page).getByRole('link', { name: 'My password' }).click();
  await expect(page.getByText('At least 12 characters.')).toBeVisible();

  // The audit log numbers its events, as the chain check names them.
  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('columnheader', { name: '#' })).toBeVisible();
  await scrollTableToEnd(page, 'Audit events, newest first');
  await expect(page.locator('table.audit tbody tr:not(.spacer)').last().getByRole('cell').first()).toHaveText('1');
});

test('settings: the statement cycle and the final notice (ST-03, ECA-05)', async ({ page, workspace }) => {
  await setUpAndLogIn(page, workspace);
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const cycle = page.getByRole('group', { name: 'Statement cycle and the 501(r) final notice' });
  await expect(cycle.getByLabel('Days between statements')).toHaveValue('30');
  await expect(cycle.getByLabel('Statements before the final notice')).toHaveValue('3');
  await expect(cycle.getByLabel('Minimum balance to print ($)')).toHaveValue('5.00');
  await expect(cycle.getByLabel('Report to a credit bureau')).toBeChecked();
  await expect(cycle.getByLabel('Sue (including small claims)')).toBeChecked();

  await cycle.getByLabel('Days between statements').fill('3');
  await cycle.getByLabel('Report to a credit bureau').uncheck();
  await cycle.getByLabel('Sue (including small claims)').uncheck();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(cycle.getByText('At least 7 days.')).toBeVisible();
  await expect(cycle.getByText('Tick at least one action the final notice names.')).toBeVisible();

  await cycle.getByLabel('Days between statements').fill('28');
  await cycle.getByLabel('Statements before the final notice').fill('2');
  await cycle.getByLabel('Minimum balance to print ($)').fill('10');
  await cycle.getByLabel('Sue (including small claims)').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await expect(cycle.getByLabel('Days between statements')).toHaveValue('28');
  await expect(cycle.getByLabel('Statements before the final notice')).toHaveValue('2');
  await expect(cycle.getByLabel('Minimum balance to print ($)')).toHaveValue('10.00');
  await expect(cycle.getByLabel('Report to a credit bureau')).not.toBeChecked();
  await expect(cycle.getByLabel('Sue (including small claims)')).toBeChecked();
  await cycle.scrollIntoViewIfNeeded();
  await shot(page, '23-settings-statement-cycle');
});
