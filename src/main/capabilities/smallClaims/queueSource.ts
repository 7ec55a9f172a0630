// What small-claims cases put in the work queue: one item per open case that has a reminder today
// (caseReminder: ready to file, serve by, hearing within a week, hearing today or tomorrow, judgment
// unpaid), belonging to the clerk who opened the case. Scored with the queue's one formula on what
// the case's accounts owe.
import { daysBetween } from '../../../shared/dates';
import { caseReminder } from '../../../shared/rules/smallClaims';
import { queueScore, URGENCY } from '../../../shared/rules/workQueue';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import { smallClaimsPolicy } from '../../platform/settings';
import { guarantorName } from '../accounts';
import { OPEN_STATUSES_SQL } from './rows';
import { caseLabel, judgmentOwed, OWED_SQL, type CaseRow } from './views';

export const smallClaimsQueueSource: QueueSource = {
  kinds: ['court_case'],
  items(db, today, want) {
    if (!want('court_case')) return [];
    const policy = smallClaimsPolicy(db);
    const rows = db
      .prepare(
        `SELECT c.*, g.first_name, g.middle_name, g.last_name, g.state, u.full_name AS owner,
                ${OWED_SQL} AS owed
           FROM court_cases c JOIN guarantors g ON g.id = c.guarantor_id LEFT JOIN users u ON u.id = c.opened_by
          WHERE c.status IN (${OPEN_STATUSES_SQL}) ORDER BY c.id`,
      )
      .all() as (CaseRow & { owner: string | null; owed: number })[];
    const items: QueueCandidate[] = [];
    for (const c of rows) {
      const r = caseReminder(
        {
          status: c.status,
          fileAfter: c.file_after,
          filedOn: c.filed_on,
          servedOn: c.served_on,
          hearingOn: c.hearing_on,
          judgmentOn: c.judgment_on,
          judgmentOwedCents: judgmentOwed(c, c.owed),
        },
        today,
        policy,
      );
      if (!r) continue;
      items.push({
        key: `courtCase:${c.id}:${r.kind}:${r.date}`,
        kind: 'court_case',
        guarantorId: c.guarantor_id,
        guarantorName: guarantorName(c),
        summary: `${caseLabel(c)}: ${r.text}`,
        amountCents: c.owed,
        date: r.date,
        score: queueScore(c.owed, URGENCY.courtCase(r.kind, daysBetween(today, r.date))),
        assignee: c.owner,
        ownerId: c.opened_by,
      });
    }
    return items;
  },
};
