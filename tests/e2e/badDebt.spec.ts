// Issue 15 end to end, as the clerk and the supervisor click it: the settings' Medicare bad debt
// group; the accounts come in through an extract (the two claims of the real Medicare Part A 835
// in ../shared/fixtures/x12-835, read from there, and one Medicare outpatient account whose clock
// has run); the 835 uploaded, previewed and imported (both claims posted); the second import of the
// same file refused; the account's clock in the workspace; proposed by the clerk; approved by the
// supervisor; the listing for the period with its checks and its reconciliation; exported as Excel
// and read back. Every screen and dialog is checked with axe; the screens reflow at 200% and 400%.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, pageOverflow } from './a11y';
import { expect, test } from './fixtures';
import { addUser, CLERK, importCombined, logIn, logOut, nav, setUpAndLogIn, shot, SUPERVISOR } from './steps';

/** The real 835s, read where they are kept (never copied into the project). */
const X12 = path.resolve(__dirname, '../../../shared/fixtures/x12-835');
const PART_A = path.join(X12, 'medicare-part-a.835');

// The business date: after the written-off account's 120 days of collection effort.
const TODAY = '2003-03-03';
test.use({ today: TODAY });

const HEADER =
  'guarantor_id,mrn,last_name,first_name,middle_name,date_of_birth,address_line1,address_line2,city,state,zip,phone,email,language,employer,is_employee,employee_id,pay_frequency,hourly_rate,annual_salary,deceased,date_of_death,death_source,fap_status,fap_status_date,bankruptcy,do_not_call,do_not_mail,do_not_email,account_number,patient_name,service_from,service_to,service_type,payer_class,state_of_service,mbi,medicare_ra_date,medicaid_number,medicaid_ra_date,secondary_ra_date,deductible,coinsurance,last_illness,first_statement_date,transaction_id,transaction_type,amount,effective_date,reference,memo';

interface SeedAccount {
  guarantor: string;
  last: string;
  first: string;
  account: string;
  from: string;
  to: string;
  type: 'inpatient' | 'outpatient';
  mbi: string;
  raDate: string;
  deductible: string;
  coinsurance: string;
  firstStatement: string;
  charge: string;
}

const SEED: SeedAccount[] = [
  // CLP01 666123 and 777777 of medicare-part-a.835 (Part A inpatient, Part B).
  {
    guarantor: 'G9000001',
    last: 'Jones',
    first: 'Sam',
    account: '666123',
    from: '2002-08-16',
    to: '2002-08-24',
    type: 'inpatient',
    mbi: '1EG4TE5MK73',
    raDate: '',
    deductible: '',
    coinsurance: '',
    firstStatement: '',
    charge: '211366.97',
  },
  {
    guarantor: 'G9000002',
    last: 'Border',
    first: 'Liz',
    account: '777777',
    from: '2002-05-12',
    to: '2002-05-12',
    type: 'outpatient',
    mbi: '2EG4TE5MK74',
    raDate: '',
    deductible: '',
    coinsurance: '',
    firstStatement: '',
    charge: '15000.00',
  },
  // Remitted 2002-06-20, first billed 2002-07-01 (BD-04: 11 days), no payment since: 120 days of
  // effort end 2002-10-29 (BD-05). Allowable: $100.00 deductible + $40.00 coinsurance = $140.00.
  {
    guarantor: 'G9000003',
    last: 'Ouellette',
    first: 'Rose',
    account: 'B3000001',
    from: '2002-06-01',
    to: '2002-06-01',
    type: 'outpatient',
    mbi: '3EG4TE5MK75',
    raDate: '2002-06-20',
    deductible: '100.00',
    coinsurance: '40.00',
    firstStatement: '2002-07-01',
    charge: '140.00',
  },
];

async function writeExtract(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'recoup-bd-'));
  const file = path.join(dir, 'extract-bad-debt.csv');
  const rows = SEED.map((a, i) =>
    [
      a.guarantor,
      `M90000${i + 1}`,
      a.last,
      a.first,
      '',
      '1935-03-0' + (i + 1),
      `${10 + i} Main Street`,
      '',
      'Portland',
      'ME',
      '04101',
      '2075550100',
      '',
      'English',
      'Retired',
      'N',
      '',
      '',
      '',
      '',
      'N',
      '',
      '',
      'unknown',
      '',
      'N',
      'N',
      'N',
      'N',
      a.account,
      `${a.first} ${a.last}`,
      a.from,
      a.to,
      a.type,
      'medicare',
      'ME',
      a.mbi,
      a.raDate,
      '',
      '',
      '',
      a.deductible,
      a.coinsurance,
      'N',
      a.firstStatement,
      `T90000${i + 1}`,
      'charge',
      a.charge,
      a.from,
      '',
      'Hospital care',
    ].join(','),
  );
  await writeFile(file, `${HEADER}\n${rows.join('\n')}\n`);
  return file;
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tabpanel').getByRole('heading', { name, level: 2 })).toBeVisible();
}

const TABS = ['Candidates', 'Approvals', 'Write-offs', 'Listing', 'Collection-effort evidence'];

