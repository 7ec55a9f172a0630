// The monthly registers: statements and final notices sent, ECA attempts allowed and refused with
// the clock's reasons, holds placed and released.
import { afterEach, describe, expect, it } from 'vitest';
import { attemptEca } from '../../../src/main/capabilities/compliance/ecaGate';
import { setUpAndLogIn, testApp, type TestApp, sendStatements } from '../support';
import { pdfPages } from '../pdfText';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

describe('monthly registers', () => {
  it('list what was sent, attempted and held in the month, on screen and as CSV', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    const { john, a1 } = await importSmall(t);
    t.app.store.db.prepare('UPDATE accounts SET first_statement_date = NULL').run();
    const { id: holdId } = await t.call(
      'holds:place',
      { guarantorId: john, reason: 'dispute', note: 'ER charge' },
      admin,
    );
    await sendStatements(t, admin, 'statements-reg-1');
    expect(() => attemptEca(t.app.store.db, a1, 'credit_report', '2026-11-26', t.app.nowIso(), 1)).toThrow();
    await t.call('holds:release', { holdId, note: 'resolved' }, admin);
    await t.call('fap:record', { guarantorId: john, status: 'pending', date: '2026-11-26', note: 'by mail' }, admin);
    const r = await t.call('registers:month', { month: '2026-11' }, admin);
    expect(r.assistance).toEqual([
      {
        date: '2026-11-26',
        guarantor: "John O'Brien-Núñez",
        guarantorNumber: 'G2',
        status: 'pending',
        note: 'by mail',
        by: 'Avery Admin',
      },
    ]);
    const assistanceCsv = (
      await t.file(await t.call('registers:csv', { month: '2026-11', register: 'assistance' }, admin))
    ).toString('utf8');
    expect(assistanceCsv.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFdate,guarantor,guarantor_number,status,note,by',
      `2026-11-26,John O'Brien-Núñez,G2,pending,by mail,Avery Admin`,
    ]);
    expect(r.statements).toMatchObject([
      { date: '2026-11-26', guarantor: 'Jane Smith', kind: 'regular', numberInCycle: 1, amountDueCents: 80_000 },
    ]);
    expect(r.ecaAttempts).toMatchObject([
      { accountNumber: 'A1', kind: 'credit_report', allowed: false, allowedFrom: null },
    ]);
    expect(r.ecaAttempts[0]!.reasons.join(' ')).toMatch(/ECA-05/);
    expect(r.holds.map((h) => [h.event, h.guarantor, h.reason])).toEqual([
      ['placed', "John O'Brien-Núñez", 'dispute'],
      ['released', "John O'Brien-Núñez", 'dispute'],
    ]);
    const csv = (
      await t.file(await t.call('registers:csv', { month: '2026-11', register: 'statements' }, admin))
    ).toString('utf8');
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFdate,guarantor,guarantor_number,kind,number_in_cycle,accounts,amount_due',
      '2026-11-26,Jane Smith,G1,regular,1,"A1 (1), A2 (1)",800.00',
    ]);
    const holdsCsv = (
      await t.file(await t.call('registers:csv', { month: '2026-11', register: 'holds' }, admin))
    ).toString('utf8');
    expect(holdsCsv.split('\r\n')[1]).toBe(`2026-11-26,placed,John O'Brien-Núñez,all,dispute,ER charge,Avery Admin`);
    // The PDF an auditor reads: the month, the counts, and each register's rows.
    const pdf = await t.call('registers:pdf', { month: '2026-11' }, admin);
    const text = (await pdfPages(await t.file(pdf))).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('501(r) compliance registers: November 2026');
    expect(text).toContain(
      '1 statement sent, 0 of them final notices; 1 extraordinary collection action attempted, 1 refused by the 501(r) gate; 1 hold placed and 1 released by staff; 1 financial-assistance application or decision recorded.',
    );
    expect(text).toContain('A1 (1), A2 (1)');
    expect(text).toContain('Report to a credit bureau');
    expect(text).toContain('Refused');
    expect(text).toMatch(/Balance disputed.*ER charge/);
    expect(text).toContain('Balance disputed');
    expect(text).toMatch(/Financial-assistance applications and decisions \(1\).*Application pending by mail/);
    expect((await t.call('registers:month', { month: '2026-10' }, admin)).statements).toEqual([]);
  });
});
