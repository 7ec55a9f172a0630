// What obstetric prepayment puts in the work queue (kind 'obstetrics', issue 17): an agreement still
// unsigned a week after the interview; a payment 5+ days late (a call about the payment); an
// expected delivery date a week gone with no delivery recorded; a delivery account waiting to be
// linked; a linked case ready for its true-up; a cancelled case with deposits still held (a refund).
// Every summary is a request about money: EMTALA (PP-04 note) — no item ever speaks of the
// patient's care, and none is a reason for anything about it (ECA-02).
import { addDays, compareDates, daysBetween, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { queueScore } from '../../../shared/rules/workQueue';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import { obstetricsPolicy } from '../../platform/settings';
import type { Db } from '../../store/database';
import type { ObCasesRow } from '../../store/schema';
import { guarantorName } from '../accounts';
import { deliveryCandidates, linkedAccounts } from './delivery';
import { caseProgress, caseReference, currentVersion, depositTotals } from './reads';
import { deliveryRemittance } from './trueUp';
import { caseCreatedOn } from './views';

/** Days after the interview an unsigned agreement comes into the queue. */
export const SIGNATURE_WAIT_DAYS = 7;
/** Days after its due date a payment not received comes into the queue. */
export const LATE_DAYS = 5;
/** Days after the expected delivery date a case with no delivery recorded comes into the queue. */
export const DELIVERY_WAIT_DAYS = 7;
/** Days after a delivery recorded with no delivery account offered that the case comes into the queue. */
export const NO_ACCOUNT_DAYS = 30;

type Row = ObCasesRow & { first_name: string; middle_name: string; last_name: string };

function item(
  c: Row,
  i: { key: string; summary: string; amountCents: number; date: string; urgency: number },
): QueueCandidate {
  return {
    key: `obstetrics:${i.key}:${c.id}`,
    kind: 'obstetrics',
    guarantorId: c.guarantor_id,
    guarantorName: guarantorName(c),
    summary: i.summary,
    amountCents: i.amountCents,
    date: i.date,
    score: queueScore(Math.max(i.amountCents, 100), i.urgency),
    assignee: null,
    ownerId: null,
  };
}

function itemsOf(db: Db, c: Row, today: string, trueUpAfterDays: number): QueueCandidate[] {
  const ref = caseReference(c.id);
  const out: QueueCandidate[] = [];
  const live = c.status === 'awaiting_signature' || c.status === 'active';
  if (c.status === 'cancelled') {
    const held = depositTotals(db, c.id).heldCents;
    if (held > 0)
      out.push(
        item(c, {
          key: 'refund',
          summary: `${ref} is cancelled with ${formatCents(held)} of deposits still held: refund ${formatCents(held)} to her and record it on the Obstetrics page.`,
          amountCents: held,
          date: c.cancelled_on ?? today,
          urgency: 2.5,
        }),
      );
    return out;
  }
  if (c.status === 'closed') return out;
  const version = currentVersion(db, c.id);
  if (c.status === 'awaiting_signature') {
    const since = caseCreatedOn(db, c.id);
    if (daysBetween(since, today) >= SIGNATURE_WAIT_DAYS)
      out.push(
        item(c, {
          key: 'signature',
          summary: `${ref} has waited ${daysBetween(since, today)} days for her signed agreement (interview ${formatShortDate(since)}): give her the printed agreement to sign and record it.`,
          amountCents: version.estimate_cents,
          date: since,
          urgency: 1.25,
        }),
      );
  }
  // A revised schedule not yet signed (PP-02: it protects her only in writing).
  if (
    c.status === 'active' &&
    c.signed_version_id !== version.id &&
    daysBetween(version.made_on, today) >= SIGNATURE_WAIT_DAYS
  )
    out.push(
      item(c, {
        key: `revised:${version.version}`,
        summary: `${ref}'s revised schedule (version ${version.version}, ${formatShortDate(version.made_on)}) is not signed yet: print its agreement for her to sign and record it.`,
        amountCents: version.estimate_cents,
        date: version.made_on,
        urgency: 1.25,
      }),
    );
  // A payment is late only under a schedule she signed, and only while the delivery is still to come
  // (after the expected date the "record the delivery" item speaks; the rest is for the true-up).
  if (c.status === 'active' && compareDates(today, version.expected_delivery) < 0) {
    const { progress } = caseProgress(db, c.id, today);
    const lateItems = progress.items.filter((i) => i.state === 'past_due');
    const late = lateItems[0];
    if (late && daysBetween(late.dueDate, today) >= LATE_DAYS)
      out.push(
        item(c, {
          key: `late:${late.dueDate}`,
          summary:
            lateItems.length === 1
              ? `${ref}: ${formatCents(progress.pastDueCents)} due ${formatShortDate(late.dueDate)} not received — call her about the OB payment.`
              : `${ref}: ${lateItems.length} payments, ${formatCents(progress.pastDueCents)} past due (the first due ${formatShortDate(late.dueDate)}) — call her about the OB payments.`,
          amountCents: progress.pastDueCents,
          date: late.dueDate,
          urgency: 2,
        }),
      );
  }
  if (live) {
    if (daysBetween(version.expected_delivery, today) >= DELIVERY_WAIT_DAYS)
      out.push(
        item(c, {
          key: 'delivery',
          summary: `${ref}: the expected delivery date ${formatShortDate(version.expected_delivery)} passed ${daysBetween(version.expected_delivery, today)} days ago and no delivery is recorded: record it (or the new expected date) on the Obstetrics page.`,
          amountCents: depositTotals(db, c.id).heldCents,
          date: version.expected_delivery,
          urgency: 1.5,
        }),
      );
  }
  const linked = linkedAccounts(db, c.id);
  if (linked.length === 0 && (c.status === 'delivered' || version.expected_delivery < today)) {
    const waiting = deliveryCandidates(db, c.id).filter((k) => k.takenByCase === null);
    if (waiting.length > 0) {
      const first = waiting[0]!;
      const held = depositTotals(db, c.id).heldCents;
      out.push(
        item(c, {
          key: 'link',
          summary: `${ref}: account ${first.accountNumber} (service from ${formatShortDate(first.serviceFrom)})${waiting.length > 1 ? ` and ${waiting.length - 1} more` : ''} may be the delivery account: confirm it on the Obstetrics page${held > 0 ? ` so the ${formatCents(held)} of deposits held are applied` : ''}.`,
          amountCents: Math.max(held, first.balanceCents),
          date: first.serviceFrom,
          urgency: 2,
        }),
      );
    } else if (c.status === 'delivered' && c.delivered_on && daysBetween(c.delivered_on, today) >= NO_ACCOUNT_DAYS) {
      // Delivered elsewhere, or billed as another kind of stay: never left holding her money.
      const held = depositTotals(db, c.id).heldCents;
      out.push(
        item(c, {
          key: 'noAccount',
          summary: `${ref}: delivered ${formatShortDate(c.delivered_on)} and no delivery account has come in ${daysBetween(c.delivered_on, today)} days later: check with registration; if she delivered elsewhere, cancel it${held > 0 ? ` and refund the ${formatCents(held)} of deposits held` : ''}.`,
          amountCents: held,
          date: c.delivered_on,
          urgency: 1.5,
        }),
      );
    }
  }
  if (c.status === 'delivered' && linked.length > 0 && c.delivered_on) {
    const remittance = deliveryRemittance(
      db,
      linked.map((a) => a.account_id),
    );
    const due = addDays(c.delivered_on, trueUpAfterDays);
    if (remittance !== null || due <= today)
      out.push(
        item(c, {
          key: 'trueUp',
          summary: `${ref} is ready for the true-up (delivered ${formatShortDate(c.delivered_on)}${remittance ? `; ${remittance.payer}'s remittance is on file, her share ${formatCents(remittance.patientRespCents)}` : `, ${trueUpAfterDays} days ago or more`}): enter her real share on the Obstetrics page.`,
          amountCents: linked.reduce((s, a) => s + Math.abs(a.balance_cents), 0),
          date: remittance?.paidOn ?? due,
          urgency: 1.5,
        }),
      );
  }
  return out;
}

export const obstetricsQueueSource: QueueSource = {
  kinds: ['obstetrics'],
  items(db, today, want) {
    if (!want('obstetrics')) return [];
    const trueUpAfterDays = obstetricsPolicy(db).trueUpAfterDays;
    const rows = db
      .prepare(
        `SELECT c.*, g.first_name, g.middle_name, g.last_name
           FROM ob_cases c JOIN guarantors g ON g.id = c.guarantor_id
          WHERE c.status IN ('awaiting_signature','active','delivered')
             OR (c.status = 'cancelled' AND EXISTS (SELECT 1 FROM ob_deposits d WHERE d.case_id = c.id AND d.status = 'held'))
          ORDER BY c.id`,
      )
      .all() as Row[];
    return rows.flatMap((c) => itemsOf(db, c, today, trueUpAfterDays));
  },
};
