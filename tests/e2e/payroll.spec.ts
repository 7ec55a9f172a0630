// Issue 16 end to end, as the clerk clicks it: a guarantor who works at the hospital comes in with
// the extract; the roster (a CSV written here) is imported through its mapping, problems first,
// then clean; the match is confirmed; a payroll deduction is set up (an amount over the wage
// floor's largest amount refused with that amount shown, PD-01; then an allowed one); the
// authorization printed (PD-03) and its signature recorded (PD-02); on the pay date the run is
// made and its CSV downloaded and read; payroll's confirmation uploaded, checked and posted; the
// run reconciled and the balance lower on the account page. Every screen and dialog is checked
// with axe and shot for review; the Payroll page reflows at 200% and 400%.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, pageOverflow } from './a11y';
import { expect, test } from './fixtures';
import { moveClockTo } from './planSteps';
import { ADMIN, importCombined, nav, setUpAndLogIn, shot } from './steps';

// Wednesday 1 July 2026; the employee is paid every two weeks, the first pay date Friday 3 July.
const TODAY = '2026-07-01';
const PAY_DATE = '2026-07-03';
test.use({ today: TODAY });

const HEADER =
  'guarantor_id,mrn,last_name,first_name,middle_name,date_of_birth,address_line1,address_line2,city,state,zip,phone,email,language,employer,is_employee,employee_id,pay_frequency,hourly_rate,annual_salary,deceased,date_of_death,death_source,fap_status,fap_status_date,bankruptcy,do_not_call,do_not_mail,do_not_email,account_number,patient_name,service_from,service_to,service_type,payer_class,state_of_service,mbi,medicare_ra_date,medicaid_number,medicaid_ra_date,secondary_ra_date,deductible,coinsurance,last_illness,first_statement_date,transaction_id,transaction_type,amount,effective_date,reference,memo';

/** One guarantor, an employee of the hospital (employee id E1001), owing $1,200.00 on one account. */
async function writeFiles(): Promise<{ extract: string; roster: string; badRoster: string; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'recoup-payroll-'));
  const extract = path.join(dir, 'extract-payroll.csv');
  const row = [
    'G7000001',
    'M7000001',
    'Okafor',
    'Grace',
    '',
    '1988-02-14',
    '12 Elm Street',
    '',
    'Springfield',
    'IL',
    '62701',
    '2175550142',
    '',
    'English',
    'Riverside Community Hospital',
    'Y',
    'E1001',
    'biweekly',
    '8.00',
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
    'A7000001',
    'Grace Okafor',
    '2026-03-10',
    '2026-03-10',
    'outpatient',
    'self_pay',
    'IL',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    'N',
    '',
    'T7000001',
    'charge',
    '1200.00',
    '2026-03-10',
    '',
    'Clinic visit',
  ].join(',');
  await writeFile(extract, `${HEADER}\n${row}\n`);
  // The roster: $8.00 an hour, 40 hours a week, paid every two weeks, in a state without a row of
  // its own (the federal $7.25 stands): ($8.00 − $7.25) × 40 h × 2 weeks = $60.00 a pay period.
  const rosterHeader = 'Emp No,Last,First,DOB,Freq,Rate,Hours,Exempt,State,Status';
  const roster = path.join(dir, 'roster.csv');
  await writeFile(
    roster,
    `${rosterHeader}\nE1001,Okafor,Grace,1988-02-14,BW,8.00,40,N,IN,A\nE1002,Lindqvist,Per,1975-09-30,W,15.50,40,N,IN,A\n`,
  );
  // Next pay period's rosters (with a termination date column): Per Lindqvist left, then came back.
  for (const [name, status, on] of [
    ['roster-left.csv', 'T', '2026-06-26'],
    ['roster-back.csv', 'A', ''],
  ] as const)
    await writeFile(
      path.join(dir, name),
      `${rosterHeader},Term\nE1001,Okafor,Grace,1988-02-14,BW,8.00,40,N,IN,A,\nE1002,Lindqvist,Per,1975-09-30,W,15.50,40,N,IN,${status},${on}\n`,
    );
  const badRoster = path.join(dir, 'roster-bad.csv');
  await writeFile(badRoster, `${rosterHeader}\nE1001,Okafor,Grace,1988-02-14,sometimes,8.00,40,N,IN,A\n`);
  return { extract, roster, badRoster, dir };
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tabpanel').getByRole('heading', { level: 2 }).first()).toBeVisible();
}

