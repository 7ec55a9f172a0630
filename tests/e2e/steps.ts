// What a clerk does again and again, written once: set Recoup up, log in, add a user, and keep a
// screenshot of each main screen for review.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type Workspace } from './fixtures';

export const ADMIN = { fullName: 'Ada Admin', username: 'ada.admin', password: 'Ledger-Key-2026!' };
export const CLERK = { fullName: 'Carl Clerk', username: 'carl.clerk', password: 'Collections-77a' };
export const SUPERVISOR = { fullName: 'Sam Supervisor', username: 'sam.supervisor', password: 'Approves-Plans-9' };
export const HOSPITAL = 'Riverside Community Hospital';

const SCREENS = path.resolve(__dirname, '../../test-results/screens');

/**
 * A full-page screenshot at the test viewport (1366x768), for a person to look at; `viewport`
 * keeps to what the screen shows (an open dialog, as the clerk sees it).
 */
export async function shot(page: Page, name: string, options: { viewport?: boolean } = {}): Promise<void> {
  // Readable at 1366x768 means no sideways scrolling.
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow, `${name} scrolls sideways`).toBe(0);
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: !options.viewport });
}

/** Step 1 of set-up, with valid identity (the NPI passes the Luhn check). */
export async function fillHospital(page: Page): Promise<void> {
  await page.getByLabel('Legal name').fill(HOSPITAL);
  await page.getByLabel('Street address', { exact: true }).fill('100 Riverside Drive');
  await page.getByLabel('Address line 2 (optional)').fill('Patient Accounts, 2nd floor');
  await page.getByLabel('City', { exact: true }).fill('Springfield');
  await page.getByLabel('State', { exact: true }).selectOption('IL');
  await page.getByLabel('ZIP code', { exact: true }).fill('12345');
  await page.getByLabel('Phone', { exact: true }).fill('(217) 555-0100');
  await page.getByLabel('Tax id (EIN)').fill('12-3456789');
  await page.getByLabel('NPI').fill('1234567893');
  await page.getByLabel('Financial-assistance phone').fill('(217) 555-0199');
  await page.getByLabel('Financial-assistance web address').fill('https://riverside.example.org/financial-assistance');
}

/** Sets up through the wizard and returns the recovery key shown once. */
export async function setUp(page: Page, workspace: Workspace, options: { demoData?: boolean } = {}): Promise<string> {
  await page.goto(workspace.url);
  await expect(page.getByRole('heading', { name: 'Set up Recoup' })).toBeVisible();
  await fillHospital(page);
  await page.getByRole('button', { name: 'Next: first administrator' }).click();
  await page.getByLabel('Full name').fill(ADMIN.fullName);
  await page.getByLabel('User name').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  if (options.demoData) {
    await page.getByLabel(/^Start with demo data/).check();
    await shot(page, '02-setup-demo-data');
  }
  await page.getByRole('button', { name: 'Set up Recoup' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const key = (await page.getByRole('group', { name: 'Recovery key' }).locator('code').textContent())?.trim() ?? '';
  expect(key.length).toBeGreaterThan(10);
  return key;
}

export async function continueToLogIn(page: Page): Promise<void> {
  await page.getByLabel('I have printed or written down the recovery key and stored it safely').check();
  await page.getByRole('button', { name: 'Continue to log in' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
}

export async function logIn(page: Page, user: { fullName: string; username: string; password: string }) {
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${user.fullName}` })).toBeVisible();
}

export async function setUpAndLogIn(page: Page, workspace: Workspace): Promise<void> {
  await setUp(page, workspace);
  await continueToLogIn(page);
  await logIn(page, ADMIN);
}

/**
 * A long table's end, as a clerk reaches it: Tab into the table's own scroll region and press End
 * (a virtualised list has only the rows in view in the page). A table short enough not to scroll
 * has no region, and all its rows are there already.
 */
export async function scrollTableToEnd(page: Page, table: string): Promise<void> {
  const region = page.getByRole('region', { name: table });
  if ((await region.count()) === 0) return;
  await region.focus();
  await page.keyboard.press('End');
}

export function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Workspace' });
}

export async function addUser(
  page: Page,
  user: { fullName: string; username: string; password: string },
  role: 'Clerk' | 'Supervisor' | 'Administrator',
): Promise<void> {
  await nav(page).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Full name').fill(user.fullName);
  await dialog.getByLabel('User name').fill(user.username);
  await dialog.getByLabel('Role').selectOption({ label: role });
  await dialog.getByLabel('Password', { exact: true }).fill(user.password);
  await dialog.getByLabel('Confirm password').fill(user.password);
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: user.fullName, exact: true })).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
}

/** Import, steps 1 to 3: one combined file chosen, uploaded, mapped as suggested, and previewed. */
export async function previewCombined(page: Page, file: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();
  const startOver = page.getByRole('button', { name: /^(Start over|Import another extract)$/ });
  if (await startOver.first().isVisible()) await startOver.first().click();
  await page.getByLabel('Combined file (CSV)').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and map the columns' }).click();
  await expect(page.getByRole('heading', { name: `Combined file: ${path.basename(file)}` })).toBeVisible();
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(page.getByRole('list', { name: 'Counts' })).toBeVisible();
}

/** Imports a clean combined extract through the wizard. */
export async function importCombined(page: Page, file: string): Promise<void> {
  await previewCombined(page, file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'nothing was doubled' })).toBeVisible();
}
