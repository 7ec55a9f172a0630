// The plan's printed papers: the agreement, and the day's batch of lapse letters.
import { businessDateOf, formatShortDate } from '../../../shared/dates';
import { documentLanguage } from '../../../shared/rules/documentLanguage';
import { AppError } from '../../../shared/errors';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { createHash } from 'node:crypto';
import type { Hospital } from '../../../shared/schemas/hospital';
import { capturePages, type CapturedPage } from '../../pdf/pageCopy';
import { pdfBytes } from '../../pdf/layout';
import { agreementDocument, planAgreement, type AgreementData } from './agreementPdf';
import { lapseLetters, lapseLettersDocument, type LapseLetter } from './lapseLettersPdf';
import { storeDocument } from '../../platform/documents';
import { hospitalIdentity } from '../../platform/settings';
import { guarantorName, guarantorRow, mailingAddress, recordLetterSent } from '../accounts';
import { markLettersPrinted } from './planRows';
import { policyById } from './policy';
import { paymentAskedOf, planInstallments, planRow, progressOf } from './progress';

/** What the plan's agreement prints, from the plan's record (the balances it was made with). */
function agreementData(db: Db, planId: number): AgreementData {
  const p = planRow(db, planId);
  const g = guarantorRow(db, p.guarantor_id);
  const accounts = db
    .prepare(
      'SELECT a.account_number, a.service_from, a.service_to, pa.balance_cents FROM accounts a JOIN plan_accounts pa ON pa.account_id = a.id WHERE pa.plan_id = ? ORDER BY a.service_from',
    )
    .all(planId) as { account_number: string; service_from: string; service_to: string; balance_cents: number }[];
  const installments = planInstallments(db, planId).filter((i) => i.number > 0);
  return {
    hospital: hospitalIdentity(db),
    language: documentLanguage(g.language),
    planId,
    date: p.start_date,
    guarantor: { name: guarantorName(g), address: mailingAddress(g), externalId: g.external_id },
    // Each account with the balance it carried when the plan was made: they add up to the plan's total.
    accounts: accounts.map((a) => ({
      accountNumber: a.account_number,
      serviceFrom: a.service_from,
      serviceTo: a.service_to,
      balanceCents: a.balance_cents,
    })),
    balanceCents: p.balance_cents,
    downPaymentCents: p.down_payment_cents,
    frequency: p.frequency,
    installments,
    policy: policyById(db, p.policy_id),
  };
}

const agreementTitle = (planId: number) => `Payment plan agreement #${planId}`;

/** Draws the plan's agreement and keeps it with the guarantor's documents; returns the document. */
export async function agreementFor(app: RecoupApp, planId: number, by: number): Promise<number> {
  const db = app.store.db;
  const d = agreementData(db, planId);
  const bytes = await planAgreement(d);
  const fileName = `plan-agreement-${planId}.pdf`;
  return storeDocument(db, {
    guarantorId: planRow(db, planId).guarantor_id,
    kind: 'plan_agreement',
    title: agreementTitle(planId),
    fileName,
    mimeType: 'application/pdf',
    bytes,
    at: app.nowIso(),
    by,
  });
}

/** A paper as the hospital printed it, drawn again and checked against what was kept: its pages. */
export interface RecordedPaper {
  /** The date it bears. */
  date: string;
  sha256: string;
  /** The kept document it matches (the batch, for a lapse letter). */
  documentId: number | null;
  pages: CapturedPage[];
}

/**
 * A kept agreement that the plan's record no longer draws byte for byte (the hospital's details
 * changed since it was printed): the court packet names it so the clerk prints it from the
 * guarantor's documents and attaches it. Its fingerprint is of the kept bytes themselves.
 */
export interface KeptOnlyPaper {
  /** The date it bears (the plan's start). */
  date: string;
  documentId: number;
  /** The day it was printed and kept (the machine's calendar day of the instant it was kept). */
  printedOn: string;
  sha256: string;
}

export type RecordedAgreement = { drawn: true; paper: RecordedPaper } | { drawn: false; kept: KeptOnlyPaper };

