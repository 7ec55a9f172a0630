// Matching employees to guarantors, case by case: never by name alone; a person confirms.
import { afterEach, describe, expect, it } from 'vitest';
import {
  employeeRow,
  judgeMatch,
  matchCandidates,
  matchName,
  openCandidates,
  pendingMatches,
} from '../../../src/main/capabilities/payroll/matching';
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

const e = (employee_number: string, birth_date: string | null, first_name: string, last_name: string) => ({
  employee_number,
  birth_date,
  first_name,
  last_name,
});
const g = (employee_id: string | null, date_of_birth: string | null, first_name: string, last_name: string) => ({
  employee_id,
  date_of_birth,
  first_name,
  last_name,
});

describe('the match rule, case by case', () => {
  const cases: [
    string,
    ReturnType<typeof e>,
    ReturnType<typeof g> & { is_employee?: number },
    'exact' | 'likely' | null,
  ][] = [
    [
      'employee id and birth date agree',
      e('E1', '1980-02-14', 'Jane', 'Smith'),
      g('e1', '1980-02-14', 'J', 'Jones'),
      'exact',
    ],
    [
      'employee id, the guarantor’s birth date missing',
      e('E1', '1980-02-14', 'Jane', 'Smith'),
      g('E1', null, 'Jane', 'Smith'),
      'exact',
    ],
    [
      'employee id, the birth dates differ',
      e('E1', '1980-02-14', 'Jane', 'Smith'),
      g('E1', '1981-02-14', 'Jane', 'Smith'),
      'likely',
    ],
    [
      'birth date, last and first name',
      e('E1', '1980-02-14', 'Jane', 'Smith'),
      g(null, '1980-02-14', 'JANE', 'smith'),
      'exact',
    ],
    [
      'birth date and last name folded (diacritics, apostrophe)',
      e('E1', '1950-07-04', 'John', "O'Brien-Nunez"),
      g(null, '1950-07-04', 'John', 'O’Brien-Núñez'),
      'exact',
    ],
    [
      'birth date and last name, another first name',
      e('E1', '1980-02-14', 'Janet', 'Smith'),
      g(null, '1980-02-14', 'Jane', 'Smith'),
      'likely',
    ],
    [
      'birth date and first name, another last name (married)',
      e('E1', '1980-02-14', 'Jane', 'Doe'),
      g(null, '1980-02-14', 'Jane', 'Smith'),
      'likely',
    ],
    ['birth date alone', e('E1', '1980-02-14', 'Ann', 'Doe'), g(null, '1980-02-14', 'Jane', 'Smith'), null],
    [
      'the name alone (birth dates differ)',
      e('E1', '1990-01-01', 'Jane', 'Smith'),
      g(null, '1980-02-14', 'Jane', 'Smith'),
      null,
    ],
    [
      'the name alone (no birth date on the roster)',
      e('E1', null, 'Jane', 'Smith'),
      g(null, '1980-02-14', 'Jane', 'Smith'),
      null,
    ],
    ['another employee id', e('E1', '1990-01-01', 'Jane', 'Smith'), g('E2', '1980-02-14', 'Jane', 'Smith'), null],
    [
      'employee id and birth date, the guarantor not flagged a hospital employee (another employer’s id?)',
      e('E1', '1980-02-14', 'Jane', 'Smith'),
      { ...g('E1', '1980-02-14', 'Jane', 'Smith'), is_employee: 0 },
      'likely',
    ],
    [
      'employee id and birth date, the guarantor flagged a hospital employee',
      e('E1', '1980-02-14', 'Jane', 'Smith'),
      { ...g('E1', '1980-02-14', 'Jane', 'Smith'), is_employee: 1 },
      'exact',
    ],
  ];
  it.each(cases)('%s', (_label, employee, guarantor, kind) => {
    expect(judgeMatch(employee, guarantor)?.kind ?? null).toBe(kind);
  });

  it('names are folded: NFKD, marks dropped, case folded, only letters and digits', () => {
    expect(matchName('O’Brien-Núñez')).toBe('obriennunez');
    expect(matchName('ＳＭＩＴＨ')).toBe('smith');
  });
});

