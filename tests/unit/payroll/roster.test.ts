// The roster: inspected, previewed (nothing changes), imported all-or-nothing by mapping; every bad
// value names its line and column; a re-import never clears a confirmed match; a rehire.
import { afterEach, describe, expect, it } from 'vitest';
import {
  footprint,
  MAPPING,
  payrollWorld,
  refusal,
  ROSTER_CSV,
  ROSTER_HEADER,
  ROSTER_LINES,
  type PayrollWorld,
} from './world';

let w: PayrollWorld;
afterEach(() => w?.t.cleanup());

const count = (table: string) => w.t.app.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('the roster', () => {
  it('inspect reads the headers and guesses the mapping', async () => {
    w = await payrollWorld();
    const r = await w.t.call('payroll:rosterInspect', { uploadId: await w.upload(`\uFEFF${ROSTER_CSV}`) }, w.clerk);
    expect(r.headers[0]).toBe('Emp ID'); // the byte-order mark is dropped
    expect(r.lines).toBe(4);
    expect(r.suggested.columns).toEqual(MAPPING.columns);
  });

  it('a preview reports and changes nothing; the import adds every employee', async () => {
    w = await payrollWorld();
    const before = footprint(w);
    const preview = await w.t.call(
      'payroll:rosterPreview',
      { uploadId: await w.upload(ROSTER_CSV), mapping: MAPPING },
      w.clerk,
    );
    expect(preview).toMatchObject({
      lines: 4,
      added: 4,
      updated: 0,
      unchanged: 0,
      terminated: 0,
      problems: [],
      importId: null,
    });
    // E100 (G1 exact), E200 (G2 exact), E300 (G1 likely) await a person; E400 (the name alone) does not.
    expect(preview.toConfirm).toBe(3);
    expect(footprint(w)).toBe(before);

    const report = await w.importRoster(ROSTER_CSV);
    expect(report).toMatchObject({ added: 4, updated: 0, toConfirm: 3, importId: expect.any(Number) });
    expect(count('employees')).toBe(4);
    const e200 = await w.t.call('payroll:employee', { employeeId: w.emp('E200') }, w.clerk);
    expect(e200).toMatchObject({
      payFrequency: 'biweekly',
      payType: 'salary',
      annualSalaryCents: 4_160_000,
      hourlyRateCents: null,
      weeklyHoursCenti: 4000,
      exempt: false,
      workState: 'TX',
      status: 'active',
    });
    // $41,600.00 ÷ 52 ÷ 40 h = $20.00 an hour; 40 × 2 weeks × ($20.00 − $7.25) = $1,020.00
    expect(e200.limit?.maxCents).toBe(102_000);
    // The same file again: nothing changes.
    expect(await w.importRoster(ROSTER_CSV)).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  it('every bad value names its line and column, and nothing changes', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    const before = footprint(w);
    const bad = [
      ROSTER_HEADER,
      'E100,Smith,Jane,1980-02-14,W,15.00,,40,N,TX,A,',
      'E500,Lee,Ann,1985-13-01,W,abc,,40,N,TX,A,', // line 3: a date that is not real, a rate that is not an amount
      'E600,Kim,Bo,1985-01-01,fortnight,12.00,,40,N,ZZ,A,', // line 4: frequency and state
      'E100,Smith,Jane,1980-02-14,W,15.00,,40,N,TX,A,', // line 5: the id again
      'E700,Cho,Min,1985-01-01,W,12.00,,,N,TX,T,', // line 6: hours missing, terminated without the date
      'E800,Park,Ji,1985-01-01,W,12.00,,200,Y,TX,A,', // line 7: hours over 168, an hourly employee exempt
    ].join('\r\n');
    const preview = await w.t.call(
      'payroll:rosterPreview',
      { uploadId: await w.upload(bad), mapping: MAPPING },
      w.clerk,
    );
    const where = preview.problems.map((p) => `${p.line} ${p.column}`);
    expect(where).toEqual([
      '3 DOB',
      '3 Rate',
      '4 Frequency',
      '4 State',
      '5 Emp ID',
      '6 Hours',
      '6 Term Date',
      '7 Exempt',
      '7 Hours',
    ]);
    expect(preview.problems.find((p) => p.line === 5)?.reason).toBe('Employee id E100 is also on line 2.');
    expect(preview.problems.find((p) => p.line === 4 && p.column === 'State')).toMatchObject({
      value: 'ZZ',
      reason: 'The work state is not a US state code, like TX.',
    });
    const refused = await refusal(w.importRoster(bad));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toMatch(/^Nothing was imported: 9 problems in roster\.csv\. line 3 \(DOB\)/);
    expect(refused.fields?.['line 3.Rate']).toMatch(/hourly rate/);
    expect(footprint(w)).toBe(before);
  });

  it('a mapped column missing from the file is a problem of line 1', async () => {
    w = await payrollWorld();
    const preview = await w.t.call(
      'payroll:rosterPreview',
      {
        uploadId: await w.upload(ROSTER_CSV),
        mapping: { ...MAPPING, columns: { ...MAPPING.columns, workState: 'Work State' } },
      },
      w.clerk,
    );
    expect(preview.problems).toEqual([
      { line: 1, column: 'Work State', value: null, reason: 'The column “Work State” is not in the file.' },
    ]);
  });

  it('full names, synonyms and codes', async () => {
    w = await payrollWorld();
    const text = [
      'ID,Name,Born,Pay,Type,Hourly,Annual,Weekly,FLSA,WS,Emp Status,Ended',
      'X1,"Smith, Jane",02/14/1980,26,H,15.00,,40,no,tx,Active,',
      'X2,Ann Marie Lee,01/02/1985,semi-monthly,S,,60000,,exempt,TX,A,',
      'X3,Bo Kim,01/02/1985,PAYCODE9,H,12.00,,37.5,0,TX,GONE,06/30/2026',
    ].join('\r\n');
    const mapping = {
      columns: {
        employeeId: 'ID',
        fullName: 'Name',
        birthDate: 'Born',
        payFrequency: 'Pay',
        payType: 'Type',
        hourlyRate: 'Hourly',
        annualSalary: 'Annual',
        weeklyHours: 'Weekly',
        exempt: 'FLSA',
        workState: 'WS',
        status: 'Emp Status',
        terminatedOn: 'Ended',
      },
      dateFormat: 'MM/DD/YYYY' as const,
      codes: { paycode9: 'monthly', GONE: 'terminated' },
    };
    const r = await w.t.call('payroll:rosterImport', { uploadId: await w.upload(text), mapping }, w.clerk);
    expect(r).toMatchObject({ added: 3, terminated: 1, problems: [] });
    const rows = w.t.app.store.db
      .prepare(
        'SELECT employee_number, last_name, first_name, birth_date, pay_frequency, pay_type, weekly_hours_centi, exempt, work_state, status, terminated_on FROM employees ORDER BY id',
      )
      .all();
    expect(rows).toEqual([
      {
        employee_number: 'X1',
        last_name: 'Smith',
        first_name: 'Jane',
        birth_date: '1980-02-14',
        pay_frequency: 'biweekly',
        pay_type: 'hourly',
        weekly_hours_centi: 4000,
        exempt: 0,
        work_state: 'TX',
        status: 'active',
        terminated_on: null,
      },
      // An exempt salaried employee without hours: 40.
      {
        employee_number: 'X2',
        last_name: 'Lee',
        first_name: 'Ann Marie',
        birth_date: '1985-01-02',
        pay_frequency: 'semimonthly',
        pay_type: 'salary',
        weekly_hours_centi: 4000,
        exempt: 1,
        work_state: 'TX',
        status: 'active',
        terminated_on: null,
      },
      {
        employee_number: 'X3',
        last_name: 'Kim',
        first_name: 'Bo',
        birth_date: '1985-01-02',
        pay_frequency: 'monthly',
        pay_type: 'hourly',
        weekly_hours_centi: 3750,
        exempt: 0,
        work_state: 'TX',
        status: 'terminated',
        terminated_on: '2026-06-30',
      },
    ]);
  });

  it('a re-import never clears a confirmed match; employees not in the file are untouched; a rehire', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    await w.t.call('payroll:confirmMatch', { employeeId: w.emp('E100'), guarantorId: w.jane }, w.clerk);
    // E100 got a raise; E200..E400 are not in this file.
    const raised = [ROSTER_HEADER, 'E100,Smith,Jane,1980-02-14,W,16.00,,40,N,TX,A,'].join('\r\n');
    expect(await w.importRoster(raised)).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    const e100 = await w.t.call('payroll:employee', { employeeId: w.emp('E100') }, w.clerk);
    expect(e100).toMatchObject({ guarantorId: w.jane, hourlyRateCents: 1_600, candidates: 0 });
    expect(await w.t.call('payroll:employees', { query: '', match: 'all', status: 'all' }, w.clerk)).toHaveLength(4);
    // Terminated, then rehired: active again, the match kept.
    const term = [ROSTER_HEADER, 'E100,Smith,Jane,1980-02-14,W,16.00,,40,N,TX,T,2026-06-30'].join('\r\n');
    expect(await w.importRoster(term)).toMatchObject({ updated: 1, terminated: 1, arrangementsEnded: 0 });
    const rehired = await w.importRoster(raised);
    expect(rehired).toMatchObject({ updated: 1, terminated: 0, rehired: 1, keptTerminated: 0 });
    expect(await w.t.call('payroll:employee', { employeeId: w.emp('E100') }, w.clerk)).toMatchObject({
      status: 'active',
      terminatedOn: null,
      guarantorId: w.jane,
    });
  });
});

