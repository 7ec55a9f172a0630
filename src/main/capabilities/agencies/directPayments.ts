// Payments made to the hospital on an account while it was with an agency (issue 12 item 4): the
// contract gives the agency its fee on them all the same, at the placement's rate. A payment is
// direct when it is the patient's money (PATIENT_MONEY_TYPES) other than an agency remittance,
// dated from the day the account was placed to the day it came back (or today, while placed), both
// days included. A reversal counts as what it reverses (a bounced cheque takes its fee back with
// it), and a refund as negative money, as the patient's "you paid" counts them.
import { fullName } from '../../../shared/names';
import { formatDecimal } from '../../../shared/money';
import { agencyFee } from '../../../shared/rules/agencyFees';
import type { DirectPaymentView } from '../../../shared/schemas/agencies';
import { PATIENT_MONEY_TYPES } from '../../../shared/schemas/ledger';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { csvBytes } from '../../platform/csv';
import { agencyRow } from './agencies';
import { agencyFileName } from './placement';

const DIRECT_TYPES = PATIENT_MONEY_TYPES.filter((t) => t !== 'agency_remittance')
  .map((t) => `'${t}'`)
  .join(', ');
/** The entries that can be a direct payment, spelled as the index ledger_patient_money (migration 020) is, so it is used. */
export const MONEY_OR_REVERSAL = `'patient_payment','payroll_deduction','court_recovery','estate_recovery','refund','reversal'`;

/**
 * SQL: joins the direct payments `e` (with `-e.amount_cents` the money, positive when paid) of the
 * placements under `p` (placed or returned), for `@today`. The one definition the list, the
 * reconciliation and the scorecard use. A reversal is counted as its original, to two levels.
 */
export function directPaymentsJoinSql(p: string): string {
  return `JOIN ledger_entries e ON e.account_id = ${p}.account_id AND e.type IN (${MONEY_OR_REVERSAL})
          AND e.effective_date >= ${p}.placed_on AND e.effective_date <= coalesce(${p}.returned_on, @today)
        LEFT JOIN ledger_entries o1 ON o1.id = e.reverses_id
        LEFT JOIN ledger_entries o2 ON o2.id = o1.reverses_id`;
}
export const DIRECT_PAYMENT_WHERE = `coalesce(o2.type, o1.type, e.type) IN (${DIRECT_TYPES})`;

interface DirectRow {
  account_number: string;
  first_name: string;
  middle_name: string;
  last_name: string;
  agency_name: string;
  paid_on: string;
  amount_cents: number;
  fee_rate_bp: number;
}

/** An agency's direct payments dated from `from` to `to` (inclusive), oldest first. */
export function directPayments(db: Db, agencyId: number, from: string, to: string, today: string): DirectPaymentView[] {
  const rows = prepared<[{ agency: number; from: string; to: string; today: string }], DirectRow>(
    db,
    `SELECT a.account_number, g.first_name, g.middle_name, g.last_name, ag.name AS agency_name,
            e.effective_date AS paid_on, -e.amount_cents AS amount_cents, p.fee_rate_bp
       FROM placements p
       ${directPaymentsJoinSql('p')}
       JOIN accounts a ON a.id = p.account_id
       JOIN guarantors g ON g.id = a.guarantor_id
       JOIN agencies ag ON ag.id = p.agency_id
      WHERE p.agency_id = @agency AND p.status IN ('placed','returned') AND p.fee_rate_bp IS NOT NULL
        AND e.effective_date BETWEEN @from AND @to AND ${DIRECT_PAYMENT_WHERE}
      ORDER BY e.effective_date, a.account_number, e.id`,
  ).all({ agency: agencyId, from, to, today });
  return rows.map((r) => ({
    accountNumber: r.account_number,
    guarantorName: fullName({ firstName: r.first_name, middleName: r.middle_name, lastName: r.last_name }),
    agencyName: r.agency_name,
    paidOn: r.paid_on,
    amountCents: r.amount_cents,
    feeRateBp: r.fee_rate_bp,
    feeCents: agencyFee(r.amount_cents, r.fee_rate_bp),
  }));
}

/** The list as a CSV for the agency (docs/export-format.md), named for the agency and the period. */
export function directPaymentsFile(
  db: Db,
  agencyId: number,
  from: string,
  to: string,
  today: string,
): { fileName: string; bytes: Buffer } {
  const agency = agencyRow(db, agencyId);
  return {
    fileName: agencyFileName('direct-payments', agency.name, agencyId, `${from}-to-${to}`, 'csv'),
    bytes: directPaymentsCsv(directPayments(db, agencyId, from, to, today)),
  };
}

function directPaymentsCsv(rows: readonly DirectPaymentView[]): Buffer {
  return csvBytes(
    ['account_number', 'guarantor', 'agency', 'paid_on', 'amount', 'fee_rate_percent', 'fee'],
    rows.map((r) => [
      r.accountNumber,
      r.guarantorName,
      r.agencyName,
      r.paidOn,
      formatDecimal(r.amountCents),
      (r.feeRateBp / 100).toFixed(2),
      formatDecimal(r.feeCents),
    ]),
  );
}