describe('candidates, confirmations and rejections', () => {
  it('offers exact and likely candidates, never the name alone', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    const one = async (n: string) => (await w.t.call('payroll:employee', { employeeId: w.emp(n) }, w.clerk)).matches;
    expect(await one('E100')).toMatchObject([
      {
        guarantorId: w.jane,
        kind: 'exact',
        reasons: ['The date of birth, last name and first name agree.'],
        takenBy: null,
      },
    ]);
    expect(await one('E200')).toMatchObject([{ guarantorId: w.john, kind: 'exact' }]);
    expect(await one('E300')).toMatchObject([{ guarantorId: w.jane, kind: 'likely' }]);
    expect(await one('E400')).toEqual([]);
    // The employee id on the guarantor's record: E400's id on Jane's, the birth dates differ -> likely.
    w.t.app.store.db.prepare("UPDATE guarantors SET employee_id = 'e400' WHERE id = ?").run(w.jane);
    expect(await one('E400')).toMatchObject([
      {
        guarantorId: w.jane,
        kind: 'likely',
        reasons: [
          'The employee id E400 is on the guarantor’s record, but the dates of birth differ (01/01/1990 and 02/14/1980).',
        ],
      },
    ]);
    const list = await w.t.call('payroll:employees', { query: '', match: 'to_confirm', status: 'all' }, w.clerk);
    expect(list.map((x) => x.employeeNumber).sort()).toEqual(['E100', 'E200', 'E300', 'E400']);
    // The guarantor's side: who could be Jane.
    const jane = await w.t.call('payroll:guarantor', { guarantorId: w.jane }, w.clerk);
    expect(jane.possibleEmployees.map((p) => [p.employeeNumber, p.kind])).toEqual([
      ['E100', 'exact'],
      ['E300', 'likely'],
      ['E400', 'likely'],
    ]);
  });

  it('a confirmed guarantor is taken for the others; a rejected pair never comes back', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    // Not a candidate: refused, nothing changes.
    const before = footprint(w);
    const notOne = await refusal(
      w.t.call('payroll:confirmMatch', { employeeId: w.emp('E400'), guarantorId: w.jane }, w.clerk),
    );
    expect(notOne.message).toMatch(/never the name alone/);
    expect(footprint(w)).toBe(before);

    const e100 = await w.t.call('payroll:confirmMatch', { employeeId: w.emp('E100'), guarantorId: w.jane }, w.clerk);
    expect(e100).toMatchObject({
      guarantorId: w.jane,
      guarantorName: 'Jane Smith',
      matchedOn: '2026-07-01',
      matchedBy: 'Test clerk',
      candidates: 0,
    });
    const e300 = await w.t.call('payroll:employee', { employeeId: w.emp('E300') }, w.clerk);
    expect(e300.matches[0]?.takenBy).toBe('Employee E100 (Jane Smith)');
    expect(e300.candidates).toBe(0);
    const taken = await refusal(
      w.t.call('payroll:confirmMatch', { employeeId: w.emp('E300'), guarantorId: w.jane }, w.clerk),
    );
    expect(taken.message).toBe(
      'Jane Smith is already matched to Employee E100 (Jane Smith): one guarantor is one employee.',
    );

    const rejected = await w.t.call('payroll:rejectMatch', { employeeId: w.emp('E300'), guarantorId: w.jane }, w.clerk);
    expect(rejected.matches).toEqual([]);
    // Undo E100's match: E300's rejected pair still never comes back.
    await w.t.call('payroll:unmatch', { employeeId: w.emp('E100'), note: 'Wrong person' }, w.supervisor);
    expect((await w.t.call('payroll:employee', { employeeId: w.emp('E300') }, w.clerk)).matches).toEqual([]);
    expect((await w.t.call('payroll:employee', { employeeId: w.emp('E100') }, w.clerk)).guarantorId).toBeNull();
  });

  it('only a supervisor undoes a match', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    await w.t.call('payroll:confirmMatch', { employeeId: w.emp('E100'), guarantorId: w.jane }, w.clerk);
    const r = await w.t.raw('payroll:unmatch', { employeeId: w.emp('E100'), note: 'x' }, w.clerk);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('a termination recorded by hand', () => {
  it('is Recoup’s own: a roster saying active does not lift it or move its date, and the report counts it', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    await w.t.call('payroll:confirmMatch', { employeeId: w.emp('E100'), guarantorId: w.jane }, w.clerk);
    const ended = await w.t.call(
      'payroll:terminate',
      { employeeId: w.emp('E100'), terminatedOn: '2026-06-26', note: 'HR called' },
      w.clerk,
    );
    expect(ended).toMatchObject({ status: 'terminated', terminatedOn: '2026-06-26' });
    const facts = () =>
      w.t.app.store.db
        .prepare('SELECT status, terminated_on, termination_source FROM employees WHERE id = ?')
        .get(w.emp('E100'));
    expect(facts()).toEqual({ status: 'terminated', terminated_on: '2026-06-26', termination_source: 'clerk' });

    // The next roster (made before HR told payroll) still lists E100 as active, with a raise.
    const stale = [ROSTER_HEADER, 'E100,Smith,Jane,1980-02-14,W,16.00,,40,N,TX,A,', ROSTER_LINES.E200].join('\r\n');
    const preview = await w.t.call(
      'payroll:rosterPreview',
      { uploadId: await w.upload(stale), mapping: MAPPING },
      w.clerk,
    );
    expect(preview).toMatchObject({ updated: 1, unchanged: 1, keptTerminated: 1, rehired: 0, problems: [] });
    expect(await w.importRoster(stale)).toMatchObject({ updated: 1, keptTerminated: 1, rehired: 0 });
    expect(facts()).toEqual({ status: 'terminated', terminated_on: '2026-06-26', termination_source: 'clerk' });
    const e100 = await w.t.call('payroll:employee', { employeeId: w.emp('E100') }, w.clerk);
    expect(e100).toMatchObject({ status: 'terminated', hourlyRateCents: 1_600, guarantorId: w.jane });

    // A roster terminating with another date does not move the clerk's date either.
    const later = [ROSTER_HEADER, 'E100,Smith,Jane,1980-02-14,W,16.00,,40,N,TX,T,2026-06-30'].join('\r\n');
    expect(await w.importRoster(later)).toMatchObject({ unchanged: 1, terminated: 0, keptTerminated: 0 });
    expect(facts()).toEqual({ status: 'terminated', terminated_on: '2026-06-26', termination_source: 'clerk' });
  });
});

