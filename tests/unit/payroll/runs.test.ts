// Pay-period runs (issue 16, semantics 5): who deducts on a date and how much, the deduction file
// for payroll by its profile, the NACHA transfer file, and the file made again.
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/main/capabilities/imports/csv';
import { achText, nachaFile } from '../../../src/main/capabilities/payroll/nacha';
import { addArrangement, addEmployee, BANK_SETTINGS, bigWorld, type BigWorld } from './runSupport';

let w: BigWorld;
afterEach(() => w?.t.cleanup());

/**
 * Jane: $20.00 an hour, 40 h, every two weeks, TX (federal $7.25): largest deduction
 * 80 h × $12.75 = $1,020.00; $50.00 from 2026-07-03 on A1+A2 (owed $800.00).
 * John: $8.00 an hour after a pay cut: 80 h × $0.75 = $60.00; $100.00 asked: $60.00 expected.
 * Ed: owes $30.00; $50.00 asked: $30.00 expected.
 */
async function payrollWorld() {
  w = await bigWorld();
  const { t, db } = w;
  const ej = addEmployee(db, { number: 'E100', lastName: 'Smith', firstName: 'Jane', guarantorId: w.jane });
  const eo = addEmployee(db, {
    number: 'E200',
    lastName: "O'Brien-Núñez",
    firstName: 'John',
    rateCents: 800,
    guarantorId: w.john,
  });
  const ee = addEmployee(db, { number: 'E700', lastName: 'Fox', firstName: 'Ed', guarantorId: w.ed });
  const ea = addEmployee(db, { number: 'E300', lastName: 'Lopez', firstName: 'Ana', guarantorId: w.ana });
  const eb = addEmployee(db, { number: 'E400', lastName: 'Chen', firstName: 'Bo', guarantorId: w.bo });
  const ec = addEmployee(db, { number: 'E500', lastName: 'Diaz', firstName: 'Cy', guarantorId: w.cy });
  const ed = addEmployee(db, { number: 'E600', lastName: 'Evans', firstName: 'Di', guarantorId: w.di });
  const ids = {
    jane: addArrangement(t, {
      guarantorId: w.jane,
      employeeId: ej,
      accountIds: [w.a1, w.a2],
      amountCents: 5000,
      firstDate: '2026-07-03',
    }),
    john: addArrangement(t, {
      guarantorId: w.john,
      employeeId: eo,
      accountIds: [w.a3],
      amountCents: 10000,
      firstDate: '2026-07-03',
    }),
    ed: addArrangement(t, {
      guarantorId: w.ed,
      employeeId: ee,
      accountIds: [w.a8],
      amountCents: 5000,
      firstDate: '2026-06-19',
    }),
    // Not signed: PD-02.
    ana: addArrangement(t, {
      guarantorId: w.ana,
      employeeId: ea,
      accountIds: [w.a4],
      amountCents: 4000,
      firstDate: '2026-07-03',
      signedOn: null,
    }),
    // First date two weeks later.
    bo: addArrangement(t, {
      guarantorId: w.bo,
      employeeId: eb,
      accountIds: [w.a5],
      amountCents: 4000,
      firstDate: '2026-07-17',
      signedOn: '2026-06-20',
    }),
    // Every two weeks from June 26: July 3 is not one of its dates.
    cy: addArrangement(t, {
      guarantorId: w.cy,
      employeeId: ec,
      accountIds: [w.a6],
      amountCents: 4000,
      firstDate: '2026-06-26',
    }),
    // Its account owes nothing.
    di: addArrangement(t, {
      guarantorId: w.di,
      employeeId: ed,
      accountIds: [w.a7],
      amountCents: 4000,
      firstDate: '2026-07-03',
    }),
    // Revoked: not live, never in a run.
    janeRevoked: addArrangement(t, {
      guarantorId: w.jane,
      employeeId: ej,
      accountIds: [],
      amountCents: 9900,
      firstDate: '2026-06-05',
      status: 'revoked',
    }),
  };
  return ids;
}

