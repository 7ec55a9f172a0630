// Roles: an administrator adds a clerk; the clerk sees only what a clerk may use, and a place for
// administrators says so plainly even when reached by its address.
import { expect, test } from './fixtures';
import { addUser, CLERK, logIn, logOut, nav, setUpAndLogIn, shot } from './steps';

test('a clerk sees no administrator places and is told why when reaching one', async ({ page, workspace }) => {
  await setUpAndLogIn(page, workspace);
  await addUser(page, CLERK, 'Clerk');
  await shot(page, '10-users');
  await logOut(page);

  await logIn(page, CLERK);
  await expect(page.getByRole('banner')).toContainText('Clerk');
  const links = nav(page).getByRole('link');
  await expect(links).toHaveText([
    'Work queue',
    'Home',
    'Import',
    'Statements',
    'Aging report',
    'Compliance',
    'Agencies',
    'Placement',
    'Placed accounts',
    'Remittances',
    'Agency scorecard',
    'Small claims',
    'Small-claims rules',
    'Estates',
    'Probate rules',
    'Insurance payments (835)',
    'Medicare bad debt',
    'Payroll deductions',
    'Obstetrics',
    'Settings',
    'My password',
  ]);
  await shot(page, '11-home-clerk');

  for (const [hash, title] of [
    ['#/users', 'Users'],
    ['#/audit', 'Audit log'],
    ['#/backup', 'Backup & restore'],
  ] as const) {
    await page.goto(`${workspace.origin}/${hash}`);
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Your role does not allow this.');
  }
  await shot(page, '12-clerk-not-allowed');

  // Settings are readable, not editable.
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('Only an administrator can change these settings.')).toBeVisible();
  await expect(page.getByLabel('Legal name')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await shot(page, '13-settings-clerk');

  // Any user changes their own password.
  await nav(page).getByRole('link', { name: 'My password' }).click();
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill('Clerk-fresh-pass-2');
  await page.getByLabel('Confirm new password').fill('Clerk-fresh-pass-2');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toHaveText('Your current password is not right.');
  await page.getByLabel('Current password').fill(CLERK.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toHaveText('Your password is changed. Use the new one from now on.');
  await shot(page, '15-my-password');
  await logOut(page);
  await logIn(page, { ...CLERK, password: 'Clerk-fresh-pass-2' });
});

test('users: a taken user name is shown on its field', async ({ page, workspace }) => {
  await setUpAndLogIn(page, workspace);
  await addUser(page, CLERK, 'Clerk');
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Full name').fill('Another Carl');
  await dialog.getByLabel('User name').fill(CLERK.username);
  await dialog.getByLabel('Password', { exact: true }).fill(CLERK.password);
  await dialog.getByLabel('Confirm password').fill(CLERK.password);
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByText('This user name is taken.')).toBeVisible();
  await expect(dialog.getByLabel('User name')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, '14-add-user-taken');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The only administrator cannot disable themselves.
  await page.getByRole('button', { name: 'Disable Ada Admin' }).click();
  const disable = page.getByRole('dialog', { name: 'Disable Ada Admin' });
  await disable.getByLabel('Reason').fill('Testing the rule');
  await disable.getByRole('button', { name: 'Disable user' }).click();
  await expect(disable.getByRole('alert')).toContainText('You cannot disable yourself.');
  await disable.getByRole('button', { name: 'Cancel' }).click();

  // Disable the clerk, then enable again with a new password.
  await page.getByRole('button', { name: `Disable ${CLERK.fullName}` }).click();
  const disableClerk = page.getByRole('dialog', { name: `Disable ${CLERK.fullName}` });
  await disableClerk.getByLabel('Reason').fill('On leave');
  await disableClerk.getByRole('button', { name: 'Disable user' }).click();
  await expect(page.getByRole('row', { name: new RegExp(CLERK.fullName) })).toContainText('Disabled');
  await page.getByRole('button', { name: `Enable ${CLERK.fullName}` }).click();
  const enable = page.getByRole('dialog', { name: `Enable ${CLERK.fullName}` });
  await enable.getByLabel('New password', { exact: true }).fill('Back-from-leave-1');
  await enable.getByLabel('Confirm new password').fill('Back-from-leave-1');
  await enable.getByRole('button', { name: 'Enable user' }).click();
  await expect(page.getByRole('status')).toContainText('is enabled again');
});
