// The long lists as a clerk meets them after months of work: a work queue of 240 follow-ups, an
// audit log of hundreds of events, a month of statements in the registers, an extract with
// hundreds of bad lines. Only the rows in view are in the page, the rest are reached by scrolling
// the table's own region with the keyboard, axe-core finds nothing serious on any of these
// screens, and at 320 CSS pixels wide (400% zoom) the page itself never scrolls sideways.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, pageOverflow } from './a11y';
import { expect, test, type Workspace } from './fixtures';
import { openQueue, prepareAndRelease } from './planSteps';
import { WITH_ERRORS } from './samples';
import { ADMIN, continueToLogIn, logIn, nav, previewCombined, setUp, shot } from './steps';

test.use({ today: '2026-12-01' });

// Enough for the audit log's second page too (each task added is an event).
const TASKS = 240;

/**
 * Follow-ups due, added through the contract as the account screen's "Add task…" does, before
 * the clerk logs in: so many through the form would only make the test slow.
 */
async function addTasksDue(request: APIRequestContext, workspace: Workspace, count: number): Promise<void> {
  const token = new URL(workspace.url).searchParams.get('token') ?? '';
  const api = async (channel: string, input: object, sessionId?: string) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (sessionId) headers['x-recoup-session'] = sessionId;
    const response = await request.post(`${workspace.origin}/api/${channel}`, { headers, data: input });
    const body = (await response.json()) as { ok: boolean; value?: { sessionId?: string } };
    expect(body.ok, `${channel}: ${JSON.stringify(body)}`).toBe(true);
    return body.value;
  };
  const sessionId = (await api('auth:login', { username: ADMIN.username, password: ADMIN.password }))?.sessionId;
  for (let i = 0; i < count; i++) {
    await api(
      'followUps:add',
      {
        guarantorId: 1 + ((i * 7) % 400),
        title: `Call back about the balance (${i + 1})`,
        dueDate: `2026-11-${String(1 + (i % 30)).padStart(2, '0')}`,
        assigneeId: 1,
      },
      sessionId,
    );
  }
  await api('auth:logout', {}, sessionId);
}

/** An extract with `count` bad lines: the sample's first data line again and again, each with a date that is not a date. */
async function extractWithBadDates(dir: string, count: number): Promise<string> {
  const [header, line] = (await readFile(WITH_ERRORS, 'utf8')).split(/\r?\n/);
  const cells = line!.split(',');
  const columns = header!.split(',');
  const date = columns.indexOf('effective_date');
  const id = columns.indexOf('transaction_id');
  const lines = Array.from({ length: count }, (_, i) => {
    const row = [...cells];
    row[date] = `2025-02-${30 + (i % 2)}`;
    row[id] = `T9${String(i).padStart(8, '0')}`;
    return row.join(',');
  });
  const file = path.join(dir, 'extract-many-bad-dates.csv');
  await writeFile(file, [header, ...lines].join('\r\n') + '\r\n');
  return file;
}

/**
 * End, in the table's focused scroll region, until `last` shows: the rows are measured as they
 * come into view, so the first End may stop a little short of the end, as a clerk would see.
 */
