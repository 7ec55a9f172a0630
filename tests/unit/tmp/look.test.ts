import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { setUpAndLogIn, testApp } from '../support';
import { importSmall } from '../accounts/fixtures';
import { attemptEca } from '../../../src/main/services/eca';

it('look', async () => {
  const t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const { jane, john, a1 } = await importSmall(t);
  t.app.store.db.prepare('UPDATE accounts SET first_statement_date = NULL').run();
  const a2 = t.app.store.db.prepare(`SELECT id FROM accounts WHERE account_number = 'A2'`).pluck().get() as number;
  const { id: hold } = await t.call(
    'holds:place',
    { guarantorId: jane, accountId: a2, reason: 'dispute', note: 'disputes the stay' },
    admin,
  );
  await t.call('statements:run', { taskId: 'statements-l-1' }, admin);
  await t.call('holds:release', { holdId: hold, note: 'resolved' }, admin);
  for (const [date, n] of [
    ['2026-12-26', 2],
    ['2027-01-25', 3],
    ['2027-02-24', 4],
  ] as const) {
    t.clock.setToday(date);
    const r = await t.call('statements:run', { taskId: `statements-l-${n}` }, admin);
    if (n === 4) writeFileSync('/tmp/look/batch.pdf', Buffer.from(r.file.base64, 'base64'));
  }
  try {
    attemptEca(t.app.store.db, a1, 'civil_action', '2027-02-24', t.app.nowIso(), 1);
  } catch {}
  const list = await t.call('statements:list', { guarantorId: jane }, admin);
  const mixed = list.find((s) => s.statementDate === '2027-02-24')!;
  writeFileSync(
    '/tmp/look/mixed.pdf',
    Buffer.from((await t.call('statements:reprint', { statementId: mixed.id }, admin)).base64, 'base64'),
  );
  const pdf = await t.call('registers:pdf', { month: '2027-02' }, admin);
  writeFileSync('/tmp/look/registers.pdf', Buffer.from(pdf.base64, 'base64'));
  t.cleanup();
}, 60000);
