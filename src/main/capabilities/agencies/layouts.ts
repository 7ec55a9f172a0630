// An agency's files in its own layout (docs/agency-files.md): written (placement and recall files)
// and read (remittance files), CSV with any of four delimiters or fixed-width, dates and amounts in
// the formats the layout names. A CSV cell a spreadsheet would take for a formula is written with a
// leading apostrophe (the platform's FORMULA_CELL rule), as every export is. Fixed-width positions
// count characters (code points), so a name in any script takes its own width; a name or an address
// longer than its column is cut at the column, but an identifier (an account number, a ZIP, a phone),
// a number or a date that does not fit refuses the file: a cut account number is another account.
import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import { formatDecimal } from '../../../shared/money';
import { isBusinessDate } from '../../../shared/dates';
import {
  AGENCY_FILE_FIELDS,
  CSV_DELIMITER_CHARS,
  type AgencyFile,
  type AgencyLayout,
  type LayoutDateFormat,
} from '../../../shared/schemas/agencies';
import { csvText } from '../../platform/csv';

/** Text a fixed-width column may cut: names and addresses, never an identifier. */
const CUTTABLE = new Set([
  'last_name',
  'first_name',
  'middle_name',
  'patient_name',
  'address_line1',
  'address_line2',
  'city',
]);

/** A value for a file: text, a business date, or cents. */
export type LayoutValue = string | number | null;
export type LayoutRow = Readonly<Record<string, LayoutValue>>;

export function formatLayoutDate(date: string | null, format: LayoutDateFormat): string {
  if (date === null || date === '') return '';
  const [y = '', m = '', d = ''] = date.split('-');
  switch (format) {
    case 'YYYY-MM-DD':
      return date;
    case 'MM/DD/YYYY':
      return `${m}/${d}/${y}`;
    case 'YYYYMMDD':
      return `${y}${m}${d}`;
    case 'MMDDYYYY':
      return `${m}${d}${y}`;
  }
}

export function parseLayoutDate(text: string, format: LayoutDateFormat): string | null {
  const t = text.trim();
  let iso: string | null = null;
  if (format === 'YYYY-MM-DD' && /^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  if (format === 'MM/DD/YYYY') {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (m) iso = `${m[3]}-${m[1]?.padStart(2, '0')}-${m[2]?.padStart(2, '0')}`;
  }
  if (format === 'YYYYMMDD' && /^\d{8}$/.test(t)) iso = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  if (format === 'MMDDYYYY' && /^\d{8}$/.test(t)) iso = `${t.slice(4, 8)}-${t.slice(0, 2)}-${t.slice(2, 4)}`;
  return iso !== null && isBusinessDate(iso) ? iso : null;
}

export function formatLayoutAmount(cents: number, format: AgencyLayout['amounts']): string {
  return format === 'cents' ? String(cents) : formatDecimal(cents);
}

/** An amount as a file writes it: dollars (1234.56, -12.50, 12) or whole cents (123456, -1250). */
export function parseLayoutAmount(text: string, format: AgencyLayout['amounts']): number | null {
  const t = text.trim();
  if (format === 'cents') {
    if (!/^[-+]?\d{1,13}$/.test(t)) return null;
    const n = Number(t);
    return Number.isSafeInteger(n) ? n + 0 : null;
  }
  const m = /^([-+]?)(\d{1,10})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' && cents !== 0 ? -cents : cents;
}

function fieldKind(file: AgencyFile, field: string): 'text' | 'date' | 'amount' {
  const f = AGENCY_FILE_FIELDS[file].find((x) => x.name === field);
  if (!f) throw new AppError('internal', `The ${file} layout names an unknown field ${field}.`);
  return f.kind;
}

function cellText(file: AgencyFile, layout: AgencyLayout, field: string, value: LayoutValue): string {
  if (value === null || value === undefined) return '';
  const kind = fieldKind(file, field);
  if (kind === 'date') return formatLayoutDate(String(value), layout.dateFormat);
  if (kind === 'amount') return formatLayoutAmount(Number(value), layout.amounts);
  return String(value);
}

/** The file's bytes: UTF-8 (a CSV with a byte-order mark), CRLF after every line. */
export function writeLayout(file: AgencyFile, layout: AgencyLayout, rows: readonly LayoutRow[]): Buffer {
  if (layout.format === 'csv') {
    const data = rows.map((r) => layout.columns.map((c) => cellText(file, layout, c.field, r[c.field] ?? null)));
    const text = csvText(
      layout.columns.map((c) => c.heading),
      data,
      { delimiter: CSV_DELIMITER_CHARS[layout.delimiter], header: layout.header },
    );
    return Buffer.from(text, 'utf8');
  }
  const lineWidth = Math.max(...layout.columns.map((c) => c.start + c.width - 1));
  const lines = rows.map((r, i) => {
    const chars: string[] = Array.from({ length: lineWidth }, () => ' ');
    for (const c of layout.columns) {
      const kind = fieldKind(file, c.field);
      const text = Array.from(cellText(file, layout, c.field, r[c.field] ?? null).replace(/[\r\n\t]/g, ' '));
      if (text.length > c.width && !CUTTABLE.has(c.field))
        throw new AppError(
          'invalid_input',
          `Line ${i + 1} of the ${file} file: ${c.field} (${text.join('')}) does not fit in its ${c.width} characters. Widen the column in the agency's layout.`,
        );
      const cut = text.slice(0, c.width);
      // Amounts right-aligned (zero-filled when in cents), text and dates left-aligned.
      const padded =
        kind === 'amount'
          ? layout.amounts === 'cents' && cut.length > 0
            ? zeroFill(cut.join(''), c.width)
            : [...Array.from({ length: c.width - cut.length }, () => ' '), ...cut]
          : [...cut, ...Array.from({ length: c.width - cut.length }, () => ' ')];
      for (let k = 0; k < c.width; k++) chars[c.start - 1 + k] = padded[k] ?? ' ';
    }
    return chars.join('');
  });
  return Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'utf8');
}