/**
 * The plan's agreement as printed (for a court packet): drawn again from the plan's record and
 * matched against the agreements kept for it (any printing). Null when it was never printed. When
 * none of the kept ones is what the record draws now (the hospital's details changed), the newest
 * kept one is named instead (drawn: false). A kept document whose bytes no longer match the
 * fingerprint taken when it was kept has been altered: an error.
 */
export async function recordedAgreement(db: Db, planId: number): Promise<RecordedAgreement | null> {
  const p = planRow(db, planId);
  const kept = db
    .prepare(
      `SELECT id, sha256, created_at FROM documents WHERE kind = 'plan_agreement' AND guarantor_id = ? AND title = ? ORDER BY id DESC`,
    )
    .all(p.guarantor_id, agreementTitle(planId)) as { id: number; sha256: string; created_at: string }[];
  if (kept.length === 0) return null;
  const doc = agreementDocument(agreementData(db, planId));
  const pages = capturePages(doc);
  const sha256 = createHash('sha256')
    .update(await pdfBytes(doc))
    .digest('hex');
  const match = kept.find((k) => k.sha256 === sha256);
  if (match) return { drawn: true, paper: { date: p.start_date, sha256, documentId: match.id, pages } };
  const newest = kept[0]!;
  const bytes = db.prepare('SELECT bytes FROM documents WHERE id = ?').pluck().get(newest.id) as Buffer;
  const keptSha = createHash('sha256').update(bytes).digest('hex');
  if (keptSha !== newest.sha256)
    throw new AppError(
      'internal',
      `Payment plan agreement #${planId} (document #${newest.id}) no longer matches the fingerprint taken when it was printed; tell your administrator.`,
    );
  return {
    drawn: false,
    kept: {
      date: p.start_date,
      documentId: newest.id,
      printedOn: businessDateOf(new Date(newest.created_at)),
      sha256: keptSha,
    },
  };
}

/** What a lapse letter kept when it was printed (plan_letters.printed_letter). */
interface PrintedLetter {
  version: 1;
  hospital: Hospital;
  date: string;
  letter: LapseLetter;
  /** The SHA-256 of this one letter drawn on its own. */
  sha256: string;
}

async function letterAlone(hospital: Hospital, date: string, letter: LapseLetter) {
  const doc = lapseLettersDocument(hospital, date, [letter]);
  const pages = capturePages(doc);
  const sha256 = createHash('sha256')
    .update(await pdfBytes(doc))
    .digest('hex');
  return { pages, sha256 };
}

/**
 * A lapse letter as sent (for a court packet), drawn again from what it kept and checked against
 * its hash. Letters printed before letters kept what they said have no record: null.
 */
export async function recordedLapseLetter(db: Db, letterId: number): Promise<RecordedPaper | null> {
  const row = db.prepare('SELECT printed_letter, document_id FROM plan_letters WHERE id = ?').get(letterId) as
    { printed_letter: string | null; document_id: number | null } | undefined;
  if (!row?.printed_letter) return null;
  const kept = JSON.parse(row.printed_letter) as PrintedLetter;
  const { pages, sha256 } = await letterAlone(kept.hospital, kept.date, kept.letter);
  if (sha256 !== kept.sha256)
    throw new AppError(
      'internal',
      `The lapse letter of ${kept.date} for plan #${kept.letter.planId} no longer draws exactly as it was sent; tell your administrator.`,
    );
  return { date: kept.date, sha256, documentId: row.document_id, pages };
}

export function pendingLapseLetters(app: RecoupApp): number {
  return app.store.db
    .prepare(
      `SELECT count(*) FROM plan_letters l JOIN plans p ON p.id = l.plan_id JOIN guarantors g ON g.id = p.guarantor_id
        WHERE l.printed_on IS NULL AND l.queued_on <= ? AND p.status = 'lapsed' AND g.mail_returned_on IS NULL AND g.deceased = 0`,
    )
    .pluck()
    .get(app.clock.today()) as number;
}

