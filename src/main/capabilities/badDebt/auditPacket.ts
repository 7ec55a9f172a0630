// The auditor's packet for one account (BD-08): everything Recoup holds that shows the account's
// bad debt is allowable, gathered read-only: the account and beneficiary, the bad-debt clock as it
// stands today, the Medicare and other 835 claims with their CAS adjustments, every bill sent (the
// statements as recorded, with the hash each was recorded under), every letter, call and contact,
// agency placements and returns, estate and court events, the ledger, the write-off and its
// decision, recoveries (BD-12), and the hospital's collection policy, the same for every payer
// class (BD-06). The dated rows are also merged into one history, in date order.
import { formatShortDate, type BusinessDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { fullName } from '../../../shared/names';
import { AppError } from '../../../shared/errors';
import type { BadDebtClock } from '../../../shared/rules/badDebt';
import { LEDGER_TYPE_LABELS, type LedgerLine } from '../../../shared/schemas/ledger';
import type { Hospital } from '../../../shared/schemas/hospital';
import { RETURN_REASON_LABELS, type ReturnReason } from '../../../shared/schemas/agencies';
import type { Db } from '../../store/database';
import type { AccountsRow, ActivitiesRow, BadDebtFactsRow, BadDebtWriteoffsRow } from '../../store/schema';
import { agencyPolicy, badDebtPolicy, hospitalIdentity, statementPolicy } from '../../platform/settings';
import { accountLedger, entryStandsSql } from '../ledger';
import { recordedStatement, type RecordedStatement } from '../statements';
import { storeDocument } from '../../platform/documents';
import { drawAuditPacket } from './auditPacketPdf';
import type { CostSharing } from './costSharing';
import { collectionPolicy, type CollectionPolicy } from './effort';
import { gatherAccount, standingClock } from './clock';

export interface PacketRemittance {
  remittanceDate: BusinessDate;
  payerName: string;
  payerRole: string;
  filingIndicator: string;
  medicare: boolean;
  payerClaimNumber: string;
  serviceFrom: BusinessDate | null;
  serviceTo: BusinessDate | null;
  chargeCents: number;
  paidCents: number;
  deductibleCents: number;
  coinsuranceCents: number;
  copayCents: number;
  contractualCents: number;
  outcome: string;
  /** Each CAS triplet: "PR-1 $100.00 (claim)", "CO-45 $20.00 (line 1)". */
  adjustments: string[];
}

export interface PacketBill {
  /** Who sent it: a Recoup statement run, or the billing system (the extract's first statement date). */
  source: 'recoup' | 'billing_system';
  /** The Recoup statement; null for the billing system's first bill (no copy kept in Recoup). */
  statementId: number | null;
  date: BusinessDate;
  /** "Statement 2", "Final notice". */
  what: string;
  /** The account's step on it (its own statement number, the final notice, after it). */
  step: string;
  /** Null for the billing system's first bill: Recoup does not know what it showed. */
  accountBalanceCents: number | null;
  amountDueCents: number | null;
  /** The SHA-256 the statement was recorded under: it reprints byte for byte (Statements, reprint); '' for the billing system's. */
  sha256: string;
  /** Its copy in the printed packet: attached as mailed, or it no longer draws to the recorded bytes. */
  copy: 'attached' | 'differs' | 'not_drawn';
}

export interface PacketEvent {
  date: BusinessDate;
  /** Bill, Call, Letter, Visit, Note, Agency, Estate, Court, Remittance, Payment, Adjustment, Write-off … */
  kind: string;
  detail: string;
  by: string;
  amountCents: number | null;
}

export interface PacketWriteOff {
  id: number;
  status: BadDebtWriteoffsRow['status'];
  ceasedOn: BusinessDate;
  amountCents: number;
  deductibleCents: number;
  coinsuranceCents: number;
  paidPriorCents: number;
  proposedAt: string;
  proposedBy: string;
  proposedNote: string;
  writtenOffOn: BusinessDate | null;
  decidedAt: string | null;
  decidedBy: string;
  decisionNote: string;
  reversedAt: string | null;
  reversedBy: string;
  reversalReason: string;
}

export interface AuditPacket {
  hospital: Hospital;
  providerName: string;
  ccn: string;
  printedOn: BusinessDate;
  printedBy: string;
  account: {
    id: number;
    accountNumber: string;
    guarantorId: number;
    patientName: string;
    guarantorName: string;
    serviceFrom: BusinessDate;
    serviceTo: BusinessDate;
    setting: 'inpatient' | 'outpatient';
    payerClass: AccountsRow['payer_class'];
    mbi: string;
    medicaidNumber: string;
    balanceCents: number;
    qmb: boolean;
    medicaidAdNote: string;
  };
  clock: BadDebtClock;
  /** The day the clock is judged on: the Medicare write-off date, else the day printed. */
  clockOn: BusinessDate;
  costSharing: CostSharing;
  paidPriorCents: number;
  remittances: PacketRemittance[];
  bills: PacketBill[];
  ledger: LedgerLine[];
  writeOffs: PacketWriteOff[];
  recoveries: { date: BusinessDate; amountCents: number; memo: string }[];
  /** Every dated row above (and the contacts, placements, estate and court events), oldest first. */
  history: PacketEvent[];
  policy: CollectionPolicy;
}

const KIND_LABEL: Record<ActivitiesRow['kind'], string> = {
  call: 'Call',
  letter: 'Letter',
  visit: 'Visit',
  note: 'Note',
};

/** Gathers the packet (read-only). */
export function auditPacket(db: Db, accountId: number, today: BusinessDate, printedBy: string): AuditPacket {
  const a = db
    .prepare(
      `SELECT a.*, g.first_name, g.middle_name, g.last_name FROM accounts a JOIN guarantors g ON g.id = a.guarantor_id WHERE a.id = ?`,
    )
    .get(accountId) as (AccountsRow & { first_name: string; middle_name: string; last_name: string }) | undefined;
  if (!a) throw new AppError('not_found', 'There is no such account.');
  const facts = db.prepare('SELECT * FROM bad_debt_facts WHERE account_id = ?').get(accountId) as
    BadDebtFactsRow | undefined;
  const settings = badDebtPolicy(db);
  const hospital = hospitalIdentity(db);

  const remittances = remittancesOf(db, accountId);
  const bills = billsOf(db, accountId, a.first_statement_date);
  const ledger = accountLedger(db, accountId);
  const writeOffs = writeOffsOf(db, accountId);

  // The clock as the account's screen shows it (one gathering, clock.ts): an account written off is
  // judged on its Medicare write-off date with what it owed before the write-off (BD-09).
  const gathered = gatherAccount(db, accountId)!;
  const { clock, on: clockOn } = standingClock(db, gathered, today);

  const recoveries = db
    .prepare(
      `SELECT e.effective_date AS date, e.amount_cents AS amount, e.memo FROM ledger_entries e
        WHERE e.account_id = ? AND e.type = 'administrative_adjustment' AND e.reason_code = 'bad_debt_recovery'
          AND ${entryStandsSql('e')} ORDER BY e.effective_date, e.id`,
    )
    .all(accountId) as { date: string; amount: number; memo: string }[];

  const history: PacketEvent[] = [
    ...bills.map((b) =>
      b.source === 'billing_system'
        ? { date: b.date, kind: 'Bill', detail: FIRST_BILL_TEXT, by: 'Billing system', amountCents: null }
        : {
            date: b.date,
            kind: 'Bill',
            detail: `${b.what.startsWith('Final') ? 'Final notice' : 'Statement'} mailed; recorded as statement #${b.statementId}${b.accountBalanceCents !== null ? ` (the account owed ${formatCents(b.accountBalanceCents)})` : ''}`,
            by: 'Recoup statement run',
            amountCents: null,
          },
    ),
    ...contactsOf(db, a.guarantor_id, accountId),
    ...placementEvents(db, accountId),
    ...caseEvents(db, accountId),
    ...remittances.map((r) => ({
      date: r.remittanceDate,
      kind: r.medicare ? 'Medicare remittance' : 'Remittance',
      detail: `${r.payerName} (${r.payerRole}${r.filingIndicator ? `, ${r.filingIndicator}` : ''}): paid ${formatCents(r.paidCents)}, deductible ${formatCents(r.deductibleCents)}, coinsurance ${formatCents(r.coinsuranceCents)}`,
      by: 'Insurance remittance (835)',
      amountCents: null,
    })),
    ...ledger
      .filter((l) => l.type !== 'charge')
      .map((l) => ({
        date: l.effectiveDate,
        kind: LEDGER_TYPE_LABELS[l.type],
        detail: [l.memo, l.reference, l.reversedById !== null ? 'reversed later' : ''].filter(Boolean).join(' · '),
        by: l.postedBy ?? (l.imported ? 'Billing system' : 'Recoup'),
        amountCents: l.amountCents,
      })),
    ...writeOffs.flatMap((w) => writeOffEvents(w)),
  ];
  history.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));

  const guarantorName = fullName({ firstName: a.first_name, middleName: a.middle_name, lastName: a.last_name });
  return {
    hospital,
    providerName: settings.providerName || hospital.legalName,
    ccn: facts?.ccn || settings.ccn,
    printedOn: today,
    printedBy,
    account: {
      id: a.id,
      accountNumber: a.account_number,
      guarantorId: a.guarantor_id,
      patientName: a.patient_name.trim() || guarantorName,
      guarantorName,
      serviceFrom: a.service_from,
      serviceTo: a.service_to,
      setting: a.service_type === 'inpatient' ? 'inpatient' : 'outpatient',
      payerClass: a.payer_class,
      mbi: a.mbi ?? '',
      medicaidNumber: a.medicaid_number ?? '',
      balanceCents: a.balance_cents,
      qmb: facts?.qmb === 1,
      medicaidAdNote: facts?.medicaid_ad === 1 ? facts.medicaid_ad_note : '',
    },
    clock,
    clockOn,
    costSharing: gathered.costSharing,
    paidPriorCents: gathered.facts.paidPriorCents,
    remittances,
    bills,
    ledger,
    writeOffs,
    recoveries: recoveries.map((r) => ({ date: r.date, amountCents: r.amount, memo: r.memo })),
    history,
    policy: collectionPolicy(statementPolicy(db), agencyPolicy(db), settings),
  };
}