// An import never erases or downgrades a fact Recoup recorded itself (issue 16 review).
describe('what the roster does not say, and what it may not change', () => {
  /** The roster's columns without the ones named, and the mapping without their fields. */
  const without = (...fields: (keyof typeof MAPPING.columns)[]) => {
    const dropped = fields.map((f) => MAPPING.columns[f]!);
    const headers = ROSTER_HEADER.split(',');
    const keep = headers.map((h) => !dropped.includes(h));
    const columns = { ...MAPPING.columns };
    for (const f of fields) delete columns[f];
    return {
      mapping: { ...MAPPING, columns },
      csv: (...lines: string[]) =>
        [headers, ...lines.map((l) => l.split(','))]
          .map((cells) => cells.filter((_, i) => keep[i]).join(','))
          .join('\r\n'),
    };
  };
  const importWith = async (mapping: typeof MAPPING, text: string) =>
    w.t.call('payroll:rosterImport', { uploadId: await w.upload(text), mapping }, w.clerk);
  const row = (n: string) =>
    w.t.app.store.db
      .prepare(
        'SELECT first_name, last_name, birth_date, weekly_hours_centi, exempt, status, terminated_on, termination_source, guarantor_id FROM employees WHERE employee_number = ?',
      )
      .get(n) as Record<string, unknown>;

  it('a roster without a status column keeps a termination; a new employee in it is active', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    await w.importRoster([ROSTER_HEADER, 'E100,Smith,Jane,1980-02-14,W,15.00,,40,N,TX,T,2026-06-30'].join('\r\n'));
    expect(row('E100')).toMatchObject({
      status: 'terminated',
      terminated_on: '2026-06-30',
      termination_source: 'roster',
    });
    const noStatus = without('status', 'terminatedOn');
    const r = await importWith(
      noStatus.mapping,
      noStatus.csv(ROSTER_LINES.E100, 'E500,Lee,Ann,1985-01-02,W,12.00,,40,N,TX,A,'),
    );
    expect(r).toMatchObject({ added: 1, updated: 0, unchanged: 1, terminated: 0, rehired: 0, keptTerminated: 0 });
    expect(row('E100')).toMatchObject({
      status: 'terminated',
      terminated_on: '2026-06-30',
      termination_source: 'roster',
    });
    expect(row('E500')).toMatchObject({ status: 'active', terminated_on: null, termination_source: null });
    // An empty status cell says nothing either.
    expect(
      await w.importRoster([ROSTER_HEADER, 'E100,Smith,Jane,1980-02-14,W,15.00,,40,N,TX,,'].join('\r\n')),
    ).toMatchObject({
      unchanged: 1,
      rehired: 0,
    });
    expect(row('E100')).toMatchObject({ status: 'terminated', terminated_on: '2026-06-30' });
  });

  it('a roster without dates of birth keeps them, and an id-only match stays likely', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    // Jane's record carries E400's id; E400 was born 1990-01-01, Jane 1980-02-14: likely, not exact.
    w.t.app.store.db.prepare("UPDATE guarantors SET employee_id = 'E400' WHERE id = ?").run(w.jane);
    const kinds = async () =>
      (await w.t.call('payroll:employee', { employeeId: w.emp('E400') }, w.clerk)).matches.map((m) => m.kind);
    expect(await kinds()).toEqual(['likely']);
    const noBirth = without('birthDate');
    // E400 got a raise in a file without the DOB column.
    const r = await importWith(noBirth.mapping, noBirth.csv('E400,Smith,Jane,1990-01-01,M,13.00,,40,N,TX,A,'));
    expect(r).toMatchObject({ updated: 1, problems: [] });
    expect(row('E400')).toMatchObject({ birth_date: '1990-01-01' });
    expect(await kinds()).toEqual(['likely']);
    // The column mapped but the cell empty: the same.
    await w.importRoster([ROSTER_HEADER, 'E400,Smith,Jane,,M,14.00,,40,N,TX,A,'].join('\r\n'));
    expect(row('E400')).toMatchObject({ birth_date: '1990-01-01' });
    expect(await kinds()).toEqual(['likely']);
  });

  it('only the required columns: first name, birth date, hours and exemption stay; a new employee needs hours', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    // E200 exempt with 45 hours from a full roster.
    await w.importRoster([ROSTER_HEADER, "E200,O'Brien-Nunez,John,1950-07-04,BW,,41600.00,45,Y,TX,A,"].join('\r\n'));
    const bare = without('firstName', 'birthDate', 'weeklyHours', 'exempt', 'status', 'terminatedOn');
    const r = await importWith(bare.mapping, bare.csv("E200,O'Brien-Nunez,John,1950-07-04,BW,,52000.00,45,Y,TX,A,"));
    expect(r).toMatchObject({ updated: 1, problems: [] });
    expect(row('E200')).toMatchObject({
      first_name: 'John',
      birth_date: '1950-07-04',
      weekly_hours_centi: 4500,
      exempt: 1,
      status: 'active',
    });
    // A new employee in the same kind of file: the hours are needed (not exempt by default).
    const before = footprint(w);
    const preview = await w.t.call(
      'payroll:rosterPreview',
      { uploadId: await w.upload(bare.csv('E500,Lee,Ann,1985-01-02,W,12.00,,40,N,TX,A,')), mapping: bare.mapping },
      w.clerk,
    );
    expect(preview.problems).toEqual([
      {
        line: 2,
        column: null,
        value: null,
        reason: 'The usual hours a week are missing (needed unless the employee is exempt).',
      },
    ]);
    expect(footprint(w)).toBe(before);
  });

  it('a matched employee’s new date of birth is a problem naming its line and column; nothing is imported', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    await w.t.call('payroll:confirmMatch', { employeeId: w.emp('E100'), guarantorId: w.jane }, w.clerk);
    const before = footprint(w);
    const robert = [
      ROSTER_HEADER,
      'E300,Doe,Jane,1980-02-15,SM,20.00,,40,N,TX,A,', // unmatched: its birth date may change
      'E100,Brown,Robert,1999-09-09,W,15.00,,40,N,TX,A,',
    ].join('\r\n');
    const preview = await w.t.call(
      'payroll:rosterPreview',
      { uploadId: await w.upload(robert), mapping: MAPPING },
      w.clerk,
    );
    expect(preview.problems).toEqual([
      {
        line: 3,
        column: 'DOB',
        value: '1999-09-09',
        reason:
          'E100 is matched to Jane Smith (born 02/14/1980); the roster gives 09/09/1999: a supervisor undoes the match first (Payroll, the employee).',
      },
    ]);
    expect(preview).toMatchObject({ added: 0, updated: 0, renamed: 0 });
    const refused = await refusal(w.importRoster(robert));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toBe(
      'Nothing was imported: 1 problem in roster.csv. line 3 (DOB): E100 is matched to Jane Smith (born 02/14/1980); the roster gives 09/09/1999: a supervisor undoes the match first (Payroll, the employee).',
    );
    expect(refused.fields?.['line 3.DOB']).toMatch(/^E100 is matched to Jane Smith/);
    expect(footprint(w)).toBe(before);
    expect(row('E100')).toMatchObject({
      last_name: 'Smith',
      first_name: 'Jane',
      birth_date: '1980-02-14',
      guarantor_id: w.jane,
    });
    // The same date written another way is no change.
    const us = { ...MAPPING, dateFormat: 'MM/DD/YYYY' as const };
    expect(
      await importWith(us, [ROSTER_HEADER, 'E100,Smith,Jane,02/14/1980,W,15.00,,40,N,TX,A,'].join('\r\n')),
    ).toMatchObject({ unchanged: 1, problems: [] });
  });

  it('a matched employee without a birth date on file is held to the guarantor’s', async () => {
    w = await payrollWorld();
    await w.importRoster([ROSTER_HEADER, 'E100,Smith,Jane,,W,15.00,,40,N,TX,A,'].join('\r\n'));
    // No birth date: the name alone is no candidate; Jane's record carries the employee id.
    w.t.app.store.db.prepare("UPDATE guarantors SET employee_id = 'E100' WHERE id = ?").run(w.jane);
    await w.t.call('payroll:confirmMatch', { employeeId: w.emp('E100'), guarantorId: w.jane }, w.clerk);
    const preview = await w.t.call(
      'payroll:rosterPreview',
      {
        uploadId: await w.upload([ROSTER_HEADER, 'E100,Smith,Jane,1999-09-09,W,15.00,,40,N,TX,A,'].join('\r\n')),
        mapping: MAPPING,
      },
      w.clerk,
    );
    expect(preview.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [
        2,
        'DOB',
        'E100 is matched to Jane Smith (born 02/14/1980); the roster gives 09/09/1999: a supervisor undoes the match first (Payroll, the employee).',
      ],
    ]);
    // Jane's own date of birth fills it in.
    expect(
      await w.importRoster([ROSTER_HEADER, 'E100,Smith,Jane,1980-02-14,W,15.00,,40,N,TX,A,'].join('\r\n')),
    ).toMatchObject({ updated: 1, problems: [] });
    expect(row('E100')).toMatchObject({ birth_date: '1980-02-14', guarantor_id: w.jane });
  });

  it('a matched employee’s new last name is taken (a married name) and counted; the match stays', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    await w.t.call('payroll:confirmMatch', { employeeId: w.emp('E100'), guarantorId: w.jane }, w.clerk);
    const married = [
      ROSTER_HEADER,
      'E100,Brown,Jane,1980-02-14,W,15.00,,40,N,TX,A,',
      'E400,Jones,Jane,1990-01-01,M,12.00,,40,N,TX,A,', // not matched: an update, not counted
    ].join('\r\n');
    expect(await w.importRoster(married)).toMatchObject({ updated: 2, renamed: 1, problems: [] });
    expect(row('E100')).toMatchObject({ last_name: 'Brown', birth_date: '1980-02-14', guarantor_id: w.jane });
    // Only the letter case: not a new name.
    expect(
      await w.importRoster([ROSTER_HEADER, 'E100,BROWN,Jane,1980-02-14,W,15.00,,40,N,TX,A,'].join('\r\n')),
    ).toMatchObject({ updated: 1, renamed: 0 });
  });

  it('a roster’s termination is lifted by a later roster saying active: a rehire, counted', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    const term = [ROSTER_HEADER, 'E300,Doe,Jane,1980-02-14,SM,20.00,,40,N,TX,T,2026-06-15'].join('\r\n');
    expect(await w.importRoster(term)).toMatchObject({ terminated: 1, rehired: 0 });
    expect(row('E300')).toMatchObject({
      status: 'terminated',
      terminated_on: '2026-06-15',
      termination_source: 'roster',
    });
    // A later termination line without the date keeps the one on file.
    expect(
      await w.importRoster([ROSTER_HEADER, 'E300,Doe,Jane,1980-02-14,SM,20.00,,40,N,TX,T,'].join('\r\n')),
    ).toMatchObject({ unchanged: 1, problems: [] });
    const back = await w.importRoster([ROSTER_HEADER, ROSTER_LINES.E300].join('\r\n'));
    expect(back).toMatchObject({ updated: 1, rehired: 1, keptTerminated: 0, terminated: 0 });
    expect(row('E300')).toMatchObject({ status: 'active', terminated_on: null, termination_source: null });
  });
});
