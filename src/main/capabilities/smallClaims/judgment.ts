// The judgment and what follows it (issue 13). A judgment for the hospital makes the ledger say
// what the court awarded, in the same transaction and through the ledger's own API (so every ledger
// subscriber runs): what the case's accounts owe above the judgment (the waived excess, whatever the
// court did not award) is adjusted off, oldest account first, since it can never be collected; the
// court costs awarded are posted as their own entry (court_costs). Afterwards the accounts' balances
// are what is owed on the judgment. A judgment for the defendant adjusts the accounts to nothing and
// ends the case. Interest is recorded as the court gave it; it is neither computed nor posted.
// Payments after filing post as court recovery, oldest account first. A garnishment, bank levy or
// lien is an ECA (ECA-02): the 501(r) gate is asked for every account (the case's own litigation
// hold is no bar to its own step) and the answer is kept both in the register and with the case.
import type { z } from 'zod';
import { afterBusinessDateMessage, formatLongDate } from '../../../shared/dates';
import { formatCents, formatDecimal } from '../../../shared/money';
import type { EcaDecision } from '../../../shared/rules/ecaClock';
import type { caseEventInput, judgmentPaymentInput, postJudgmentInput } from '../../../shared/schemas/smallClaims';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import {
  changeLedger,
  paymentHow,
  postOldestFirst,
  postRecovery,
  writeOffApprovedBy,
  type LedgerChangeWriter,
} from '../ledger';
import { logCaseActivity, needStatus, notNow, refuse, releaseCaseHolds, type When } from './steps';
import { attemptEcaForEvery } from '../compliance';
import { changeCase, insertAction, insertEvent } from './rows';
import {
  caseAccounts,
  caseLabel,
  caseRow,
  owedCents,
  POST_JUDGMENT_LABELS,
  type CaseAccountRow,
  type CaseRow,
} from './views';

type Judgment = Extract<z.output<typeof caseEventInput>, { event: 'judgment' }>;

/** Adjusts what a judgment leaves uncollectable off the accounts, oldest first (reason court_judgment). */
function adjustDown(
  ledger: LedgerChangeWriter,
  accounts: readonly CaseAccountRow[],
  cents: number,
  on: string,
  memo: string,
  approvedBy: number | null,
): { entryId: number; accountId: number; cents: number }[] {
  return postOldestFirst(ledger, accounts, cents, (accountId, take) => ({
    accountId,
    type: 'administrative_adjustment',
    amountCents: -take,
    effectiveDate: on,
    memo,
    reasonCode: 'court_judgment',
    approvedBy,
  }));
}

function writeOffApproval(app: RecoupApp, cents: number, input: Judgment, w: When): number | null {
  return writeOffApprovedBy(app, cents, w.role ?? 'clerk', input.approval, 'The judgment writes off');
}

export function recordJudgment(app: RecoupApp, c: CaseRow, input: Judgment, w: When): void {
  const db = app.store.db;
  needStatus(c, ['filed', 'served'], 'A judgment is recorded');
  if (input.on < c.filed_on!)
    refuse('on', `The judgment comes after the filing: choose ${formatLongDate(c.filed_on!)} or later.`);
  const accounts = caseAccounts(db, c.id);
  const owed = owedCents(accounts);
  const label = caseLabel(c);
  const interest = `${formatDecimal(input.interestRateBp)}%`;

  if (input.outcome === 'defendant') {
    if (input.amountCents !== 0)
      refuse('amountCents', 'A judgment for the defendant awards the hospital nothing: leave the amount at $0.00.');
    if (input.costsCents !== 0)
      refuse('costsCents', 'Costs are posted only when awarded to the hospital: leave them at $0.00.');
    const text = `Judgment for the defendant: nothing can be collected on these accounts. ${owed > 0 ? `${formatCents(owed)} is adjusted off; ` : ''}the litigation holds are released and the case is closed.`;
    const approvedBy = writeOffApproval(app, owed, input, w);
    changeLedger(app, w.by, (ledger) => {
      const posted = adjustDown(
        ledger,
        accounts,
        owed,
        input.on,
        `${label}: judgment for the defendant on ${formatLongDate(input.on)}; the balance cannot be collected.`,
        approvedBy,
      );
      releaseCaseHolds(db, c, 'ended with a judgment for the defendant', input.on, w);
      changeCase(db, c.id, {
        status: 'lost',
        judgment_on: input.on,
        judgment_cents: 0,
        costs_cents: 0,
        interest_rate_bp: input.interestRateBp,
        closed_on: input.on,
      });
      insertEvent(db, c.id, 'judgment', input.on, { text, outcome: 'defendant', adjustments: posted }, w.now, w.by);
      logCaseActivity(db, c, `${label}: ${text}`, input.on, w);
    });
    return;
  }

  if (input.amountCents <= 0)
    refuse('amountCents', 'A judgment for the hospital awards more than $0.00: give the amount the court awarded.');
  if (input.amountCents > c.claim_cents)
    refuse(
      'amountCents',
      `The judgment cannot be more than the claim, ${formatCents(c.claim_cents)}: give the amount the court awarded for the claim, and the costs apart.`,
    );
  const excess = Math.max(0, owed - input.amountCents);
  const parts = [
    `Judgment for the hospital: ${formatCents(input.amountCents)}`,
    input.costsCents > 0 ? ` and ${formatCents(input.costsCents)} in court costs` : '',
    `, interest at ${interest} a year (recorded, not computed).`,
    excess > 0
      ? ` The accounts owed ${formatCents(owed)}: ${formatCents(excess)} above the judgment is adjusted off and can never be collected.`
      : owed < input.amountCents
        ? ` The accounts owe ${formatCents(owed)}, less than the award (payments since the filing): only that is collected.`
        : '',
  ];
  const text = parts.join('');
  const approvedBy = writeOffApproval(app, excess, input, w);
  changeLedger(app, w.by, (ledger) => {
    const adjustments = adjustDown(
      ledger,
      accounts,
      excess,
      input.on,
      `${label}: the court awarded ${formatCents(input.amountCents)} on ${formatLongDate(input.on)}; what the accounts owed above it cannot be collected.`,
      approvedBy,
    );
    let costs: { entryId: number; accountId: number; cents: number } | null = null;
    if (input.costsCents > 0) {
      // On the oldest account that still owes after the adjustments (or the oldest, if none does).
      const after = new Map(adjustments.map((a) => [a.accountId, a.cents]));
      const target = accounts.find((a) => a.balance_cents - (after.get(a.account_id) ?? 0) > 0) ?? accounts[0]!;
      costs = {
        entryId: ledger.post({
          accountId: target.account_id,
          type: 'court_costs',
          amountCents: input.costsCents,
          effectiveDate: input.on,
          memo: `${label}: court costs awarded on ${formatLongDate(input.on)}.`,
        }),
        accountId: target.account_id,
        cents: input.costsCents,
      };
    }
    changeCase(db, c.id, {
      status: 'judgment',
      judgment_on: input.on,
      judgment_cents: input.amountCents,
      costs_cents: input.costsCents,
      interest_rate_bp: input.interestRateBp,
    });
    insertEvent(
      db,
      c.id,
      'judgment',
      input.on,
      {
        text,
        outcome: 'plaintiff',
        amountCents: input.amountCents,
        costsCents: input.costsCents,
        interestRateBp: input.interestRateBp,
        adjustments,
        costs,
      },
      w.now,
      w.by,
    );
    logCaseActivity(db, c, `${label}: ${text}`, input.on, w);
  });
}

