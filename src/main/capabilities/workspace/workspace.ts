// One guarantor on one screen: header (balance, aging, flags, FAP status, deceased, employee), the
// accounts with their ledgers, running balances and next collection step, the activity log,
// follow-up tasks, payments, and the documents printed for this guarantor.
import { AGING_BUCKETS, agingBucket, type AgingBucket } from '../../../shared/rules/aging';
import type {
  AccountView,
  AccountWorkspace,
  ActivityView,
  DocumentView,
  GuarantorHeader,
  PaymentView,
} from '../../../shared/schemas/accounts';
import type { Db } from '../../store/database';
import { nextCollectionStep } from '../../../shared/rules/nextStep';
import { accountRows, guarantorName, guarantorRow, followUpsOf } from '../accounts';
import { accountLedger, entryStandsSql } from '../ledger';
import { holdsOf } from '../compliance';
import { planOfAccount } from '../plans';
import { medicareCostSharing } from '../badDebt';

export function workspace(db: Db, guarantorId: number, today: string): AccountWorkspace {
  const g = guarantorRow(db, guarantorId);
  const accounts = accountRows(db, guarantorId);
  const aging = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number>;
  for (const a of accounts) if (a.balance_cents !== 0) aging[agingBucket(a.service_to, today)] += a.balance_cents;

  const guarantor: GuarantorHeader = {
    id: g.id,
    externalId: g.external_id,
    mrn: g.mrn,
    name: guarantorName(g),
    lastName: g.last_name,
    firstName: g.first_name,
    middleName: g.middle_name,
    dateOfBirth: g.date_of_birth,
    address: { line1: g.address_line1, line2: g.address_line2, city: g.city, state: g.state, zip: g.zip },
    phone: g.phone,
    email: g.email,
    language: g.language,
    employer: g.employer,
    employee: g.is_employee
      ? {
          employeeId: g.employee_id,
          payFrequency: g.pay_frequency,
          hourlyRateCents: g.hourly_rate_cents,
          annualSalaryCents: g.annual_salary_cents,
        }
      : null,
    deceased: g.deceased ? { dateOfDeath: g.date_of_death, source: g.death_source } : null,
    fapStatus: g.fap_status,
    fapStatusDate: g.fap_status_date,
    bankruptcy: g.bankruptcy === 1,
    doNotCall: g.do_not_call === 1,
    doNotMail: g.do_not_mail === 1,
    doNotEmail: g.do_not_email === 1,
    balanceCents: g.balance_cents,
    aging,
  };

  const holds = holdsOf(db, guarantorId, today).filter((h) => h.active);
  const accountViews: AccountView[] = accounts.map((a) => {
    // BD-01: the one definition of the deductible and coinsurance (the 835s Recoup posted, else the extract's).
    const shares = medicareCostSharing(db, a.id);
    return {
      id: a.id,
      accountNumber: a.account_number,
      patientName: a.patient_name,
      serviceFrom: a.service_from,
      serviceTo: a.service_to,
      serviceType: a.service_type,
      payerClass: a.payer_class,
      stateOfService: a.state_of_service,
      mbi: a.mbi,
      medicareRaDate: a.medicare_ra_date,
      medicaidNumber: a.medicaid_number,
      medicaidRaDate: a.medicaid_ra_date,
      secondaryRaDate: a.secondary_ra_date,
      deductibleCents: shares.deductibleCents,
      coinsuranceCents: shares.coinsuranceCents,
      lastIllness: a.last_illness === 1,
      firstStatementDate: a.first_statement_date,
      finalNoticeDate: a.final_notice_date,
      balanceCents: a.balance_cents,
      nextStep: nextCollectionStep({
        balanceCents: a.balance_cents,
        plan: planOfAccount(db, a.id),
        firstStatementDate: a.first_statement_date,
        finalNoticeDate: a.final_notice_date,
        fapStatus: g.fap_status,
        // The plan and a pending application are said by their own sentences; holds placed by hand count.
        holds: holds
          .filter((h) => h.accountId === null || h.accountId === a.id)
          .filter((h) => !(h.automatic && (h.reason === 'plan_current' || h.reason === 'fap_pending')))
          .filter((h) => h.owner === null || h.reason !== 'plan_current')
          .map((h) => h.reason),
        // A payroll deduction or bank transfer holds its accounts under its own name, not as a plan.
        heldBy: holds
          .filter(
            (h) => (h.accountId === null || h.accountId === a.id) && h.owner !== null && h.reason === 'plan_current',
          )
          .map((h) => `${h.owner} active`),
        today,
      }),
      ledger: accountLedger(db, a.id),
    };
  });

  const activities = (
    db
      .prepare(
        `SELECT a.id, a.account_id, a.kind, a.direction, a.outcome, a.note, a.occurred_on, a.created_at, u.full_name AS by_name
           FROM activities a LEFT JOIN users u ON u.id = a.created_by
          WHERE a.guarantor_id = ? ORDER BY a.occurred_on DESC, a.id DESC LIMIT 200`,
      )
      .all(guarantorId) as {
      id: number;
      account_id: number | null;
      kind: ActivityView['kind'];
      direction: ActivityView['direction'];
      outcome: ActivityView['outcome'];
      note: string;
      occurred_on: string;
      created_at: string;
      by_name: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    accountId: r.account_id,
    kind: r.kind,
    direction: r.direction,
    outcome: r.outcome,
    note: r.note,
    occurredOn: r.occurred_on,
    createdAt: r.created_at,
    by: r.by_name,
  }));

  const followUps = followUpsOf(db, guarantorId);

  const documents = (
    db
      .prepare(
        `SELECT d.id, d.kind, d.title, d.file_name, d.created_at, u.full_name AS by_name FROM documents d LEFT JOIN users u ON u.id = d.created_by
          WHERE d.guarantor_id = ? ORDER BY d.created_at DESC, d.id DESC`,
      )
      .all(guarantorId) as {
      id: number;
      kind: string;
      title: string;
      file_name: string;
      created_at: string;
      by_name: string | null;
    }[]
  ).map((r): DocumentView => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    fileName: r.file_name,
    createdAt: r.created_at,
    by: r.by_name,
  }));

  const payments = (
    db
      .prepare(
        `SELECT p.id, p.receipt_number, p.method, p.reference, p.amount_cents, p.effective_date,
                EXISTS (SELECT 1 FROM ledger_entries e
                        WHERE e.payment_id = p.id AND e.type <> 'reversal' AND NOT ${entryStandsSql('e')}) AS reversed
           FROM payments p WHERE p.guarantor_id = ? ORDER BY p.effective_date DESC, p.id DESC`,
      )
      .all(guarantorId) as {
      id: number;
      receipt_number: string;
      method: PaymentView['method'];
      reference: string;
      amount_cents: number;
      effective_date: string;
      reversed: number;
    }[]
  ).map((r): PaymentView => ({
    id: r.id,
    receiptNumber: r.receipt_number,
    method: r.method,
    reference: r.reference,
    amountCents: r.amount_cents,
    effectiveDate: r.effective_date,
    reversed: r.reversed === 1,
  }));

  return { guarantor, accounts: accountViews, activities, followUps, documents, payments };
}