describe('the matches awaiting a person, read for all employees at once', () => {
  it('pendingMatches holds exactly the open candidates of each active unmatched employee', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    const db = w.t.app.store.db;
    const pairs = () =>
      pendingMatches(db)
        .map((m) => `${m.employee.employee_number}:${m.guarantor.id}:${m.judged.kind}`)
        .sort();
    // One employee at a time, as the employee page offers them (taken guarantors not open).
    const oneByOne = () =>
      ['E100', 'E200', 'E300', 'E400']
        .map((n) => employeeRow(db, w.emp(n)))
        .filter((e) => e.status === 'active' && e.guarantor_id === null)
        .flatMap((e) =>
          matchCandidates(db, e)
            .filter((c) => c.takenBy === null)
            .map((c) => `${e.employee_number}:${c.guarantorId}:${c.kind}`),
        )
        .sort();
    expect(pairs()).toEqual([`E100:${w.jane}:exact`, `E200:${w.john}:exact`, `E300:${w.jane}:likely`]);
    // The employee id on the guarantor's record, in another case: E400 by its id alone.
    db.prepare("UPDATE guarantors SET employee_id = 'e400' WHERE id = ?").run(w.jane);
    expect(pairs()).toEqual([
      `E100:${w.jane}:exact`,
      `E200:${w.john}:exact`,
      `E300:${w.jane}:likely`,
      `E400:${w.jane}:likely`,
    ]);
    expect(pairs()).toEqual(oneByOne());
    // Jane confirmed as E100: taken for E300 and E400; John rejected for E200.
    await w.t.call('payroll:confirmMatch', { employeeId: w.emp('E100'), guarantorId: w.jane }, w.clerk);
    await w.t.call('payroll:rejectMatch', { employeeId: w.emp('E200'), guarantorId: w.john }, w.clerk);
    expect(pairs()).toEqual([]);
    expect(oneByOne()).toEqual([]);
    // Undone: Jane open again for the three who could be her; a terminated employee is not offered.
    await w.t.call('payroll:unmatch', { employeeId: w.emp('E100'), note: 'Wrong person' }, w.supervisor);
    await w.t.call(
      'payroll:terminate',
      { employeeId: w.emp('E300'), terminatedOn: '2026-06-30', note: 'Left' },
      w.clerk,
    );
    expect(pairs()).toEqual([`E100:${w.jane}:exact`, `E400:${w.jane}:likely`]);
    expect(pairs()).toEqual(oneByOne());
    // The employee list counts each one's open candidates, the terminated E300's too.
    const list = await w.t.call('payroll:employees', { query: '', match: 'all', status: 'all' }, w.clerk);
    expect(list.map((e) => [e.employeeNumber, e.candidates]).sort()).toEqual(
      ['E100', 'E200', 'E300', 'E400'].map((n) => [n, openCandidates(db, employeeRow(db, w.emp(n)))]),
    );
    expect(list.find((e) => e.employeeNumber === 'E300')?.candidates).toBe(1);
  });
});
