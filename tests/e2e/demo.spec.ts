// Demo data at set-up: synthetic patients to learn Recoup on, found by search like any others.
import { expect, test } from './fixtures';
import { ADMIN, continueToLogIn, logIn, setUp, shot } from './steps';

test('set up with demo data: search finds synthetic patients', async ({ page, workspace }) => {
  await setUp(page, workspace, { demoData: true });
  await continueToLogIn(page);
  await logIn(page, ADMIN);
  await shot(page, '03-home-admin');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('smith');
  const found = page.getByRole('option');
  await expect(found.first()).toContainText('Smith');
  expect(await found.count()).toBeGreaterThan(1);
  // Up to 25 people come back (here every demo MRN begins DM20, typed in any case); with that
  // many, the clerk is told to type more.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('dm20');
  await expect(found).toHaveCount(25);
  await expect(found.first()).toContainText('Matched: MRN DM20');
  await expect(page.getByRole('status').filter({ hasText: 'Showing the first' })).toHaveText(
    'Showing the first 25 — type more to narrow the search.',
  );
  await shot(page, '62a-search-first-25');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('smith');
  await expect(found.first()).toContainText('Smith');
  await page.keyboard.press('ArrowDown');
  await expect(found.nth(1)).toHaveAttribute('aria-selected', 'true');
  // Synthetic names include double-barrelled ones (Smith-Jones): Smith is somewhere in the name.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Smith/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Smith/ })).toBeFocused();
  await shot(page, '62-demo-account');
});