describe('runPreview', () => {
  it('includes the signed arrangements due on the date, each capped by the amount, what is owed and the rule', async () => {
    const ids = await payrollWorld();
    const p = await w.t.call('payroll:runPreview', { method: 'payroll', runDate: '2026-07-03' }, w.clerk);
    expect(p.lines.map((l) => [l.reference, l.expectedCents, l.owedCents])).toEqual([
      [`PD-${ids.ed}`, 3000, 3000],
      [`PD-${ids.john}`, 6000, 120000],
      [`PD-${ids.jane}`, 5000, 80000],
    ]);
    expect(p.expectedCents).toBe(14000);
    const why = Object.fromEntries(p.leftOut.map((l) => [l.arrangementId, l.reason]));
    expect(why[ids.ana]).toBe('the signed authorization is not recorded (PD-02)');
    expect(why[ids.bo]).toMatch(/^its first pay date is .*July 17, 2026/);
    expect(why[ids.cy]).toMatch(/not one of its dates \(the next is .*July 10, 2026\)/);
    expect(why[ids.di]).toBe('its accounts owe nothing');
    expect(why[ids.janeRevoked]).toBeUndefined();
    expect(p.lines.some((l) => l.arrangementId === ids.janeRevoked)).toBe(false);
    expect(p.existingRunId).toBeNull();
  });

  it('leaves out an arrangement signed after the date, and one whose pay leaves nothing above the floor', async () => {
    const ids = await payrollWorld();
    w.db.prepare("UPDATE deduction_arrangements SET signed_on = '2026-07-04' WHERE id = ?").run(ids.jane);
    // John's pay cut to the minimum: $7.25 an hour leaves nothing (PD-01).
    w.db.prepare("UPDATE employees SET hourly_rate_cents = 725 WHERE employee_number = 'E200'").run();
    const p = await w.t.call('payroll:runPreview', { method: 'payroll', runDate: '2026-07-03' }, w.clerk);
    const why = Object.fromEntries(p.leftOut.map((l) => [l.arrangementId, l.reason]));
    expect(why[ids.jane]).toMatch(/signed on .*July 4, 2026, after this date \(PD-02\)/);
    expect(why[ids.john]).toMatch(/nothing above the wage floor/);
    expect(p.lines.map((l) => l.arrangementId)).toEqual([ids.ed]);
  });

  it('a state minimum above the federal one on the date lowers the expected amount', async () => {
    const ids = await payrollWorld();
    // TX at $7.50 from 2026-07-01: John keeps 80 h × $0.50 = $40.00 above the floor.
    w.db
      .prepare(
        "INSERT INTO wage_floors (jurisdiction, effective_from, minimum_wage_cents, source, created_at) VALUES ('TX', '2026-07-01', 750, 'test', '2026-06-01T00:00:00Z')",
      )
      .run();
    const p = await w.t.call('payroll:runPreview', { method: 'payroll', runDate: '2026-07-03' }, w.clerk);
    expect(p.lines.find((l) => l.arrangementId === ids.john)?.expectedCents).toBe(4000);
    // Before it took effect, the federal floor: $60.00.
    const before = await w.t.call('payroll:runPreview', { method: 'payroll', runDate: '2026-06-19' }, w.clerk);
    expect(before.lines.map((l) => l.arrangementId)).toEqual([ids.ed]);
  });
});