/** Every lapse letter queued and not yet printed, as one PDF sorted by ZIP code; each is marked printed. */
export async function printLapseLetters(
  app: RecoupApp,
  by: number,
): Promise<{ documentId: number; count: number; planIds: number[] }> {
  const db = app.store.db;
  const today = app.clock.today();
  const rows = db
    .prepare(
      // A plan brought current (or ended) since its letter was queued needs no letter.
      // Issue 11: returned mail holds letters too, until the address is corrected.
      // Issue 14: a suspended plan is not lapsed, and nothing is mailed to a deceased guarantor.
      `SELECT l.id, l.plan_id, l.cure_deadline, g.zip FROM plan_letters l JOIN plans p ON p.id = l.plan_id JOIN guarantors g ON g.id = p.guarantor_id
        WHERE l.printed_on IS NULL AND l.queued_on <= ? AND p.status = 'lapsed' AND g.mail_returned_on IS NULL AND g.deceased = 0 ORDER BY g.zip, g.last_name, l.id`,
    )
    .all(today) as { id: number; plan_id: number; cure_deadline: string }[];
  if (rows.length === 0) throw new AppError('not_found', 'There are no lapse letters waiting to be printed.');
  const letters: LapseLetter[] = rows.map((r) => {
    const p = planRow(db, r.plan_id);
    const g = guarantorRow(db, p.guarantor_id);
    const progress = progressOf(db, p, policyById(db, p.policy_id), today);
    // PP-02: the amount and date the same day's statement prints for this plan (paymentAsked).
    const asked = paymentAskedOf(db, p, today);
    return {
      planId: p.id,
      language: documentLanguage(g.language),
      guarantor: { name: guarantorName(g), address: mailingAddress(g) },
      missed: progress.installments
        .filter((i) => i.missed)
        .map((i) => ({ dueDate: i.dueDate, amountCents: i.amountCents - i.paidCents })),
      pastDueCents: asked?.amountCents ?? progress.pastDueCents,
      cureDeadline: asked?.dueDate ?? r.cure_deadline,
      nextDue: progress.nextDue,
    };
  });
  const hospital = hospitalIdentity(db);
  const bytes = await lapseLetters(hospital, today, letters);
  // Each letter keeps what it said, drawn on its own and hashed, to be drawn again for a court packet.
  const printed: string[] = [];
  for (const letter of letters) {
    const { sha256 } = await letterAlone(hospital, today, letter);
    printed.push(JSON.stringify({ version: 1, hospital, date: today, letter, sha256 } satisfies PrintedLetter));
  }
  const fileName = `lapse-letters-${today}.pdf`;
  const documentId = db.transaction(() => {
    const docId = storeDocument(db, {
      guarantorId: null,
      kind: 'lapse_letters',
      title: `Lapse letters of ${formatShortDate(today)}: ${rows.length} letter${rows.length === 1 ? '' : 's'}`,
      fileName,
      mimeType: 'application/pdf',
      bytes,
      at: app.nowIso(),
      by,
    });
    markLettersPrinted(
      db,
      rows.map((r, i) => ({ id: r.id, printedLetter: printed[i]! })),
      today,
      docId,
    );
    for (const l of letters) {
      recordLetterSent(
        db,
        planRow(db, l.planId).guarantor_id,
        `Lapse letter for plan #${l.planId}: cure by ${formatShortDate(l.cureDeadline)}`,
        today,
        app.nowIso(),
        by,
      );
    }
    return docId;
  })();
  return {
    documentId,
    count: rows.length,
    planIds: rows.map((r) => r.plan_id),
  };
}

/** The lapse-letter batches printed so far, newest first (each reprints from the kept document). */
export function lapseLetterBatches(
  db: Db,
): { documentId: number; title: string; createdAt: string; by: string | null }[] {
  return db
    .prepare(
      `SELECT d.id AS documentId, d.title, d.created_at AS createdAt, u.full_name AS by FROM documents d LEFT JOIN users u ON u.id = d.created_by
        WHERE d.kind = 'lapse_letters' ORDER BY d.id DESC LIMIT 60`,
    )
    .all() as { documentId: number; title: string; createdAt: string; by: string | null }[];
}
