// The only writer of estate_documents (eslint/table-owners.mjs). Every estate paper (the referral
// memo, the statement of claim, its cover letter, the follow-up letter) is recorded with what it
// said (its snapshot, from which alone it is drawn) and the SHA-256 of its bytes, and kept among the
// guarantor's documents. A reprint draws it again from the snapshot and must match the hash byte for
// byte: a paper that no longer draws as it was sent is refused, never silently printed different.
import { AppError } from '../../../shared/errors';
import { ESTATE_DOCUMENT_LABELS, type EstateDocumentKind } from '../../../shared/schemas/estates';
import type { Db } from '../../store/database';
import { createPdf, pdfBytes } from '../../pdf/layout';
import { appendPages, type CapturedPage } from '../../pdf/pageCopy';
import { storeDocument } from '../../platform/documents';
import { renderClaim, type ClaimSnapshot } from './claimPdf';
import { renderCoverLetter, renderFollowUp, type CoverLetterSnapshot, type FollowUpSnapshot } from './letterPdf';
import { renderMemo, type MemoSnapshot } from './memoPdf';
import type { RenderedPdf } from './paper';

export type EstateSnapshot = MemoSnapshot | ClaimSnapshot | CoverLetterSnapshot | FollowUpSnapshot;

/** Draws a recorded paper from its snapshot alone. */
export function renderEstateDocument(s: EstateSnapshot): Promise<RenderedPdf> {
  switch (s.kind) {
    case 'referral_memo':
      return renderMemo(s);
    case 'statement_of_claim':
      return renderClaim(s);
    case 'cover_letter':
      return renderCoverLetter(s);
    case 'follow_up_letter':
      return renderFollowUp(s);
  }
}

const FILE_NAMES: Record<EstateDocumentKind, string> = {
  referral_memo: 'referral-memo',
  statement_of_claim: 'statement-of-claim',
  cover_letter: 'cover-letter',
  follow_up_letter: 'follow-up-letter',
};

export function estateFileName(kind: EstateDocumentKind, estateId: number, date: string): string {
  return `${FILE_NAMES[kind]}-estate-${estateId}-${date}.pdf`;
}

export interface RecordedEstateDocument {
  estateDocumentId: number;
  documentId: number;
  kind: EstateDocumentKind;
  bytes: Buffer;
  sha256: string;
  pages: CapturedPage[];
}

/**
 * Draws the paper, keeps it among the guarantor's documents and records it with its snapshot and
 * hash. Inside the caller's transaction: the paper is recorded with the step that sent it, or not at all.
 */
export async function recordEstateDocument(
  db: Db,
  guarantorId: number,
  snapshot: EstateSnapshot,
  at: string,
  by: number,
): Promise<RecordedEstateDocument> {
  const drawn = await renderEstateDocument(snapshot);
  const fileName = estateFileName(snapshot.kind, snapshot.estateId, snapshot.date);
  const documentId = storeDocument(db, {
    guarantorId,
    kind: `estate_${snapshot.kind}`,
    title: `${ESTATE_DOCUMENT_LABELS[snapshot.kind]}, estate #${snapshot.estateId}`,
    fileName,
    mimeType: 'application/pdf',
    bytes: drawn.bytes,
    at,
    by,
  });
  const estateDocumentId = Number(
    db
      .prepare(
        `INSERT INTO estate_documents (estate_id, kind, made_on, language, snapshot, sha256, document_id, at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        snapshot.estateId,
        snapshot.kind,
        snapshot.date,
        snapshot.language,
        JSON.stringify(snapshot),
        drawn.sha256,
        documentId,
        at,
        by,
      ).lastInsertRowid,
  );
  return { estateDocumentId, documentId, kind: snapshot.kind, ...drawn };
}

export interface EstateDocumentAgain {
  estateId: number;
  guarantorId: number;
  kind: EstateDocumentKind;
  madeOn: string;
  fileName: string;
  bytes: Buffer;
}

/** What a reprint touches, for the audit (known before it is drawn, so a refused reprint names it too). */
export function estateDocumentRecords(db: Db, estateDocumentId: number): string[] {
  const row = db
    .prepare(
      'SELECT d.estate_id, e.guarantor_id FROM estate_documents d JOIN estates e ON e.id = d.estate_id WHERE d.id = ?',
    )
    .get(estateDocumentId) as { estate_id: number; guarantor_id: number } | undefined;
  return row ? [`estate:${row.estate_id}`, `guarantor:${row.guarantor_id}`] : [];
}

/** A recorded paper drawn again from its snapshot, checked byte for byte against its hash. */
export async function estateDocumentAgain(db: Db, estateDocumentId: number): Promise<EstateDocumentAgain> {
  const row = db
    .prepare(
      `SELECT d.estate_id, d.kind, d.made_on, d.snapshot, d.sha256, e.guarantor_id
         FROM estate_documents d JOIN estates e ON e.id = d.estate_id WHERE d.id = ?`,
    )
    .get(estateDocumentId) as
    | {
        estate_id: number;
        kind: EstateDocumentKind;
        made_on: string;
        snapshot: string;
        sha256: string;
        guarantor_id: number;
      }
    | undefined;
  if (!row) throw new AppError('not_found', 'There is no such estate document.');
  const drawn = await renderEstateDocument(JSON.parse(row.snapshot) as EstateSnapshot);
  if (drawn.sha256 !== row.sha256)
    throw new AppError(
      'internal',
      `The ${ESTATE_DOCUMENT_LABELS[row.kind].toLowerCase()} of ${row.made_on} no longer draws exactly as it was sent; it is not printed. Print the kept copy from the guarantor’s documents and tell your administrator.`,
    );
  return {
    estateId: row.estate_id,
    guarantorId: row.guarantor_id,
    kind: row.kind,
    madeOn: row.made_on,
    fileName: estateFileName(row.kind, row.estate_id, row.made_on),
    bytes: drawn.bytes,
  };
}

/** Several recorded papers as one file, in order (the cover letter, then the statement of claim). */
export async function oneFile(
  title: string,
  date: string,
  papers: readonly { pages: CapturedPage[] }[],
): Promise<Buffer> {
  const doc = createPdf({ title, date, streamPages: true });
  for (const p of papers) appendPages(doc, p.pages);
  return pdfBytes(doc);
}
