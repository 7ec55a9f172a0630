// A hand-made Exhibit 2A listing for the PDF tests and the timing: lines with names in several
// scripts, dual-eligible lines (a Medicaid number, "AD"), QMB, an agency return, a prior-period
// recovery, with figures chosen so the totals are easy to check by hand.
import type { ListingLine } from '../../../src/shared/rules/badDebt';
import { listingTotals } from '../../../src/shared/rules/badDebt';
import type { ListingView } from '../../../src/shared/schemas/badDebt';

export const LISTING_NAMES: [string, string][] = [
  ['Smith', 'Jane'],
  ['Núñez-García', 'José Ángel'],
  ['عبد الله', 'محمد'],
  ['王', '小明'],
  ['Петрова', 'Ирина'],
  ['शर्मा', 'प्रिया'],
];

export function listingLine(i: number, o: Partial<ListingLine> = {}): ListingLine {
  const [lastName, firstName] = LISTING_NAMES[i % LISTING_NAMES.length]!;
  const dual = i % 5 === 2;
  return {
    line: i + 1,
    kind: 'writeoff',
    accountId: i + 1,
    lastName,
    firstName,
    serviceFrom: '2025-03-02',
    serviceTo: '2025-03-05',
    accountNumber: `A${String(100000 + i)}`,
    mbi: '1EG4TE5MK73',
    medicaidNumber: dual ? `MCD${String(700000 + i)}` : '',
    indigentNonDual: false,
    medicareRaDate: '2025-04-01',
    medicaidRaDate: dual ? (i % 10 === 2 ? 'AD' : '2025-05-02') : null,
    secondaryRaDate: null,
    beneficiaryResponsibilityCents: 168_000 + 20_000,
    qmb: i % 7 === 3,
    firstBillDate: '2025-04-15',
    arWriteOffDate: '2025-10-01',
    sentToAgency: i % 4 === 1,
    agencyReturnDate: i % 4 === 1 ? '2025-09-20' : null,
    ceasedOn: '2025-10-01',
    medicareWriteOffDate: '2025-10-15',
    recoveriesCents: 0,
    recoveryFye: null,
    deductibleCents: 168_000,
    coinsuranceCents: 20_000,
    paidPriorCents: 8_000,
    allowableCents: 180_000,
    comments: '',
    lastPaymentDate: null,
    ...o,
  };
}

export function listingView(lines: ListingLine[], o: { setting?: 'inpatient' | 'outpatient' } = {}): ListingView {
  const totals = listingTotals(lines);
  return {
    header: {
      providerName: 'Saint Brigid Regional Medical Center',
      ccn: '200024',
      subproviderCcn: '20T024',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      setting: o.setting ?? 'inpatient',
      preparer: 'Dana Whitfield, Reimbursement',
      preparedOn: '2026-02-10',
      ...totals,
    },
    lines,
    problems: [],
    reconciliation: {
      ledgerWriteOffCents: totals.totalAllowableCents,
      ledgerRecoveriesCents: 0,
      ledgerNetCents: totals.totalAllowableCents,
      listingCents: totals.totalAllowableCents,
      agrees: true,
    },
    paymentRatePercent: 65,
    expectedReimbursementCents: Math.round((totals.totalAllowableCents * 65) / 100),
  };
}

/** `n` lines; the last a prior-period recovery (BD-12: column 23 is minus the recovery). */
export function bigListing(n: number): ListingView {
  const lines = Array.from({ length: n }, (_, i) =>
    i === n - 1 && n > 1
      ? listingLine(i, {
          kind: 'recovery',
          recoveriesCents: 5_000,
          recoveryFye: '2024-12-31',
          allowableCents: -5_000,
          medicareWriteOffDate: '2024-11-02',
          arWriteOffDate: '2024-11-01',
          ceasedOn: '2024-11-01',
          comments: 'Recovery of a 2024 write-off',
        })
      : listingLine(i),
  );
  return listingView(lines);
}
