// An agency's remittance as lines to check: read from its file in the agency's remittance layout
// (docs/agency-files.md, "Remittance file"), or as the clerk keyed it in. Reading only: whether an
// account is placed with the agency, and whether the fee and the amount remitted add up, is
// remittances.ts's question. Every line that cannot be read says which line and which field.
import { createHash } from 'node:crypto';
import type { AgencyLayout, RemittanceInput, RemittanceLineProblem } from '../../../shared/schemas/agencies';
import type { Db } from '../../store/database';
import { layoutOf } from './agencies';
import { parseLayoutAmount, parseLayoutDate, readLayout } from './layouts';

/** A remittance line as read: null where a value could not be read (a problem names it). */
export interface RemittanceLine {
  /** The file's line number (the header is line 1 when there is one), or the keyed line's number. */
  line: number;
  accountNumber: string;
  paidOn: string | null;
  collectedCents: number | null;
  /** As the agency states it; undefined: not stated (the contract's rate applies). */
  feeCents: number | null | undefined;
  remittedCents: number | null | undefined;
  agencyReference: string;
}

/** A line's fields, named as the source names them (the file's field, or the keyed input's). */
export type LineField = 'account' | 'paidOn' | 'collected' | 'fee' | 'remitted' | 'agencyReference';
const FILE_FIELD: Record<LineField, string> = {
  account: 'account_number',
  paidOn: 'paid_on',
  collected: 'collected',
  fee: 'fee',
  remitted: 'remitted',
  agencyReference: 'agency_reference',
};
const KEYED_FIELD: Record<LineField, string> = {
  account: 'accountNumber',
  paidOn: 'paidOn',
  collected: 'collectedCents',
  fee: 'feeCents',
  remitted: 'remittedCents',
  agencyReference: 'agencyReference',
};
export function fieldName(source: 'file' | 'keyed', field: LineField): string {
  return source === 'file' ? FILE_FIELD[field] : KEYED_FIELD[field];
}

export interface RemittanceSource {
  source: 'file' | 'keyed';
  lines: RemittanceLine[];
  problems: RemittanceLineProblem[];
  fileName: string | null;
  sha256: string | null;
}

const LABEL: Record<LineField, string> = {
  account: 'account number',
  paidOn: 'date paid',
  collected: 'collected',
  fee: 'fee',
  remitted: 'remitted',
  agencyReference: 'agency transaction id',
};

/** The lines of a remittance file in the layout, each value read in the layout's formats. */
export function readRemittanceFile(
  layout: AgencyLayout,
  bytes: Buffer,
): { lines: RemittanceLine[]; problems: RemittanceLineProblem[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      lines: [],
      problems: [{ line: 1, field: null, reason: 'The file is not UTF-8 text; ask the agency for a UTF-8 file.' }],
    };
  }
  const read = readLayout(layout, text);
  const problems: RemittanceLineProblem[] = [...read.problems];
  const has = new Set(layout.columns.map((c) => c.field));
  const lines: RemittanceLine[] = [];
  for (const row of read.rows) {
    const v = row.values;
    const problem = (field: LineField, reason: string) =>
      problems.push({ line: row.line, field: FILE_FIELD[field], reason });
    const date = (field: LineField): string | null => {
      const text = v[FILE_FIELD[field]] ?? '';
      const d = parseLayoutDate(text, layout.dateFormat);
      if (d === null)
        problem(
          field,
          text === ''
            ? `The ${LABEL[field]} is missing.`
            : `The ${LABEL[field]} “${text}” is not a date in the layout's format ${layout.dateFormat}.`,
        );
      return d;
    };
    const amount = (field: LineField, required: boolean): number | null | undefined => {
      const text = v[FILE_FIELD[field]] ?? '';
      if (text === '') {
        if (required) problem(field, `The ${LABEL[field]} amount is missing.`);
        return required ? null : undefined;
      }
      const cents = parseLayoutAmount(text, layout.amounts);
      if (cents === null)
        problem(
          field,
          `The ${LABEL[field]} amount “${text}” is not ${layout.amounts === 'cents' ? 'a whole number of cents' : 'dollars and cents, like 125.00'}.`,
        );
      return cents;
    };
    const accountNumber = (v.account_number ?? '').trim();
    if (accountNumber === '') problem('account', 'The account number is missing.');
    const collected = amount('collected', true);
    if (collected === 0) problem('collected', 'Collected cannot be zero.');
    lines.push({
      line: row.line,
      accountNumber,
      paidOn: date('paidOn'),
      collectedCents: collected ?? null,
      feeCents: has.has('fee') ? amount('fee', false) : undefined,
      remittedCents: has.has('remitted') ? amount('remitted', false) : undefined,
      agencyReference: (v.agency_reference ?? '').trim().slice(0, 60),
    });
  }
  if (lines.length === 0 && problems.length === 0)
    problems.push({ line: 1, field: null, reason: 'The file has no remittance lines.' });
  return { lines, problems };
}

/** The remittance's lines from the uploaded file or as keyed in. */
export function remittanceSource(
  db: Db,
  input: RemittanceInput,
  upload: (uploadId: string) => { fileName: string; bytes: Buffer },
): RemittanceSource {
  if (input.source === 'keyed')
    return {
      source: 'keyed',
      lines: input.lines.map((l, i) => ({
        line: i + 1,
        accountNumber: l.accountNumber.trim(),
        paidOn: l.paidOn,
        collectedCents: l.collectedCents,
        feeCents: l.feeCents,
        remittedCents: undefined,
        agencyReference: l.agencyReference,
      })),
      problems: [],
      fileName: null,
      sha256: null,
    };
  const { fileName, bytes } = upload(input.uploadId);
  const read = readRemittanceFile(layoutOf(db, input.agencyId, 'remittance'), bytes);
  return {
    source: 'file',
    ...read,
    fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