/** A payment received on the case (filed, served or after judgment): court recovery, oldest account first. */
export function recordCasePayment(app: RecoupApp, input: z.output<typeof judgmentPaymentInput>, w: When): void {
  const db = app.store.db;
  const c = caseRow(db, input.caseId);
  needStatus(c, ['filed', 'served', 'judgment'], 'A payment is recorded on the case');
  if (input.receivedOn > w.today) refuse('receivedOn', afterBusinessDateMessage(w.today, 'A payment'));
  if (input.receivedOn < c.filed_on!)
    refuse(
      'receivedOn',
      `A payment before the filing (${formatLongDate(c.filed_on!)}) is an ordinary payment: post it from the account screen.`,
    );
  const accounts = caseAccounts(db, c.id);
  const owed = owedCents(accounts);
  if (input.amountCents > owed)
    refuse(
      'amountCents',
      `The case’s accounts owe ${formatCents(owed)}: the payment cannot be more. Post any excess from the account screen.`,
    );
  const label = caseLabel(c);
  const how = paymentHow(input);
  changeLedger(app, w.by, (ledger) => {
    const posted = postRecovery(ledger, accounts, input, 'court_recovery', label);
    const remaining = owed - input.amountCents;
    const text = `Payment of ${formatCents(input.amountCents)} received (${how}); ${remaining > 0 ? `${formatCents(remaining)} still owed` : 'nothing more is owed'}.`;
    insertEvent(
      db,
      c.id,
      'payment',
      input.receivedOn,
      { text, amountCents: input.amountCents, method: input.method, reference: input.reference, entries: posted },
      w.now,
      w.by,
    );
    logCaseActivity(db, c, `${label}: ${text}`, input.receivedOn, w);
  });
}

/**
 * A garnishment, bank levy or lien after judgment: the gate is asked for every account of the case
 * (its own litigation hold no bar), each answer in the register; the request is kept with the case,
 * allowed or refused (a refusal names the account and why, and throws after it is kept).
 */
export function postJudgmentAction(db: Db, input: z.output<typeof postJudgmentInput>, w: When): void {
  const c = caseRow(db, input.caseId);
  needStatus(c, ['judgment'], 'A post-judgment action is asked for');
  const accounts = caseAccounts(db, c.id);
  const owed = owedCents(accounts);
  if (owed <= 0) notNow('Nothing is owed on the judgment: close the case as satisfied instead.');
  const what = POST_JUDGMENT_LABELS[input.kind];
  const keep = (allowed: boolean, reasons: string[]) =>
    insertAction(db, {
      caseId: c.id,
      kind: input.kind,
      requestedOn: w.today,
      allowed,
      reasons,
      note: input.note,
      at: w.now,
      by: w.by,
    });
  const byId = new Map(accounts.map((a) => [a.account_id, a]));
  // One request, one row on the case: a refusal keeps every refused account's reasons together.
  const refused: string[] = [];
  try {
    attemptEcaForEvery(db, accounts, input.kind, w.today, w, (x) => {
      const a = byId.get(x.account_id)!;
      return {
        ...(a.hold_id !== null ? { ownHoldId: a.hold_id } : {}),
        onDecided: (d: EcaDecision) => {
          if (!d.allowed) refused.push(...d.reasons.map((r) => `Account ${a.account_number}: ${r}`));
        },
      };
    });
  } catch (e) {
    if (refused.length > 0) keep(false, refused);
    throw e;
  }
  db.transaction(() => {
    keep(true, []);
    const text = `${what} allowed by the 501(r) gate on every account (${formatCents(owed)} owed on the judgment)${input.note ? `: ${input.note}` : ''}.`;
    insertEvent(db, c.id, 'post_judgment', w.today, { text, kind: input.kind, note: input.note }, w.now, w.by);
    logCaseActivity(db, c, `${caseLabel(c)}: ${text}`, w.today, w);
  })();
}
