// Issue 15, X-01/X-02: reading the five real 835 files (../shared/fixtures/x12-835) and the
// variations payers send. Every figure below was read off the file by hand.
import { describe, expect, it } from 'vitest';
import { claimSums, payerRoleOf } from '../../../src/main/capabilities/badDebt/era';
import { centsOf, dateOf, read835 } from '../../../src/main/capabilities/badDebt/x12';
import { fixture, reseparate } from './eraSupport';

const INTERCHANGE = { control: '000000907', senderId: '000000005', receiverId: '12345', date: '2013-10-31' };

describe('money and dates from the text', () => {
  it('reads decimal strings exactly into cents', () => {
    expect(centsOf('450.00')).toBe(45000);
    expect(centsOf('211366.97')).toBe(21136697);
    expect(centsOf('-9.00')).toBe(-900);
    expect(centsOf('-1.27')).toBe(-127);
    expect(centsOf('.5')).toBe(50);
    expect(centsOf('34')).toBe(3400);
    expect(centsOf('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(centsOf('1.100')).toBe(110);
    expect(centsOf('1.105')).toBeNull();
    expect(centsOf('12A')).toBeNull();
    expect(centsOf('')).toBeNull();
    expect(centsOf('-')).toBeNull();
  });
  it('reads CCYYMMDD dates and refuses impossible ones', () => {
    expect(dateOf('20020916')).toBe('2002-09-16');
    expect(dateOf('20002316')).toBeNull();
    expect(dateOf('20050230')).toBeNull();
  });
  it('maps CLP02 to the payer role (X-01)', () => {
    expect(['1', '19', '2', '20', '3', '21', '4', '22', '23'].map(payerRoleOf)).toEqual([
      'primary',
      'primary',
      'secondary',
      'secondary',
      'tertiary',
      'tertiary',
      'denied',
      'reversal',
      'other',
    ]);
  });
});

describe('the five real 835 files', () => {
  it('managed-care.835: two primary claims, claim- and line-level CAS', () => {
    const r = read835(fixture('managed-care.835'));
    expect(r.problems).toEqual([]); // BPR16 "20002316" is no date, but DTM*405 stands for it
    expect(r.interchange).toEqual(INTERCHANGE);
    expect(r.transactions).toHaveLength(1);
    const t = r.transactions[0]!;
    expect(t).toMatchObject({
      controlNumber: '112233',
      handling: 'I',
      paymentCents: 94500,
      paymentMethod: 'ACH',
      paidOn: null,
      traceNumber: '7170066655',
      productionDate: '2002-03-14',
      payerName: 'RUSHMORE LIFE',
      payeeName: 'ACME MEDICAL CENTER',
      payeeId: '5544667733',
    });
    const [a, b] = t.claims;
    expect(a).toMatchObject({
      segment: 13,
      patientControl: '5554555444',
      statusCode: '1',
      chargeCents: 80000,
      paidCents: 45000,
      patientRespCents: 30000,
      filingIndicator: '12',
      payerClaimNumber: '94060555410000',
      patientLast: 'BUDD',
      patientFirst: 'WILLIAM',
      memberId: '33344555510',
    });
    expect(a!.adjustments).toEqual([{ group: 'CO', reason: 'A2', amountCents: 5000, quantity: '' }]);
    expect(a!.lines).toEqual([
      {
        lineNo: 1,
        procedure: 'HC:99211',
        chargeCents: 80000,
        paidCents: 50000,
        serviceDate: '2002-03-01',
        adjustments: [{ group: 'PR', reason: '1', amountCents: 30000, quantity: '' }],
      },
    ]);
    // 450.00 paid; CO-A2 50.00 (claim level); PR-1 300.00 (line level): 800.00 charged.
    expect(claimSums(a!)).toEqual({ deductible: 30000, coinsurance: 0, copay: 0, contractual: 5000, other: 0 });
    expect(b!.patientControl).toBe('8765432112');
    // CO-A2 55.00 at the claim, CO-45 50.00 and PR-1 600.00 on the line: 495 + 105 + 600 = 1200.
    expect(claimSums(b!)).toEqual({ deductible: 60000, coinsurance: 0, copay: 0, contractual: 10500, other: 0 });
  });

  it('medicare-part-a.835: MA and MB claims, payer id from REF*2U, a PLB', () => {
    const r = read835(fixture('medicare-part-a.835'));
    expect(r.problems).toEqual([]);
    const t = r.transactions[0]!;
    expect(t).toMatchObject({
      handling: 'C',
      paymentCents: 15000000,
      paidOn: '2002-09-13',
      productionDate: '2002-09-16',
      payerName: 'INSURANCE COMPANY OF TIMBUCKTU',
      payerId: '999',
      payeeId: '6543210903',
    });
    expect(t.claims.map((c) => [c.patientControl, c.filingIndicator, c.paidCents, c.chargeCents])).toEqual([
      ['666123', 'MA', 13801840, 21136697],
      ['777777', 'MB', 1198033, 1500000],
    ]);
    expect(t.claims[0]).toMatchObject({
      statementFrom: '2002-08-16',
      statementTo: '2002-08-24',
      memberId: '666666666A',
    });
    expect(claimSums(t.claims[0]!).contractual).toBe(7334857);
    expect(claimSums(t.claims[1]!).contractual).toBe(301967);
    expect(t.providerAdjustments).toEqual([
      { providerId: '6543210903', fiscalDate: '2002-12-31', reasonCode: 'CV', reference: 'CP', amountCents: -127 },
    ]);
  });

  it('secondary-payment.835: secondary claims, a CAS of two triplets', () => {
    const r = read835(fixture('secondary-payment.835'));
    expect(r.problems).toEqual([]);
    const t = r.transactions[0]!;
    expect(t).toMatchObject({
      paymentCents: 122200,
      productionDate: '2005-04-12',
      payerName: 'YOUR TAX DOLLARS AT WORK',
    });
    const [a, b] = t.claims;
    expect(a).toMatchObject({ patientControl: 'L0004828311', statusCode: '2', paidCents: 91200, chargeCents: 1032364 });
    expect(claimSums(a!)).toEqual({ deductible: 0, coinsurance: 0, copay: 0, contractual: 0, other: 941164 });
    expect(b).toMatchObject({ patientControl: '0001000053', paidCents: 31000, patientRespCents: 22000 });
    expect(b!.lines).toHaveLength(2);
    expect(b!.lines[1]!.adjustments).toEqual([
      { group: 'PR', reason: '1', amountCents: 15000, quantity: '' },
      { group: 'PR', reason: '2', amountCents: 7000, quantity: '' },
      { group: 'CO', reason: '42', amountCents: 8500, quantity: '' },
    ]);
    // PR-1 150.00 + PR-2 70.00 = CLP05 220.00; CO-42 85.00; OA-23 136.50.
    expect(claimSums(b!)).toEqual({ deductible: 15000, coinsurance: 7000, copay: 0, contractual: 8500, other: 13650 });
  });

  it('tertiary-payment.835: one tertiary claim', () => {
    const r = read835(fixture('tertiary-payment.835'));
    expect(r.problems).toEqual([]);
    const c = r.transactions[0]!.claims[0]!;
    expect(c).toMatchObject({ patientControl: '0001000054', statusCode: '3', chargeCents: 176650, paidCents: 18750 });
    expect(c.lines[0]).toMatchObject({ serviceDate: '2005-01-20', chargeCents: 2459900, paidCents: 176650 });
    expect(claimSums(c).other).toBe(157900);
  });

  it('cob-contractural-adjustment.835: a negative OA adjustment', () => {
    const r = read835(fixture('cob-contractural-adjustment.835'));
    expect(r.problems).toEqual([]);
    const t = r.transactions[0]!;
    expect(t).toMatchObject({ paymentCents: 3400, payeeName: 'ATONEWITHHEALTH', payeeId: '3UR334563' });
    const c = t.claims[0]!;
    expect(c).toMatchObject({ patientControl: '0001000055', statusCode: '2', paidCents: 3400, chargeCents: 54100 });
    expect(c.lines[0]!.adjustments.map((a) => a.amountCents)).toEqual([51600, -900]);
    expect(claimSums(c)).toEqual({ deductible: 0, coinsurance: 0, copay: 0, contractual: 0, other: 50700 });
  });
});

describe('the separators the ISA declares, and line breaks or none', () => {
  const original = read835(fixture('secondary-payment.835'));
  const variants: [string, string][] = [
    [
      "| elements, ^ components, ' segments, no line breaks",
      reseparate(fixture('secondary-payment.835'), '|', '^', "'", ''),
    ],
    ['* and ~ with CRLF', reseparate(fixture('secondary-payment.835'), '*', ':', '~', '\r\n')],
    ['* and ~ with no line breaks', reseparate(fixture('secondary-payment.835'), '*', ':', '~', '')],
    ['trailing spaces after each segment', reseparate(fixture('secondary-payment.835'), '*', ':', '~', '  \n')],
    ['^ elements, ! components, ~ segments, LF', reseparate(fixture('secondary-payment.835'), '^', '!', '~', '\n')],
  ];
  for (const [name, text] of variants) {
    it(name, () => {
      expect(text).not.toBe(fixture('secondary-payment.835'));
      const r = read835(text);
      expect(r.problems).toEqual([]);
      expect(r.interchange).toEqual(INTERCHANGE);
      expect(r.transactions).toEqual(original.transactions);
    });
  }
  it('a composite (SVC01) split by the declared component separator', () => {
    const r = read835(reseparate(fixture('managed-care.835'), '^', '>', '~', '\r\n'));
    expect(r.problems).toEqual([]);
    expect(r.transactions).toEqual(read835(fixture('managed-care.835')).transactions);
    expect(r.transactions[0]!.claims[0]!.lines[0]!.procedure).toBe('HC:99211');
  });
  it('reads a file of several transactions', () => {
    const text = fixture('managed-care.835');
    const st = text.indexOf('ST*835');
    const se = text.indexOf('GE*');
    const two =
      text.slice(0, se) +
      text.slice(st, se).replace('ST*835*112233', 'ST*835*112234').replace('SE*26*112233', 'SE*26*112234') +
      text.slice(se).replace('GE*1*1', 'GE*2*1');
    const r = read835(two);
    expect(r.problems).toEqual([]);
    expect(r.transactions.map((t) => [t.controlNumber, t.claims.length])).toEqual([
      ['112233', 2],
      ['112234', 2],
    ]);
    expect(r.transactions[1]!.claims[0]!.segment).toBe(13 + 26);
  });
});

describe('problems name the segment', () => {
  const text = fixture('managed-care.835');
  it('a file that is not an 835', () => {
    expect(read835('hello').problems).toEqual([{ segment: 1, message: expect.stringContaining('ISA') }]);
  });
  it('an amount that is not a number', () => {
    const r = read835(text.replace('CLP*8765432112*1*1200.00*495.00', 'CLP*8765432112*1*1200.00*49S.00'));
    expect(r.problems).toEqual([{ segment: 20, message: 'The claim payment (CLP04) "49S.00" is not an amount.' }]);
  });
  it('a CAS amount that is not a number, counted in a file without line breaks', () => {
    const flat = reseparate(text.replace('CAS*CO*45*50.00', 'CAS*CO*45*5O.00'), '*', ':', '~', '');
    expect(read835(flat).problems).toEqual([
      { segment: 27, message: 'Adjustment CO-45\'s amount (CAS03) "5O.00" is not an amount.' },
    ]);
  });
  it('a claim outside a transaction', () => {
    const r = read835(text.replace('GE*1*1~', 'CLP*99*1*1.00*1.00~\nGE*1*1~'));
    expect(r.problems).toEqual([{ segment: 29, message: 'CLP is outside a transaction (ST..SE): it cannot be read.' }]);
  });
  it('a segment count that does not match', () => {
    const r = read835(text.replace('SE*26*112233', 'SE*25*112233'));
    expect(r.problems).toEqual([{ segment: 28, message: 'SE01 says 25 segments; the transaction has 26.' }]);
  });
  it('two interchanges in one file: named at the second ISA, nothing read', () => {
    // The managed-care file has 30 segments (ISA..IEA); the second copy's ISA is segment 31.
    const r = read835(`${text.trimEnd()}\n${text}`);
    expect(r.transactions).toEqual([]);
    expect(r.problems).toEqual([{ segment: 31, message: expect.stringContaining('holds 2 interchanges') }]);
  });
  it('an adjustment group that does not exist', () => {
    const r = read835(text.replace('CAS*CO*A2*50.00', 'CAS*XX*A2*50.00'));
    expect(r.problems).toEqual([{ segment: 14, message: expect.stringContaining('CAS01 "XX"') }]);
  });
});
