// What the import wizard knows about each file: its upload, its headers and the clerk's mapping,
// and the Recoup fields each layout maps (docs: IMPORT_FIELDS, the same list main reads).
import {
  IMPORT_FIELDS,
  LAYOUT_RECORDS,
  type ImportField,
  type ImportLayout,
  type ImportMapping,
  type UploadInspection,
} from '../../../../shared/schemas/import';

export interface MappedFile {
  layout: ImportLayout;
  uploadId: string;
  fileName: string;
  sizeBytes: number;
  headers: string[];
  /** Main found the file is not UTF-8 text (and read it as Windows-1252). */
  notUtf8: boolean;
  mapping: ImportMapping;
}

export const LAYOUT_LABELS: Record<ImportLayout, string> = {
  combined: 'Combined file',
  guarantors: 'Guarantors file',
  accounts: 'Accounts file',
  transactions: 'Transactions file',
};

export const SEPARATE_LAYOUTS = ['guarantors', 'accounts', 'transactions'] as const satisfies readonly ImportLayout[];

// In a combined file the account's guarantor and the transaction's account are on the same row.
const SAME_ROW_FIELDS = new Set(['account_guarantor_id', 'transaction_account_number']);

/** The Recoup fields a file of this layout maps, in the order of the format document. */
export function fieldsOf(layout: ImportLayout): ImportField[] {
  const records = LAYOUT_RECORDS[layout];
  return IMPORT_FIELDS.filter(
    (f) => records.includes(f.record) && !(layout === 'combined' && SAME_ROW_FIELDS.has(f.name)),
  );
}

export function hasTransactions(layout: ImportLayout): boolean {
  return LAYOUT_RECORDS[layout].includes('transaction');
}

/** Required fields with no column chosen. */
export function missingRequired(file: MappedFile): ImportField[] {
  return fieldsOf(file.layout).filter((f) => f.required && !file.mapping.columns[f.name]);
}

/** A file as main inspected it; the mapping starts with the encoding main could read it in. */
export function mappedFile(layout: ImportLayout, uploadId: string, inspection: UploadInspection): MappedFile {
  return {
    layout,
    uploadId,
    fileName: inspection.fileName,
    sizeBytes: inspection.sizeBytes,
    headers: inspection.headers,
    // Inspected as UTF-8 first: an answer in Windows-1252 means the file is not UTF-8.
    notUtf8: inspection.encoding === 'windows-1252',
    mapping: {
      layout,
      columns: inspection.suggested,
      dateFormat: 'YYYY-MM-DD',
      encoding: inspection.encoding,
      amountSign: 'signed',
      typeCodes: {},
    },
  };
}
