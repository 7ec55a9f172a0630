// What a guarantor's statement says on a date, built from the ledger: each open account with its
// charges, what insurance paid, adjustments and the patient's own payments (reversals counted with
// what they reverse), the activity since the last statement, and the aging (ST-02).
import { addDays } from '../../../shared/dates';
import { AGING_BUCKETS, agingBucket, type AgingBucket } from '../../../shared/rules/aging';
import { DEFAULT_ECA_POLICY } from '../../../shared/rules/ecaClock';
import { PATIENT_MONEY_TYPES, type LedgerType } from '../../../shared/schemas/ledger';
import { documentLanguage, wordingFor } from '../../../shared/wording';
import { ACTIVITY_TEXTS, ECA_ACTION_TEXTS, SERVICE_TEXTS } from '../../../shared/wording/statementTexts';
import type { StatementPolicy } from '../../../shared/schemas/settings';
import type { AccountStep } from '../../../shared/rules/statementCycle';
import type { Hospital } from '../../../shared/schemas/hospital';
import type { StatementSnapshot } from '../../../shared/schemas/statements';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { LAYOUT_VERSION } from '../../pdf/layout';
import { assistancePolicy, hospitalIdentity } from '../../platform/settings';
import { guarantorName, guarantorRow, mailingAddress } from '../accounts';
import { entriesAsCounted } from '../ledger';
import { credits } from '../compliance';
import { plansAskingOf } from '../plans';

type Category = 'charges' | 'insurance' | 'adjustments' | 'patient';
const CATEGORY: Record<Exclude<LedgerType, 'reversal'>, Category> = {
  charge: 'charges',
  court_costs: 'charges',
  insurance_payment: 'insurance',
  contractual_adjustment: 'adjustments',
  charity_adjustment: 'adjustments',
  administrative_adjustment: 'adjustments',
  bad_debt_writeoff: 'adjustments',
  ...(Object.fromEntries(PATIENT_MONEY_TYPES.map((t) => [t, 'patient'])) as Record<
    (typeof PATIENT_MONEY_TYPES)[number],
    'patient'
  >),
};

export interface SnapshotRequest {
  statementDate: string;
  numberInCycle: number;
  kind: 'regular' | 'final_notice';
  lastStatementDate: string | null;
  /**
   * The last ledger entry the guarantor's last statement covered (with its date): what is itemised
   * now is every entry it did not cover, so an entry posted on that statement's date after it was
   * drawn, or back-dated before it, is on this one. Null for statements recorded before marks were
   * kept: entries dated after the last statement, as before.
   */
  lastLedgerMark?: number | null;
  policy: StatementPolicy;
  officeHours?: string;
  /** The accounts to show, each with its step in its own cycle (the run's choice); all open accounts when absent. */
  accounts?: AccountStep[];
  /** The hospital as printed (a run reads it once); from settings when absent. */
  hospital?: Hospital;
}

/** An account the statement shows, with its step: what the run records against the account. */
export interface ShownAccount {
  accountId: number;
  step: AccountStep['step'];
  number: number | null;
  balanceCents: number;
}

/** What a reversal reverses, as the statement names it: "an insurance payment", "a charge". */
function reversed(what: string, lang: 'en' | 'es'): string {
  if (lang !== 'en') return what;
  return `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`;
}

export function buildSnapshot(db: Db, guarantorId: number, s: SnapshotRequest): StatementSnapshot {
  return buildStatement(db, guarantorId, s).snapshot;
}

