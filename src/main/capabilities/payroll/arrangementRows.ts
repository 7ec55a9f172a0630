// The only writer of deduction_arrangements and deduction_arrangement_accounts (eslint/table-owners.mjs).
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';

/** The authorization form last printed for an arrangement (kept among the guarantor's documents). */
export function setAuthorizationDocument(db: Db, arrangementId: number, documentId: number): void {
  prepared(db, 'UPDATE deduction_arrangements SET authorization_document_id = ? WHERE id = ?').run(
    documentId,
    arrangementId,
  );
}