describe('createRun: the deduction file', () => {
  it('writes the default layout, records the run and its lines, refuses a second run and an empty one', async () => {
    const ids = await payrollWorld();
    const handle = await w.t.call('payroll:createRun', { method: 'payroll', runDate: '2026-07-03' }, w.clerk);
    expect(handle.fileName).toBe('payroll-deductions-2026-07-03.csv');
    const text = (await w.t.file(handle)).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')).toEqual([
      '\uFEFFEmployee ID,Employee Name,Pay Date,Amount,Deduction Code,Reference',
      `E700,"Fox, Ed",2026-07-03,30.00,HOSPBILL,PD-${ids.ed}`,
      `E200,"O'Brien-Núñez, John",2026-07-03,60.00,HOSPBILL,PD-${ids.john}`,
      `E100,"Smith, Jane",2026-07-03,50.00,HOSPBILL,PD-${ids.jane}`,
      '',
    ]);
    const runs = await w.t.call('payroll:runs', { method: 'payroll' }, w.clerk);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ runDate: '2026-07-03', status: 'sent', lines: 3, expectedCents: 14000, open: 0 });
    const again = await w.t.raw('payroll:createRun', { method: 'payroll', runDate: '2026-07-03' }, w.clerk);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('conflict');
    const preview = await w.t.call('payroll:runPreview', { method: 'payroll', runDate: '2026-07-03' }, w.clerk);
    expect(preview.existingRunId).toBe(runs[0]!.id);
    expect(preview.lines).toEqual([]);
    const empty = await w.t.raw('payroll:createRun', { method: 'payroll', runDate: '2026-07-04' }, w.clerk);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toMatch(/nothing to send/);
    // The file again: the same bytes.
    const rebuilt = await w.t.call('payroll:runFile', { runId: runs[0]!.id }, w.clerk);
    expect((await w.t.file(rebuilt)).toString('utf8')).toBe(text);
  });

  it('writes the columns, order, date and amount formats of a profile, formulas neutralised, read back', async () => {
    const ids = await payrollWorld();
    w.db.prepare("UPDATE employees SET last_name = '=HYPERLINK(1)' WHERE employee_number = 'E100'").run();
    const profile = await w.t.call(
      'payroll:saveProfile',
      {
        kind: 'deductions',
        name: 'ADP import',
        mapping: {
          columns: [
            { field: 'reference', header: 'Ref' },
            { field: 'employeeId', header: 'EmpNo' },
            { field: 'payDate', header: 'Check date' },
            { field: 'amount', header: 'Amt' },
            { field: 'employeeName', header: 'Name' },
            { field: 'remainingBalance', header: 'Goal left' },
            { field: 'deductionCode', header: 'Code' },
          ],
          dateFormat: 'MM/DD/YYYY',
          amountFormat: 'cents',
        },
      },
      w.clerk,
    );
    const handle = await w.t.call(
      'payroll:createRun',
      { method: 'payroll', runDate: '2026-07-03', profileId: profile.id },
      w.clerk,
    );
    const text = (await w.t.file(handle)).toString('utf8').replace(/^\uFEFF/, '');
    const read = await parseCsv(text);
    expect(read.headers).toEqual(['Ref', 'EmpNo', 'Check date', 'Amt', 'Name', 'Goal left', 'Code']);
    expect(read.rows.map((r) => r.cells)).toEqual([
      [`PD-${ids.ed}`, 'E700', '07/03/2026', '3000', 'Fox, Ed', '0', 'HOSPBILL'],
      [`PD-${ids.john}`, 'E200', '07/03/2026', '6000', "O'Brien-Núñez, John", '114000', 'HOSPBILL'],
      [`PD-${ids.jane}`, 'E100', '07/03/2026', '5000', "'=HYPERLINK(1), Jane", '75000', 'HOSPBILL'],
    ]);
    // A profile that wrote a file stays; the file made again is the same while it does not change.
    const del = await w.t.raw('payroll:deleteProfile', { profileId: profile.id }, w.clerk);
    expect(del.ok).toBe(false);
    const runId = (await w.t.call('payroll:runs', { method: 'payroll' }, w.clerk))[0]!.id;
    expect((await w.t.file(await w.t.call('payroll:runFile', { runId }, w.clerk))).toString('utf8')).toBe(
      `\uFEFF${text}`,
    );
    if (profile.kind !== 'deductions') throw new Error('a deductions profile');
    await w.t.call(
      'payroll:saveProfile',
      {
        id: profile.id,
        kind: 'deductions',
        name: profile.name,
        mapping: { ...profile.mapping, amountFormat: 'dollars' },
      },
      w.clerk,
    );
    const changed = await w.t.raw('payroll:runFile', { runId }, w.clerk);
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.error.message).toMatch(/profile or the deduction code/);
  });

  it('profiles: listed by kind, a name once per kind, deleted when unused', async () => {
    w = await bigWorld();
    const mapping = {
      columns: { employeeId: 'Emp', amountDeducted: 'Ded' },
      dateFormat: 'YYYY-MM-DD' as const,
      amountFormat: 'dollars' as const,
    };
    const p = await w.t.call('payroll:saveProfile', { kind: 'confirmation', name: 'Paycom', mapping }, w.clerk);
    const dup = await w.t.raw('payroll:saveProfile', { kind: 'confirmation', name: 'PAYCOM', mapping }, w.clerk);
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error.fields?.name).toMatch(/already exists/);
    expect((await w.t.call('payroll:profiles', { kind: 'confirmation' }, w.clerk)).map((x) => x.name)).toEqual([
      'Paycom',
    ]);
    expect(await w.t.call('payroll:profiles', { kind: 'roster' }, w.clerk)).toEqual([]);
    await w.t.call('payroll:deleteProfile', { profileId: p.id }, w.clerk);
    expect(await w.t.call('payroll:profiles', {}, w.clerk)).toEqual([]);
  });
});

