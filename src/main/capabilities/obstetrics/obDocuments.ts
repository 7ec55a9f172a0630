// Printing the OB documents, each kept among the guarantor's documents (its bytes and hash, so it
// reprints exactly) inside the caller's transaction:
// - the OB financial agreement: recorded on the case while it awaits her signature (she signs the
//   printed form); once signed, the signed one stays recorded and a print is a copy;
// - one OB statement now (statement date today), recorded as the month's OB statement of the case;
// - the true-up letter of a closed case, recorded on it.
import { AppError } from '../../../shared/errors';
import type { ObStatus } from '../../../shared/schemas/obstetrics';
import type { DocumentLanguage } from '../../../shared/wording';
import { storeDocument } from '../../platform/documents';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { agreementPdf } from './agreementPdf';
import { setAgreementDocument, setTrueUpLetter } from './caseRows';
import { caseFacts, caseOrRefuse, statementFacts, trueUpLetterFacts, type ObStatementFacts } from './obDocumentFacts';
import { obStatementPdf } from './obStatementPdf';
import { caseProgress, caseReference } from './reads';
import { insertStatement, replaceSingleStatement, type StatementFigures } from './statementRows';
import { trueUpLetterPdf } from './trueUpLetterPdf';

export interface When {
  today: string;
  now: string;
  by: number;
}

export interface Printed {
  documentId: number;
  reference: string;
  language: DocumentLanguage;
}

/** What printing touches, for the audit (known before it is drawn, so a refused print names it too). */
export function caseRecords(db: Db, caseId: number): string[] {
  const g = prepared(db, 'SELECT guarantor_id FROM ob_cases WHERE id = ?').pluck().get(caseId) as number | undefined;
  return g === undefined ? [] : [`ob_case:${caseId}`, `guarantor:${g}`];
}

const NOT_PAYING: Partial<Record<ObStatus, (reference: string) => string>> = {
  delivered: (r) => `${r} is delivered: what is left is settled at the true-up, not by OB statements.`,
  closed: (r) => `${r} is closed (trued up): nothing more is asked before the delivery.`,
  cancelled: (r) => `${r} is cancelled: nothing is asked of her under it.`,
};

function refuseUnlessBeforeDelivery(status: ObStatus, reference: string, what: string): void {
  const why = NOT_PAYING[status];
  if (why) throw new AppError('not_allowed', `${why(reference)} Its ${what} is not printed.`);
}

export async function printAgreement(
  db: Db,
  input: { caseId: number; language?: DocumentLanguage | undefined },
  when: When,
): Promise<Printed> {
  const c = caseOrRefuse(db, input.caseId);
  const reference = caseReference(c.id);
  refuseUnlessBeforeDelivery(c.status, reference, 'agreement');
  const facts = caseFacts(db, c.id, when.today, input.language);
  // The agreement to sign is the current version's: the first one, or a revised schedule she has
  // not signed yet. A print of the version she signed is a copy and never replaces the signed form.
  const copy = c.status !== 'awaiting_signature' && c.signed_version_id === facts.version.id;
  // She never signs for a payment already late: a schedule whose dates have passed is revised first.
  if (!copy && caseProgress(db, c.id, when.today).progress.pastDueCents > 0)
    throw new AppError(
      'not_allowed',
      `${reference}'s schedule has payments due before today: revise it (a new first due date) before she signs.`,
    );
  const bytes = await agreementPdf(facts);
  const documentId = storeDocument(db, {
    guarantorId: c.guarantor_id,
    kind: 'ob_agreement',
    title: `OB financial agreement ${reference}, version ${facts.version.version}${copy ? ' (copy)' : ''}${facts.language === 'es' ? ' (Spanish)' : ''}`,
    fileName: `ob-agreement-${reference}-v${facts.version.version}-${when.today}${facts.language === 'es' ? '-es' : ''}.pdf`,
    mimeType: 'application/pdf',
    bytes,
    at: when.now,
    by: when.by,
  });
  if (!copy) setAgreementDocument(db, c.id, documentId, facts.version.id);
  return { documentId, reference, language: facts.language };
}

/** The figures an OB statement printed, as its row records them (caseProgress's, depositTotals' paid to date). */
export function statementFigures(f: ObStatementFacts, runId: number | null, documentId: number): StatementFigures {
  return {
    caseId: f.caseId,
    runId,
    versionId: f.version.id,
    statementDate: f.date,
    language: f.language,
    estimateCents: f.version.estimate.shareCents,
    paidCents: f.paidToDateCents,
    nextDue: f.progress.nextDue,
    pastDueCents: f.progress.pastDueCents,
    documentId,
  };
}

export function storeStatement(db: Db, f: ObStatementFacts, bytes: Buffer, when: When): number {
  return storeDocument(db, {
    guarantorId: f.guarantorId,
    kind: 'ob_statement',
    title: `OB statement ${f.reference} ${f.date}${f.language === 'es' ? ' (Spanish)' : ''}`,
    fileName: `ob-statement-${f.reference}-${f.date}${f.language === 'es' ? '-es' : ''}.pdf`,
    mimeType: 'application/pdf',
    bytes,
    at: when.now,
    by: when.by,
  });
}

/** One OB statement now, dated today, recorded as the case's OB statement of the day. */
export async function printStatementNow(
  db: Db,
  input: { caseId: number; language?: DocumentLanguage | undefined },
  when: When,
): Promise<Printed> {
  const c = caseOrRefuse(db, input.caseId);
  const reference = caseReference(c.id);
  refuseUnlessBeforeDelivery(c.status, reference, 'OB statement');
  const facts = statementFacts(db, c.id, when.today, input.language);
  const documentId = storeStatement(db, facts, await obStatementPdf(facts), when);
  const figures = statementFigures(facts, null, documentId);
  const same = prepared(db, 'SELECT id, run_id FROM ob_statements WHERE case_id = ? AND statement_date = ?').get(
    c.id,
    when.today,
  ) as { id: number; run_id: number | null } | undefined;
  // Printed again the same day: the day's row keeps the latest print. A run's statement of the day
  // stays as the run sent it; this print is then a copy among her documents.
  if (!same) insertStatement(db, figures, when.now, when.by);
  else if (same.run_id === null) replaceSingleStatement(db, same.id, figures, when.now, when.by);
  return { documentId, reference, language: facts.language };
}

export async function printTrueUpLetter(
  db: Db,
  input: { caseId: number; language?: DocumentLanguage | undefined },
  when: When,
): Promise<Printed> {
  const facts = trueUpLetterFacts(db, input.caseId, when.today, input.language);
  const bytes = await trueUpLetterPdf(facts);
  const documentId = storeDocument(db, {
    guarantorId: facts.guarantorId,
    kind: 'ob_true_up_letter',
    title: `OB true-up letter ${facts.reference}${facts.language === 'es' ? ' (Spanish)' : ''}`,
    fileName: `ob-true-up-${facts.reference}-${when.today}${facts.language === 'es' ? '-es' : ''}.pdf`,
    mimeType: 'application/pdf',
    bytes,
    at: when.now,
    by: when.by,
  });
  setTrueUpLetter(db, input.caseId, documentId);
  return { documentId, reference: facts.reference, language: facts.language };
}
