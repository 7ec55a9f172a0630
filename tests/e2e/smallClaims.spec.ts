// Issue 13 end to end, as the clerk and the supervisor click it: the small-claims settings; Maine's
// limit and statute added to the court rules by a supervisor; "Should we sue?" on a guarantor's
// accounts (every line explained, the 501(r) gate still waiting); the case opened, its demand letter
// and court packet printed; a filing before the demand letter's date refused; the date moved past
// the gate: the filing, service and the hearing, the testimony sheet, the week's hearings; the
// judgment with costs, the payment that pays it, and the case closed as satisfied. Every dialog is
// checked with axe, and the focus comes back to its button.
import { expectNoSeriousA11yViolations, pageOverflow } from './a11y';
import { expect, test } from './fixtures';
import { moveClockTo, openGuarantor, readOpenPdf } from './planSteps';
import { cleanSample } from './samples';
import {
  addMaineRules,
  fact,
  FILING_DAY,
  GATE_OPENS,
  HEARING_DAY,
  MAINE_COURT,
  step,
  toPrepareDay,
} from './smallClaimsSteps';
import { CLERK, logIn, logOut, nav, shot, SUPERVISOR } from './steps';

test.use({ today: '2026-12-01' });

const usd = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
const longDate = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', dateStyle: 'long' });

