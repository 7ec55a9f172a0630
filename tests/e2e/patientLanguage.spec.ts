// LANG-01: the guarantor's document language is shown on the account workspace; Settings keeps the
// Spanish plain-language summary and office hours editable, and shows every patient text in
// English beside Spanish, opened from the keyboard, accessible, and reflowing at 320 CSS pixels.
import { expectNoSeriousA11yViolations } from './a11y';
import { expect, test } from './fixtures';
import { CLEAN } from './samples';
import { importCombined, nav, setUpAndLogIn, shot } from './steps';

test('the document language on the workspace, the Spanish summary in settings, and the texts side by side', async ({
  page,
  workspace,
}) => {
  test.setTimeout(120_000);
  await setUpAndLogIn(page, workspace);
  await importCombined(page, CLEAN);

  // Kayla Harris is recorded as "Spanish" in the extract; Raymond Freeman as "English".
  for (const [account, name, language] of [
    ['A10000002', 'Harris', 'Spanish'],
    ['A10000001', 'Freeman', 'English'],
  ] as const) {
    await page.getByRole('combobox', { name: 'Find a guarantor' }).fill(account);
    await expect(page.getByRole('option').first()).toContainText(name);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
    await expect(page.getByText(`Documents print in ${language}`)).toBeVisible();
    if (language === 'Spanish') await shot(page, '89-workspace-document-language', { viewport: true });
  }

  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const summaryEs = page.getByLabel('Plain-language summary in Spanish');
  await expect(summaryEs).toHaveValue(/^Ofrecemos asistencia financiera/);
  await expect(summaryEs).toHaveAttribute('lang', 'es');
  await summaryEs.fill('Demasiado corto.');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Give the summary in Spanish (at least 40 characters).')).toBeVisible();
  await summaryEs.fill(
    'Ofrecemos asistencia financiera a los pacientes que no pueden pagar. Llámenos y le ayudaremos a presentar su solicitud.',
  );
  await page.getByLabel('Office hours on Spanish statements').fill('De lunes a viernes, de 9:00 a. m. a 5:00 p. m.');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Plain-language summary in Spanish')).toHaveValue(
    /^Ofrecemos asistencia financiera a los pacientes que no pueden pagar\./,
  );
  await expect(page.getByLabel('Office hours on Spanish statements')).toHaveValue(
    'De lunes a viernes, de 9:00 a. m. a 5:00 p. m.',
  );

  // Every group of texts opens from the keyboard and shows English beside Spanish.
  await expect(page.getByRole('heading', { level: 2, name: 'Patient document wording' })).toBeVisible();
  const groups = page.locator('.patient-texts details');
  const count = await groups.count();
  expect(count).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < count; i++) {
    await groups.nth(i).locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(groups.nth(i)).toHaveAttribute('open', '');
  }
  const statement = page.getByRole('table', { name: /^Statement and final notice/ });
  await expect(statement.getByRole('row', { name: /Amount due Monto adeudado/ })).toBeVisible();
  await expect(statement.getByRole('cell', { name: 'AVISO FINAL', exact: true })).toHaveAttribute('lang', 'es');
  await expectNoSeriousA11yViolations(page, 'Settings with every patient text open');
  await page.getByRole('heading', { level: 2, name: 'Patient document wording' }).scrollIntoViewIfNeeded();
  await shot(page, '90-settings-patient-texts', { viewport: true });

  await page.setViewportSize({ width: 320, height: 256 });
  // The texts reflow: nothing in the section reaches past the window's width. (The page as a whole
  // is not checked here: the plan tiers table above is a separate matter.)
  const widest = await page
    .locator('.patient-texts, .patient-texts *')
    .evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
  expect(widest).toBeLessThanOrEqual(Number(await page.evaluate('document.documentElement.clientWidth')));
  await expectNoSeriousA11yViolations(page, 'Settings at 320 px');
  await statement.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/91-settings-patient-texts-320.png' });
});
