// What statements put in the work queue (issue 11): a guarantor whose mail came back needs a new
// address. Their statements and letters are held (compliance/holds.ts, returned_mail) until a clerk
// enters the corrected address or the billing system's extract brings a different one.
import { daysBetween, formatShortDate } from '../../../shared/dates';
import { queueScore, URGENCY } from '../../../shared/rules/workQueue';
import type { QueueSource } from '../../platform/capability';
import { guarantorName } from '../accounts';

export const returnedMailQueueSource: QueueSource = {
  kinds: ['new_address'],
  items(db, today, want) {
    if (!want('new_address')) return [];
    const rows = db
      .prepare(
        // Whoever logged the returned mail is the one to find the new address.
        `SELECT g.id, g.first_name, g.middle_name, g.last_name, g.balance_cents, g.mail_returned_on, u.id AS owner_id, u.full_name AS owner
           FROM guarantors g
           LEFT JOIN users u ON u.id = (SELECT a.created_by FROM activities a WHERE a.guarantor_id = g.id AND a.outcome = 'returned_mail' ORDER BY a.id DESC LIMIT 1)
          WHERE g.mail_returned_on IS NOT NULL AND g.mail_returned_on <= ?`,
      )
      .all(today) as {
      id: number;
      first_name: string;
      middle_name: string;
      last_name: string;
      balance_cents: number;
      mail_returned_on: string;
      owner_id: number | null;
      owner: string | null;
    }[];
    return rows.map((r) => {
      const days = daysBetween(r.mail_returned_on, today);
      return {
        key: `newAddress:${r.id}`,
        kind: 'new_address',
        guarantorId: r.id,
        guarantorName: guarantorName(r),
        summary: `Mail came back on ${formatShortDate(r.mail_returned_on)}${days > 0 ? ` (${days} day${days === 1 ? '' : 's'} ago)` : ''}: statements and letters are held until the address is corrected.`,
        amountCents: r.balance_cents,
        date: r.mail_returned_on,
        score: queueScore(Math.max(0, r.balance_cents), URGENCY.newAddress),
        assignee: r.owner,
        ownerId: r.owner_id,
      };
    });
  },
};
