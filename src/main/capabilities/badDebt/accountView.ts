// One account's Medicare bad debt as the clerk sees it (badDebt:account): the facts the extract
// does not carry, the clock by the one rule, the indigence determinations (BD-11), the write-offs,
// the account's 835 claims (read-only here; the remittance tables are the ERA import's) and the
// recoveries from the ledger (BD-12). Also the two changes a clerk makes to the facts.
import { AppError } from '../../../shared/errors';
import { formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { BadDebtClock } from '../../../shared/rules/badDebt';
import type {
  BadDebtAccountView,
  BadDebtFactsInput,
  EraClaimView,
  IndigenceInput,
  IndigenceView,
} from '../../../shared/schemas/badDebt';
import type { Db } from '../../store/database';
import type { IndigenceDeterminationsRow, RemittanceAdjustmentsRow, RemittanceClaimsRow } from '../../store/schema';
import { badDebtPolicy } from '../../platform/settings';
import { gatherAccount, settingOf, standingClock, type GatheredAccount } from './clock';
import { claimView } from './era';
import { insertIndigence, saveFacts } from './rows';
import { recoveredCents, recoveryEntrySql, writeOffViews } from './writeOffs';

export function accountView(db: Db, accountId: number, today: string): BadDebtAccountView {
  const g = gatherAccount(db, accountId);
  if (!g) throw new AppError('not_found', 'That account was not found.', { accountId: 'No such account.' });
  const a = g.account;
  const f = g.recorded;
  return {
    accountId: a.id,
    accountNumber: a.account_number,
    guarantorId: a.guarantor_id,
    patientName: a.patient_name,
    serviceFrom: a.service_from,
    serviceTo: a.service_to,
    setting: settingOf(a.service_type),
    payerClass: a.payer_class,
    mbi: a.mbi,
    medicaidNumber: a.medicaid_number,
    ccn: f?.ccn ?? badDebtPolicy(db).ccn,
    balanceCents: a.balance_cents,
    facts: {
      professionalComponent: f?.professional_component === 1,
      qmb: f?.qmb === 1,
      ccn: f?.ccn ?? '',
      medicaidAd: f?.medicaid_ad === 1,
      medicaidAdNote: f?.medicaid_ad_note ?? '',
      secondaryDeniedOn: f?.secondary_denied_on ?? null,
    },
    // An approved write-off's clock is shown as it stood on its date, its summary saying so.
    clock: summarised(db, g, standingClock(db, g, today).clock),
    indigence: indigenceHistory(db, accountId),
    writeOffs: writeOffViews(db, 'w.account_id = ?', [accountId]).reverse(),
    remittances: accountClaims(db, accountId),
    recoveries: (
      db
        .prepare(
          `SELECT e.id AS entryId, e.effective_date AS receivedOn, e.amount_cents AS amountCents, e.type
             FROM ledger_entries e WHERE e.account_id = ? AND ${recoveryEntrySql('e')} ORDER BY e.effective_date, e.id`,
        )
        .all(accountId) as { entryId: number; receivedOn: string; amountCents: number; type: string }[]
    ).map((r) => ({ ...r, type: 'Recovery (BD-12)' })),
  };
}

function indigenceHistory(db: Db, accountId: number): IndigenceView[] {
  const rows = db
    .prepare(
      `SELECT d.*, u.full_name AS by_name FROM indigence_determinations d LEFT JOIN users u ON u.id = d.determined_by
        WHERE d.account_id = ? ORDER BY d.id DESC`,
    )
    .all(accountId) as (IndigenceDeterminationsRow & { by_name: string | null })[];
  return rows.map((r) => ({
    id: r.id,
    determinedOn: r.determined_on,
    assetsCents: r.assets_cents,
    liabilitiesCents: r.liabilities_cents,
    monthlyIncomeCents: r.monthly_income_cents,
    monthlyExpensesCents: r.monthly_expenses_cents,
    householdSize: r.household_size,
    extenuating: r.extenuating,
    noOtherSource: r.no_other_source === 1,
    selfDeclarationOnly: r.self_declaration_only === 1,
    indigent: r.indigent === 1,
    note: r.note,
    determinedBy: r.by_name,
    createdAt: r.created_at,
  }));
}

/** The account's 835 claims, newest first, with their adjustments. */
function accountClaims(db: Db, accountId: number): EraClaimView[] {
  const claims = db
    .prepare(
      `SELECT c.*, a.account_number FROM remittance_claims c JOIN remittance_transactions t ON t.id = c.transaction_id
         LEFT JOIN accounts a ON a.id = c.account_id
        WHERE c.account_id = ? ORDER BY t.remittance_date DESC, c.id DESC`,
    )
    .all(accountId) as (RemittanceClaimsRow & { account_number: string | null })[];
  if (claims.length === 0) return [];
  const adjustments = new Map<number, RemittanceAdjustmentsRow[]>();
  for (const r of db
    .prepare(
      `SELECT * FROM remittance_adjustments WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, line_no, id`,
    )
    .all(JSON.stringify(claims.map((c) => c.id))) as RemittanceAdjustmentsRow[]) {
    const list = adjustments.get(r.claim_id) ?? [];
    list.push(r);
    adjustments.set(r.claim_id, list);
  }
  return claims.map((c) => claimView(c, adjustments.get(c.id) ?? []));
}

function accountExists(db: Db, accountId: number): void {
  if (db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId) === undefined)
    throw new AppError('not_found', 'That account was not found.', { accountId: 'No such account.' });
}

/** badDebt:setFacts — the facts recorded (the listing reads them when it is built). */
export function setFacts(db: Db, input: BadDebtFactsInput, at: string, by: number): void {
  accountExists(db, input.accountId);
  saveFacts(db, input, at, by);
}

/** badDebt:indigence — BD-11: the determination recorded (a later one supersedes). */
export function recordIndigence(db: Db, input: IndigenceInput, today: string, at: string, by: number): void {
  accountExists(db, input.accountId);
  if (input.determinedOn > today) {
    const m = 'A determination cannot be dated after today.';
    throw new AppError('invalid_input', m, { determinedOn: m });
  }
  insertIndigence(db, input, at, by);
}

/**
 * Where the account stands in a sentence a clerk reads first: written off (with what came back
 * since), nothing owed, or the clock's own summary.
 */
function summarised(db: Db, g: GatheredAccount, clock: BadDebtClock): BadDebtClock {
  const wo = g.openWriteOff;
  if (wo?.status === 'approved' && wo.writtenOffOn !== null) {
    const row = db.prepare('SELECT amount_cents FROM bad_debt_writeoffs WHERE id = ?').get(wo.id) as {
      amount_cents: number;
    };
    const back = recoveredCents(db, g.account.id, wo.writtenOffOn);
    return {
      ...clock,
      summary: `Written off as Medicare bad debt on ${formatLongDate(wo.writtenOffOn)}: ${formatCents(row.amount_cents)}${
        back > 0 ? `; ${formatCents(back)} recovered since, ${formatCents(row.amount_cents - back)} net` : ''
      }.`,
    };
  }
  if (wo?.status === 'proposed') return { ...clock, summary: 'A write-off is proposed and waits for a supervisor.' };
  if (g.account.balance_cents <= 0) return { ...clock, summary: 'Nothing is owed: not a bad-debt account.' };
  return clock;
}
