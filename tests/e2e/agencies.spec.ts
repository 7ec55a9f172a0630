// Issue 12 end to end, as the clerk and the supervisor click it: the placement policy in Settings;
// an agency set up by a supervisor (agreement, fee, placement layout); accounts placed by the clerk
// (built by hand, reviewed, released with the supervisor's approval typed in); the placement file
// carries only the minimum necessary (HP-02: no diagnosis, service type or note); the placed
// account on the account screen; a recall by hand with its file; an agency's ECA request through
// the 501(r) gate. Then, in "remittances and scorecard": a keyed remittance posted and reconciled,
// the agency's file uploaded and posted (and not twice), and the scorecard with its PDF and CSV.
import { expectNoSeriousA11yViolations, pageOverflow } from './a11y';
import {
  AGENCY,
  downloaded,
  PLACEMENT_DAY,
  placeAccounts,
  placedTable,
  setUpAgency,
  toPlacementDay,
} from './agencySteps';
import { expect, test } from './fixtures';
import { openGuarantor, postPayment, readOpenPdf } from './planSteps';
import { cleanSample, CLEAN } from './samples';
import { nav, shot } from './steps';
import { readFileSync } from 'node:fs';
import { formatShortDate } from '../../src/shared/dates';

test.use({ today: '2026-12-01' });

/** The sample's guarantor of an account number. */
function guarantorOf(accountNumber: string) {
  return cleanSample().find((g) => g.accounts.some((a) => a.accountNumber === accountNumber))!;
}

