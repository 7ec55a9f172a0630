// badDebt:exportListing — the listing as a file (BD-14): refused while any of the reviewer's
// checks stands (the first three named with line and column), recorded with its hash.
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import type { ListingFormat, ListingView } from '../../../shared/schemas/badDebt';
import type { Db } from '../../store/database';
import { buildListing, type ListingInput } from './listing';
import { listingCsv, listingXlsx } from './listingFiles';
import { drawListingPdf } from './listingPdf';
import { recordListing } from './listingRecords';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where a problem is, as the clerk reads it: "Line 4, column 17" or "The header". */
function where(p: { line: number; column: string }): string {
  if (p.line === 0) return `The header${p.column ? `, column ${p.column}` : ''}`;
  return `Line ${p.line}${p.column ? `, column ${p.column}` : ''}`;
}

export function refuseWhileProblems(view: ListingView): void {
  const r = view.reconciliation;
  if (!r.agrees)
    throw new AppError(
      'not_allowed',
      `The listing does not agree with the ledger: column 23 totals ${formatCents(r.listingCents)}, the ledger's bad debt for the period is ${formatCents(r.ledgerNetCents)} (write-offs ${formatCents(r.ledgerWriteOffCents)} less recoveries ${formatCents(r.ledgerRecoveriesCents)}). Nothing was exported: find the difference first (BD-14).`,
    );
  if (view.problems.length === 0) return;
  const first = view.problems
    .slice(0, 3)
    .map((p) => `${where(p)}: ${p.message}`)
    .join(' ');
  const more = view.problems.length > 3 ? ` (and ${view.problems.length - 3} more)` : '';
  throw new AppError(
    'not_allowed',
    `The listing has ${view.problems.length} problem${view.problems.length === 1 ? '' : 's'} to fix before it is exported${more}. ${first}`,
  );
}

export interface ExportedListing {
  bytes: Buffer;
  fileName: string;
  mimeType: 'text/csv' | typeof XLSX_MIME | 'application/pdf';
}

export async function exportListing(
  db: Db,
  input: ListingInput & { format: ListingFormat; preparer: string },
  today: string,
  at: string,
  by: number | null,
): Promise<ExportedListing> {
  const view = buildListing(db, input, today);
  refuseWhileProblems(view);
  let bytes: Buffer;
  let mimeType: ExportedListing['mimeType'];
  if (input.format === 'csv') {
    bytes = listingCsv(view);
    mimeType = 'text/csv';
  } else if (input.format === 'xlsx') {
    bytes = await listingXlsx(view);
    mimeType = XLSX_MIME;
  } else {
    bytes = await drawListingPdf(view);
    mimeType = 'application/pdf';
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  recordListing(db, view, input.format, sha256, at, by);
  const setting = input.setting === 'inpatient' ? 'IP' : 'OP';
  const fileName = `bad-debt-listing-${input.ccn}-${setting}-${input.periodFrom}-to-${input.periodTo}.${input.format}`;
  return { bytes, fileName, mimeType };
}
