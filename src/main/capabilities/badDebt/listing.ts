// The Exhibit 2A listing for a cost-reporting period, CCN and setting (coordination semantics 4,
// BD-14): the header from the settings, one line per approved write-off in the period and per
// account written off in an earlier period with money recovered in this one (BD-12), the
// reviewer's checks (rules §1.2), and the reconciliation to the ledger's bad-debt entries.
import { AppError } from '../../../shared/errors';
import {
  badDebtClock,
  costReportPeriod,
  listingKey,
  listingProblems,
  listingTotals,
  type ListingHeader,
  type ListingLine,
} from '../../../shared/rules/badDebt';
import type { ListingView } from '../../../shared/schemas/badDebt';
import type { Db } from '../../store/database';
import type { BadDebtWriteoffsRow } from '../../store/schema';
import { badDebtPolicy, hospitalIdentity } from '../../platform/settings';
import { gatherAccounts, type AccountScope } from './clock';
import { recoveryEntrySql, writeOffEntrySql } from './writeOffs';

export interface ListingInput {
  ccn: string;
  periodFrom: string;
  periodTo: string;
  setting: 'inpatient' | 'outpatient';
  preparer?: string;
}

/** Columns 1 and 2 from the account's patient name: "Last, First" or "First Last", any script. */
export function splitPatientName(name: string): { lastName: string; firstName: string } {
  const n = name.trim().replace(/\s+/g, ' ');
  const comma = n.indexOf(',');
  if (comma >= 0) return { lastName: n.slice(0, comma).trim(), firstName: n.slice(comma + 1).trim() };
  const space = n.lastIndexOf(' ');
  if (space < 0) return { lastName: n, firstName: '' };
  return { lastName: n.slice(space + 1), firstName: n.slice(0, space) };
}

/** SQL over `a`: the accounts reported under this CCN and setting (semantics 4). */
function reportedUnder(): string {
  return `coalesce((SELECT f.ccn FROM bad_debt_facts f WHERE f.account_id = a.id), @defaultCcn) = @ccn
      AND (a.service_type = 'inpatient') = @inpatient`;
}

/**
 * SQL: the ledger entries dated in the period (@from..@to) of the accounts (`a`) that ever had a
 * Medicare write-off approved — the only accounts that can carry a Medicare bad-debt entry (only an
 * approval posts one) or a recovery (only an approved write-off takes one). Read by account and
 * date through the ledger's index, not by scanning the whole ledger.
 */
function writtenOffLedger(e: string): string {
  return `(SELECT DISTINCT account_id FROM bad_debt_writeoffs WHERE status IN ('approved', 'reversed')) x
    CROSS JOIN accounts a ON a.id = x.account_id
    CROSS JOIN ledger_entries ${e} ON ${e}.account_id = a.id AND ${e}.effective_date BETWEEN @from AND @to`;
}