async function openGuarantor(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Find a guarantor' }).fill('A7000001');
  await expect(page.getByRole('option').first()).toContainText('Okafor');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Okafor/ })).toBeVisible();
}

/** The roster's columns named in the wizard's mapping table. */
async function mapRoster(page: Page): Promise<void> {
  const wizard = page.getByRole('dialog', { name: 'Import the employee roster' });
  const map: [string, string][] = [
    ['Employee id', 'Emp No'],
    ['Last name', 'Last'],
    ['First name', 'First'],
    ['Date of birth', 'DOB'],
    ['Pay frequency', 'Freq'],
    ['Hourly rate', 'Rate'],
    ['Usual hours a week', 'Hours'],
    ['Exempt (FLSA)', 'Exempt'],
    ['Work state', 'State'],
    ['Active or terminated', 'Status'],
  ];
  for (const [field, column] of map) await wizard.getByLabel(field, { exact: true }).selectOption(column);
}

test('payroll deduction from the roster to a reconciled pay period', async ({ page, workspace }) => {
  test.setTimeout(240_000);
  const files = await writeFiles();
  await setUpAndLogIn(page, workspace);
  await importCombined(page, files.extract);

  // Settings: the payroll group.
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const group = page.getByRole('group', { name: 'Payroll deductions and bank transfers' });
  await expect(group.getByLabel('Deduction code')).toHaveValue('HOSPBILL');
  await group.getByLabel('Payroll contact on the authorization').fill('Payroll office, extension 4410');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await group.scrollIntoViewIfNeeded();
  await shot(page, 'pd01-settings-payroll', { viewport: true });

  // The roster: a problem first (named by line and column; nothing imported), then the clean file.
  await nav(page).getByRole('link', { name: 'Payroll deductions' }).click();
  await expect(page.getByRole('heading', { name: 'Payroll deductions', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Payroll: employees (empty)');
  const importButton = page.getByRole('button', { name: 'Import the roster…' });
  await importButton.click();
  const wizard = page.getByRole('dialog', { name: 'Import the employee roster' });
  await wizard.getByLabel('Roster file (CSV)').setInputFiles(files.badRoster);
  await expect(wizard.getByRole('table', { name: 'Which column holds each field' })).toBeVisible();
  await mapRoster(page);
  await wizard.getByRole('button', { name: 'Check the file' }).click();
  const problems = wizard.getByRole('table', { name: 'Problems in the roster, by line and column' });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('row').nth(1)).toContainText('2');
  await expect(problems).toContainText('sometimes');
  await expect(wizard.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  await shot(page, 'pd02-roster-problems', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the roster wizard with problems');

  await wizard.getByLabel('Roster file (CSV)').setInputFiles(files.roster);
  await mapRoster(page);
  await wizard.getByLabel('Save this mapping as').fill('HR roster');
  await wizard.getByRole('button', { name: 'Save the mapping' }).click();
  await expect(wizard.getByText('Mapping saved as “HR roster”.')).toBeVisible();
  await wizard.getByRole('button', { name: 'Check the file' }).click();
  await expect(wizard.getByRole('heading', { name: 'Ready to import (nothing has changed yet)' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Import 2 employees' }).scrollIntoViewIfNeeded();
  await shot(page, 'pd03-roster-ready', { viewport: true });
  await wizard.getByRole('button', { name: 'Import 2 employees' }).click();
  await expect(wizard).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Roster imported: 2 added' })).toBeVisible();
  await expect(importButton).toBeFocused();

  // The match: the employee id and the date of birth agree.
  const employees = page.getByRole('table', { name: 'Employees' });
  await expect(employees.getByRole('row', { name: /Okafor/ })).toContainText('to confirm');
  await shot(page, 'pd04-employees');
  await expectNoSeriousA11yViolations(page, 'Payroll: employees');
  const openEmployee = page
    .getByRole('button', { name: 'Open Okafor, Grace (E1001)' })
    .or(page.getByRole('button', { name: /^Open .*Okafor.* \(E1001\)$/ }));
  await openEmployee.first().click();
  const employee = page.getByRole('dialog', { name: /^Employee / });
  await expect(employee.getByText('Exact match')).toBeVisible();
  await expect(employee.getByText('$60.00', { exact: true })).toBeVisible();
  await shot(page, 'pd05-employee-match', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the employee dialog');
  await employee.getByRole('button', { name: 'This is the employee' }).click();
  await expect(employee.getByRole('link', { name: /Okafor/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(employee).toBeHidden();

  // Per Lindqvist leaves, then a later roster has him back: the wizard says so in words.
  for (const [file, words] of [
    ['roster-left.csv', 'Terminations: 1'],
    ['roster-back.csv', 'Rehired: 1 employee an earlier roster marked terminated will be active again'],
  ] as const) {
    await importButton.click();
    await wizard.getByLabel('Roster file (CSV)').setInputFiles(path.join(files.dir, file));
    await mapRoster(page);
    await wizard.getByLabel('Termination date', { exact: true }).selectOption('Term');
    await wizard.getByRole('button', { name: 'Check the file' }).click();
    await expect(wizard.getByText(words)).toBeVisible();
    if (file === 'roster-back.csv') {
      await wizard.getByRole('button', { name: 'Import 2 employees' }).scrollIntoViewIfNeeded();
      await shot(page, 'pd05a-roster-rehired', { viewport: true });
    }
    await wizard.getByRole('button', { name: 'Import 2 employees' }).click();
    await expect(wizard).toBeHidden();
  }
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Rehired: 1 employee an earlier roster marked terminated is active again.' }),
  ).toBeVisible();

  // Set up the deduction on the account page.
  await openGuarantor(page);
  const panel = page.getByRole('region', { name: 'Payroll deduction or bank transfer' });
  await expect(panel).toContainText('E1001');
  await panel.getByRole('button', { name: 'Set up a deduction or transfer…' }).click();
  const setUp = page.getByRole('dialog', { name: 'Set up a payroll deduction or bank transfer' });
  await expect(setUp.getByLabel('Method')).toHaveValue('payroll');
  await setUp.getByLabel('Amount each pay period ($)').fill('75.00');
  await setUp.getByLabel('First pay date').fill(PAY_DATE);
  const limitBox = setUp.locator('.limit-box');
  await expect(limitBox).toContainText('$60.00 at most');
  await expect(limitBox).toContainText('$75.00 is more than that');
  await shot(page, 'pd06-setup-over-limit', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the set-up dialog over the limit');
  await setUp.getByRole('button', { name: 'Set it up' }).click();
  // Main refuses it too, on the amount, with the rule's largest amount.
  await expect(setUp.locator('.field-error').filter({ hasText: '$60.00' })).toBeVisible();
  await setUp.getByLabel('Amount each pay period ($)').fill('50.00');
  await expect(limitBox).toContainText('$50.00 fits');
  await setUp.getByRole('button', { name: 'Set it up' }).press('Enter');
  await expect(setUp).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'set up: $50.00' })).toBeVisible();
  await expect(panel).toContainText('Awaiting the signed authorization');
  // The cursor waits on the next step (WCAG 2.4.3), not on the page's heading.
  await expect(panel.getByRole('button', { name: 'Print the authorization' })).toBeFocused();
  await expect(panel).toContainText('The authorization form is not printed yet');

  // The authorization printed (in Spanish, chosen beside the button: the guarantor's is English),
  // then the signature recorded.
  const language = panel.getByLabel('Language', { exact: true });
  await expect(language).toHaveValue('en');
  await language.selectOption('es');
  await shot(page, 'pd07a-print-language', { viewport: true });
  await panel.getByRole('button', { name: 'Print the authorization' }).click();
  const pdf = page.getByRole('dialog', { name: /\.pdf$/ });
  await expect(pdf).toBeVisible();
  await shot(page, 'pd07-authorization', { viewport: true });
  await page.keyboard.press('Escape');
  await expect(pdf).toBeHidden();
  await expect(page.getByText(/^Payroll deduction authorization PD-\d+ \(Spanish\)$/)).toBeVisible();
  // The day the form was printed (the document's own time: the test's clock moves the business day only).
  await expect(panel).toContainText(/Awaiting the signed form printed on [A-Z][a-z]+ \d{1,2}, \d{4}/);
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'pd07b-panel-printed', { viewport: true });
  await panel.getByRole('button', { name: 'Record the signature…' }).click();
  const sign = page.getByRole('dialog', { name: 'Record the signature' });
  await expect(sign.getByLabel('Signed on')).toHaveValue(TODAY);
  await expectNoSeriousA11yViolations(page, 'the signature dialog');
  await sign.getByRole('button', { name: 'Record the signature' }).click();
  await expect(sign).toBeHidden();
  await expect(panel).toContainText('Active');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'pd08-panel-active', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the account page with an active deduction');

  // Before pay day: the run for 3 July made and its file downloaded for payroll.
  await nav(page).getByRole('link', { name: 'Payroll deductions' }).click();
  await openTab(page, 'Arrangements');
  await expect(page.getByRole('table', { name: 'Arrangements' })).toContainText('PD-');
  await expectNoSeriousA11yViolations(page, 'Payroll: arrangements');
  await page.getByRole('button', { name: /^Open PD-\d+$/ }).click();
  const arrangement = page.getByRole('dialog', { name: /^PD-\d+: / });
  await expect(arrangement).toContainText('$50.00');
  await shot(page, 'pd09-arrangement', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the arrangement dialog');
  await page.keyboard.press('Escape');

  await openTab(page, 'Pay periods');
  await page.getByRole('textbox', { name: 'Pay date' }).fill(PAY_DATE);
  await page.getByRole('button', { name: 'Show what this date takes' }).click();
  const takes = page.getByRole('table', { name: /^What .* takes$/ });
  await expect(takes).toContainText('$50.00');
  await shot(page, 'pd10-run-preview');
  await expectNoSeriousA11yViolations(page, 'Payroll: a pay date previewed');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make the file and download it' }).click();
  const saved = path.join(files.dir, 'deductions.csv');
  await (await download).saveAs(saved);
  const csv = await readFile(saved, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toContain('Employee ID');
  expect(csv).toContain('E1001');
  expect(csv).toContain('50.00');

  // Pay day has passed: payroll's confirmation, $50.00 taken.
  await moveClockTo(page, workspace, '2026-07-06', ADMIN);
  await nav(page).getByRole('link', { name: 'Payroll deductions' }).click();
  await openTab(page, 'Pay periods');
  const confirmation = path.join(files.dir, 'confirmation.csv');
  await writeFile(confirmation, `Employee ID,Pay Date,Amount Deducted\nE1001,${PAY_DATE},50.00\n`);
  await page.getByRole('button', { name: /^Open the payroll file of / }).click();
  const run = page.getByRole('dialog', { name: /^Payroll deductions of / });
  await run.getByLabel("Payroll's confirmation (CSV)").setInputFiles(confirmation);
  await run.getByRole('button', { name: 'Check the confirmation' }).click();
  await expect(run.getByRole('table', { name: 'What posts' })).toContainText('$50.00');
  await run.getByRole('button', { name: 'Post $50.00 and reconcile' }).scrollIntoViewIfNeeded();
  await shot(page, 'pd11-confirmation-preview', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the run dialog with the confirmation checked');
  await run.getByRole('button', { name: 'Post $50.00 and reconcile' }).click();
  await expect(run.getByRole('status').filter({ hasText: 'Reconciled: $50.00 posted' })).toBeVisible();
  await expect(run).toContainText('posted to the ledger $50.00');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: 'Files sent' })).toContainText('Reconciled');
  await shot(page, 'pd12-runs');

  // A date that has passed gets no file: the preview shows what it would have taken, and says why.
  await moveClockTo(page, workspace, '2026-07-20', ADMIN);
  await nav(page).getByRole('link', { name: 'Payroll deductions' }).click();
  await openTab(page, 'Pay periods');
  await page.getByRole('textbox', { name: 'Pay date' }).fill('2026-07-17');
  await page.getByRole('button', { name: 'Show what this date takes' }).click();
  await expect(page.getByRole('table', { name: /^What .* takes$/ })).toContainText('$50.00');
  await expect(page.getByText('July 17, 2026 has passed: no file can be made for it now.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Make the file and download it' })).toHaveCount(0);
  await shot(page, 'pd12a-past-date');
  await expectNoSeriousA11yViolations(page, 'Payroll: a pay date that has passed');

  // The wage floor: the federal row.
  await openTab(page, 'Wage floor');
  await expect(page.getByRole('table', { name: 'Wage floor' })).toContainText('$7.25');
  await page.getByRole('button', { name: 'Add a row…' }).click();
  const floor = page.getByRole('dialog', { name: 'Add a wage-floor row' });
  await expectNoSeriousA11yViolations(page, 'the wage-floor dialog');
  await floor.getByRole('button', { name: 'Add the row' }).click();
  await expect(floor.locator('.field-error').first()).toBeVisible();
  await shot(page, 'pd13-wage-floor-dialog', { viewport: true });
  // A state's higher minimum from a later date (a supervisor's row; the administrator may too).
  await floor.getByLabel('State (US for federal)').fill('IN');
  await floor.getByLabel('From').fill('2026-09-01');
  await floor.getByLabel('Minimum wage ($ an hour)').fill('9.00');
  await floor.getByLabel('Deduction limit (% of pay, optional)').fill('12.5');
  await floor.getByLabel('Source').fill('Indiana notice of 2026');
  await floor.getByRole('button', { name: 'Add the row' }).click();
  await expect(floor).toBeHidden();
  const inRow = page.getByRole('table', { name: 'Wage floor' }).getByRole('row', { name: /^IN / });
  await expect(inRow).toContainText('$9.00/h');
  await expect(inRow).toContainText('12.5% of pay');

  // The balance on the account page is $50.00 lower.
  await openGuarantor(page);
  await expect(page.locator('.owes-total')).toHaveText('$1,150.00');

  // The employee's termination and a supervisor's "undo the match" (opened, checked, not done).
  await nav(page).getByRole('link', { name: 'Payroll deductions' }).click();
  await page.getByRole('button', { name: /^Open .*Okafor.* \(E1001\)$/ }).click();
  const matched = page.getByRole('dialog', { name: /^Employee / });
  await expect(matched.getByRole('link', { name: /Okafor/ })).toBeVisible();
  for (const [button, title] of [
    ['Record the termination…', 'Record the termination'],
    ['Undo the match…', 'Undo the match'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('dialog', { name: title })).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the dialog ${title}`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: /^Employee / })).toBeVisible();
  }
  await page.keyboard.press('Escape');

  // The employee revokes in writing: the deduction ends, the account back in the statement cycle.
  await openGuarantor(page);
  const livePanel = page.getByRole('region', { name: 'Payroll deduction or bank transfer' });
  await livePanel.getByRole('button', { name: 'End it…' }).click();
  const end = page.getByRole('dialog', { name: /^End PD-\d+$/ });
  await expect(end.getByLabel('Why it ends')).toHaveValue('revoked');
  await end.getByLabel('Note').fill('Revocation letter received at the front desk.');
  await expectNoSeriousA11yViolations(page, 'the end dialog');
  await end.getByRole('button', { name: 'End the arrangement' }).click();
  await expect(end).toBeHidden();
  await expect(livePanel.getByRole('table', { name: 'Ended arrangements' })).toContainText('Ended: revoked');
  await expect(livePanel.getByRole('button', { name: 'Set up a deduction or transfer…' })).toBeVisible();
  await expect(page.locator('.owes-total')).toHaveText('$1,150.00');

  // Reflow: the Payroll page's tabs and dialogs at 200% and 400%.
  await nav(page).getByRole('link', { name: 'Payroll deductions' }).click();
  for (const width of [683, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 256 : 384 });
    for (const tab of ['Employees', 'Arrangements', 'Pay periods', 'Wage floor']) {
      await openTab(page, tab);
      expect.soft(await pageOverflow(page), `Payroll ${tab} at ${width} px scrolls sideways`).toBe(0);
      if (tab === 'Employees' && width === 683) {
        // At 200% every column of the table shows in its box (none clipped behind a scroll of its own).
        const table = page.getByRole('table', { name: /employees/i }).first();
        const clipped = await table.evaluate((t) => {
          const box = t.parentElement!;
          return Math.max(0, t.scrollWidth - box.clientWidth);
        });
        expect.soft(clipped, 'the Employees table at 683 px is wider than its box').toBe(0);
        await shot(page, 'pd14-employees-683');
      }
    }
    const dialogs: [string, string, RegExp | string][] = [
      ['Employees', 'Import the roster…', 'Import the employee roster'],
      ['Employees', 'Open Grace Okafor (E1001)', /^Employee /],
      ['Pay periods', "Payroll's layout…", "Payroll's layout for the deduction file"],
      ['Pay periods', `Open the payroll file of 07/03/2026`, /^Payroll deductions of /],
      ['Wage floor', 'Add a row…', 'Add a wage-floor row'],
    ];
    for (const [tab, button, title] of dialogs) {
      await openTab(page, tab);
      await page.getByRole('button', { name: button }).click();
      await expect(page.getByRole('dialog', { name: title })).toBeVisible();
      expect.soft(await pageOverflow(page), `${title} at ${width} px scrolls sideways`).toBe(0);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }
  }
});

test('payroll page: keyboard-only tabs, and a bank transfer set up with the routing number checked', async ({
  page,
  workspace,
}) => {
  test.setTimeout(120_000);
  const files = await writeFiles();
  await setUpAndLogIn(page, workspace);
  await importCombined(page, files.extract);
  await nav(page).getByRole('link', { name: 'Payroll deductions' }).click();
  // The tabs with the keyboard alone (WAI-ARIA tabs: arrows, Home, End).
  await page.getByRole('tab', { name: 'Employees' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Arrangements' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Arrangements' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Wage floor' })).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'Payroll: wage floor');
  await page.keyboard.press('ArrowLeft');
  await expectNoSeriousA11yViolations(page, 'Payroll: pay periods');
  await shot(page, 'pd20-pay-periods-empty');

  await openGuarantor(page);
  const panel = page.getByRole('region', { name: 'Payroll deduction or bank transfer' });
  const open = panel.getByRole('button', { name: 'Set up a deduction or transfer…' });
  await open.focus();
  await page.keyboard.press('Enter');
  const setUp = page.getByRole('dialog', { name: 'Set up a payroll deduction or bank transfer' });
  await setUp.getByLabel('Method').selectOption('bank');
  await setUp.getByLabel('Amount each debit ($)').fill('100.00');
  await setUp.getByLabel('First debit date').fill('2026-07-15');
  await setUp.getByLabel('How often').selectOption('monthly');
  await setUp.getByLabel('Account holder').fill('Grace Okafor');
  await setUp.getByLabel('Routing number').fill('011000016');
  await setUp.getByLabel('Account number').fill('123456789');
  await setUp.getByLabel('Account type').selectOption('checking');
  await setUp.getByRole('button', { name: 'Set it up' }).click();
  await expect(
    setUp.getByText('That routing number’s check digit is wrong: read it again from the check.'),
  ).toBeVisible();
  await shot(page, 'pd21-setup-bank', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the set-up dialog for a bank transfer');
  // A routing number whose check digit is right: set up, awaiting the signature, the account masked.
  await setUp.getByLabel('Routing number').fill('011000015');
  await setUp.getByRole('button', { name: 'Set it up' }).click();
  await expect(setUp).toBeHidden();
  await expect(panel).toContainText('Awaiting the signed authorization');
  await expect(panel).toContainText('6789');
  await expect(panel).not.toContainText('123456789');
  // Cancelled before signing.
  const cancel = panel.getByRole('button', { name: 'Cancel it…' });
  await cancel.click();
  const end = page.getByRole('dialog', { name: /^Cancel ABT-\d+$/ });
  await expectNoSeriousA11yViolations(page, 'the cancel dialog');
  await end.getByLabel('Note').fill('The guarantor chose to pay by card instead.');
  await shot(page, 'pd22-cancel', { viewport: true });
  await end.getByRole('button', { name: 'Cancel the arrangement' }).click();
  await expect(end).toBeHidden();
  await expect(panel.getByRole('table', { name: 'Ended arrangements' })).toContainText('Cancelled before signing');
  await expect(open).toBeVisible();
  // Reflow of the dialog.
  for (const width of [683, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 256 : 384 });
    await open.click();
    await expect(setUp).toBeVisible();
    expect.soft(await pageOverflow(page), `the set-up dialog at ${width} px scrolls sideways`).toBe(0);
    await page.keyboard.press('Escape');
  }
});

test('a bank transfer: its file to the bank, a debit returned and the line resolved', async ({ page, workspace }) => {
  test.setTimeout(180_000);
  const files = await writeFiles();
  await setUpAndLogIn(page, workspace);
  await importCombined(page, files.extract);

  // The hospital's details for the transfer file.
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const group = page.getByRole('group', { name: 'Payroll deductions and bank transfers' });
  await group.getByLabel('Company name on the transfer file').fill('RIVERSIDE HOSP');
  await group.getByLabel('Company id the bank assigned').fill('1234567890');
  await group.getByLabel("The hospital bank's routing number").fill('011000015');
  await group.getByLabel("The hospital bank's name").fill('FIRST SPRINGFIELD BANK');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  // A transfer set up from today, printed and signed.
  await openGuarantor(page);
  const panel = page.getByRole('region', { name: 'Payroll deduction or bank transfer' });
  await panel.getByRole('button', { name: 'Set up a deduction or transfer…' }).click();
  const setUp = page.getByRole('dialog', { name: 'Set up a payroll deduction or bank transfer' });
  await setUp.getByLabel('Method').selectOption('bank');
  await setUp.getByLabel('Amount each debit ($)').fill('100.00');
  await setUp.getByLabel('First debit date').fill(TODAY);
  await setUp.getByLabel('How often').selectOption('monthly');
  await setUp.getByLabel('Account holder').fill('Grace Okafor');
  await setUp.getByLabel('Routing number').fill('011000015');
  await setUp.getByLabel('Account number').fill('123456789');
  await setUp.getByLabel('Account type').selectOption('checking');
  await setUp.getByRole('button', { name: 'Set it up' }).click();
  await expect(setUp).toBeHidden();
  await panel.getByRole('button', { name: 'Print the authorization' }).click();
  await expect(page.getByRole('dialog', { name: /\.pdf$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Record the signature…' }).click();
  await page
    .getByRole('dialog', { name: 'Record the signature' })
    .getByRole('button', { name: 'Record the signature' })
    .click();
  await expect(panel).toContainText('Active');

  // The debit date's file for the bank.
  await nav(page).getByRole('link', { name: 'Payroll deductions' }).click();
  await openTab(page, 'Pay periods');
  await page.getByLabel('For', { exact: true }).selectOption('bank');
  await page.getByRole('textbox', { name: 'Debit date' }).fill(TODAY);
  await page.getByRole('button', { name: 'Show what this date takes' }).click();
  await expect(page.getByRole('table', { name: /^What .* takes$/ })).toContainText('$100.00');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make the file and download it' }).click();
  const ach = path.join(files.dir, 'transfer.ach');
  await (await download).saveAs(ach);
  const records = (await readFile(ach, 'utf8')).split(/\r?\n/).filter(Boolean);
  expect(records[0]!.startsWith('1')).toBe(true);
  expect(records.every((r) => r.length === 94)).toBe(true);
  expect(records.some((r) => r.startsWith('627') && r.includes('123456789'))).toBe(true);

  // The bank returned the debit (R01, insufficient funds): nothing posts; the line is open.
  await page.getByRole('button', { name: /^Open the bank file of / }).click();
  const run = page.getByRole('dialog', { name: /^Automatic bank transfers of / });
  await run.getByLabel(/^Return code for ABT-\d+$/).fill('R01');
  await expect(run.getByText('R01 Insufficient funds', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'a bank run to settle');
  await run.getByRole('button', { name: 'Post the settlement' }).click();
  await expect(run.getByRole('status').filter({ hasText: 'Settled: $0.00 posted' })).toBeVisible();
  await expect(run.getByRole('table', { name: "The file's lines" })).toContainText('Returned by the bank');
  await expect(run.getByRole('table', { name: "The file's lines" })).toContainText('R01 Insufficient funds');
  await shot(page, 'pd30-bank-returned', { viewport: true });
  await run.getByRole('button', { name: /^Resolve ABT-\d+$/ }).click();
  const resolve = page.getByRole('dialog', { name: /^Resolve ABT-\d+$/ });
  await expectNoSeriousA11yViolations(page, 'the resolve dialog');
  await resolve.getByLabel('What was done').fill('Called the guarantor: she paid by card at the window.');
  await resolve.getByRole('button', { name: 'Resolve the line' }).click();
  const reopened = page.getByRole('dialog', { name: /^Automatic bank transfers of / });
  await expect(reopened.getByRole('table', { name: "The file's lines" })).toContainText('paid by card');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: 'Files sent' })).toContainText('Reconciled');

  // Payroll's own layout for the deduction file, saved as a profile and offered for the next file.
  await page.getByLabel('For', { exact: true }).selectOption('payroll');
  const layoutButton = page
    .getByRole('button', { name: 'Payroll’s layout…' })
    .or(page.getByRole('button', { name: "Payroll's layout…" }));
  await layoutButton.click();
  const layout = page.getByRole('dialog', { name: "Payroll's layout for the deduction file" });
  await layout.getByLabel('Layout name').fill('Workday deductions');
  await layout.getByRole('button', { name: 'Move Deduction amount up' }).click();
  await layout.getByLabel('Header of Employee id').fill('EMPLID');
  await expectNoSeriousA11yViolations(page, 'the deduction file layout dialog');
  await shot(page, 'pd31-layout', { viewport: true });
  await layout.getByRole('button', { name: 'Save the layout' }).click();
  await expect(layout).toBeHidden();
  await page.getByRole('textbox', { name: 'Pay date' }).fill('2026-07-03');
  await page.getByRole('button', { name: 'Show what this date takes' }).click();
  await expect(page.getByText('No arrangement takes anything on this date.')).toBeVisible();
});