describe('createRun: the NACHA transfer file', () => {
  async function bankWorld() {
    w = await bigWorld();
    const ana = addArrangement(w.t, {
      guarantorId: w.ana,
      method: 'bank',
      accountIds: [w.a4],
      amountCents: 2500,
      frequency: 'monthly',
      firstDate: '2026-07-03',
      bank: { holder: 'Ana Lopez', routing: '021000021', account: '123456789', type: 'checking' },
    });
    const bo = addArrangement(w.t, {
      guarantorId: w.bo,
      method: 'bank',
      accountIds: [w.a5],
      amountCents: 4000,
      frequency: 'weekly',
      firstDate: '2026-06-26',
      bank: { holder: 'Bo Chen', routing: '011000015', account: '9876543210123', type: 'savings' },
    });
    return { ana, bo };
  }

  it('refuses while the bank settings are blank, naming them', async () => {
    await bankWorld();
    const r = await w.t.raw('payroll:createRun', { method: 'bank', runDate: '2026-07-03' }, w.clerk);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/routing number.*bank name.*company name.*company id/);
      expect(Object.keys(r.error.fields ?? {}).sort()).toEqual([
        'bankCompanyId',
        'bankCompanyName',
        'bankName',
        'bankRoutingNumber',
      ]);
    }
    expect(await w.t.call('payroll:runs', { method: 'bank' }, w.clerk)).toEqual([]);
  });

  it('writes 94-character records, counts, entry hash, totals, blocked to ten; the account numbers only there', async () => {
    const ids = await bankWorld();
    await w.t.call('settings:update', { payroll: BANK_SETTINGS }, w.admin);
    const handle = await w.t.call('payroll:createRun', { method: 'bank', runDate: '2026-07-03' }, w.clerk);
    expect(handle.fileName).toBe('bank-transfers-2026-07-03.ach');
    const text = (await w.t.file(handle)).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(10);
    for (const l of lines) expect(l).toHaveLength(94);
    expect(lines.map((l) => l[0]).join('')).toBe('1566899999');
    const [header, batch, e1, e2, batchControl, fileControl] = lines as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    expect(header.slice(0, 3)).toBe('101');
    expect(header.slice(3, 13)).toBe(' 011000015');
    expect(header.slice(13, 23)).toBe('1012345678');
    expect(header.slice(34, 40)).toBe('094101');
    expect(header.slice(40, 63)).toBe('FIRST HARBOR BANK'.padEnd(23));
    expect(batch.slice(1, 4)).toBe('225');
    expect(batch.slice(4, 20)).toBe('ST BRIGID RMC'.padEnd(16));
    expect(batch.slice(40, 50)).toBe('1012345678');
    expect(batch.slice(50, 53)).toBe('PPD');
    expect(batch.slice(53, 63)).toBe('HOSP BILL ');
    expect(batch.slice(69, 75)).toBe('260703');
    expect(batch.slice(79, 87)).toBe('01100001');
    // Ana (Lopez) before Bo? Ordered by last name: Chen, then Lopez.
    expect(e1.slice(1, 3)).toBe('37');
    expect(e1.slice(3, 12)).toBe('011000015');
    expect(e1.slice(12, 29)).toBe('9876543210123    ');
    expect(e1.slice(29, 39)).toBe('0000004000');
    expect(e1.slice(39, 54)).toBe(`ABT-${ids.bo}`.padEnd(15));
    expect(e1.slice(54, 76)).toBe('BO CHEN'.padEnd(22));
    expect(e1.slice(78, 79)).toBe('0');
    expect(e1.slice(79, 94)).toBe('011000010000001');
    expect(e2.slice(1, 3)).toBe('27');
    expect(e2.slice(3, 12)).toBe('021000021');
    expect(e2.slice(12, 29)).toBe('123456789        ');
    expect(e2.slice(29, 39)).toBe('0000002500');
    expect(e2.slice(79, 94)).toBe('011000010000002');
    // Entry hash: 02100002 + 01100001 = 3200003.
    expect(batchControl.slice(1, 4)).toBe('225');
    expect(batchControl.slice(4, 10)).toBe('000002');
    expect(batchControl.slice(10, 20)).toBe('0003200003');
    expect(batchControl.slice(20, 32)).toBe('000000006500');
    expect(batchControl.slice(32, 44)).toBe('000000000000');
    expect(fileControl.slice(1, 7)).toBe('000001');
    expect(fileControl.slice(7, 13)).toBe('000001');
    expect(fileControl.slice(13, 21)).toBe('00000002');
    expect(fileControl.slice(21, 31)).toBe('0003200003');
    expect(fileControl.slice(31, 43)).toBe('000000006500');
    expect(lines.slice(6)).toEqual(Array(4).fill('9'.repeat(94)));
    // The full account numbers appear only in the file: not in the views, not in the audit trail,
    // not in the database in the clear.
    const runId = (await w.t.call('payroll:runs', { method: 'bank' }, w.clerk))[0]!.id;
    const views = JSON.stringify([
      await w.t.call('payroll:run', { runId }, w.clerk),
      await w.t.call('payroll:runPreview', { method: 'bank', runDate: '2026-07-10' }, w.clerk),
    ]);
    const audit = JSON.stringify(w.db.prepare('SELECT * FROM audit_events').all());
    for (const n of ['123456789', '9876543210123']) {
      expect(text).toContain(n);
      expect(views).not.toContain(n);
      expect(audit).not.toContain(n);
    }
    const stored = w.db.prepare('SELECT bank_account_sealed FROM deduction_arrangements').all() as {
      bank_account_sealed: Buffer;
    }[];
    for (const s of stored) expect(s.bank_account_sealed.toString('latin1')).not.toContain('123456789');
    // Made again: the same bytes (the header's time is the run's); after the settings change, refused.
    expect((await w.t.file(await w.t.call('payroll:runFile', { runId }, w.clerk))).toString('utf8')).toBe(text);
    await w.t.call('settings:update', { payroll: { ...BANK_SETTINGS, bankName: 'OTHER BANK' } }, w.admin);
    const changed = await w.t.raw('payroll:runFile', { runId }, w.clerk);
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.error.message).toMatch(/bank settings/);
  });
});