export function buildListing(db: Db, input: ListingInput, today: string): ListingView {
  const settings = badDebtPolicy(db);
  if (settings.ccn === '')
    throw new AppError('not_allowed', "Set the hospital's CCN in Settings, Medicare bad debt.", {
      ccn: "Set the hospital's CCN in Settings, Medicare bad debt.",
    });
  const params = {
    ccn: input.ccn,
    defaultCcn: settings.ccn,
    inpatient: input.setting === 'inpatient' ? 1 : 0,
    from: input.periodFrom,
    to: input.periodTo,
  };
  // The ledger of the accounts ever written off, in the period, read once (not once for the lines
  // and again for the reconciliation): each account's recoveries received and Medicare bad-debt
  // entries standing. An account with no recovery has recovered null. (The alias is not `r`:
  // entryStandsSql names its own reversals `r`, and a reversed entry would be taken as standing.)
  const ledger = db
    .prepare(
      `SELECT a.id, sum(CASE WHEN ${recoveryEntrySql('e')} THEN e.amount_cents END) AS recovered,
              sum(CASE WHEN ${writeOffEntrySql('e')} THEN e.amount_cents END) AS written
         FROM ${writtenOffLedger('e')}
        WHERE e.type IN ('administrative_adjustment', 'bad_debt_writeoff') AND ${reportedUnder()}
        GROUP BY a.id`,
    )
    .all(params) as { id: number; recovered: number | null; written: number | null }[];
  const recovered = new Map(ledger.filter((r) => r.recovered !== null).map((r) => [r.id, r.recovered!]));
  // The accounts listed (write-offs dated in the period, recoveries received in it); every later
  // read is by this list of ids, so none scans the ledger again.
  const ids = [
    ...new Set([
      ...(db
        .prepare(
          `SELECT a.id FROM bad_debt_writeoffs w JOIN accounts a ON a.id = w.account_id
            WHERE w.status = 'approved' AND w.written_off_on BETWEEN @from AND @to AND ${reportedUnder()}`,
        )
        .pluck()
        .all(params) as number[]),
      ...recovered.keys(),
    ]),
  ];
  const scope: AccountScope = {
    where: 'a.id IN (SELECT value FROM json_each(@ids))',
    params: { ids: JSON.stringify(ids) },
  };
  const gathered = gatherAccounts(db, scope);
  const writeOffs = new Map(
    (
      db
        .prepare(
          `SELECT w.* FROM bad_debt_writeoffs w JOIN accounts a ON a.id = w.account_id
            WHERE w.status = 'approved' AND ${scope.where}`,
        )
        .all(scope.params) as BadDebtWriteoffsRow[]
    ).map((w) => [w.account_id, w]),
  );

  const lines: ListingLine[] = [];
  for (const g of gathered.values()) {
    const w = writeOffs.get(g.account.id);
    if (!w) continue;
    const on = w.written_off_on!;
    const recoveredHere = recovered.get(g.account.id) ?? 0;
    const inPeriod = on >= input.periodFrom && on <= input.periodTo;
    if (!inPeriod && (on > input.periodTo || recoveredHere <= 0)) continue;
    const a = g.account;
    const clock = badDebtClock(g.facts, settings, on);
    const dual = clock.kind === 'dual';
    lines.push({
      line: 0,
      kind: inPeriod ? 'writeoff' : 'recovery',
      accountId: a.id,
      ...splitPatientName(a.patient_name),
      serviceFrom: a.service_from,
      serviceTo: a.service_to,
      accountNumber: a.account_number,
      mbi: a.mbi ?? '',
      medicaidNumber: dual ? a.medicaid_number!.trim() : '',
      indigentNonDual: clock.kind === 'indigent',
      medicareRaDate: a.medicare_ra_date,
      medicaidRaDate:
        a.medicaid_ra_date ?? (dual && g.facts.medicaidAd && settings.alternativeDocumentationAllowed ? 'AD' : null),
      secondaryRaDate: a.secondary_ra_date,
      beneficiaryResponsibilityCents: w.deductible_cents + w.coinsurance_cents,
      qmb: g.recorded?.qmb === 1,
      // Column 13: the first bill sent; where the clock weighed none (a dual or indigent line, whose
      // latest remittance may be Medicaid's), the first sent after Medicare's remittance.
      firstBillDate: clock.firstBill ?? firstBillAfter(g.facts.billDates, a.medicare_ra_date),
      arWriteOffDate: on,
      sentToAgency: g.sentToAgency,
      agencyReturnDate: g.facts.agencyReturnedOn,
      ceasedOn: w.ceased_on,
      medicareWriteOffDate: on,
      recoveriesCents: recoveredHere,
      recoveryFye: inPeriod ? null : costReportPeriod(on, settings.fiscalYearEnd).to,
      deductibleCents: w.deductible_cents,
      coinsuranceCents: w.coinsurance_cents,
      paidPriorCents: w.paid_prior_cents,
      // BD-12: a recovery in the period of the write-off lowers its line; a later period's is a line of its own.
      allowableCents: inPeriod ? w.amount_cents - recoveredHere : -recoveredHere,
      comments: inPeriod ? '' : `Recovery; claimed in FYE ${cmsDate(costReportPeriod(on, settings.fiscalYearEnd).to)}`,
      lastPaymentDate: g.facts.lastPaymentDate,
      latestRemittance: clock.latestRemittance,
      estateClosedOn: g.facts.estateClosedOn,
    });
  }
  lines.sort(
    (x, y) =>
      compareText(x.lastName, y.lastName) ||
      compareText(x.firstName, y.firstName) ||
      compareText(x.accountNumber, y.accountNumber) ||
      (x.kind === y.kind ? 0 : x.kind === 'writeoff' ? -1 : 1),
  );
  lines.forEach((l, i) => (l.line = i + 1));

  const totals = listingTotals(lines);
  const header: ListingHeader = {
    providerName: settings.providerName || hospitalIdentity(db).legalName,
    ccn: input.ccn,
    subproviderCcn: settings.subproviderCcn,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    setting: input.setting,
    preparer: input.preparer ?? '',
    preparedOn: today,
    ...totals,
  };
  const listedBefore = new Set(
    (
      db
        .prepare(
          // Lines filed before: a write-off of an earlier period that stood when a listing covering
          // it was exported (reversed since or not). Written off again now, it would be claimed twice.
          `SELECT a.account_number AS accountNumber, a.service_from AS serviceFrom, a.service_to AS serviceTo
             FROM bad_debt_writeoffs w JOIN accounts a ON a.id = w.account_id
            WHERE w.status IN ('approved', 'reversed') AND w.written_off_on < ?
              AND EXISTS (SELECT 1 FROM bad_debt_listings l
                           WHERE w.written_off_on BETWEEN l.period_from AND l.period_to
                             AND l.exported_at >= w.decided_at
                             AND (w.reversed_at IS NULL OR l.exported_at <= w.reversed_at))`,
        )
        .all(input.periodFrom) as { accountNumber: string; serviceFrom: string; serviceTo: string }[]
    ).map(listingKey),
  );

  // The ledger's side (semantics 4): write-offs standing in the period less recoveries in it.
  const ledgerWriteOffCents = ledger.reduce((t, r) => t - (r.written ?? 0), 0);
  const ledgerRecoveriesCents = [...recovered.values()].reduce((t, c) => t + c, 0);
  const ledgerNetCents = ledgerWriteOffCents - ledgerRecoveriesCents;
  return {
    header,
    lines,
    problems: listingProblems(header, lines, settings, listedBefore),
    reconciliation: {
      ledgerWriteOffCents,
      ledgerRecoveriesCents,
      ledgerNetCents,
      listingCents: totals.totalAllowableCents,
      agrees: ledgerNetCents === totals.totalAllowableCents,
    },
    paymentRatePercent: settings.paymentRatePercent,
    // BD-13: rounded to the cent.
    expectedReimbursementCents: Math.round((totals.totalAllowableCents * settings.paymentRatePercent) / 100),
  };
}

/** The first bill on or after `from` (any, if no date), or null. */
function firstBillAfter(bills: readonly string[], from: string | null): string | null {
  let best: string | null = null;
  for (const b of bills) if ((from === null || b >= from) && (best === null || b < best)) best = b;
  return best;
}

// One collator for the sort (the same order as a.localeCompare(b, 'en', { sensitivity: 'base' }),
// which builds a collator on every call: 1.5 s of a 20,000-line listing's sort).
const TEXT_ORDER = new Intl.Collator('en', { sensitivity: 'base' });
function compareText(a: string, b: string): number {
  return TEXT_ORDER.compare(a, b);
}

/** MM/DD/YYYY, as the cost report's forms write a date. */
function cmsDate(d: string): string {
  return `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;
}
