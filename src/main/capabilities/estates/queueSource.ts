// What estates put in the work queue (issue 14): one item per estate still being worked that has a
// reminder today (estateReminder: find the estate, the claim deadline at 30, 14 and 7 days and
// passed, a follow-up with the clerk of court after filing, the suit deadline after a
// disallowance), for an estate whose accounts owe something. Nobody's own (a death can come from the extract): everyone's. Scored with the
// queue's one formula on what the estate's accounts owe, the reminder's urgency (1 most urgent)
// weighing it.
import { queueScore } from '../../../shared/rules/workQueue';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import { estatesPolicy } from '../../platform/settings';
import { guarantorName } from '../accounts';
import { OPEN_ESTATES_SQL } from './rows';
import { estateAccounts, estateLabel, owedOf, reminderOf, type EstateRow } from './views';

/** The reminder's urgency (1 most urgent .. 4) as the queue's weight. */
const WEIGHT: Record<1 | 2 | 3 | 4, number> = { 1: 4, 2: 3, 3: 2.5, 4: 1.5 };

export const estatesQueueSource: QueueSource = {
  kinds: ['estate'],
  items(db, today, want) {
    if (!want('estate')) return [];
    const policy = estatesPolicy(db);
    const rows = db
      .prepare(
        `SELECT e.*, d.date_of_death, g.first_name, g.middle_name, g.last_name,
                (SELECT max(on_date) FROM estate_events ev WHERE ev.estate_id = e.id AND ev.kind = 'follow_up') AS last_follow_up
           FROM estates e JOIN deaths d ON d.id = e.death_id JOIN guarantors g ON g.id = e.guarantor_id
          WHERE e.status IN (${OPEN_ESTATES_SQL}) ORDER BY e.id`,
      )
      .all() as (EstateRow & { last_follow_up: string | null })[];
    const items: QueueCandidate[] = [];
    for (const e of rows) {
      // An estate with nothing owed has nothing to claim: no reminder (a death the extract brings
      // for a guarantor who owes nothing fills no one's queue).
      const owed = owedOf(estateAccounts(db, e.id));
      if (owed === 0) continue;
      const r = reminderOf(db, e, today, policy, e.last_follow_up);
      if (!r) continue;
      items.push({
        key: `estate:${e.id}:${r.kind}:${r.due}`,
        kind: 'estate',
        guarantorId: e.guarantor_id,
        guarantorName: guarantorName(e),
        summary: `${estateLabel(e)}: ${r.text}`,
        amountCents: owed,
        date: r.due,
        // A deadline counts even when little is owed: at least a dollar's weight.
        score: queueScore(Math.max(owed, 100), WEIGHT[r.urgency]),
        assignee: null,
        ownerId: null,
      });
    }
    return items;
  },
};
