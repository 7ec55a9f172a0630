// Backup and restore: a restore brings back the database as it was, keeps the current one aside,
// and sends everyone to log in again.
import { expect, test } from './fixtures';
import { addUser, ADMIN, logIn, nav, setUpAndLogIn, shot } from './steps';

// A fixed business date (RECOUP_TODAY) is marked in the header, so nobody mistakes it for today.
test.use({ today: '2026-03-16' });

test('back up, add a user, restore: the user is gone', async ({ page, workspace }) => {
  await setUpAndLogIn(page, workspace);
  await expect(page.getByRole('banner')).toContainText('March 16, 2026');
  await expect(page.getByRole('banner').getByText('Fixed date')).toBeVisible();
  await nav(page).getByRole('link', { name: 'Backup & restore' }).click();
  await expect(page.getByRole('heading', { name: 'Backup & restore', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toContainText('Backup made:');
  const made = /recoup-\S+-manual\.db/.exec((await page.getByRole('status').textContent()) ?? '')?.[0];
  expect(made).toBeTruthy();
  await expect(page.getByRole('cell', { name: made!, exact: true })).toBeVisible();
  await shot(page, '30-backups');

  await addUser(page, { fullName: 'Bea Billing', username: 'bea.billing', password: 'Statements-42x' }, 'Supervisor');

  await nav(page).getByRole('link', { name: 'Backup & restore' }).click();
  await page.getByRole('button', { name: `Restore ${made!}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('kept aside');
  await shot(page, '31-restore-confirm');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();

  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`Restored from ${made!}; the previous database was kept as`);
  await expect(page.getByRole('status')).toContainText('Log in again.');
  await shot(page, '32-restored-log-in');

  await logIn(page, ADMIN);
  await nav(page).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('cell', { name: ADMIN.fullName, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Bea Billing' })).toHaveCount(0);
});
