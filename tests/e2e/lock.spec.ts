// HP-01 automatic logoff: with idle lock set to 1 minute, a minute without input locks the
// workspace; the same user's password opens it where they left off, half-typed work included.
import { expect, test } from './fixtures';
import { ADMIN, nav, setUpAndLogIn, shot } from './steps';

test('idle lock after the minutes set in Settings, then unlock where the clerk left off', async ({
  page,
  workspace,
}) => {
  await page.clock.install();
  await setUpAndLogIn(page, workspace);

  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await shot(page, '20-settings-admin');
  await page.getByLabel('Idle lock (minutes)').fill('1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  // Half-way through adding a user, the clerk walks away.
  await nav(page).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Full name').fill('Half Typed');

  await page.clock.fastForward('00:50');
  await expect(dialog).toBeVisible();
  await page.clock.fastForward('00:15');
  await expect(page.getByRole('heading', { name: `Locked — ${ADMIN.fullName}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeHidden();
  await expect(dialog).toBeHidden();
  await shot(page, '21-locked');

  await page.getByRole('main').getByLabel('Password', { exact: true }).fill('wrong-password-1');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('That password is not right.');
  await page.getByRole('main').getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Full name')).toHaveValue('Half Typed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();

  // The Lock button locks at once; Log out from the lock screen ends the session.
  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: `Locked — ${ADMIN.fullName}` })).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
});

test('while the clerk works, a heartbeat tells the server at most once a minute', async ({ page, workspace }) => {
  await page.clock.install();
  await setUpAndLogIn(page, workspace);
  const beats: number[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/auth:heartbeat')) beats.push(Date.now());
  });

  // Input now: the heartbeat waits for the minute since log-in to pass, then goes once.
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 320);
  await page.clock.fastForward('01:01');
  await expect.poll(() => beats.length).toBe(1);

  // No input for the next minutes: no heartbeat, and no lock before the 10 minutes.
  await page.clock.fastForward('02:00');
  await page.waitForTimeout(300);
  expect(beats.length).toBe(1);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.fullName}` })).toBeVisible();
});
