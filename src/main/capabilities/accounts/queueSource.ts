// What accounts put in the work queue: follow-ups due today or overdue, for the clerk assigned.
// Marking one done in the queue closes the follow-up (followUpId).
import { daysBetween } from '../../../shared/dates';
import { queueScore, URGENCY } from '../../../shared/rules/workQueue';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import { guarantorName } from './rows';

export const followUpQueueSource: QueueSource = {
  kinds: ['follow_up'],
  items(db, today, want) {
    if (!want('follow_up')) return [];
    const rows = db
      .prepare(
        `SELECT t.id, t.title, t.due_date, t.assignee_id, t.guarantor_id, g.first_name, g.middle_name, g.last_name,
                g.balance_cents, u.full_name AS owner
           FROM follow_ups t JOIN guarantors g ON g.id = t.guarantor_id LEFT JOIN users u ON u.id = t.assignee_id
          WHERE t.status = 'open' AND t.due_date <= ?`,
      )
      .all(today) as {
      id: number;
      title: string;
      due_date: string;
      assignee_id: number | null;
      guarantor_id: number;
      first_name: string;
      middle_name: string;
      last_name: string;
      balance_cents: number;
      owner: string | null;
    }[];
    return rows.map((r): QueueCandidate => {
      const overdue = daysBetween(r.due_date, today);
      return {
        key: `followUp:${r.id}`,
        kind: 'follow_up',
        guarantorId: r.guarantor_id,
        guarantorName: guarantorName(r),
        summary: `${r.title}${overdue > 0 ? ` (${overdue} day${overdue === 1 ? '' : 's'} overdue)` : ''}`,
        amountCents: r.balance_cents,
        date: r.due_date,
        score: queueScore(r.balance_cents, URGENCY.followUp(overdue)),
        assignee: r.owner,
        ownerId: r.assignee_id,
        followUpId: r.id,
      };
    });
  },
};
