// The referral to the hospital's legal department (issue 14, item 3; semantics 5): the memo with
// the facts, the deadline and how it was reached, each account's balance and class, the total and
// the 501(r) state, with the clerk's note. The memo is recorded with what it said (documents.ts) and
// kept among the guarantor's documents; the estate becomes "referred" (the first referral's date is
// kept); the estate's history and the guarantor's activity log say so. A second referral (new facts)
// sends a new memo and keeps the first.
import { formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { DEATH_SOURCE_LABELS, ESTATE_STATUS_LABELS } from '../../../shared/rules/estates';
import type { EstateDetail } from '../../../shared/schemas/estates';
import type { RecoupApp } from '../../app';
import { LAYOUT_VERSION } from '../../pdf/layout';
import { hospitalIdentity } from '../../platform/settings';
import type { Db } from '../../store/database';
import { recordEstateDocument } from './documents';
import { logEstateActivity, needStatus, type When } from './estates';
import type { MemoSnapshot } from './memoPdf';
import { captionOf, patientNameOf } from './paper';
import { changeEstate, insertEstateEvent } from './rows';
import { estateDetail, estateRow } from './views';

/** A note's clauses, split at '.' or ';' outside parentheses. */
function clausesOf(note: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < note.length; i++) {
    const c = note[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === '.' || c === ';') && depth === 0 && (i + 1 === note.length || /\s/.test(note[i + 1]!))) {
      out.push(note.slice(start, i));
      start = i + 1;
    }
  }
  out.push(note.slice(start));
  return out.map((c) => c.trim()).filter((c) => c !== '');
}

/**
 * What the memo says of the probate table's note: only what it marks unconfirmed, as "Unconfirmed:
 * the 9-month outer limit. Check the state’s statute." ('' when it marks nothing). The note is the
 * table's own working text; legal reads the source and what to check, never how the table was made.
 */
export function unconfirmedNote(note: string): string {
  if (!/unconfirmed/i.test(note)) return '';
  const what = clausesOf(note)
    .filter((c) => /unconfirmed/i.test(c))
    .map((c) =>
      c
        .replace(/\s*\([^()]*unconfirmed[^()]*\)/gi, '')
        .replace(/\s*(is\s+)?not\s+in\s+the\s+brief,?/gi, '')
        .replace(/[,:]?\s*\bunconfirmed\b[,:]?/gi, '')
        .trim()
        .replace(/[\s,:;.]+$/, ''),
    )
    .filter((c) => c !== '' && !/brief/i.test(c))
    .map((c) => (/^\p{Lu}\p{Ll}/u.test(c) ? c.charAt(0).toLowerCase() + c.slice(1) : c));
  return what.length === 0
    ? 'Unconfirmed: check the state’s statute.'
    : `Unconfirmed: ${what.join('; ')}. Check the state’s statute.`;
}

/** What the memo says, from the estate as its page shows it today (the same figures). */
export function memoSnapshot(db: Db, d: EstateDetail, note: string, date: string, preparedBy: string): MemoSnapshot {
  // The claim is for what is owed: an account with nothing owed is not in it.
  const owing = d.accounts.filter((a) => a.balanceCents > 0);
  return {
    kind: 'referral_memo',
    version: 1,
    layout: LAYOUT_VERSION,
    language: 'en',
    estateId: d.id,
    date,
    hospital: hospitalIdentity(db),
    preparedBy,
    caption: captionOf(d),
    death: { source: DEATH_SOURCE_LABELS[d.death.source], note: d.death.note, recordedOn: d.death.recordedOn },
    status: ESTATE_STATUS_LABELS[d.status],
    estate: {
      prName: d.prName,
      prAddress: d.prAddress,
      attorneyName: d.attorneyName,
      attorneyAddress: d.attorneyAddress,
      firstPublishedOn: d.firstPublishedOn,
      mailedNoticeOn: d.mailedNoticeOn,
    },
    deadline: {
      date: d.deadline,
      explanation: d.deadlineInfo.explanation,
      lines: d.deadlineInfo.lines,
      source: d.deadlineInfo.rule.source,
      note: unconfirmedNote(d.deadlineInfo.rule.note),
    },
    accounts: owing.map((a) => ({
      accountNumber: a.accountNumber,
      patientName: patientNameOf(a, d),
      serviceFrom: a.serviceFrom,
      serviceTo: a.serviceTo,
      payerClass: a.payerClass,
      balanceCents: a.balanceCents,
      lastIllness: a.lastIllness,
      priority: a.priority,
      eca: a.eca,
    })),
    totalCents: d.owedCents,
    eca: { allowedFrom: d.ecaAllowedFrom, releaseNeeded: d.releaseNeeded, released: d.released },
    note,
  };
}

export async function referToLegal(
  app: RecoupApp,
  input: { estateId: number; note: string },
  w: When & { preparedBy: string },
): Promise<{ documentId: number; estateDocumentId: number }> {
  const db = app.store.db;
  const e = estateRow(db, input.estateId);
  needStatus(e, ['watching', 'referred'], 'An estate is referred to legal');
  const detail = estateDetail(db, e.id, w.today);
  const note = input.note.trim();
  const snapshot = memoSnapshot(db, detail, note, w.today, w.preparedBy);
  const memo = await recordEstateDocument(db, e.guarantor_id, snapshot, w.now, w.by);
  changeEstate(db, e.id, { status: 'referred', referred_on: e.referred_on ?? w.today });
  const what = `Referred to legal: ${formatCents(snapshot.totalCents)} owed, the claim due by ${formatLongDate(detail.deadline)}${
    detail.releaseNeeded ? '; the deadline comes before the 501(r) clock allows the claim (a release is needed)' : ''
  }.`;
  insertEstateEvent(
    db,
    e.id,
    'referred',
    w.today,
    {
      text: what,
      owedCents: snapshot.totalCents,
      deadline: detail.deadline,
      releaseNeeded: detail.releaseNeeded,
      note,
      documentId: memo.documentId,
      estateDocumentId: memo.estateDocumentId,
    },
    w.now,
    w.by,
  );
  logEstateActivity(db, e, `${what}${note ? ` Note: ${note}` : ''}`, w.today, w);
  return { documentId: memo.documentId, estateDocumentId: memo.estateDocumentId };
}