function remittancesOf(db: Db, accountId: number): PacketRemittance[] {
  const claims = db
    .prepare(
      `SELECT c.id, t.remittance_date, t.payer_name, c.payer_role, c.filing_indicator, c.medicare, c.payer_claim_number,
              c.service_from, c.service_to, c.charge_cents, c.paid_cents, c.deductible_cents, c.coinsurance_cents,
              c.copay_cents, c.contractual_cents, c.outcome
         FROM remittance_claims c JOIN remittance_transactions t ON t.id = c.transaction_id
        WHERE c.account_id = ? ORDER BY t.remittance_date, c.id`,
    )
    .all(accountId) as {
    id: number;
    remittance_date: string;
    payer_name: string;
    payer_role: string;
    filing_indicator: string;
    medicare: number;
    payer_claim_number: string;
    service_from: string | null;
    service_to: string | null;
    charge_cents: number;
    paid_cents: number;
    deductible_cents: number;
    coinsurance_cents: number;
    copay_cents: number;
    contractual_cents: number;
    outcome: string;
  }[];
  const adjustments = db.prepare(
    `SELECT line_no, group_code, reason_code, amount_cents FROM remittance_adjustments WHERE claim_id = ? ORDER BY line_no, id`,
  );
  return claims.map((c) => ({
    remittanceDate: c.remittance_date,
    payerName: c.payer_name,
    payerRole: c.payer_role,
    filingIndicator: c.filing_indicator,
    medicare: c.medicare === 1,
    payerClaimNumber: c.payer_claim_number,
    serviceFrom: c.service_from,
    serviceTo: c.service_to,
    chargeCents: c.charge_cents,
    paidCents: c.paid_cents,
    deductibleCents: c.deductible_cents,
    coinsuranceCents: c.coinsurance_cents,
    copayCents: c.copay_cents,
    contractualCents: c.contractual_cents,
    outcome: c.outcome,
    adjustments: (
      adjustments.all(c.id) as { line_no: number; group_code: string; reason_code: string; amount_cents: number }[]
    ).map(
      (x) =>
        `${x.group_code}-${x.reason_code} ${formatCents(x.amount_cents)} (${x.line_no === 0 ? 'claim' : `line ${x.line_no}`})`,
    ),
  }));
}