describe('nachaFile', () => {
  const origin = {
    bankRoutingNumber: '011000015',
    bankName: 'First Harbor Bank',
    companyName: 'St Brigid RMC',
    companyId: '1012345678',
    entryDescription: 'HOSP BILL',
  };
  it('writes names in ASCII upper case, a name with no Latin letters as the reference', () => {
    expect(achText("José O'Brien-Núñez")).toBe("JOSE O'BRIEN-NUNEZ");
    const text = nachaFile(
      origin,
      [
        {
          routingNumber: '021000021',
          accountNumber: '1234',
          accountType: 'checking',
          amountCents: 1,
          individualId: 'ABT-7',
          name: '王小明',
        },
        {
          routingNumber: '021000021',
          accountNumber: '5678',
          accountType: 'savings',
          amountCents: 99,
          individualId: 'ABT-8',
          name: 'Zoë Ávila',
        },
      ],
      '2026-07-03',
      '2026-07-01T14:05:00.000Z',
    );
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines[0]!.slice(23, 33)).toBe('2607011405');
    expect(lines[2]!.slice(54, 76)).toBe('ABT-7'.padEnd(22));
    expect(lines[3]!.slice(54, 76)).toBe('ZOE AVILA'.padEnd(22));
    // 02100002 twice: 4200004; six records, then four lines of 9s.
    expect(lines[4]!.slice(10, 20)).toBe('0004200004');
    expect(lines).toHaveLength(10);
    expect(lines.slice(6)).toEqual(Array(4).fill('9'.repeat(94)));
  });
});