function zeroFill(digits: string, width: number): string[] {
  const negative = digits.startsWith('-');
  const body = negative ? digits.slice(1) : digits;
  return Array.from(negative ? `-${body.padStart(width - 1, '0')}` : body.padStart(width, '0'));
}

export interface LayoutReadRow {
  /** The file's line number (1 is the first line, the header when there is one). */
  line: number;
  values: Record<string, string>;
}
export interface LayoutProblem {
  line: number;
  field: string | null;
  reason: string;
}

/** Reads a file in the layout: each data line's values by field, and what could not be read. */
export function readLayout(layout: AgencyLayout, text: string): { rows: LayoutReadRow[]; problems: LayoutProblem[] } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: LayoutReadRow[] = [];
  const problems: LayoutProblem[] = [];
  if (layout.format === 'fixed') {
    const lines = body.split(/\r\n|\n|\r/);
    const minWidth = Math.max(...layout.columns.map((c) => c.start));
    lines.forEach((raw, i) => {
      if (raw.trim() === '') return;
      const chars = Array.from(raw);
      if (chars.length < minWidth) {
        problems.push({
          line: i + 1,
          field: null,
          reason: `The line is ${chars.length} characters; the layout needs at least ${minWidth}.`,
        });
        return;
      }
      const values: Record<string, string> = {};
      for (const c of layout.columns)
        values[c.field] = chars
          .slice(c.start - 1, c.start - 1 + c.width)
          .join('')
          .trim();
      rows.push({ line: i + 1, values });
    });
    return { rows, problems };
  }
  const parsed = Papa.parse<string[]>(body, {
    delimiter: CSV_DELIMITER_CHARS[layout.delimiter],
    skipEmptyLines: false,
  });
  const data = parsed.data;
  let first = 0;
  // Column positions by field: from the header's headings, or the layout's order.
  let positions = layout.columns.map((c, i) => ({ field: c.field, at: i }));
  if (layout.header) {
    const header = (data[0] ?? []).map((h) => h.trim().toLowerCase());
    first = 1;
    positions = [];
    for (const c of layout.columns) {
      const at = header.indexOf(c.heading.trim().toLowerCase());
      if (at === -1) problems.push({ line: 1, field: c.field, reason: `The header has no column “${c.heading}”.` });
      else positions.push({ field: c.field, at });
    }
    if (problems.length > 0) return { rows, problems };
  }
  for (let i = first; i < data.length; i++) {
    const cells = data[i] ?? [];
    if (cells.every((c) => c.trim() === '')) continue;
    const values: Record<string, string> = {};
    for (const p of positions) values[p.field] = (cells[p.at] ?? '').trim();
    rows.push({ line: i + 1, values });
  }
  for (const e of parsed.errors)
    problems.push({ line: (e.row ?? 0) + 1, field: null, reason: `The line could not be read: ${e.message}.` });
  return { rows, problems };
}