const STEP_LABEL: Record<string, string> = {
  regular: 'statement',
  final_notice: 'the final notice',
  after_notice: 'after the final notice',
};

/** The billing system's first bill, as the packet names it (the clock may rely on it: BD-04). */
export const FIRST_BILL_TEXT = 'First bill (sent by the billing system; no copy kept in Recoup)';

/**
 * Every bill: Recoup's statements listing the account, and the billing system's first bill (the
 * extract's first statement date) when no Recoup statement listed the account that day.
 */
function billsOf(db: Db, accountId: number, firstStatementDate: string | null): PacketBill[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.statement_date, s.kind, s.number_in_cycle, s.amount_due_cents, s.sha256, sa.step, sa.number, sa.balance_cents
         FROM statement_accounts sa JOIN statements s ON s.id = sa.statement_id
        WHERE sa.account_id = ? ORDER BY s.statement_date, s.id`,
    )
    .all(accountId) as {
    id: number;
    statement_date: string;
    kind: 'regular' | 'final_notice';
    number_in_cycle: number;
    amount_due_cents: number;
    sha256: string;
    step: string;
    number: number | null;
    balance_cents: number;
  }[];
  const recoup: PacketBill[] = rows.map((r) => ({
    source: 'recoup' as const,
    statementId: r.id,
    date: r.statement_date,
    what: r.kind === 'final_notice' ? 'Final notice' : `Statement ${r.number_in_cycle}`,
    step:
      r.step === 'regular' && r.number !== null
        ? `its statement ${r.number}`
        : (STEP_LABEL[r.step] ?? r.step).replace(/^statement$/, 'a statement'),
    accountBalanceCents: r.balance_cents,
    amountDueCents: r.amount_due_cents,
    sha256: r.sha256,
    copy: 'not_drawn' as const,
  }));
  if (firstStatementDate === null || rows.some((r) => r.statement_date === firstStatementDate)) return recoup;
  const first: PacketBill = {
    source: 'billing_system',
    statementId: null,
    date: firstStatementDate,
    what: 'First bill',
    step: 'sent by the billing system',
    accountBalanceCents: null,
    amountDueCents: null,
    sha256: '',
    copy: 'not_drawn',
  };
  return [...recoup, first].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Letters, calls, visits and notes on the guarantor: those about this account and those about them all. */
function contactsOf(db: Db, guarantorId: number, accountId: number): PacketEvent[] {
  const rows = db
    .prepare(
      `SELECT a.kind, a.direction, a.outcome, a.note, a.occurred_on, a.account_id, u.full_name
         FROM activities a LEFT JOIN users u ON u.id = a.created_by
        WHERE a.guarantor_id = ? AND (a.account_id IS NULL OR a.account_id = ?)
        ORDER BY a.occurred_on, a.id`,
    )
    .all(guarantorId, accountId) as (Pick<
    ActivitiesRow,
    'kind' | 'direction' | 'outcome' | 'note' | 'occurred_on' | 'account_id'
  > & { full_name: string | null })[];
  return rows.map((r) => ({
    date: r.occurred_on,
    kind: `${KIND_LABEL[r.kind]}${r.direction ? ` (${r.direction})` : ''}`,
    detail: [r.outcome.replace(/_/g, ' '), r.note, r.account_id === null ? 'about all the guarantor’s accounts' : '']
      .filter((s) => s.trim() !== '')
      .join(' · '),
    by: r.full_name ?? 'Recoup',
    amountCents: null,
  }));
}

function placementEvents(db: Db, accountId: number): PacketEvent[] {
  const rows = db
    .prepare(
      `SELECT p.placed_on, p.placed_cents, p.returned_on, p.return_reason, p.return_note, g.name
         FROM placements p JOIN agencies g ON g.id = p.agency_id
        WHERE p.account_id = ? AND p.placed_on IS NOT NULL ORDER BY p.placed_on, p.id`,
    )
    .all(accountId) as {
    placed_on: string;
    placed_cents: number | null;
    returned_on: string | null;
    return_reason: string | null;
    return_note: string;
    name: string;
  }[];
  return rows.flatMap((r) => [
    { date: r.placed_on, kind: 'Agency', detail: `Placed with ${r.name}`, by: '', amountCents: r.placed_cents },
    ...(r.returned_on
      ? [
          {
            date: r.returned_on,
            kind: 'Agency',
            detail: `Returned by ${r.name}${r.return_reason ? `: ${RETURN_REASON_LABELS[r.return_reason as ReturnReason] ?? r.return_reason}` : ''}${r.return_note ? ` (${r.return_note})` : ''}`,
            by: '',
            amountCents: null,
          },
        ]
      : []),
  ]);
}

/** Estate and small-claims events of the estates and cases the account is in. */
function caseEvents(db: Db, accountId: number): PacketEvent[] {
  const estate = db
    .prepare(
      `SELECT ev.on_date, ev.kind, ev.detail FROM estate_events ev JOIN estate_accounts ea ON ea.estate_id = ev.estate_id
        WHERE ea.account_id = ? ORDER BY ev.on_date, ev.id`,
    )
    .all(accountId) as { on_date: string; kind: string; detail: string }[];
  const court = db
    .prepare(
      `SELECT ev.on_date, ev.kind, ev.detail FROM court_case_events ev JOIN court_case_accounts ca ON ca.case_id = ev.case_id
        WHERE ca.account_id = ? ORDER BY ev.on_date, ev.id`,
    )
    .all(accountId) as { on_date: string; kind: string; detail: string }[];
  const plain = (detail: string) => (detail.trim().startsWith('{') ? '' : detail);
  return [
    ...estate.map((e) => ({
      date: e.on_date,
      kind: 'Estate',
      detail: [e.kind.replace(/_/g, ' '), plain(e.detail)].filter(Boolean).join(': '),
      by: '',
      amountCents: null,
    })),
    ...court.map((e) => ({
      date: e.on_date,
      kind: 'Small claims',
      detail: [e.kind.replace(/_/g, ' '), plain(e.detail)].filter(Boolean).join(': '),
      by: '',
      amountCents: null,
    })),
  ];
}

function writeOffsOf(db: Db, accountId: number): PacketWriteOff[] {
  const rows = db
    .prepare(
      `SELECT w.*, p.full_name AS proposed_name, d.full_name AS decided_name, r.full_name AS reversed_name
         FROM bad_debt_writeoffs w
         LEFT JOIN users p ON p.id = w.proposed_by LEFT JOIN users d ON d.id = w.decided_by LEFT JOIN users r ON r.id = w.reversed_by
        WHERE w.account_id = ? ORDER BY w.id`,
    )
    .all(accountId) as (BadDebtWriteoffsRow & {
    proposed_name: string | null;
    decided_name: string | null;
    reversed_name: string | null;
  })[];
  return rows.map((w) => ({
    id: w.id,
    status: w.status,
    ceasedOn: w.ceased_on,
    amountCents: w.amount_cents,
    deductibleCents: w.deductible_cents,
    coinsuranceCents: w.coinsurance_cents,
    paidPriorCents: w.paid_prior_cents,
    proposedAt: w.proposed_at,
    proposedBy: w.proposed_name ?? '—',
    proposedNote: w.proposed_note,
    writtenOffOn: w.written_off_on,
    decidedAt: w.decided_at,
    decidedBy: w.decided_name ?? '—',
    decisionNote: w.decision_note,
    reversedAt: w.reversed_at,
    reversedBy: w.reversed_name ?? '—',
    reversalReason: w.reversal_reason,
  }));
}

function writeOffEvents(w: PacketWriteOff): PacketEvent[] {
  const out: PacketEvent[] = [
    {
      date: w.proposedAt.slice(0, 10),
      kind: 'Write-off proposed',
      // Proposed only: the amount is in the words, not the Amount column (nothing posted yet).
      detail: `Collection effort ceased ${formatShortDate(w.ceasedOn)}; ${formatCents(w.amountCents)} proposed for write-off${w.proposedNote ? ` · ${w.proposedNote}` : ''}`,
      by: w.proposedBy,
      amountCents: null,
    },
  ];
  if (w.decidedAt)
    out.push({
      date: w.writtenOffOn ?? w.decidedAt.slice(0, 10),
      kind: w.status === 'rejected' ? 'Write-off rejected' : 'Write-off approved',
      detail: w.decisionNote,
      by: w.decidedBy,
      amountCents: null,
    });
  if (w.reversedAt)
    out.push({
      date: w.reversedAt.slice(0, 10),
      kind: 'Write-off reversed',
      detail: w.reversalReason,
      by: w.reversedBy,
      amountCents: null,
    });
  return out;
}

/**
 * The packet drawn and kept among the guarantor's documents (platform/documents.ts), as the
 * hospital keeps every paper it prints for a guarantor: what was handed to the auditor, and when,
 * reprints byte for byte from Documents however the account changes after.
 */
export async function keepAuditPacket(
  db: Db,
  accountId: number,
  when: { today: BusinessDate; now: string; by: number; byName: string },
): Promise<{ documentId: number; guarantorId: number }> {
  const packet = auditPacket(db, accountId, when.today, when.byName);
  // The bills as mailed, each drawn again and checked against its recorded hash (a statement run
  // may list several accounts of the guarantor: the copy is the whole statement as mailed).
  const copies: RecordedStatement[] = [];
  for (const b of packet.bills) {
    if (b.statementId === null) continue; // the billing system's: Recoup keeps no copy
    try {
      copies.push(await recordedStatement(db, b.statementId));
      b.copy = 'attached';
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'internal') throw e;
      b.copy = 'differs';
    }
  }
  const bytes = await drawAuditPacket(packet, copies);
  const documentId = storeDocument(db, {
    guarantorId: packet.account.guarantorId,
    kind: 'bad_debt_audit_packet',
    title: `Medicare bad debt audit packet, account ${packet.account.accountNumber} (${formatShortDate(when.today)})`,
    fileName: `bad-debt-audit-${packet.account.accountNumber}-${when.today}.pdf`,
    mimeType: 'application/pdf',
    bytes,
    at: when.now,
    by: when.by,
  });
  return { documentId, guarantorId: packet.account.guarantorId };
}