export function buildStatement(
  db: Db,
  guarantorId: number,
  s: SnapshotRequest,
): { snapshot: StatementSnapshot; shown: ShownAccount[] } {
  const steps = s.accounts ? new Map(s.accounts.map((a) => [a.accountId, a])) : null;
  const g = guarantorRow(db, guarantorId);
  // LANG-01: the statement prints in the guarantor's language; what it records is in that language too.
  const lang = documentLanguage(g.language);
  const activityWords = wordingFor(lang, ACTIVITY_TEXTS);
  // Every account with a balance, credits included (issue 11), and any paid off since the last
  // statement covered it: its activity is itemised too, so the statement has no gaps.
  const mark = s.lastLedgerMark ?? null;
  const openAccounts = prepared(
    db,
    `SELECT id, account_number, patient_name, service_from, service_to, service_type, balance_cents, first_statement_date FROM accounts a
      WHERE guarantor_id = @g AND (balance_cents <> 0 OR (@last IS NOT NULL AND EXISTS (
        SELECT 1 FROM ledger_entries e WHERE e.account_id = a.id
           AND (CASE WHEN @mark IS NULL THEN e.effective_date > @last ELSE (e.id > @mark OR e.effective_date > @last) END))))
      ORDER BY service_from, id`,
  ).all({ g: guarantorId, last: s.lastStatementDate, mark }) as {
    id: number;
    account_number: string;
    patient_name: string;
    service_from: string;
    service_to: string;
    service_type: keyof typeof SERVICE_TEXTS;
    balance_cents: number;
    first_statement_date: string | null;
  }[];
  // The run's choice, and any account paid off since (no step: it owes nothing, only its activity shows).
  const accounts = steps ? openAccounts.filter((a) => steps.has(a.id) || a.balance_cents === 0) : openAccounts;
  // Accounts on an active plan: what the plan asks for is due, not their balance (PP-02). A run
  // marks them (step 'plan'): a statement of the run with none has no plan to ask about.
  const noPlanShown = s.accounts !== undefined && !s.accounts.some((a) => a.step === 'plan');
  const plans = noPlanShown
    ? []
    : plansAskingOf(db, guarantorId, s.statementDate).filter((p) =>
        p.accountIds.some((id) => accounts.some((a) => a.id === id && a.balance_cents > 0)),
      );
  const onPlan = new Set(plans.flatMap((p) => p.accountIds));
  const covered = (e: { id: number; effective_date: string }) =>
    s.lastStatementDate !== null &&
    (mark === null ? e.effective_date <= s.lastStatementDate : e.id <= mark && e.effective_date <= s.lastStatementDate);
  // Each entry with the type it counts as: a reversal counts with the entry it reverses, and a
  // reversal of a reversal with the original.
  const aging = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number>;
  const activity: StatementSnapshot['activity'] = [];
  const allLines = accounts.map((a) => {
    const totals: Record<Category, number> = { charges: 0, insurance: 0, adjustments: 0, patient: 0 };
    for (const e of entriesAsCounted(db, a.id, s.statementDate)) {
      const category = e.counts_as === 'reversal' ? 'adjustments' : CATEGORY[e.counts_as];
      totals[category] += e.amount_cents;
      if (s.lastStatementDate !== null && !covered(e)) {
        const what =
          e.type === 'reversal'
            ? activityWords.say('reversalOf', { what: reversed(ACTIVITY_TEXTS[e.counts_as][lang].toLowerCase(), lang) })
            : ACTIVITY_TEXTS[e.type][lang];
        activity.push({
          date: e.effective_date,
          accountNumber: a.account_number,
          // A financial-assistance adjustment is Recoup's own posting: its memo is a note for staff
          // ("Approved in part (ECA-05)", in English); the patient reads the kind in their language.
          description:
            e.memo && e.type !== 'charity_adjustment' ? activityWords.say('withMemo', { what, memo: e.memo }) : what,
          amountCents: e.amount_cents,
        });
      }
    }
    const balance = totals.charges + totals.insurance + totals.adjustments + totals.patient;
    // The aging is of what is owed; a credit is shown on its own line, with its refund.
    if (balance > 0) aging[agingBucket(a.service_to, s.statementDate)] += balance;
    const step = steps?.get(a.id);
    const planStep = onPlan.has(a.id) && balance > 0;
    return {
      accountId: a.id,
      ...(step
        ? { step: step.step, number: step.number }
        : planStep
          ? { step: 'plan' as const, number: null }
          : balance < 0
            ? { step: 'credit' as const, number: null }
            : {}),
      accountNumber: a.account_number,
      patientName: a.patient_name || guarantorName(g),
      serviceFrom: a.service_from,
      serviceTo: a.service_to,
      service: SERVICE_TEXTS[a.service_type][lang],
      chargesCents: totals.charges,
      insuranceCents: totals.insurance,
      adjustmentsCents: totals.adjustments,
      patientPaidCents: totals.patient,
      balanceCents: balance,
    };
  });
  // As of the statement date: an account whose entries are all later (or that owes nothing) is not
  // listed; an account paid off since the last statement is in the activity only.
  const shownLines = allLines.filter(
    (l) => l.balanceCents !== 0 && (!steps || steps.has(l.accountId) || l.balanceCents < 0),
  );
  const lines = shownLines.map(({ accountId: _id, ...line }) => line);
  const balanceCents = lines.reduce((t, l) => t + l.balanceCents, 0);
  const creditCents = lines.filter((l) => l.balanceCents < 0).reduce((t, l) => t + l.balanceCents, 0);
  // What is due: each plan's payment instead of its accounts' balances, and what the other accounts
  // owe. A credit is not subtracted: it is the patient's money, refunded by the date the refunds
  // worklist gives (ECA-05), and the statement says so (issue 11).
  const planLines = shownLines.filter((l) => l.step === 'plan');
  const asked = plans.flatMap((p) => (p.asked ? [{ planId: p.planId, ...p.asked }] : []));
  const others = shownLines
    .filter((l) => l.step !== 'plan' && l.balanceCents > 0)
    .reduce((t, l) => t + l.balanceCents, 0);
  const amountDue = (planLines.length > 0 ? asked.reduce((t, p) => t + p.amountCents, 0) : 0) + others;
  const creditLines = shownLines.filter((l) => l.balanceCents < 0);
  const creditOf =
    creditLines.length > 0
      ? new Map(credits(db, s.statementDate, guarantorId).map((c) => [c.accountId, c]))
      : new Map<number, ReturnType<typeof credits>[number]>();
  // The patient's part of each credit is theirs, refunded by its date; what an insurer overpaid goes
  // back to the insurer (the statement says so, and it is neither owed nor refunded to the patient).
  const patientPart = (l: (typeof creditLines)[number]) => creditOf.get(l.accountId)?.patientCents ?? -l.balanceCents;
  const payerCredits = creditLines
    .filter((l) => -l.balanceCents > patientPart(l))
    .map((l) => ({ accountNumber: l.accountNumber, amountCents: -l.balanceCents - patientPart(l) }));
  const refunds = creditLines
    .filter((l) => patientPart(l) > 0)
    .map((l) => ({
      accountNumber: l.accountNumber,
      amountCents: patientPart(l),
      // An account in credit on the statement's date but no longer today (a statement built for an
      // earlier date): the days to refund from the statement's date.
      dueDate: creditOf.get(l.accountId)?.dueDate ?? addDays(s.statementDate, assistancePolicy(db).refundWithinDays),
    }));
  const activityTotal = activity.reduce((t, x) => t + x.amountCents, 0);
  const finalAccounts = lines.filter((l) => l.step === 'final_notice').map((l) => l.accountNumber);
  // ECA-05: the date the final notice names is the first day collection actions may be taken on
  // the accounts it is the notice for: 30 days after the notice, and never before their D0 + 120
  // (a short cycle can reach its final notice sooner). The patient is told the date the gate uses.
  const noticed = shownLines.filter((l) => (!steps ? l.balanceCents > 0 : l.step === 'final_notice'));
  const deadline = noticed.reduce(
    (latest, l) => {
      const d0 = accounts.find((a) => a.id === l.accountId)?.first_statement_date ?? s.statementDate;
      const clockDate = addDays(d0, DEFAULT_ECA_POLICY.notificationDays);
      return clockDate > latest ? clockDate : latest;
    },
    addDays(s.statementDate, DEFAULT_ECA_POLICY.noticeDays),
  );
  const regularDue = addDays(s.statementDate, s.policy.dueInDays);
  // With a plan: its payment's date (the earlier, when other balances are due too).
  const planDue = planLines.length > 0 ? asked.map((p) => p.dueDate).sort()[0] : undefined;
  const dueDate =
    s.kind === 'final_notice'
      ? deadline
      : planDue !== undefined && (others <= 0 || planDue < regularDue)
        ? planDue
        : regularDue;
  const whole = plans.length > 0 || creditCents < 0;
  const snapshot: StatementSnapshot = {
    layout: LAYOUT_VERSION,
    ...(lang === 'es' ? { language: lang } : {}),
    hospital: s.hospital ?? hospitalIdentity(db),
    officeHours: s.officeHours ?? (lang === 'es' ? s.policy.officeHoursEs : s.policy.officeHours),
    statementDate: s.statementDate,
    numberInCycle: s.numberInCycle,
    regularStatements: s.policy.regularStatements,
    kind: s.kind,
    dueDate,
    guarantor: {
      name: guarantorName(g),
      address: mailingAddress(g),
      externalId: g.external_id,
    },
    accounts: lines,
    activity,
    previousBalanceCents: balanceCents - activityTotal,
    amountDueCents: amountDue,
    ...(whole
      ? {
          balanceCents,
          creditCents,
          ...(refunds.length > 0 ? { refunds } : {}),
          ...(payerCredits.length > 0 ? { payerCredits } : {}),
          ...(planLines.length > 0 ? { plans: asked } : {}),
        }
      : {}),
    aging,
    finalNotice:
      s.kind === 'final_notice'
        ? {
            deadline,
            intendedActions: s.policy.intendedActions.map((k) => ECA_ACTION_TEXTS[k][lang]),
            plainLanguageSummary: lang === 'es' ? s.policy.plainLanguageSummaryEs : s.policy.plainLanguageSummary,
            ...(steps ? { accountNumbers: finalAccounts } : {}),
          }
        : null,
  };
  return {
    snapshot,
    shown: shownLines.map((l) => ({
      accountId: l.accountId,
      step: l.step ?? (s.kind === 'final_notice' ? 'final_notice' : 'regular'),
      number: l.step ? (l.number ?? null) : s.numberInCycle,
      balanceCents: l.balanceCents,
    })),
  };
}
