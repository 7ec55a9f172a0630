// Work an account as a clerk does: find the guarantor with Ctrl+K, post a payment split over two
// accounts, read the receipt, and reverse the payment; an adjustment over the limit needs a
// supervisor's password.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pdfText } from './pdfText';
import { CLEAN, cleanSample, dollars } from './samples';
import { ADMIN, addUser, CLERK, importCombined, logIn, logOut, setUpAndLogIn, shot } from './steps';

function account(page: Page, accountNumber: string): Locator {
  return page.getByRole('article', { name: `Account ${accountNumber}` });
}

async function expectBalance(page: Page, accountNumber: string, cents: number): Promise<void> {
  await expect(account(page, accountNumber).locator('p', { hasText: /^Balance/ })).toHaveText(
    `Balance ${dollars(cents)}`,
  );
}

test('work an account: search, split a payment, read the receipt, reverse the payment', async ({ page, workspace }) => {
  // A guarantor of the clean sample with at least two accounts that owe something.
  const g = cleanSample().find((x) => x.accounts.filter((a) => a.balanceCents > 2_000).length >= 2)!;
  const [first, second] = g.accounts.filter((a) => a.balanceCents > 2_000) as [
    (typeof g.accounts)[0],
    (typeof g.accounts)[0],
  ];
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);

  // Ctrl+K from anywhere, part of the name, Enter.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Find a guarantor' });
  await expect(search).toBeFocused();
  await page.keyboard.type(g.lastName.slice(0, 4).toLowerCase());
  const found = page.getByRole('option', { name: new RegExp(`${g.lastName}, ${g.firstName}`) });
  await expect(found).toBeVisible();
  await expect(found).toContainText(`${g.accounts.length} accounts`);
  await expect(found).toHaveAttribute('aria-selected', 'true');
  await shot(page, '50-search');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`^${g.firstName} .*${g.lastName}$`) }),
  ).toBeVisible();
  await expectBalance(page, first.accountNumber, first.balanceCents);
  await expectBalance(page, second.accountNumber, second.balanceCents);
  await shot(page, '51-account-workspace');
  // On a narrower window the ledger scrolls sideways rather than squeezing the memo to a sliver.
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 1024, height: wide.height });
  const memo = account(page, first.accountNumber).getByRole('columnheader', { name: 'Memo / reason' });
  expect((await memo.boundingBox())!.width).toBeGreaterThanOrEqual(160);
  await shot(page, '51b-ledger-narrow');
  await page.setViewportSize(wide);

  // A payment of $17.34, split by the clerk: $12.34 and $5.00.
  await page.getByRole('button', { name: 'Post payment…' }).click();
  const pay = page.getByRole('dialog', { name: 'Post a payment' });
  await pay.getByLabel('Paid by').selectOption({ label: 'Check' });
  await pay.getByLabel('Amount ($)').fill('17.3x');
  await pay.getByLabel('Reference (optional)').fill('Check 1001');
  await pay.getByRole('button', { name: 'Post payment' }).click();
  await expect(pay.getByRole('alert')).toHaveText('Write the amount in dollars and cents, like 125.00.');
  await pay.getByLabel('Amount ($)').fill('17.34');
  await pay.getByLabel('Choose how to split it').check();
  await pay.getByLabel(`Amount for account ${first.accountNumber}`).fill('12.34');
  await expect(pay.getByText('Remaining to allocate:')).toHaveText('Remaining to allocate: $5.00');
  await pay.getByLabel(`Amount for account ${second.accountNumber}`).fill('5.00');
  await expect(pay.getByText('Remaining to allocate:')).toHaveText('Remaining to allocate: $0.00');
  await shot(page, '52-post-payment-split');
  await pay.getByRole('button', { name: 'Post payment' }).click();

  const posted = page.getByRole('dialog', { name: 'Payment posted' });
  await expect(posted.getByRole('status')).toContainText('Payment of $17.34 posted. Receipt R');
  const receiptNumber = /Receipt (R\d{8}-\d{4})/.exec((await posted.getByRole('status').textContent()) ?? '')![1]!;
  await shot(page, '53-payment-posted');
  const download = page.waitForEvent('download');
  await posted.getByRole('button', { name: 'Save receipt (PDF)' }).click();
  const receipt = await pdfText(await readFile((await (await download).path())!));
  expect(receipt).toContain(receiptNumber);
  expect(receipt).toContain('$17.34');
  await posted.getByRole('button', { name: 'Open receipt' }).click();
  await expect(page.getByRole('dialog', { name: /\.pdf$/ })).toBeVisible();
  await shot(page, '54-receipt-open');
  await page
    .getByRole('dialog', { name: /\.pdf$/ })
    .getByRole('button', { name: 'Close' })
    .click();

  // The receipt prints again from the payment's line: the same document, shown from a one-time link
  // (the PDF is never in the page as data), and saved as the very same file.
  await page.getByRole('button', { name: `Receipt ${receiptNumber}`, exact: true }).click();
  const again = page.getByRole('dialog', { name: `receipt-${receiptNumber}.pdf` });
  await expect(again.locator('iframe')).toHaveAttribute('src', /^\/files\/[\w-]+\?ticket=[\w-]+&disposition=inline$/);
  const secondDownload = page.waitForEvent('download');
  await again.getByRole('button', { name: 'Save a copy' }).click();
  expect(await pdfText(await readFile((await (await secondDownload).path())!))).toBe(receipt);
  await again.getByRole('button', { name: 'Close' }).click();

  await expectBalance(page, first.accountNumber, first.balanceCents - 1234);
  await expectBalance(page, second.accountNumber, second.balanceCents - 500);
  await expect(page.getByRole('row', { name: new RegExp(receiptNumber) }).first()).toBeVisible();

  // One part of a split payment is not offered for reversal alone: the whole payment is reversed.
  for (const a of [first, second]) {
    const part = account(page, a.accountNumber).getByRole('row').filter({ hasText: receiptNumber });
    await expect(part).toContainText('Part of a split payment: use Reverse payment… below.');
    await expect(part.getByRole('button', { name: /^Reverse entry/ })).toHaveCount(0);
  }
  // Imported entries say so beside who posted them (whoever ran the import).
  const imported = account(page, first.accountNumber).getByRole('row').filter({ hasText: 'imported' });
  await expect(imported.first()).toContainText(`${ADMIN.fullName}imported`);
  await account(page, first.accountNumber).getByRole('row').filter({ hasText: receiptNumber }).scrollIntoViewIfNeeded();
  await shot(page, '54a-split-payment-parts');

  // The whole payment is reversed with a reason; both balances are back.
  await page.getByRole('button', { name: `Reverse payment ${receiptNumber}` }).click();
  const reverse = page.getByRole('dialog', { name: `Reverse payment ${receiptNumber}` });
  await reverse.getByLabel('Reason').fill('Check returned unpaid');
  await shot(page, '55-reverse-payment');
  await reverse.getByRole('button', { name: 'Reverse payment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is reversed' })).toHaveText(
    new RegExp(`Payment ${receiptNumber} of \\$17\\.34 is reversed\\.`),
  );
  await expectBalance(page, first.accountNumber, first.balanceCents);
  await expectBalance(page, second.accountNumber, second.balanceCents);
  await expect(page.getByRole('row', { name: new RegExp(receiptNumber) }).first()).toContainText('Reversed');
  await expect(account(page, first.accountNumber)).toContainText('Reason: Check returned unpaid');

  // The activity log and a follow-up task.
  await page.getByRole('button', { name: 'Log activity…' }).click();
  const activity = page.getByRole('dialog', { name: 'Log activity' });
  await activity.getByLabel('Outcome').selectOption({ label: 'Left a message' });
  await activity.getByLabel('Note (optional)').fill('Asked them to call about the returned check.');
  await shot(page, '56-log-activity');
  await activity.getByRole('button', { name: 'Log activity' }).click();
  await expect(page.getByRole('row', { name: /Call to them Left a message/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add task…' }).click();
  const task = page.getByRole('dialog', { name: 'Add a follow-up task' });
  await task.getByLabel('What to do').fill('Call back about the returned check');
  await task.getByLabel('Due date').fill('2030-01-15');
  // A task is always someone's: it starts as the clerk's own, and "Nobody" is not offered.
  await expect(task.getByLabel('Assigned to')).toHaveValue('1');
  await expect(task.getByLabel('Assigned to').locator('option')).toHaveText([`${ADMIN.fullName} (me)`]);
  await shot(page, '57-add-task');
  await task.getByRole('button', { name: 'Add task' }).click();
  await page.getByRole('button', { name: 'Mark “Call back about the returned check” done' }).click();
  await expect(page.getByRole('row', { name: /Call back about the returned check/ })).toContainText('Done');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await shot(page, '58-account-worked');
});

test('an adjustment over the limit needs a supervisor’s user name and password', async ({ page, workspace }) => {
  const g = cleanSample().find((x) => x.accounts.some((a) => a.balanceCents > 100_000))!;
  const big = g.accounts.find((a) => a.balanceCents > 100_000)!;
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);
  await addUser(page, CLERK, 'Clerk');
  await logOut(page);
  await logIn(page, CLERK);

  // Search by account number; the result says what matched.
  await page.getByRole('combobox', { name: 'Find a guarantor' }).fill(big.accountNumber);
  const found = page.getByRole('option').first();
  await expect(found).toContainText(`Matched: Account ${big.accountNumber}`);
  await found.click();
  await expectBalance(page, big.accountNumber, big.balanceCents);

  await page.getByRole('button', { name: `Adjustment to account ${big.accountNumber}` }).click();
  const adjust = page.getByRole('dialog', { name: `Adjustment to account ${big.accountNumber}` });
  await adjust.getByLabel('Reason').selectOption({ label: 'Billing error correction' });
  await expect(adjust.getByText('Lowers the balance by the amount.')).toBeVisible();
  await adjust.getByLabel('Amount ($)').fill('300.00');
  await expect(adjust.getByRole('group', { name: 'Supervisor approval' })).toBeVisible();
  await adjust.getByLabel('Supervisor user name').fill(ADMIN.username);
  await adjust.getByLabel('Supervisor password').fill('not-the-password');
  await adjust.getByRole('button', { name: 'Post adjustment' }).click();
  await expect(adjust.getByRole('alert')).toHaveText('The supervisor user name or password is not right.');
  await shot(page, '59-adjustment-approval');
  await adjust.getByLabel('Supervisor password').fill(ADMIN.password);
  await adjust.getByRole('button', { name: 'Post adjustment' }).click();
  // The approver by full name, in the notice and on the ledger line.
  await expect(page.getByRole('status').filter({ hasText: 'posted to account' })).toContainText(
    `Billing error correction of $300.00 posted to account ${big.accountNumber}, approved by ${ADMIN.fullName}.`,
  );
  await expectBalance(page, big.accountNumber, big.balanceCents - 30_000);
  const ledger = account(page, big.accountNumber);
  const adjustment = ledger.getByRole('row').filter({ hasText: 'Billing error correction' });
  await expect(adjustment).toContainText(`${CLERK.fullName}approved by ${ADMIN.fullName}`);

  // Reversed by mistake, and the reversal reversed in turn: the adjustment stands again, once.
  await adjustment.getByRole('button', { name: /^Reverse entry/ }).click();
  let reverse = page.getByRole('dialog', { name: /^Reverse entry #/ });
  await reverse.getByLabel('Reason').fill('Wrong account');
  await reverse.getByRole('button', { name: 'Reverse entry' }).click();
  await expect(reverse).toBeHidden();
  await expectBalance(page, big.accountNumber, big.balanceCents);
  await expect(adjustment.getByRole('button', { name: /^Reverse entry/ })).toHaveCount(0);
  const reversal = ledger.getByRole('row').filter({ hasText: 'Reason: Wrong account' });
  await reversal.getByRole('button', { name: /^Reverse entry/ }).click();
  reverse = page.getByRole('dialog', { name: /^Reverse entry #/ });
  await expect(reverse).toContainText('This entry is itself the reversal of #');
  await reverse.getByLabel('Reason').fill('It was the right account after all');
  // Undoing the reversal lowers the balance by $300.00, over the $250.00 limit: a clerk needs a
  // supervisor, as for the adjustment itself (issue 11).
  await expect(reverse.getByRole('group', { name: 'Supervisor approval' })).toBeVisible();
  await reverse.getByLabel('Supervisor user name').fill(ADMIN.username);
  await reverse.getByLabel('Supervisor password').fill(ADMIN.password);
  await shot(page, '59a-reverse-a-reversal', { viewport: true });
  await reverse.getByRole('button', { name: 'Reverse entry' }).click();
  await expect(reverse).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'is reversed' })).toContainText(
    `approved by ${ADMIN.fullName}`,
  );
  await expectBalance(page, big.accountNumber, big.balanceCents - 30_000);
  await expect(reversal.getByRole('button', { name: /^Reverse entry/ })).toHaveCount(0);
  await expect(ledger.locator('.account-next')).toContainText('Where it stands');
  await shot(page, '59b-ledger-approved-and-reversals');
});
