// The only writer of bad_debt_facts, indigence_determinations and bad_debt_writeoffs (table
// owners, eslint/table-owners.mjs). Each function is one row change inside the caller's transaction.
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { BadDebtFactsInput, IndigenceInput } from '../../../shared/schemas/badDebt';

/** Records (or replaces) what the listing needs of an account that the extract does not carry. */
export function saveFacts(db: Db, f: BadDebtFactsInput, at: string, by: number | null): void {
  prepared(
    db,
    `INSERT INTO bad_debt_facts (account_id, professional_component, qmb, ccn, medicaid_ad, medicaid_ad_note,
                                 secondary_denied_on, updated_at, updated_by)
     VALUES (@accountId, @pc, @qmb, @ccn, @ad, @note, @denied, @at, @by)
     ON CONFLICT(account_id) DO UPDATE SET professional_component = excluded.professional_component,
       qmb = excluded.qmb, ccn = excluded.ccn, medicaid_ad = excluded.medicaid_ad,
       medicaid_ad_note = excluded.medicaid_ad_note, secondary_denied_on = excluded.secondary_denied_on,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run({
    accountId: f.accountId,
    pc: f.professionalComponent ? 1 : 0,
    qmb: f.qmb ? 1 : 0,
    ccn: f.ccn === '' ? null : f.ccn,
    ad: f.medicaidAd ? 1 : 0,
    note: f.medicaidAd ? f.medicaidAdNote : '',
    denied: f.secondaryDeniedOn,
    at,
    by,
  });
}

/** BD-11: a determination, add-only (the latest stands). */
export function insertIndigence(db: Db, d: IndigenceInput, at: string, by: number | null): number {
  return Number(
    prepared(
      db,
      `INSERT INTO indigence_determinations (account_id, determined_on, assets_cents, liabilities_cents,
         monthly_income_cents, monthly_expenses_cents, household_size, extenuating, no_other_source,
         self_declaration_only, indigent, note, determined_by, created_at)
       VALUES (@accountId, @determinedOn, @assetsCents, @liabilitiesCents, @monthlyIncomeCents,
         @monthlyExpensesCents, @householdSize, @extenuating, @noOther, @selfOnly, @indigent, @note, @by, @at)`,
    ).run({
      ...d,
      noOther: d.noOtherSource ? 1 : 0,
      selfOnly: d.selfDeclarationOnly ? 1 : 0,
      indigent: d.indigent ? 1 : 0,
      by,
      at,
    }).lastInsertRowid,
  );
}

export interface NewWriteOff {
  accountId: number;
  ceasedOn: string;
  deductibleCents: number;
  coinsuranceCents: number;
  paidPriorCents: number;
  amountCents: number;
  note: string;
  at: string;
  by: number | null;
}

/** A clerk's proposal (BD-09). */
export function insertProposal(db: Db, w: NewWriteOff): number {
  return Number(
    prepared(
      db,
      `INSERT INTO bad_debt_writeoffs (account_id, status, ceased_on, deductible_cents, coinsurance_cents,
         paid_prior_cents, amount_cents, proposed_note, proposed_at, proposed_by)
       VALUES (@accountId, 'proposed', @ceasedOn, @deductibleCents, @coinsuranceCents, @paidPriorCents,
         @amountCents, @note, @at, @by)`,
    ).run(w).lastInsertRowid,
  );
}

/** A supervisor approved: the figures fixed at approval, the entry posted, the date written off. */
export function markApproved(
  db: Db,
  id: number,
  a: {
    writtenOffOn: string;
    ledgerEntryId: number;
    deductibleCents: number;
    coinsuranceCents: number;
    paidPriorCents: number;
    amountCents: number;
    note: string;
    at: string;
    by: number | null;
  },
): void {
  prepared(
    db,
    `UPDATE bad_debt_writeoffs SET status = 'approved', written_off_on = @writtenOffOn, ledger_entry_id = @ledgerEntryId,
       deductible_cents = @deductibleCents, coinsurance_cents = @coinsuranceCents, paid_prior_cents = @paidPriorCents,
       amount_cents = @amountCents, decision_note = @note, decided_at = @at, decided_by = @by
     WHERE id = @id AND status = 'proposed'`,
  ).run({ ...a, id });
}

export function markRejected(db: Db, id: number, note: string, at: string, by: number | null): void {
  prepared(
    db,
    `UPDATE bad_debt_writeoffs SET status = 'rejected', decision_note = ?, decided_at = ?, decided_by = ?
      WHERE id = ? AND status = 'proposed'`,
  ).run(note, at, by, id);
}

export function markReversed(db: Db, id: number, reason: string, at: string, by: number | null): void {
  prepared(
    db,
    `UPDATE bad_debt_writeoffs SET status = 'reversed', reversal_reason = ?, reversed_at = ?, reversed_by = ?
      WHERE id = ? AND status = 'approved'`,
  ).run(reason, at, by, id);
}

/**
 * Many approved write-offs written at once (the benchmark's book, a test's history): the caller
 * posted their entries. Inside the caller's transaction.
 */
export function insertApprovedWriteOffs(
  db: Db,
  rows: readonly (NewWriteOff & { writtenOffOn: string; ledgerEntryId: number })[],
): void {
  const stmt = prepared(
    db,
    `INSERT INTO bad_debt_writeoffs (account_id, status, ceased_on, deductible_cents, coinsurance_cents,
       paid_prior_cents, amount_cents, proposed_note, proposed_at, proposed_by, written_off_on, decided_at,
       decided_by, ledger_entry_id)
     VALUES (@accountId, 'approved', @ceasedOn, @deductibleCents, @coinsuranceCents, @paidPriorCents,
       @amountCents, @note, @at, @by, @writtenOffOn, @at, @by, @ledgerEntryId)`,
  );
  for (const r of rows) stmt.run(r);
}
