// What the small-claims documents read of a case: its row, its accounts (with what the ledger says
// they owe today) and its defendant. The documents draw from this and from the ledger only, so the
// demand letter, the packet and the testimony sheet agree with each other and with the case screen.
import { AppError } from '../../../shared/errors';
import type { CourtCasesRow, GuarantorsRow } from '../../store/schema';
import type { Db } from '../../store/database';
import { guarantorName, guarantorRow, mailingAddress } from '../accounts';
import { currentClaimCents, currentWaivedCents, owedCents } from './views';

export interface CaseAccount {
  accountId: number;
  accountNumber: string;
  patientName: string;
  serviceFrom: string;
  serviceTo: string;
  serviceType: string;
  /** What it carried when the case was opened. */
  openedBalanceCents: number;
  /** What the ledger says it owes now (accounts.balance_cents is kept with the ledger). */
  balanceCents: number;
  holdId: number | null;
}

export interface CaseRecord {
  row: CourtCasesRow;
  guarantor: GuarantorsRow;
  defendantName: string;
  defendantAddress: string[];
  accounts: CaseAccount[];
  /** The case's litigation holds by account: no bar to the case's own next step. */
  ownHoldIds: Map<number, number>;
  /** What the case's accounts owe today (views.ts owedCents: an account in credit counts as nothing). */
  owedCents: number;
  /** The claim every document states (views.ts currentClaimCents: never more than is owed before filing). */
  claimCents: number;
  /** The excess over the limit given up, with that claim (views.ts currentWaivedCents). */
  waivedCents: number;
}

export function caseRecord(db: Db, caseId: number): CaseRecord {
  const row = db.prepare('SELECT * FROM court_cases WHERE id = ?').get(caseId) as CourtCasesRow | undefined;
  if (!row) throw new AppError('not_found', 'There is no such small-claims case.');
  const guarantor = guarantorRow(db, row.guarantor_id);
  const accounts = (
    db
      .prepare(
        `SELECT a.id, a.account_number, a.patient_name, a.service_from, a.service_to, a.service_type, a.balance_cents,
                ca.balance_cents AS opened_cents, ca.hold_id
           FROM court_case_accounts ca JOIN accounts a ON a.id = ca.account_id
          WHERE ca.case_id = ? ORDER BY a.service_from, a.id`,
      )
      .all(caseId) as {
      id: number;
      account_number: string;
      patient_name: string;
      service_from: string;
      service_to: string;
      service_type: string;
      balance_cents: number;
      opened_cents: number;
      hold_id: number | null;
    }[]
  ).map((a) => ({
    accountId: a.id,
    accountNumber: a.account_number,
    // No patient name in the extract: the guarantor was the patient.
    patientName: a.patient_name.trim() || guarantorName(guarantor),
    serviceFrom: a.service_from,
    serviceTo: a.service_to,
    serviceType: a.service_type,
    openedBalanceCents: a.opened_cents,
    balanceCents: a.balance_cents,
    holdId: a.hold_id,
  }));
  const ownHoldIds = new Map<number, number>();
  for (const a of accounts) if (a.holdId !== null) ownHoldIds.set(a.accountId, a.holdId);
  const owed = owedCents(accounts.map((a) => ({ balance_cents: a.balanceCents })));
  return {
    row,
    guarantor,
    defendantName: guarantorName(guarantor),
    defendantAddress: mailingAddress(guarantor),
    accounts,
    ownHoldIds,
    owedCents: owed,
    claimCents: currentClaimCents(row, owed),
    waivedCents: currentWaivedCents(row, owed),
  };
}
