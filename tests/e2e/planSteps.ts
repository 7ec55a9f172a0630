// What a clerk does with payment plans, written once: find a guarantor, set up a plan through the
// form, read a PDF the workspace shows, post a payment, and move the business date (restart the
// workspace server on the same data folder with a later RECOUP_TODAY, then log in again), and run
// the day's statements.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, type Workspace } from './fixtures';
import { pdfText } from './pdfText';
import type { SampleGuarantor } from './samples';
import { logIn, nav } from './steps';

type User = { fullName: string; username: string; password: string };

/** Ctrl+K, the last name, Enter: the guarantor's account workspace. */
export async function openGuarantor(page: Page, g: SampleGuarantor): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.keyboard.type(g.lastName);
  await expect(page.getByRole('option', { name: new RegExp(`${g.lastName}, ${g.firstName}`) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`${g.firstName} .*${g.lastName}$`) }),
  ).toBeVisible();
}

export function planCard(page: Page, planId: number): Locator {
  return page.getByRole('article', { name: `Plan #${planId}` });
}

export interface PlanTerms {
  /** Set the plan by the number of payments, or by the amount of each payment (dollars). */
  count?: number;
  amount?: string;
  fapAnswer?: string;
}

/** Opens "Set up a payment plan…" and fills the terms; the dialog stays open for the test to check. */
export async function fillPlan(page: Page, terms: PlanTerms): Promise<Locator> {
  await page.getByRole('button', { name: 'Set up a payment plan…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set up a payment plan' });
  await expect(dialog.getByRole('heading', { name: 'Schedule' })).toBeVisible();
  if (terms.amount !== undefined) {
    await dialog.getByRole('radio', { name: 'Amount of each payment' }).check();
    await dialog.getByLabel('Amount of each payment ($)').fill(terms.amount);
  } else {
    await dialog.getByRole('radio', { name: 'Number of payments' }).check();
    await dialog.getByRole('spinbutton', { name: 'Number of payments' }).fill(String(terms.count ?? 12));
  }
  if (terms.fapAnswer) await dialog.getByLabel(terms.fapAnswer).check();
  return dialog;
}

/** Saves the plan form and returns the new plan's number from the notice. */
export async function savePlan(page: Page, dialog: Locator): Promise<number> {
  await dialog.getByRole('button', { name: 'Save the plan' }).click();
  await expect(dialog).toBeHidden();
  const saved = page.getByRole('status').filter({ hasText: /^Plan #\d+ saved/ });
  const planId = Number(/Plan #(\d+)/.exec((await saved.textContent()) ?? '')![1]);
  await saved.getByRole('button', { name: 'Dismiss' }).click();
  return planId;
}

/**
 * The PDF open in the workspace's viewer, read with pdfjs through "Save a copy"; the viewer is
 * closed. With `keep`, the bytes are also written there (a file path), for a person to look at.
 */
export async function readOpenPdf(page: Page, name: RegExp, keep?: (suggested: string) => string): Promise<string> {
  const viewer = page.getByRole('dialog', { name });
  await expect(viewer).toBeVisible();
  const download = page.waitForEvent('download');
  await viewer.getByRole('button', { name: 'Save a copy' }).click();
  const saved = await download;
  const bytes = await readFile((await saved.path())!);
  if (keep) {
    const file = keep(saved.suggestedFilename());
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
  const text = await pdfText(bytes);
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();
  return text;
}

/** A cash payment spread oldest service first. */
export async function postPayment(page: Page, dollars: string): Promise<void> {
  await page.getByRole('button', { name: 'Post payment…' }).click();
  const pay = page.getByRole('dialog', { name: 'Post a payment' });
  await pay.getByLabel('Paid by').selectOption({ label: 'Cash' });
  await pay.getByLabel('Amount ($)').fill(dollars);
  await pay.getByRole('button', { name: 'Post payment' }).click();
  const posted = page.getByRole('dialog', { name: 'Payment posted' });
  await expect(posted.getByRole('status')).toContainText(`Payment of $${dollars} posted.`);
  await posted.getByRole('button', { name: 'Done' }).click();
}

/** Moves the business date: the server restarts on the same data folder; the clerk logs in again. */
export async function moveClockTo(page: Page, workspace: Workspace, today: string, user: User): Promise<void> {
  await workspace.restart(today);
  await page.goto(workspace.url);
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await logIn(page, user);
  await expect(page.getByRole('banner')).toContainText(
    new Date(`${today}T12:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', dateStyle: 'long' }),
  );
}

export async function openQueue(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Work queue' }).click();
  await expect(page.getByRole('heading', { name: 'Work queue', level: 1 })).toBeVisible();
}

/** The queue's rows in the page (the queue is virtualised: spacer rows stand for those out of view). */
export function queueRows(page: Page): Locator {
  return page.getByRole('table', { name: /work queue/ }).locator('tbody tr:not(.spacer)');
}

/**
 * Statements: the day's run prepared, its proof shown, then released (issue 11 item 7; the user is
 * a supervisor or an administrator, who releases without typing a password). The batch opens.
 */
export async function prepareAndRelease(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Statements' }).click();
  await expect(page.getByRole('heading', { name: 'Statements', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Due today' })).toBeVisible();
  await page.getByRole('button', { name: /^Prepare today’s run/ }).click();
  const proof = page.getByRole('region', { name: 'Prepared run: proof (not sent)' });
  await expect(proof.getByRole('list', { name: 'Proof' })).toBeVisible({ timeout: 60_000 });
  await proof.getByRole('button', { name: 'Release…' }).click();
  const release = page.getByRole('dialog', { name: 'Release the statement run' });
  await release.getByRole('button', { name: 'Release and print' }).click();
  await expect(release).toBeHidden({ timeout: 60_000 });
}

/** Statements prepared and released: the text of the batch opened in the viewer. */
export async function runStatements(page: Page): Promise<string> {
  await prepareAndRelease(page);
  return readOpenPdf(page, /\.pdf$/);
}
