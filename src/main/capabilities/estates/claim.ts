// Filing the claim against the estate (issue 14, items 3 and 5; semantics 7). Every check first,
// each refusal naming its field, so a refusal changes nothing: the estate not yet filed; the date
// has happened, is not before the death and not after the claim deadline (PR-02: a claim presented
// later is barred); the claim goes where it can (the court recorded for its clerk; the personal
// representative's name and address for a mailed claim); something is owed. Then the 501(r) gate
// for every claimed account (ECA-04: an estate claim waits for the clock like any ECA, unless a
// supervisor released it; a refusal stays in the ECA register). Then, in the call's transaction:
// each account's claim is its ledger balance, the estate's claim their sum; the estate is filed;
// the statement of claim (PR-03, PR-04, the itemised statement of account from the ledger) and its
// cover letter (to the clerk of court in English, or to the personal representative in the estate's
// letter language) are recorded and kept; the activity log says a letter was sent. The file offered
// is the cover letter followed by the statement of claim.
import { formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { FILED_WITH_LABELS } from '../../../shared/rules/estates';
import type { EstateDetail, fileClaimInput } from '../../../shared/schemas/estates';
import type { z } from 'zod';
import type { RecoupApp } from '../../app';
import { LAYOUT_VERSION } from '../../pdf/layout';
import { hospitalIdentity } from '../../platform/settings';
import type { Db } from '../../store/database';
import { recordLetterSent } from '../accounts';
import { attemptEcaForEvery } from '../compliance';
import { FIGURE_LABELS, itemisedStatement, type ItemisedStatement } from '../smallClaims';
import type { ClaimSnapshot } from './claimPdf';
import { oneFile, recordEstateDocument } from './documents';
import { checkOn, needStatus, refuse, notNow, type When } from './estates';
import { clerkAddressee, type CoverLetterSnapshot } from './letterPdf';
import { addressLines, captionOf, estateTitle, patientNameOf } from './paper';
import { changeEstate, changeEstateAccount, insertEstateEvent } from './rows';
import { estateDetail, estateRow } from './views';

type FileClaim = z.output<typeof fileClaimInput>;
type ClaimedAccount = EstateDetail['accounts'][number];

/** What the statement of claim says: the estate's facts, each account's class and its ledger. */
export function claimSnapshot(
  db: Db,
  d: EstateDetail,
  input: FileClaim,
  itemised: ItemisedStatement<ClaimedAccount>,
  preparedBy: string,
): ClaimSnapshot {
  return {
    kind: 'statement_of_claim',
    version: 1,
    layout: LAYOUT_VERSION,
    language: 'en',
    estateId: d.id,
    date: input.on,
    hospital: hospitalIdentity(db),
    caption: captionOf(d),
    filedWith: input.filedWith,
    prName: d.prName,
    sworn: input.sworn,
    contingency: input.contingency.trim(),
    security: input.security.trim(),
    claimCents: itemised.balanceCents,
    accounts: itemised.accounts.map((a) => ({
      accountNumber: a.account.accountNumber,
      patientName: patientNameOf(a.account, d),
      serviceFrom: a.account.serviceFrom,
      serviceTo: a.account.serviceTo,
      lastIllness: a.account.lastIllness,
      priority: a.account.priority,
      claimCents: a.balanceCents,
      lines: a.lines.map((l) => ({
        date: l.date,
        description: l.description,
        amountCents: l.amountCents,
        balanceCents: l.balanceCents,
      })),
    })),
    summary: itemised.kinds.map((k) => ({ label: FIGURE_LABELS[k], cents: itemised.figures[k] })),
    prioritySource: d.deadlineInfo.rule.source,
    preparedBy,
  };
}

/** The cover letter: to the clerk of court in English, or to the personal representative in the estate's language. */
export function coverLetterSnapshot(
  db: Db,
  d: EstateDetail,
  input: FileClaim,
  claim: ClaimSnapshot,
): CoverLetterSnapshot {
  const caption = captionOf(d);
  const toClerk = input.filedWith === 'clerk';
  return {
    kind: 'cover_letter',
    version: 1,
    layout: LAYOUT_VERSION,
    language: toClerk ? 'en' : d.letterLanguage,
    estateId: d.id,
    date: input.on,
    hospital: hospitalIdentity(db),
    caption,
    to: input.filedWith,
    addressee: toClerk
      ? clerkAddressee(caption, addressLines(d.courtAddress))
      : { name: d.prName, lines: addressLines(d.prAddress) },
    accounts: claim.accounts.map((a) => ({
      accountNumber: a.accountNumber,
      patientName: a.patientName,
      serviceFrom: a.serviceFrom,
      serviceTo: a.serviceTo,
      claimCents: a.claimCents,
    })),
    claimCents: claim.claimCents,
    sworn: input.sworn,
  };
}

/** The checks before the gate: each refusal names its field and changes nothing. */
function checkFiling(d: EstateDetail, input: FileClaim, today: string): ClaimedAccount[] {
  checkOn('on', input.on, today, 'The filing date', { on: d.dateOfDeath, what: 'the death' });
  // PR-02: a claim presented after the deadline is barred.
  if (input.on > d.deadline)
    refuse(
      'on',
      `The last day to present the claim was ${formatLongDate(d.deadline)}: a claim presented after it is barred (PR-02). ${d.deadlineInfo.explanation} Ask legal, or close the estate.`,
    );
  if (input.filedWith === 'clerk' && (d.courtName.trim() === '' || d.courtAddress.trim() === ''))
    refuse(
      'filedWith',
      'Record the probate court and its address in the estate record before filing with the clerk of court.',
    );
  if (input.filedWith === 'personal_representative' && (d.prName.trim() === '' || d.prAddress.trim() === ''))
    refuse(
      'filedWith',
      'Record the personal representative’s name and address in the estate record before mailing the claim.',
    );
  const claimed = d.accounts.filter((a) => a.balanceCents > 0);
  if (claimed.length === 0) notNow('Nothing is owed on the estate’s accounts: there is no claim to file.');
  return claimed;
}

export interface FiledClaim {
  fileName: string;
  /** The cover letter, then the statement of claim: one file. */
  bytes: Buffer;
  claimCents: number;
  documentIds: { statementOfClaim: number; coverLetter: number };
}

export async function fileClaim(
  app: RecoupApp,
  input: FileClaim,
  w: When & { preparedBy: string },
): Promise<FiledClaim> {
  const db = app.store.db;
  const e = estateRow(db, input.estateId);
  needStatus(e, ['watching', 'referred'], 'A claim is filed');
  const d = estateDetail(db, e.id, w.today);
  const claimed = checkFiling(d, input, w.today);
  // ECA-04 / ECA-05: every claimed account through the gate on the filing date; a refusal is
  // recorded in the register and thrown (keepWritten), before anything of the filing is written.
  attemptEcaForEvery(
    db,
    claimed.map((a) => ({ account_id: a.accountId })),
    'estate_claim',
    input.on,
    { now: w.now, by: w.by },
  );
  // The ledger is the record: each account's entries reconcile to its balance, which is its claim.
  const itemised = itemisedStatement(db, claimed);
  const claim = claimSnapshot(db, d, input, itemised, w.preparedBy);
  for (const a of itemised.accounts) changeEstateAccount(db, e.id, a.account.accountId, { claimCents: a.balanceCents });
  changeEstate(db, e.id, {
    status: 'filed',
    filed_on: input.on,
    filed_with: input.filedWith,
    claim_cents: claim.claimCents,
    sworn: input.sworn ? 1 : 0,
    contingency: claim.contingency,
    security: claim.security,
  });
  const cover = coverLetterSnapshot(db, d, input, claim);
  const coverDoc = await recordEstateDocument(db, e.guarantor_id, cover, w.now, w.by);
  const claimDoc = await recordEstateDocument(db, e.guarantor_id, claim, w.now, w.by);
  const where =
    input.filedWith === 'clerk'
      ? `filed with the clerk of ${d.courtName}`
      : `mailed to the personal representative, ${d.prName}${cover.language === 'es' ? ' (cover letter in Spanish)' : ''}`;
  const what = `Claim of ${formatCents(claim.claimCents)} ${where} on ${formatLongDate(input.on)}${input.sworn ? ', sworn' : ''}.`;
  insertEstateEvent(
    db,
    e.id,
    'filed',
    input.on,
    {
      text: what,
      claimCents: claim.claimCents,
      filedWith: input.filedWith,
      sworn: input.sworn,
      contingency: claim.contingency,
      security: claim.security,
      accounts: itemised.accounts.map((a) => ({ accountId: a.account.accountId, claimCents: a.balanceCents })),
      documentIds: [coverDoc.documentId, claimDoc.documentId],
      estateDocumentIds: [coverDoc.estateDocumentId, claimDoc.estateDocumentId],
    },
    w.now,
    w.by,
  );
  recordLetterSent(
    db,
    e.guarantor_id,
    `Statement of claim against the estate (${FILED_WITH_LABELS[input.filedWith].toLowerCase()}), ${formatCents(claim.claimCents)}, with its cover letter`,
    input.on,
    w.now,
    w.by,
  );
  const bytes = await oneFile(`Claim: ${estateTitle(d.guarantorName)}`, input.on, [coverDoc, claimDoc]);
  return {
    fileName: `claim-estate-${e.id}-${input.on}.pdf`,
    bytes,
    claimCents: claim.claimCents,
    documentIds: { statementOfClaim: claimDoc.documentId, coverLetter: coverDoc.documentId },
  };
}