test('place accounts with an agency, its file, the account screen, a recall and an agency ECA request', async ({
  page,
  workspace,
}) => {
  test.setTimeout(300_000);
  await toPlacementDay(page, workspace);
  await setUpAgency(page);
  const placed = await placeAccounts(page);

  // HP-02: the placement file, in the agency's layout (pipe-separated, no phone), carries the
  // accounts placed and nothing of the care: no service type, no memo, no phone.
  const lines = placed.placementFile.trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  const header = lines[0]!.split('|');
  expect(header).toContain('account_number');
  expect(header).toContain('balance');
  expect(header).not.toContain('phone');
  for (const a of placed.accounts) expect(placed.placementFile).toContain(a);
  expect(placed.placementFile).not.toContain(placed.takenOut);
  const sample = readFileSync(CLEAN, 'utf8');
  for (const never of ['outpatient', 'inpatient', 'emergency', 'service_type', 'Clinic visit', 'Laboratory', 'memo'])
    expect(placed.placementFile.toLowerCase()).not.toContain(never.toLowerCase());
  // No guarantor's phone from the extract is in the file.
  const phones = new Set(
    sample
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(',')[11]),
  );
  for (const phone of phones) if (phone) expect(placed.placementFile).not.toContain(phone);

  // The account screen: where the account stands with the agency.
  const first = guarantorOf(placed.accounts[0]!);
  await openGuarantor(page, first);
  const section = page.getByRole('region', { name: /^Collection agencies/ });
  const row = section.getByRole('row', { name: new RegExp(placed.accounts[0]!) });
  await expect(row).toContainText(AGENCY);
  await expect(row).toContainText('With the agency');
  await expect(row).toContainText(formatShortDate(PLACEMENT_DAY));
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'a12-account-agencies', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the account screen with a placed account');

  // Placed accounts: recall the first by hand, for a dispute; the recall file goes to the agency.
  await nav(page).getByRole('link', { name: 'Placed accounts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Placed accounts', level: 1 })).toBeVisible();
  await expect(placedTable(page).locator('tbody tr')).toHaveCount(2);
  await shot(page, 'a13-placed-accounts');
  await page.getByRole('button', { name: `Recall account ${placed.accounts[0]!}`, exact: true }).click();
  const recall = page.getByRole('dialog', { name: `Recall account ${placed.accounts[0]!}` });
  await recall.getByRole('button', { name: 'Recall' }).click();
  await expect(recall.getByText('Choose why the account comes back.')).toBeVisible();
  await recall.getByLabel('Why it comes back').selectOption({ label: 'Disputed' });
  await recall.getByLabel('Note (optional)').fill('Guarantor disputes the emergency visit charge');
  await shot(page, 'a14-recall', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog recall');
  await recall.getByRole('button', { name: 'Recall' }).click();
  await expect(recall).toBeHidden();
  const summary = page.getByRole('status', { name: 'Recall summary' });
  await expect(summary).toContainText('1 account recalled.');
  const recallFile = await downloaded(page, () => summary.getByRole('button', { name: /^Download / }).click());
  expect(recallFile.text).toContain(placed.accounts[0]!);
  await expect(placedTable(page).locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Recall files' }).locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Show').selectOption({ label: 'Come back' });
  const back = page.getByRole('table', { name: 'Accounts come back from the agency' });
  await expect(back.getByRole('row', { name: new RegExp(placed.accounts[0]!) })).toContainText('Disputed');
  await page.getByLabel('Show').selectOption({ label: 'Placed now' });

  // The agency asks to report the other account to a credit bureau: the 501(r) gate answers, and
  // the request is listed with the answer either way (ECA-01).
  await page.getByRole('button', { name: `An agency's ECA request on account ${placed.accounts[1]!}` }).click();
  const eca = page.getByRole('dialog', { name: `An agency's request on account ${placed.accounts[1]!}` });
  await eca.getByLabel('The agency asks to').selectOption({ label: 'Report to a credit bureau' });
  await shot(page, 'a15-eca-request', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog eca-request');
  await eca.getByRole('button', { name: 'Ask the 501(r) gate' }).click();
  await expect(eca).toBeHidden();
  // The final notice's 30 days ended today and the notification period long ago: allowed.
  await expect(
    page.getByRole('status').filter({ hasText: /^Allowed: Lakeside Recovery Services may report/ }),
  ).toBeVisible();
  const requests = page.getByRole('table', { name: "Agencies' ECA requests" });
  await expect(requests.locator('tbody tr')).toHaveCount(1);
  await expect(requests.locator('tbody tr')).toContainText('Report to a credit bureau');
  await expect(requests.locator('tbody tr')).toContainText('Allowed');

  // A dispute on the guarantor: the gate refuses the agency's next request, says why, and the
  // refusal is recorded all the same.
  await openGuarantor(page, guarantorOf(placed.accounts[1]!));
  const cycle = page.getByRole('region', { name: 'Statements and the 501(r) clock' });
  await cycle.getByRole('button', { name: 'Place a hold…' }).click();
  const hold = page.getByRole('dialog', { name: 'Place a hold' });
  await hold.getByLabel('Reason').selectOption({ label: 'Balance disputed' });
  await hold.getByRole('button', { name: 'Place the hold' }).click();
  await expect(hold).toBeHidden();
  await nav(page).getByRole('link', { name: 'Placed accounts', exact: true }).click();
  await page.getByRole('button', { name: `An agency's ECA request on account ${placed.accounts[1]!}` }).click();
  const refused = page.getByRole('dialog', { name: `An agency's request on account ${placed.accounts[1]!}` });
  await refused.getByLabel('The agency asks to').selectOption({ label: 'Sue (including small claims)' });
  await refused.getByRole('button', { name: 'Ask the 501(r) gate' }).click();
  await expect(refused).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Refused: .*on hold/ })).toBeVisible();
  await expect(requests.locator('tbody tr')).toHaveCount(2);
  await expect(requests.locator('tbody tr').first()).toContainText('Refused');
  await expect(requests.locator('tbody tr').first()).toContainText('on hold');
  await shot(page, 'a16-placed-after-recall');
  await expectNoSeriousA11yViolations(page, 'Placed accounts');

  // The batches list: the released batch and its file.
  await nav(page).getByRole('link', { name: 'Placement', exact: true }).click();
  const batches = page.getByRole('table', { name: 'Placement batches' });
  await expect(batches.locator('tbody tr')).toHaveCount(1);
  await expect(batches.locator('tbody tr')).toContainText('Released');
  const again = await downloaded(page, () =>
    batches.getByRole('button', { name: /^Download the placement file of batch/ }).click(),
  );
  expect(again.text).toBe(placed.placementFile);
  await expectNoSeriousA11yViolations(page, 'Placement');

  // WCAG 1.4.10: the screens with their rows reflow at 400% zoom (320 CSS pixels).
  await page.setViewportSize({ width: 320, height: 256 });
  for (const screen of ['Placement', 'Placed accounts', 'Agencies']) {
    await nav(page).getByRole('link', { name: screen, exact: true }).click();
    await expect(page.locator('#main-content h1').first()).toBeVisible();
    expect.soft(await pageOverflow(page), `${screen} at 320 px scrolls sideways`).toBe(0);
  }
  await page.getByRole('link', { name: AGENCY }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${AGENCY}`) })).toBeVisible();
  expect.soft(await pageOverflow(page), 'the agency page at 320 px scrolls sideways').toBe(0);
  await openGuarantor(page, first);
  expect.soft(await pageOverflow(page), 'the account screen at 320 px scrolls sideways').toBe(0);
});

test.describe('remittances and scorecard', () => {
  test('a keyed remittance posted and reconciled, and the scorecard with its PDF and CSV', async ({
    page,
    workspace,
  }) => {
    test.setTimeout(300_000);
    await toPlacementDay(page, workspace);
    await setUpAgency(page);
    const placed = await placeAccounts(page);
    const account = placed.accounts[0]!;

    // Keyed in: $200.00 collected on the first account; gross, so the cheque is the $200.00 and
    // the invoice is the fee, 25.50% of it: $51.00.
    await nav(page).getByRole('link', { name: 'Remittances', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Remittances', level: 1 })).toBeVisible();
    await page.getByRole('radio', { name: 'Key in a remittance (up to 200 lines)' }).check();
    const keyed = page.getByRole('form', { name: 'Key in a remittance' });
    await keyed.getByLabel('Agency', { exact: true }).selectOption({ label: AGENCY });
    await keyed.getByLabel('Remittance number').fill('LRS-2027-001');
    await keyed.getByLabel('Line 1: account').fill('NO-SUCH-ACCOUNT');
    await keyed.getByLabel('Line 1: collected ($)').fill('200.00');
    await keyed.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('table', { name: 'Line problems' })).toBeVisible();
    await expect(keyed.getByRole('button', { name: 'Post the remittance' })).toBeDisabled();
    await keyed.getByLabel('Line 1: account').fill(account);
    await keyed.getByRole('button', { name: 'Preview' }).click();
    const preview = keyed.getByRole('list', { name: 'The remittance' });
    await expect(preview).toContainText('$200.00 collected');
    await expect(preview).toContainText('$51.00 in fees');
    await shot(page, 'a17-remittance-preview');
    await keyed.getByRole('button', { name: 'Post the remittance' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Remittance LRS-2027-001 posted' })).toBeVisible();

    // The keyed form is empty again. The agency's file for the second account, in its standard
    // remittance layout, uploaded and posted; the same number again would post nothing.
    await expect(keyed.getByLabel('Remittance number')).toHaveValue('');
    const second = placed.accounts[1]!;
    const file = {
      name: 'lrs-remit-002.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `account_number,paid_on,collected,fee,remitted,agency_reference\n${second},2027-01-07,100.00,25.50,100.00,T-2\n`,
      ),
    };
    await page.getByRole('radio', { name: 'Import a remittance file' }).check();
    const fromFile = page.getByRole('form', { name: 'Import a remittance file' });
    const importFile = async (reference: string) => {
      await fromFile.getByLabel('Agency', { exact: true }).selectOption({ label: AGENCY });
      await fromFile.getByLabel('Remittance number').fill(reference);
      await fromFile.getByLabel('The agency’s remittance file').setInputFiles(file);
      await fromFile.getByRole('button', { name: 'Upload and preview' }).click();
    };
    await importFile('LRS-2027-002');
    await expect(fromFile.getByRole('list', { name: 'The remittance' })).toContainText('$100.00 collected');
    await fromFile.getByRole('button', { name: 'Post the remittance' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Remittance LRS-2027-002 posted' })).toBeVisible();
    await importFile('LRS-2027-002');
    await expect(fromFile.getByRole('alert').filter({ hasText: 'is already posted' })).toBeVisible();
    await expect(fromFile.getByRole('button', { name: 'Post the remittance' })).toBeDisabled();
    await expect(page.getByRole('table', { name: 'Remittances posted' }).locator('tbody tr')).toHaveCount(2);
    await page.getByRole('button', { name: 'Open remittance LRS-2027-001' }).click();

    // Its page: the lines and the reconciliation against a cheque $0.50 short.
    const rem = page.getByRole('region', { name: `Remittance LRS-2027-001 from ${AGENCY}` });
    await expect(rem.getByRole('table', { name: 'Lines of remittance LRS-2027-001' })).toContainText(account);
    await rem.getByRole('button', { name: 'Reconcile…' }).click();
    const reconcile = page.getByRole('dialog', { name: 'Reconcile remittance LRS-2027-001' });
    await reconcile.getByLabel('Cheque or transfer amount ($)').fill('199.50');
    await reconcile.getByLabel('Cheque or transfer reference').fill('CHK 88812');
    await reconcile.getByLabel('Invoice amount ($)').fill('51.00');
    await reconcile.getByLabel('Invoice number (optional)').fill('INV-2027-01');
    await shot(page, 'a18-reconcile', { viewport: true });
    await expectNoSeriousA11yViolations(page, 'the dialog reconcile');
    await reconcile.getByRole('button', { name: 'Reconcile' }).click();
    await expect(reconcile).toBeHidden();
    const table = rem.getByRole('table', { name: 'Reconciliation' });
    await expect(table.getByRole('row', { name: /Cheque or transfer/ })).toContainText('$0.50');
    await expect(table.getByRole('row', { name: /Invoice for fees/ })).toContainText('None');
    await expect(rem.getByRole('list', { name: 'Differences' })).toBeVisible();
    await shot(page, 'a19-remittance-page');
    await expectNoSeriousA11yViolations(page, 'Remittances');

    // The account screen: what the agency collected.
    await openGuarantor(page, guarantorOf(account));
    await expect(
      page.getByRole('region', { name: /^Collection agencies/ }).getByRole('row', { name: new RegExp(account) }),
    ).toContainText('$200.00');

    // The scorecard: the agency, its PDF and its CSV.
    await nav(page).getByRole('link', { name: 'Agency scorecard', exact: true }).click();
    const side = page.getByRole('table', { name: 'Agencies side by side' });
    await expect(side.getByRole('row', { name: new RegExp(AGENCY) })).toContainText('$300.00');
    await shot(page, 'a20-scorecard');
    await expectNoSeriousA11yViolations(page, 'the agency scorecard');
    await page.getByRole('button', { name: 'Scorecard PDF' }).click();
    expect(await readOpenPdf(page, /\.pdf$/)).toContain(AGENCY);
    const csv = await downloaded(page, () => page.getByRole('button', { name: 'Scorecard CSV' }).click());
    expect(csv.text).toContain(AGENCY);

    // A payment made at the hospital on the placed account earns the agency its fee: $20.00 at
    // 25.50% is $5.10 (5.10 exactly), listed for the agency and in its CSV.
    const harris = guarantorOf(account);
    expect(harris.accounts).toHaveLength(1);
    await openGuarantor(page, harris);
    await postPayment(page, '20.00');
    await nav(page).getByRole('link', { name: 'Remittances', exact: true }).click();
    const directSection = page.getByRole('region', { name: 'Paid to the hospital while placed' });
    await directSection.getByLabel('Agency', { exact: true }).selectOption({ label: AGENCY });
    const direct = page.getByRole('table', { name: 'Payments to the hospital on placed accounts' });
    const paid = direct.getByRole('row', { name: new RegExp(account) });
    await expect(paid).toContainText('$20.00');
    await expect(paid).toContainText('25.50%');
    await expect(paid).toContainText('$5.10');
    const directCsv = await downloaded(page, () =>
      page
        .getByRole('region', { name: 'Paid to the hospital while placed' })
        .getByRole('button', { name: 'CSV' })
        .click(),
    );
    expect(directCsv.text).toContain(account);
    await shot(page, 'a21-direct-payments');

    // WCAG 1.4.10: the scorecard and a remittance's page reflow at 400% zoom (320 CSS pixels).
    await nav(page).getByRole('link', { name: 'Agency scorecard', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Agencies side by side' })).toBeVisible();
    await page.setViewportSize({ width: 320, height: 256 });
    expect.soft(await pageOverflow(page), 'the scorecard at 320 px scrolls sideways').toBe(0);
    await nav(page).getByRole('link', { name: 'Remittances', exact: true }).click();
    await page.getByRole('button', { name: 'Open remittance LRS-2027-001' }).click();
    await expect(page.getByRole('region', { name: `Remittance LRS-2027-001 from ${AGENCY}` })).toBeVisible();
    expect.soft(await pageOverflow(page), 'a remittance at 320 px scrolls sideways').toBe(0);
  });
});