test('bad-debt screens: axe finds nothing serious, keyboard tabs, reflow at 200% and 400%', async ({
  page,
  workspace,
}) => {
  test.setTimeout(180_000);
  await setUpAndLogIn(page, workspace);

  // Settings: the Medicare bad debt group, with the schema's messages.
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const group = page.getByRole('group', { name: 'Medicare bad debt' });
  await expect(group.getByLabel('Fiscal year end (MM-DD)')).toHaveValue('12-31');
  await group.getByLabel('CCN', { exact: true }).fill('12345');
  await group.getByLabel('Fiscal year end (MM-DD)').fill('02-30');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(group.getByText('A CCN is 6 letters or digits, such as 123456.')).toBeVisible();
  await expect(group.getByText('That day is not in that month.')).toBeVisible();
  await group.getByLabel('CCN', { exact: true }).fill('123456');
  await group.getByLabel('Fiscal year end (MM-DD)').fill('12-31');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await group.scrollIntoViewIfNeeded();
  await shot(page, 'bd01-settings-bad-debt', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'Settings with the Medicare bad debt group');

  await nav(page).getByRole('link', { name: 'Insurance payments (835)' }).click();
  await expect(page.getByRole('heading', { name: 'Insurance payments (835)', level: 1 })).toBeVisible();
  // Without a file: the field says so.
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.getByText('Choose an 835 file.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await expectNoSeriousA11yViolations(page, 'Insurance payments (835)');
  await shot(page, 'bd02-era-empty');

  await nav(page).getByRole('link', { name: 'Medicare bad debt' }).click();
  await expect(page.getByRole('heading', { name: 'Medicare bad debt', level: 1 })).toBeVisible();
  for (const tab of TABS) {
    await openTab(page, tab);
    await expectNoSeriousA11yViolations(page, `Medicare bad debt, ${tab}`);
  }
  // The listing's period defaults to the current cost-reporting period (FYE 12-31).
  await openTab(page, 'Listing');
  await expect(page.getByLabel('Period from')).toHaveValue('2003-01-01');
  await expect(page.getByLabel('Period to')).toHaveValue('2003-12-31');
  await expect(page.getByLabel('CCN', { exact: true })).toHaveValue('123456');
  await shot(page, 'bd03-listing-empty');

  // Keyboard: the arrow keys move between the tabs.
  await page.getByRole('tab', { name: 'Listing' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Collection-effort evidence' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Collection-effort evidence' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Candidates' })).toBeFocused();

  for (const width of [683, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 256 : 384 });
    for (const tab of TABS) {
      await openTab(page, tab);
      expect.soft(await pageOverflow(page), `Medicare bad debt, ${tab}, at ${width} px scrolls sideways`).toBe(0);
    }
    await nav(page).getByRole('link', { name: 'Insurance payments (835)' }).click();
    await expect(page.getByRole('heading', { name: 'Insurance payments (835)', level: 1 })).toBeVisible();
    expect.soft(await pageOverflow(page), `Insurance remittances at ${width} px scrolls sideways`).toBe(0);
    if (width === 683) await shot(page, 'bd04-era-200');
    await nav(page).getByRole('link', { name: 'Medicare bad debt' }).click();
    await expect(page.getByRole('heading', { name: 'Medicare bad debt', level: 1 })).toBeVisible();
    if (width === 683) await shot(page, 'bd05-bad-debt-200');
  }
});

test('bad debt: an 835 in, the clock, proposed, approved, the listing exported as Excel', async ({
  page,
  workspace,
}) => {
  test.setTimeout(600_000);
  await setUpAndLogIn(page, workspace);
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const group = page.getByRole('group', { name: 'Medicare bad debt' });
  await group.getByLabel('CCN', { exact: true }).fill('123456');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await addUser(page, CLERK, 'Clerk');
  await addUser(page, SUPERVISOR, 'Supervisor');
  await importCombined(page, await writeExtract());
  await logOut(page);

  // The clerk imports the payer's 835.
  await logIn(page, CLERK);
  await nav(page).getByRole('link', { name: 'Insurance payments (835)' }).click();
  await page.getByLabel('835 file', { exact: true }).setInputFiles(PART_A);
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  const preview = page.getByLabel('Preview of the 835 file');
  await expect(preview.getByText('Interchange 000000907')).toBeVisible();
  const claims = preview.getByRole('table', { name: /^Claims paid by INSURANCE COMPANY OF TIMBUCKTU/ });
  await expect(claims.getByRole('row', { name: /^666123 / })).toContainText('$138,018.40');
  await expect(claims.getByRole('row', { name: /^666123 / })).toContainText('$73,348.57');
  await expect(claims.getByRole('row', { name: /^777777 / })).toContainText('$11,980.33');
  await expect(preview.getByText('Remittance date')).toBeVisible();
  await expect(preview.getByText('September 16, 2002')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the 835 preview');
  await shot(page, 'bd10-era-preview');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'medicare-part-a.835 imported: 2 claims posted' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: '835 file medicare-part-a.835', level: 2 })).toBeVisible();
  await expect(page.getByRole('table', { name: '835 files imported' })).toContainText('medicare-part-a.835');
  await shot(page, 'bd11-era-imported');

  // The same file again: nothing would post, and Import stays off.
  await page.getByLabel('835 file', { exact: true }).setInputFiles(PART_A);
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'importing it again would post nothing' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  // The account's clock in the workspace.
  await page.getByRole('combobox', { name: 'Find a guarantor' }).fill('B3000001');
  await expect(page.getByRole('option').first()).toContainText('Ouellette');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Account B3000001: Medicare bad debt' });
  await expect(panel).toBeVisible();
  const facts = panel.locator('dl.facts');
  await expect(facts).toContainText('Allowable bad debt$140.00');
  await expect(facts).toContainText('First write-off dateOctober 29, 2002');
  await expect(panel.getByRole('list', { name: 'Bad-debt criteria of account B3000001' })).toContainText('Met');
  await expectNoSeriousA11yViolations(page, 'the account workspace with the bad-debt section');
  for (const name of ['Edit bad-debt facts…', 'Record an indigence determination…']) {
    const opener = panel.getByRole('button', { name });
    await opener.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the dialog opened by ${name}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  }
  // A self-declaration is not proof: the dialog says so.
  await panel.getByRole('button', { name: 'Record an indigence determination…' }).click();
  await expect(page.getByRole('dialog')).toContainText('statement alone is not proof');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'bd12-account-clock', { viewport: true });

  // Proposed by the clerk.
  await nav(page).getByRole('link', { name: 'Medicare bad debt' }).click();
  const candidates = page.getByRole('table', { name: 'Medicare bad-debt candidates' });
  await expect(candidates.getByRole('row', { name: /B3000001/ })).toContainText('$140.00');
  await candidates.getByRole('checkbox', { name: 'Choose account B3000001' }).check();
  await page.getByLabel('Collection effort ceased on').fill('2003-03-01');
  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 write-off proposed ($140.00)' })).toBeVisible();
  await shot(page, 'bd13-proposed');
  await openTab(page, 'Approvals');
  await expect(page.getByRole('note')).toContainText('A supervisor approves');
  await logOut(page);

  // Approved by the supervisor.
  await logIn(page, SUPERVISOR);
  await nav(page).getByRole('link', { name: 'Medicare bad debt' }).click();
  await openTab(page, 'Approvals');
  await page.getByRole('checkbox', { name: 'Choose the proposal for account B3000001' }).check();
  const approve = page.getByRole('button', { name: 'Approve…' });
  await approve.click();
  const dialog = page.getByRole('dialog', { name: 'Approve 1 write-off' });
  // The accounts chosen and their total, before approving.
  await expect(dialog.getByRole('list', { name: 'The write-offs to approve' })).toContainText('Account B3000001');
  await expect(dialog.getByRole('list', { name: 'The write-offs to approve' })).toContainText('Ouellette');
  await expect(dialog.getByRole('list', { name: 'The write-offs to approve' })).toContainText('$140.00');
  await expect(dialog).toContainText('Total: $140.00 on 1 account');
  await expectNoSeriousA11yViolations(page, 'the approve dialog');
  await dialog.getByLabel('Medicare write-off date').fill(TODAY);
  await dialog.getByRole('button', { name: 'Approve and write off' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'written off as Medicare bad debt' })).toBeVisible();
  // The focus returns to the approvals (the Approve button is gone), not the page's heading.
  await expect(page.getByRole('region', { name: 'Proposals waiting for approval' })).toBeFocused();
  await openTab(page, 'Write-offs');
  await expect(
    page.getByRole('table', { name: 'Write-offs decided' }).getByRole('row', { name: /B3000001/ }),
  ).toContainText('Written off');

  // The listing for the period, outpatient.
  await openTab(page, 'Listing');
  await page.getByLabel('Setting', { exact: true }).selectOption('outpatient');
  const lines = page.getByRole('table', { name: /^Exhibit 2A listing, outpatient/ });
  await expect(lines.getByRole('row', { name: /B3000001/ })).toContainText('Ouellette');
  await expect(lines.getByRole('row', { name: /B3000001/ })).toContainText('$140.00');
  await expect(page.getByText('Every line passes the reviewer’s checks.')).toBeVisible();
  await expect(page.getByText('The listing agrees with the ledger.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the listing');
  await shot(page, 'bd14-listing');
  // The wide table scrolls inside its own region; the page does not.
  await page.setViewportSize({ width: 683, height: 384 });
  expect(await pageOverflow(page), 'the listing at 200% scrolls the page sideways').toBe(0);
  await shot(page, 'bd15-listing-200');
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.getByLabel('Prepared by').fill('Sam Supervisor');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Excel' }).click();
  const rows = await readSheet(await readFile((await (await download).path())!));
  const cells = rows.flat().map((c) => String(c));
  expect(cells).toContain('B3000001');
  expect(cells).toContain('Ouellette');
  await expect(page.getByRole('table', { name: 'Listings exported' })).toContainText('Sam Supervisor');
});
