// Backup and restore: a restore brings back the database as it was, keeps the current one aside,
// and sends everyone to log in again.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { addUser, ADMIN, logIn, logOut, nav, setUpAndLogIn, shot } from './steps';

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

// Issue 10 item 4: a damaged database is noticed at log-in and restored from its own screen.
test('a damaged database: the problem screen names it and restores a backup, the damaged file set aside', async ({
  page,
  workspace,
}) => {
  await setUpAndLogIn(page, workspace);
  await nav(page).getByRole('link', { name: 'Backup & restore' }).click();
  await page.getByRole('button', { name: 'Check the database' }).click();
  await expect(page.getByRole('status')).toContainText('passed a full check');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toContainText('Backup made:');
  await logOut(page);

  // Damage every page but the first of the closed database, as a failing disk might.
  const file = path.join(workspace.dataDir, 'recoup.db');
  const bytes = readFileSync(file);
  for (let at = 4096 + 300; at < bytes.length; at += 4096) bytes[at] = bytes[at]! ^ 0xff;
  writeFileSync(file, bytes);

  await page.getByLabel('User name').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'The database is damaged' })).toBeVisible();
  await expect(page.getByText('Recoup has stopped using it')).toBeVisible();
  await shot(page, '33-damaged-database');

  const form = page.getByRole('region', { name: 'Restore a backup' });
  await form.getByLabel('Backup').selectOption({ index: 1 });
  await form.getByLabel("Administrator's user name").fill(ADMIN.username);
  await form.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await form.getByRole('button', { name: 'Set the damaged file aside and restore' }).click();

  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('The damaged database was set aside, untouched');
  const aside = readdirSync(workspace.dataDir).filter((f) => f.startsWith('recoup.db.damaged-'));
  expect(aside).toHaveLength(1);
  expect(readFileSync(path.join(workspace.dataDir, aside[0]!)).equals(bytes)).toBe(true);
  await logIn(page, ADMIN);
});

// Issue 10 item 5: change the data key, confirmed with the administrator's password.
test('change the data key: confirmed with a password, everyone still logs in', async ({ page, workspace }) => {
  await setUpAndLogIn(page, workspace);
  await nav(page).getByRole('link', { name: 'Backup & restore' }).click();
  await page.getByRole('button', { name: 'Change the data key…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the data key?' });
  await expect(dialog).toContainText('Passwords and the recovery key stay the same');
  await dialog.getByLabel('Your password, to confirm').fill('not my password');
  await dialog.getByRole('button', { name: 'Change the data key' }).click();
  await expect(dialog).toContainText('That password is not right.');
  await dialog.getByLabel('Your password, to confirm').fill(ADMIN.password);
  await shot(page, '34-change-data-key', { viewport: true });
  await dialog.getByRole('button', { name: 'Change the data key' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('The data key was changed: 1 backup re-encrypted');
  await logOut(page);
  await logIn(page, ADMIN);
});