test('small claims: should we sue, open, demand, packet, file (not too early), hearing, judgment, payment, satisfied', async ({
  page,
  workspace,
}) => {
  test.setTimeout(480_000);
  const flores = cleanSample().find((g) => g.lastName === 'Flores')!;
  const claimCents = flores.accounts.reduce((t, a) => t + a.balanceCents, 0);
  await toPrepareDay(page, workspace);
  await addMaineRules(page);
  await logOut(page);
  await logIn(page, CLERK);

  // Over the limit: Kayla Harris owes more than Maine's $6,000.00. Suing for the limit is possible
  // only by waiving the excess, which the check then counts as waived (rules §3.1).
  const harris = cleanSample().find((g) => g.lastName === 'Harris')!;
  const harrisOwes = harris.accounts.reduce((t, a) => t + a.balanceCents, 0);
  await openGuarantor(page, harris);
  await page.getByRole('button', { name: 'Should we sue?…' }).click();
  const over = page.getByRole('dialog', { name: 'Should we sue?' });
  const overLines = over.getByRole('table', { name: 'Should we sue? Each check' });
  const limitLine = overLines.getByRole('row', { name: /Amount within the court’s limit/ });
  await expect(limitLine).toContainText('Fail');
  await expect(limitLine).toContainText(usd(harrisOwes));
  const waive = over.getByRole('checkbox', { name: /^Waive the .* over the limit and sue for \$6,000\.00$/ });
  await waive.press('Space');
  await expect(over.getByLabel('Why the excess is waived')).toBeVisible();
  await expect(limitLine).toContainText('Pass');
  await expect(limitLine).toContainText(`the excess of ${usd(harrisOwes - 600000)} is waived`);
  await shot(page, 'sc03b-waiver', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog should-we-sue, over the limit');
  await page.keyboard.press('Escape');
  await expect(over).toBeHidden();
  await expect(page.getByRole('button', { name: 'Should we sue?…' })).toBeFocused();

  // The account workspace: no case yet. Financial assistance screened first (ECA-01): he will not apply.
  await openGuarantor(page, flores);
  const section = page.getByRole('region', { name: /^Small-claims court/ });
  await expect(section).toContainText('No small-claims case has been opened for this guarantor.');
  const fap = page.getByRole('region', { name: 'Financial assistance' });
  await fap.getByRole('button', { name: 'Record an application…' }).click();
  const application = page.getByRole('dialog', { name: 'Financial-assistance application' });
  await application.getByLabel('What happened').selectOption('not_applied');
  await application.getByRole('button', { name: 'Record' }).click();
  await expect(application).toBeHidden();

  // Should we sue? Every line with its answer; the gate waits for the final notice's 30 days.
  const ask = section.getByRole('button', { name: 'Should we sue?…' });
  await ask.click();
  const check = page.getByRole('dialog', { name: 'Should we sue?' });
  const lines = check.getByRole('table', { name: 'Should we sue? Each check' });
  await expect(lines).toBeVisible();
  await check.getByLabel('Court', { exact: true }).selectOption({ label: `${MAINE_COURT} (limit $6,000.00)` });
  await expect(lines.getByRole('row', { name: /Amount within the court’s limit/ })).toContainText('Pass');
  await expect(lines.getByRole('row', { name: /Inside the statute of limitations/ })).toContainText('14 M.R.S. §752');
  const gate = lines.getByRole('row', { name: /501\(r\)/ });
  await expect(gate).toContainText('Wait');
  await expect(gate).toContainText(longDate(GATE_OPENS));
  await expect(lines.getByRole('row', { name: /Financial assistance screened/ })).toContainText('Pass');
  await expect(check.getByRole('status').filter({ hasText: 'Prepare now, file later' })).toBeVisible();
  await expect(
    check
      .getByRole('definition')
      .filter({ hasText: usd(claimCents) })
      .first(),
  ).toBeVisible();
  // One account unticked: the claim follows; ticked again.
  const second = check.getByRole('checkbox', { name: `Sue for account ${flores.accounts[1]!.accountNumber}` });
  await second.press('Space');
  await expect(
    check
      .getByRole('definition')
      .filter({ hasText: usd(flores.accounts[0]!.balanceCents) })
      .first(),
  ).toBeVisible();
  await second.press('Space');
  await expect(
    check
      .getByRole('definition')
      .filter({ hasText: usd(claimCents) })
      .first(),
  ).toBeVisible();
  await check.getByLabel('County').fill('Cumberland');
  await check.getByLabel('Court address (optional)').fill('205 Newbury Street, Portland, ME 04101');
  await shot(page, 'sc04-should-we-sue', { viewport: true });
  await expectNoSeriousA11yViolations(page, 'the dialog should-we-sue');
  await check.getByRole('button', { name: 'Open the case' }).click();
  await expect(check).toBeHidden();

  // The case page.
  await expect(page.getByRole('heading', { level: 1, name: /^Case #\d+: Harold .*Flores/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Opened');
  await expect(fact(page, 'Claim')).toContainText(usd(claimCents));
  await expect(page.getByRole('table', { name: "The case's accounts" }).locator('tbody tr')).toHaveCount(2);
  await shot(page, 'sc05-case-opened');
  await expectNoSeriousA11yViolations(page, 'the case page, opened');

  // The demand letter (its date: the 501(r) date, later than today + 14 days).
  const demand = await step(page, 'Send the demand letter…', 'Send the demand letter');
  await expectNoSeriousA11yViolations(page, 'the dialog demand');
  await demand.getByRole('button', { name: 'Print the demand letter' }).click();
  const letter = await readOpenPdf(page, /\.pdf$/, (name) => `test-results/screens/sc-${name}`);
  expect(letter).toContain(usd(claimCents).replace('$', ''));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Demand sent');
  await expect(fact(page, 'Demand letter')).toContainText(longDate(GATE_OPENS));

  // The court packet, the declaration's wording chosen.
  const packet = await step(page, 'Print the court packet…', 'Print the court packet');
  await packet.getByLabel('Declaration of the account').selectOption('standard');
  await expectNoSeriousA11yViolations(page, 'the dialog packet');
  await packet.getByRole('button', { name: 'Print the packet' }).click();
  const packetText = await readOpenPdf(page, /\.pdf$/, (name) => `test-results/screens/sc-${name}`);
  expect(packetText).toContain(usd(claimCents).replace('$', ''));

  // Too early: the filing before the demand letter's date and the 501(r) gate is refused, with the
  // server's words, and nothing changes.
  const early = await step(page, 'Record the filing…', 'Record the filing');
  await early.getByLabel('Case number').fill('SC-2026-0412');
  await expectNoSeriousA11yViolations(page, 'the dialog filing');
  await early.getByRole('button', { name: 'Record the filing' }).click();
  await expect(early.getByRole('alert')).toContainText(longDate(GATE_OPENS));
  await expect(early.getByLabel('Filed on')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'sc06-filing-refused', { viewport: true });
  await page.keyboard.press('Escape');
  await expect(early).toBeHidden();
  await expect(page.getByRole('button', { name: 'Record the filing…' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Demand sent');
  const caseUrl = page.url();
  const caseHash = new URL(caseUrl).hash;

  // The gate open: filed, the hearing set, served.
  await moveClockTo(page, workspace, FILING_DAY, CLERK);
  await nav(page).getByRole('link', { name: 'Small claims', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Small claims', level: 1 })).toBeVisible();
  const openCases = page.getByRole('table', { name: 'Open small-claims cases' });
  await expect(openCases).toContainText(/Harold .*Flores/);
  await openCases.getByRole('link', { name: /^Case #\d+$/ }).click();
  await expect(page).toHaveURL(new RegExp(`${caseHash}$`));
  const filing = await step(page, 'Record the filing…', 'Record the filing');
  await filing.getByLabel('Case number').fill('SC-2027-0019');
  await expect(filing.getByLabel('Filing fee paid ($)')).toHaveValue('75.00');
  await filing.getByRole('button', { name: 'Record the filing' }).click();
  await expect(filing).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Filed');
  await expect(fact(page, 'Case number')).toHaveText('SC-2027-0019');

  // The accounts are held from statements while the case runs; the account screen lists the case.
  await openGuarantor(page, flores);
  await expect(page.getByRole('table', { name: 'Holds' })).toContainText('In litigation');
  await expect(section.getByRole('table', { name: 'Small-claims cases' })).toContainText('SC-2027-0019');
  await section.getByRole('link', { name: /^Case #\d+$/ }).click();
  await expect(page).toHaveURL(new RegExp(`${caseHash}$`));

  const hearing = await step(page, 'Set the hearing…', 'Set the hearing');
  await hearing.getByLabel('Hearing date').fill(HEARING_DAY);
  await hearing.getByLabel('Time (optional)').fill('9 in the morning');
  await hearing.getByLabel('Place').fill('Courtroom 3, 205 Newbury Street, Portland');
  await hearing.getByRole('button', { name: 'Set the hearing' }).click();
  await expect(hearing.getByText('Give the time like 9:00 AM.')).toBeVisible();
  await hearing.getByLabel('Time (optional)').fill('9:00 AM');
  await expectNoSeriousA11yViolations(page, 'the dialog hearing');
  await hearing.getByRole('button', { name: 'Set the hearing' }).click();
  await expect(hearing).toBeHidden();
  await expect(fact(page, 'Hearing')).toContainText(longDate(HEARING_DAY));

  const served = await step(page, 'Record service…', 'Record service');
  await served.getByLabel('How').selectOption('sheriff');
  await expectNoSeriousA11yViolations(page, 'the dialog service');
  await served.getByRole('button', { name: 'Record service' }).click();
  await expect(served).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Served');

  // The testimony sheet.
  await page.getByRole('button', { name: 'Print the testimony sheet' }).click();
  const testimony = await readOpenPdf(page, /\.pdf$/, (name) => `test-results/screens/sc-${name}`);
  expect(testimony).toContain(usd(claimCents).replace('$', ''));
  await shot(page, 'sc07-case-served');
  await expectNoSeriousA11yViolations(page, 'the case page, served');

  // Reflow (WCAG 1.4.10) at 200% and 400% zoom: the case page and each of its dialogs; each dialog
  // closed with Escape gives the focus back to its button.
  const actions = page.getByRole('group', { name: 'What to do on the case' }).getByRole('button');
  const labels = (await actions.allTextContents()).filter((t) => t.endsWith('…'));
  expect(labels).toEqual(
    expect.arrayContaining(['Continue the hearing…', 'Record the judgment…', 'Record a payment…', 'Close the case…']),
  );
  for (const width of [683, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 256 : 384 });
    expect.soft(await pageOverflow(page), `the case page at ${width} px scrolls sideways`).toBe(0);
    for (const label of labels) {
      const button = page.getByRole('group', { name: 'What to do on the case' }).getByRole('button', { name: label });
      await button.click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect.soft(await pageOverflow(page), `${label} at ${width} px scrolls sideways`).toBe(0);
      if (width === 683) await expectNoSeriousA11yViolations(page, `the dialog ${label}`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await expect(button).toBeFocused();
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 });

  // The week's hearings.
  await nav(page).getByRole('link', { name: 'Small claims', exact: true }).click();
  await page.getByLabel('Week from').fill('2027-02-08');
  await expect(page.getByRole('table', { name: 'Hearings this week' })).toContainText(/Harold .*Flores/);
  await shot(page, 'sc08-small-claims');
  await expectNoSeriousA11yViolations(page, 'Small claims with a hearing');

  // The hearing day: judgment for the hospital with costs; the payment that pays it; satisfied.
  await moveClockTo(page, workspace, HEARING_DAY, CLERK);
  await page.goto(`${workspace.origin}/${caseHash}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Case #\d+: Harold .*Flores/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText('Hearing today');
  const judgment = await step(page, 'Record the judgment…', 'Record the judgment');
  await judgment.getByLabel('For', { exact: true }).selectOption('plaintiff');
  await judgment.getByLabel('Costs awarded ($)').fill('105.00');
  await judgment.getByLabel('Interest rate (% a year)').fill('8');
  await expectNoSeriousA11yViolations(page, 'the dialog judgment');
  await judgment.getByRole('button', { name: 'Record the judgment' }).click();
  await expect(judgment).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Judgment for the hospital');
  const owed = claimCents + 10500;
  await expect(fact(page, 'Still owed on the judgment')).toHaveText(usd(owed));

  const action = await step(page, 'Garnishment, levy or lien…', 'An action after judgment');
  await action.getByLabel('Action').selectOption('lien');
  await expectNoSeriousA11yViolations(page, 'the dialog post-judgment');
  await action.getByRole('button', { name: 'Ask the 501(r) gate' }).click();
  await expect(action).toBeHidden();
  const asked = page.getByRole('table', { name: /Actions after judgment/ });
  await expect(asked.locator('tbody tr')).toHaveCount(1);
  await expect(asked.getByRole('row', { name: /Place a lien/ })).toContainText('Allowed');
  // A wage garnishment the final notice did not name (ECA-05): refused, and the answer kept all the same.
  const garnish = await step(page, 'Garnishment, levy or lien…', 'An action after judgment');
  await garnish.getByLabel('Action').selectOption('wage_garnishment');
  await garnish.getByRole('button', { name: 'Ask the 501(r) gate' }).click();
  await expect(garnish).toBeHidden();
  await expect(asked.locator('tbody tr')).toHaveCount(2);
  await expect(asked.getByRole('row', { name: /Garnish wages/ })).toContainText('Refused');
  await expect(
    page.getByRole('status').filter({ hasText: /Refused and recorded: .*did not name “garnish wages”/ }),
  ).toBeVisible();

  // Satisfied is refused while anything is owed.
  const early2 = await step(page, 'Close the case…', 'Close the case');
  await early2.getByLabel('How it ended').selectOption('satisfied');
  await early2.getByRole('button', { name: 'Close the case' }).click();
  await expect(early2.getByRole('alert').first()).toBeVisible();
  await page.keyboard.press('Escape');

  const pay = await step(page, 'Record a payment…', 'Record a payment on the case');
  await pay.getByLabel('Amount ($)').fill((owed / 100).toFixed(2));
  await pay.getByLabel('Paid by').selectOption('check');
  await pay.getByLabel('Reference (optional)').fill('4471');
  await expectNoSeriousA11yViolations(page, 'the dialog payment');
  await pay.getByRole('button', { name: 'Post the payment' }).click();
  await expect(pay).toBeHidden();
  await expect(fact(page, 'Still owed on the judgment')).toHaveText('$0.00');
  await expect(fact(page, 'Recovered since filing')).toHaveText(usd(owed));

  const note = await step(page, 'Add a note…', 'Add a note to the case');
  await note.getByLabel('Note', { exact: true }).fill('Paid in full at the clerk’s window after the hearing.');
  await expectNoSeriousA11yViolations(page, 'the dialog note');
  await note.getByRole('button', { name: 'Add the note' }).click();
  await expect(note).toBeHidden();

  const closing = await step(page, 'Close the case…', 'Close the case');
  await closing.getByLabel('How it ended').selectOption('satisfied');
  await expectNoSeriousA11yViolations(page, 'the dialog close');
  await closing.getByRole('button', { name: 'Close the case' }).click();
  await expect(closing).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Satisfied');
  const timeline = page.getByRole('table', { name: "The case's timeline" });
  expect(await timeline.locator('tbody tr').count()).toBeGreaterThanOrEqual(8);
  await shot(page, 'sc09-case-satisfied');
  await expectNoSeriousA11yViolations(page, 'the case page, satisfied');
  for (const width of [683, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 256 : 384 });
    expect.soft(await pageOverflow(page), `the case page at ${width} px scrolls sideways`).toBe(0);
  }
  await page.setViewportSize({ width: 1366, height: 768 });

  // The reports: money recovered against the fees paid.
  await nav(page).getByRole('link', { name: 'Small claims', exact: true }).click();
  await page.getByLabel('Show closed cases too').check();
  await expect(page.getByRole('table', { name: 'Small-claims cases' })).toContainText('Satisfied');
  await expect(page.getByRole('table', { name: 'Outcomes by status' })).toContainText('Satisfied');
  const outcomes = page.getByRole('region', { name: /^Outcomes/ });
  const figure = (term: string) => outcomes.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  await expect(figure('Recovered since filing')).toHaveText(usd(owed));
  await expect(figure('Filing and service fees paid')).toHaveText('$105.00');
  await expect(figure('Court costs awarded')).toHaveText('$105.00');
  await expect(figure('Recovered less fees paid')).toHaveText(usd(owed - 10500));
  await shot(page, 'sc10-outcomes');

  // The account workspace lists the case, with its link.
  await openGuarantor(page, flores);
  await expect(section.getByRole('table', { name: 'Small-claims cases' })).toContainText('Satisfied');
  await section.getByRole('link', { name: /^Case #\d+$/ }).click();
  await expect(page).toHaveURL(new RegExp(`${caseHash}$`));

  // The proof a supervisor shows: the 501(r) gate was asked for each account on the filing date and
  // allowed it (the ECA register of January 2027); the lien after judgment, in February's.
  await logOut(page);
  await logIn(page, SUPERVISOR);
  await nav(page).getByRole('link', { name: 'Compliance', exact: true }).click();
  await page.getByLabel('Month', { exact: true }).fill('2027-01');
  const register = page.getByRole('table', { name: 'ECA register' });
  // The month's register has come (February's, shown first, has the actions after judgment).
  await expect(register).not.toContainText('Place a lien');
  await expect(register.getByRole('row', { name: /Sue \(including small claims\)/ })).toHaveCount(
    flores.accounts.length,
  );
  for (const a of flores.accounts) {
    const row = register.getByRole('row', { name: new RegExp(a.accountNumber) });
    await expect(row).toContainText('Sue (including small claims)');
    await expect(row).toContainText('Allowed');
    await expect(row).toContainText('01/08/2027');
  }
  await register.scrollIntoViewIfNeeded();
  await shot(page, 'sc11-eca-register', { viewport: true });
});
