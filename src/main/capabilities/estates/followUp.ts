// The follow-up letter asking the clerk of court for the claim's status (issue 14, items 3 and 4;
// semantics 9): for a claim filed, allowed or paid in part, in English, to the clerk of the probate
// court recorded for the estate. It says what the hospital knows (no word yet, allowed but unpaid,
// or paid in part with what remains, from the ledger) and the earlier letters and calls since
// filing. Not on the day of filing (no answer could have come yet). Recorded with what it said (documents.ts) and kept; the estate's history has a
// 'follow_up' event (the reminder counts the next follow-up from it) and the activity log a letter.
import { formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { EstateDetail } from '../../../shared/schemas/estates';
import type { RecoupApp } from '../../app';
import { LAYOUT_VERSION } from '../../pdf/layout';
import { hospitalIdentity } from '../../platform/settings';
import type { Db } from '../../store/database';
import { recordLetterSent } from '../accounts';
import { recordEstateDocument } from './documents';
import { needStatus, notNow, type When } from './estates';
import { clerkAddressee, type FollowUpSnapshot } from './letterPdf';
import { addressLines, captionOf } from './paper';
import { insertEstateEvent } from './rows';
import { estateDetail, estateRow } from './views';

/** The letters and calls to the clerk of court since the claim was filed, oldest first. */
function contactsSince(db: Db, estateId: number, filedOn: string): FollowUpSnapshot['earlierContacts'] {
  return (
    db
      .prepare(
        `SELECT on_date, detail FROM estate_events WHERE estate_id = ? AND kind = 'follow_up' AND on_date >= ? ORDER BY on_date, id`,
      )
      .all(estateId, filedOn) as { on_date: string; detail: string }[]
  ).map((r) => ({
    on: r.on_date,
    method: (JSON.parse(r.detail) as { method?: string }).method === 'call' ? ('call' as const) : ('letter' as const),
  }));
}

export function followUpSnapshot(db: Db, d: EstateDetail, date: string): FollowUpSnapshot {
  const caption = captionOf(d);
  return {
    kind: 'follow_up_letter',
    version: 1,
    layout: LAYOUT_VERSION,
    language: 'en',
    estateId: d.id,
    date,
    hospital: hospitalIdentity(db),
    caption,
    addressee: clerkAddressee(caption, addressLines(d.courtAddress)),
    filedOn: d.filedOn!,
    filedWith: d.filedWith!,
    prName: d.prName,
    claimCents: d.claimCents!,
    status: d.status as FollowUpSnapshot['status'],
    allowedOn: d.allowedOn,
    allowedCents: d.allowedCents,
    recoveredCents: d.recoveredCents,
    owedCents: d.owedCents,
    earlierContacts: contactsSince(db, d.id, d.filedOn!),
  };
}

export async function sendFollowUp(
  app: RecoupApp,
  estateId: number,
  w: When,
): Promise<{ documentId: number; estateDocumentId: number }> {
  const db = app.store.db;
  const e = estateRow(db, estateId);
  needStatus(e, ['filed', 'allowed', 'paid_part'], 'A follow-up letter is sent');
  const d = estateDetail(db, e.id, w.today);
  // A letter asking after the claim the day it went in would say no answer has come: none could have.
  if (d.filedOn !== null && d.filedOn >= w.today)
    notNow('The claim was filed today: a follow-up letter asks after it from tomorrow.');
  if (d.courtName.trim() === '' || d.courtAddress.trim() === '')
    notNow('Record the probate court and its address in the estate record: the follow-up letter goes to its clerk.');
  const snapshot = followUpSnapshot(db, d, w.today);
  const letter = await recordEstateDocument(db, e.guarantor_id, snapshot, w.now, w.by);
  const what = `Follow-up letter to the clerk of ${d.courtName} asking the status of the claim of ${formatCents(snapshot.claimCents)} filed ${formatLongDate(snapshot.filedOn)}.`;
  insertEstateEvent(
    db,
    e.id,
    'follow_up',
    w.today,
    { method: 'letter', text: what, documentId: letter.documentId, estateDocumentId: letter.estateDocumentId },
    w.now,
    w.by,
  );
  recordLetterSent(db, e.guarantor_id, what, w.today, w.now, w.by);
  return { documentId: letter.documentId, estateDocumentId: letter.estateDocumentId };
}
