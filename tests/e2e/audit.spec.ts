// The audit log lists who logged in and who added whom, and its hash chain verifies.
import { expect, test } from './fixtures';
import { addUser, ADMIN, CLERK, nav, setUpAndLogIn, shot } from './steps';

test('audit log lists the log-in and the user added, and the chain is intact', async ({ page, workspace }) => {
  await setUpAndLogIn(page, workspace);
  await addUser(page, CLERK, 'Clerk');

  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  const rows = page.locator('table.audit tbody tr:not(.spacer)');
  const login = rows.filter({ hasText: 'auth:login' });
  await expect(login).toHaveCount(1);
  await expect(login).toContainText(ADMIN.username);
  await expect(login).toContainText('ok');
  await expect(rows.filter({ hasText: 'users:add' })).toContainText('user Carl Clerk');

  // Filters narrow the list.
  await page.getByLabel('Action contains').fill('users:');
  await page.getByRole('button', { name: 'Show events' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('users:add');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(rows.filter({ hasText: 'auth:login' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The audit log is intact.' })).toContainText(
    /All \d+ events were checked/,
  );
  // The day's first log-in made the daily backup, which recorded the log's last event (HP-01).
  await expect(page.getByRole('status').filter({ hasText: 'The audit log is intact.' })).toContainText(
    /(\d+) of \1 records kept with the backups agree with it/,
  );
  await shot(page, '40-audit-log');
});
