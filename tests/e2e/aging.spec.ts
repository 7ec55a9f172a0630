// The aging report reconciles: its grand total is the sum of every account balance, on screen, in
// the CSV and in the PDF; supervisors can check every balance against its ledger.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { pdfText } from './pdfText';
import { CLEAN, cleanSample, dollars } from './samples';
import { importCombined, nav, setUpAndLogIn, shot } from './steps';

test('aging report: the total equals the sum of the balances, on screen and in the CSV and PDF', async ({
  page,
  workspace,
}) => {
  const accounts = cleanSample().flatMap((g) => g.accounts);
  const totalCents = accounts.reduce((sum, a) => sum + a.balanceCents, 0);
  const owing = accounts.filter((a) => a.balanceCents !== 0).length;
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);

  await nav(page).getByRole('link', { name: 'Aging report' }).click();
  await expect(page.getByRole('heading', { name: 'Aging report', level: 1 })).toBeVisible();
  const reconcile = page.getByText('Total equals the sum of all account balances:');
  await expect(reconcile).toHaveText(`Total equals the sum of all account balances: ${dollars(totalCents)}`);
  const totalRow = page.getByRole('table').locator('tfoot tr');
  await expect(totalRow.getByRole('rowheader')).toHaveText('Total');
  await expect(totalRow.getByRole('cell').nth(-2)).toHaveText(dollars(totalCents));
  await expect(totalRow.getByRole('cell').last()).toHaveText(String(owing));
  await shot(page, '60-aging-service-date');

  // By first-statement date: a "Not yet billed" column, the same total.
  await page.getByLabel('Age', { exact: true }).selectOption({ label: 'By first-statement date' });
  await expect(page.getByRole('columnheader', { name: 'Not yet billed' })).toBeVisible();
  await expect(totalRow.getByRole('cell').nth(-2)).toHaveText(dollars(totalCents));
  await expect(reconcile).toHaveText(`Total equals the sum of all account balances: ${dollars(totalCents)}`);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = (await readFile((await (await csvDownload).path())!, 'utf8')).trim().split('\r\n');
  expect(csv[0]).toMatch(/^payer_class,accounts,bucket_0-30,.*,bucket_not_yet_billed,total$/);
  const decimal = `${Math.floor(totalCents / 100)}.${String(totalCents % 100).padStart(2, '0')}`;
  expect(csv.at(-1)).toMatch(new RegExp(`^total,${owing},.*,${decimal.replace('.', '\\.')}$`));

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  expect(await pdfText(await readFile((await (await pdfDownload).path())!))).toContain(dollars(totalCents));

  // The balance check, for supervisors and administrators.
  await page.getByRole('button', { name: 'Check balances' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'agree' })).toContainText(
    `All ${accounts.length} account balances agree with their ledgers`,
  );
  await shot(page, '61-aging-first-statement');

  // A difference is named as the clerk knows the record (the server's answer stood in for here:
  // a real store never disagrees with its ledger).
  const differences = [
    { kind: 'account', id: 3, label: 'A10000003', storedCents: 268_705, derivedCents: 268_700 },
    { kind: 'guarantor', id: 3, label: 'Harold Flores (G1000003)', storedCents: 343_073, derivedCents: 343_068 },
  ];
  const answer = (n: number) => ({
    ok: true,
    value: { ok: false, accountsChecked: 10, guarantorsChecked: 6, differences: differences.slice(0, n) },
  });
  await page.route('**/api/ledger:verify', (route) => route.fulfill({ json: answer(1) }), { times: 1 });
  await page.getByRole('button', { name: 'Check balances' }).click();
  const differing = page.locator('.verify.bad');
  await expect(differing).toContainText('1 balance does not agree with its ledger.');
  await expect(differing).toContainText('posting more to this record.');
  await expect(differing.getByRole('row').nth(1)).toContainText('Account A10000003$2,687.05$2,687.00');
  await page.route('**/api/ledger:verify', (route) => route.fulfill({ json: answer(2) }), { times: 1 });
  await page.getByRole('button', { name: 'Check balances' }).click();
  await expect(differing).toContainText('2 balances do not agree with their ledgers.');
  await expect(differing.getByRole('row').nth(2)).toContainText('Guarantor Harold Flores (G1000003)');
  await shot(page, '61a-balance-check-differences');
});
