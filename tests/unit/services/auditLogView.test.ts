// Issue 11 item 9 (HP-01 audit controls): the audit log answers "who looked at this patient". It
// names records as a person reads them, filters by a guarantor's number or any of their account
// numbers, and exports what it shows as CSV (itself audited as an export).
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { importSmall } from '../accounts/fixtures';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

describe('who looked at this patient', () => {
  it('names records, filters by guarantor or account number, and exports the same as CSV', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk', 'casey');
    const { jane, john } = await importSmall(t);
    await t.call('accounts:open', { guarantorId: jane }, clerk);
    await t.call('accounts:open', { guarantorId: john }, clerk);
    await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'cash',
        reference: '',
        amountCents: 1_000,
        effectiveDate: '2026-11-26',
        allocations: [],
      },
      clerk,
    );

    const aboutJane = await t.call('audit:list', { guarantor: 'G1' }, admin);
    expect(aboutJane.guarantor).toBe('Jane Smith (G1)');
    expect(aboutJane.events.map((e) => [e.username, e.channel])).toEqual([
      ['casey', 'payments:post'],
      ['casey', 'accounts:open'],
    ]);
    // Records by name and number, not internal ids.
    expect(aboutJane.events[1]!.recordLabels).toContain('Jane Smith (G1)');
    expect(aboutJane.events[0]!.recordLabels.join(' ')).toMatch(/account A1/);
    // One of her account numbers finds the same events.
    expect((await t.call('audit:list', { guarantor: 'A2' }, admin)).events.map((e) => e.id)).toEqual(
      aboutJane.events.map((e) => e.id),
    );
    expect(await t.raw('audit:list', { guarantor: 'NOPE' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { guarantor: expect.any(String) } },
    });

    const file = await t.call('audit:csv', { guarantor: 'G1' }, admin);
    const rows = Papa.parse<string[]>((await t.file(file)).toString('utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual(['id', 'at', 'user', 'action', 'kind', 'records', 'record_keys', 'outcome', 'detail']);
    expect(rows.slice(1).map((r) => [r[2], r[3]])).toEqual([
      ['casey', 'payments:post'],
      ['casey', 'accounts:open'],
    ]);
    expect(rows[2]![5]).toContain('Jane Smith (G1)');
    // The export itself is in the log.
    const [exported] = (await t.call('audit:list', { channel: 'audit:csv' }, admin)).events;
    expect(exported).toMatchObject({ kind: 'export', outcome: 'ok', detail: '2 events about G1' });
    // Only administrators read or export the log.
    expect(await t.raw('audit:csv', {}, clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
