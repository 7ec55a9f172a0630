// Issue 18 item 5: a statement's unchanging parts are replayed from the bytes they wrote the first
// time (src/main/pdf/replay.ts). A statement drawn with replaying gives exactly the bytes it gives
// without: for statements of every kind, in both languages, in other scripts, with tables running
// to a second page, and one after another in any order.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { statementPdf } from '../../../src/main/capabilities/statements/statementPdf';
import { replayCounts, setReplay } from '../../../src/main/pdf/replay';
import type { StatementSnapshot } from '../../../src/shared/schemas/statements';

const account = (i: number): StatementSnapshot['accounts'][number] => ({
  accountNumber: `A${i}`,
  patientName: i % 2 ? 'Jane Q Smith' : 'Tom Smith',
  serviceFrom: '2026-06-01',
  serviceTo: '2026-06-03',
  service: i % 3 ? 'Outpatient visit' : 'Hospital stay, with a long description that wraps in its cell',
  chargesCents: 50_000 + i,
  insuranceCents: -10_000,
  adjustmentsCents: 0,
  patientPaidCents: -i * 100,
  balanceCents: 40_000 - i * 100,
  step: 'regular',
  number: 1 + (i % 3),
});

const regular: StatementSnapshot = {
  hospital: {
    legalName: 'St. Brigid Regional Medical Center',
    address: { line1: '400 Harbor View Road', line2: '', city: 'Portland', state: 'ME', zip: '04101' },
    phone: '2075550100',
    taxId: '01-2345678',
    npi: '1234567893',
    remitTo: { line1: 'PO Box 9120', line2: 'Patient Accounts', city: 'Portland', state: 'ME', zip: '04104-9120' },
    financialAssistancePhone: '2075550199',
    financialAssistanceUrl: 'https://stbrigid.example.org/financial-assistance',
  },
  officeHours: 'Monday to Friday, 8:00 a.m. to 4:30 p.m.',
  statementDate: '2027-02-24',
  numberInCycle: 2,
  regularStatements: 3,
  kind: 'regular',
  dueDate: '2027-03-17',
  guarantor: { name: 'Jane Q Smith', address: ['12 Oak St', 'Portland, ME 04101'], externalId: 'G1' },
  accounts: [account(1), account(2)],
  activity: [{ date: '2027-02-01', accountNumber: 'A1', description: 'Patient payment', amountCents: -10_000 }],
  previousBalanceCents: 80_000,
  amountDueCents: 70_000,
  aging: { '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, '121-180': 0, '180+': 70_000 },
  finalNotice: null,
  layout: 2,
};

const finalNotice: StatementSnapshot = {
  ...regular,
  kind: 'final_notice',
  numberInCycle: 4,
  accounts: regular.accounts.map((a, i) => ({ ...a, step: i === 0 ? 'final_notice' : 'regular' })),
  finalNotice: {
    deadline: '2027-03-26',
    intendedActions: ['report to a credit bureau', 'sue (including small claims)'],
    plainLanguageSummary: 'Financial assistance is available for patients who cannot pay their hospital bill. '.repeat(
      6,
    ),
    accountNumbers: ['A1'],
  },
};

/** Statements that stand differently: other names and amounts, other languages and scripts, longer tables. */
const statements: StatementSnapshot[] = [
  regular,
  { ...regular, guarantor: { ...regular.guarantor, name: 'Maria de la Cruz Fernández' }, amountDueCents: 12_345 },
  { ...regular, language: 'es' },
  { ...regular, accounts: [1, 2, 3, 4, 5, 6, 7, 8].map(account) },
  { ...regular, accounts: Array.from({ length: 22 }, (_, i) => account(i + 1)) },
  { ...regular, activity: [] },
  { ...regular, guarantor: { name: '王小明', address: ['12 Phố Huế', 'Łódź, ME 04101'], externalId: 'U1' } },
  { ...regular, hospital: { ...regular.hospital, legalName: 'Hôpital Sainte-Brigitte 圣布里吉德' } },
  { ...regular, layout: undefined },
  finalNotice,
  { ...finalNotice, language: 'es' },
  { ...finalNotice, guarantor: { ...regular.guarantor, name: 'Ирина Петрова' } },
  { ...finalNotice, accounts: Array.from({ length: 14 }, (_, i) => account(i + 1)) },
  // Layout 3: headings kept with their tables (one moved to page 2, one not).
  { ...finalNotice, layout: 3 },
  { ...regular, layout: 3 },
  { ...regular, layout: 3, accounts: Array.from({ length: 10 }, (_, i) => account(i + 1)) },
  { ...regular, layout: 3, language: 'es', accounts: Array.from({ length: 6 }, (_, i) => account(i + 1)) },
];

const sha = async (s: StatementSnapshot) =>
  createHash('sha256')
    .update(await statementPdf(s))
    .digest('hex');

afterEach(() => setReplay(true));

describe('replaying a statement’s unchanging parts', () => {
  it('gives every statement the bytes it has when every part is drawn', async () => {
    setReplay(false);
    const drawn: string[] = [];
    for (const s of statements) drawn.push(await sha(s));
    setReplay(true);
    const before = { ...replayCounts };
    // Twice over and backwards: the first time records, the later times replay.
    for (let pass = 0; pass < 2; pass++)
      for (const [i, s] of statements.entries()) expect(await sha(s), `statement ${i}, pass ${pass}`).toBe(drawn[i]);
    for (let i = statements.length - 1; i >= 0; i--) expect(await sha(statements[i]!)).toBe(drawn[i]);
    expect(replayCounts.recorded).toBeGreaterThan(before.recorded);
    // Every statement replays at least its stub's head, its header and a table's header row.
    expect(replayCounts.replayed - before.replayed).toBeGreaterThan(3 * 2 * statements.length);
  });

  it('keeps the golden statements’ hashes (statementGolden.test.ts) when replayed', async () => {
    const { layout: _layout, ...layout1 } = regular;
    const first = await sha(layout1);
    expect(await sha(layout1)).toBe(first);
    setReplay(false);
    expect(await sha(layout1)).toBe(first);
  });
});