async function endOfList(page: Page, last: Locator): Promise<void> {
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(last).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

/** The table's scroll region: reached with Tab, named after the table. */
function scrollRegion(page: Page, table: string) {
  return page.getByRole('region', { name: table });
}

test('long lists: only the rows in view are in the page; the keyboard reaches the last; axe finds nothing serious', async ({
  page,
  workspace,
  request,
}) => {
  test.setTimeout(180_000);
  await setUp(page, workspace, { demoData: true });
  await addTasksDue(request, workspace, TASKS);
  await continueToLogIn(page);
  await logIn(page, ADMIN);

  // The work queue: every follow-up due, a screenful of them in the page (the demo data's own
  // accounts to collect are in the queue too; the follow-ups are shown by themselves).
  await openQueue(page);
  await page.getByLabel('Kind').selectOption('follow_up');
  const queue = page.getByRole('table', { name: /work queue/ });
  // The queue comes a page of 50 at a time (issue 18: a million guarantors' queue is not sent whole).
  await expect(queue).toHaveAttribute('aria-rowcount', '51');
  await expect(page.getByText(`${TASKS} items waiting. Items 1–50 of ${TASKS}.`)).toBeVisible();
  const inPage = await queue.locator('tbody tr:not(.spacer)').count();
  expect(inPage).toBeGreaterThan(5);
  expect(inPage).toBeLessThan(50);
  await expectNoSeriousA11yViolations(page, 'the work queue');
  await shot(page, '80-queue-long');
  // The clerk tabs into the table's region and presses End: the last item is there to work.
  const region = scrollRegion(page, 'The work queue, highest score first');
  await region.focus();
  const last = queue.locator('tr[aria-rowindex="51"]');
  await endOfList(page, last);
  await expect(last.getByRole('button', { name: /^Work / })).toBeVisible();
  // Home from the region itself (a re-render under load can leave the focus elsewhere, or take the
  // key before the region is ready: the clerk would press it again, and so does the test).
  await expect(async () => {
    await region.focus();
    await page.keyboard.press('Home');
    await expect(queue.locator('tr[aria-rowindex="2"]')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  // Tab from the region walks the rows' buttons, well past the rows first put in the page.
  await region.focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
  await expect(queue.locator('tr[aria-rowindex="41"]').getByRole('button')).toBeFocused();
  // The next page, and back: the pager's buttons say how many they move by.
  await page.getByRole('button', { name: 'Next 50' }).click();
  await expect(page.getByText(`Items 51–100 of ${TASKS}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Previous 50' }).click();
  await expect(page.getByText(`Items 1–50 of ${TASKS}.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next 50' })).toBeFocused();

  // The audit log: a page of 200 events, read by scrolling; the older ones on the next page.
  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  const audit = page.getByRole('table', { name: 'Audit events, newest first' });
  await expect(page.getByText(/^Events 1–200 of \d+, newest first$/)).toBeVisible();
  await expect(audit).toHaveAttribute('aria-rowcount', '201');
  expect(await audit.locator('tbody tr:not(.spacer)').count()).toBeLessThan(200);
  await expectNoSeriousA11yViolations(page, 'the audit log');
  await shot(page, '81-audit-long');
  await page.getByRole('button', { name: 'Older' }).click();
  await expect(page.getByText(/^Events 201–\d+ of \d+, newest first$/)).toBeVisible();
  await scrollRegion(page, 'Audit events, newest first').focus();
  // The oldest event of all, the set-up, is #1.
  await endOfList(page, audit.getByRole('row').filter({ has: page.getByRole('cell', { name: '1', exact: true }) }));

  // A month of statements in the registers, all of them on screen.
  await prepareAndRelease(page);
  const batch = page.getByRole('dialog', { name: /\.pdf$/ });
  await expect(batch).toBeVisible({ timeout: 60_000 });
  await batch.getByRole('button', { name: 'Close' }).click();
  await nav(page).getByRole('link', { name: 'Compliance' }).click();
  const statements = page.getByRole('table', { name: 'Statements register' });
  const sent = Number(await statements.getAttribute('aria-rowcount')) - 1;
  expect(sent).toBeGreaterThan(100);
  await expect(page.getByRole('list', { name: 'This month' }).getByRole('listitem').first()).toHaveText(
    `${sent} statements sent`,
  );
  await expectNoSeriousA11yViolations(page, 'the compliance registers');
  await shot(page, '82-registers-long');

  // Search: the listbox of people found.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('smith');
  await expect(page.getByRole('option').first()).toContainText('Smith');
  await expectNoSeriousA11yViolations(page, 'the search results');
  await shot(page, '83-search-results', { viewport: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Smith/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the account workspace');

  // An extract with 300 bad lines: every one listed, a screenful in the page.
  const file = await extractWithBadDates(workspace.dataDir, 300);
  await previewCombined(page, file);
  const problems = page.getByRole('table', { name: 'Problems found, by file and line' });
  await expect(problems).toHaveAttribute('aria-rowcount', '301');
  expect(await problems.locator('tbody tr:not(.spacer)').count()).toBeLessThan(300);
  await expectNoSeriousA11yViolations(page, 'the import report');
  await shot(page, '84-import-many-problems');
  await scrollRegion(page, 'Problems found, by file and line').focus();
  await endOfList(
    page,
    problems.getByRole('row').filter({ has: page.getByRole('cell', { name: '301', exact: true }) }),
  );
});

test('reflow at 320 CSS pixels (400% zoom): the queue and the audit log scroll sideways only inside their tables', async ({
  page,
  workspace,
  request,
}) => {
  await setUp(page, workspace, { demoData: true });
  await addTasksDue(request, workspace, 12);
  await continueToLogIn(page);
  await logIn(page, ADMIN);
  await page.setViewportSize({ width: 320, height: 256 });

  await openQueue(page);
  await expect(page.getByRole('table', { name: /work queue/ })).toBeVisible();
  expect(await pageOverflow(page), 'the work queue scrolls sideways').toBe(0);
  const queueRegion = scrollRegion(page, 'The work queue, highest score first');
  expect(await queueRegion.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  await expectNoSeriousA11yViolations(page, 'the work queue at 320 px');
  await shot(page, '85-queue-320');

  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('table', { name: 'Audit events, newest first' })).toBeVisible();
  expect(await pageOverflow(page), 'the audit log scrolls sideways').toBe(0);
  const auditRegion = scrollRegion(page, 'Audit events, newest first');
  expect(await auditRegion.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  await expectNoSeriousA11yViolations(page, 'the audit log at 320 px');
  await shot(page, '86-audit-320');
});
