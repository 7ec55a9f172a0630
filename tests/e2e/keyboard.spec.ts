// Issue 11 item 10, by keyboard alone: after log-in the cursor starts at the work (the page's
// heading), a skip link leads past the header and the navigation, and a dialog closed gives the
// focus back to the button that opened it.
import { expect, test } from './fixtures';
import { cleanSample, CLEAN } from './samples';
import { importCombined, setUpAndLogIn } from './steps';

test('keyboard: focus starts at the work, a skip link, and focus returns from a dialog', async ({
  page,
  workspace,
}) => {
  await setUpAndLogIn(page, workspace);
  // After log-in: the page's heading has the focus, not the top of the page.
  await expect(page.locator('#main-content h1')).toBeFocused();

  await importCombined(page, CLEAN);
  const g = cleanSample()[0]!;
  await page.getByRole('combobox', { name: 'Find a guarantor' }).fill(g.accounts[0]!.accountNumber);
  await expect(page.getByRole('option').first()).toContainText(g.lastName);
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: new RegExp(g.lastName) });
  await expect(heading).toBeVisible();

  // The skip link is the first stop on the page, and takes the cursor to the work.
  // The skip link comes before everything in the header: one Shift+Tab back from the search box.
  await page.getByRole('combobox', { name: 'Find a guarantor' }).focus();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: 'Skip to the work area' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();

  // A dialog opened from a button and closed with Escape hands the focus back to that button.
  const open = page.getByRole('button', { name: 'Post payment…' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Post a payment' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
