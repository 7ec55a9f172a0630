// The account's next collection step, in a sentence for the account screen: what protects it
// now (a current plan, a pending application), or where it stands in the collection cycle and
// the 501(r) clock (ST-03, ECA-05).
import { formatLongDate } from '../dates';
import { ecaClock } from './ecaClock';
import type { FapStatus } from '../schemas/accounts';
import { HOLD_REASON_LABELS, type HoldReason } from './statementCycle';

export interface NextStepInput {
  balanceCents: number;
  /** The plan the account is on, if any, and its status. */
  plan: { id: number; status: 'current' | 'lapsed' | 'defaulted'; since: string; cureDeadline: string | null } | null;
  firstStatementDate: string | null;
  finalNoticeDate: string | null;
  fapStatus: FapStatus;
  /** Holds in force on the account (its own and the guarantor's), but not those Recoup keeps for its plan or a pending application. */
  holds?: HoldReason[];
  /** The matters holding it by their own holds, named ("PD-3 payroll deduction"): said instead of their reason. */
  heldBy?: string[];
  today: string;
}

export function nextCollectionStep(a: NextStepInput): string {
  if (a.balanceCents <= 0) return a.balanceCents < 0 ? 'Credit balance: refund or apply it.' : 'Nothing owed.';
  if (a.fapStatus === 'pending')
    return 'Financial-assistance application pending: collection actions wait for the decision (ECA-05).';
  const holds = [...new Set(a.holds ?? [])];
  const heldBy = [...new Set(a.heldBy ?? [])];
  if (holds.length > 0 || heldBy.length > 0) {
    const why = [...holds.map((h) => HOLD_REASON_LABELS[h].toLowerCase()), ...heldBy].join('; ');
    return holds.includes('deceased') || holds.includes('estate_claim')
      ? `On hold (${why}): no statements; only a claim against the estate may follow, through the 501(r) gate (a supervisor releases it where the probate deadline comes first, ECA-04).`
      : `On hold (${why}): no statements and no collection actions while it stands.`;
  }
  if (a.plan?.status === 'current')
    return `On payment plan #${a.plan.id}, current: no collection step while it is kept.`;
  if (a.plan?.status === 'lapsed') {
    return `Payment plan #${a.plan.id} lapsed on ${formatLongDate(a.plan.since)}: call the guarantor; it defaults if not brought current by ${a.plan.cureDeadline ? formatLongDate(a.plan.cureDeadline) : 'the cure deadline'}.`;
  }
  const prefix =
    a.plan?.status === 'defaulted'
      ? `Payment plan #${a.plan.id} defaulted on ${formatLongDate(a.plan.since)}; the account is back in the collection cycle. `
      : '';
  const clock = ecaClock({ d0: a.firstStatementDate, finalNoticeDate: a.finalNoticeDate, fapStatus: a.fapStatus });
  if (!a.firstStatementDate)
    return `${prefix}Next: the first statement, which starts the 120-day notification period (ECA-05).`;
  if (!a.finalNoticeDate) {
    return `${prefix}Next: statements continue, then the 30-day final notice; no collection action before ${formatLongDate(clock.notificationEnds!)} and 30 days after that notice (ECA-05).`;
  }
  if (clock.earliestEcaDate && a.today < clock.earliestEcaDate) {
    return `${prefix}Final notice sent ${formatLongDate(a.finalNoticeDate)}: collection actions (agency placement aside) are allowed from ${formatLongDate(clock.earliestEcaDate)} (ECA-05).`;
  }
  return `${prefix}The 501(r) notices are complete: the account may go to an agency or another collection action.`;
}
