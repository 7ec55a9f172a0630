// The one CSV writer for every file Recoup hands out (exports and error reports; the format is
// docs/export-format.md). papaparse writes and quotes; this adds what every export must have:
//  - Spreadsheet formulas neutralised (OWASP "CSV injection"): a text cell that begins with `=`,
//    `+`, `-`, `@`, a tab or a carriage return is written with a leading apostrophe (and quoted),
//    so a spreadsheet shows it as text and never runs it. Numbers stay numbers: a number, or a
//    text that is a plain number such as an amount "-12.50", is written as it is.
//  - UTF-8 with a byte-order mark (so a spreadsheet reads every name in every script), CRLF after
//    every line including the last, the header row always present.
import Papa from 'papaparse';

export type CsvCell = string | number | null | undefined;

/** A text cell a spreadsheet would take for a formula: a trigger first, and not a plain number. */
export const FORMULA_CELL = /^(?![-+]?\d+(?:\.\d+)?$)[=+\-@\t\r]/;

const BOM = '\uFEFF';

/**
 * The whole file: the header, then one line per row. An agency's layout may ask for another
 * delimiter or no header row (agencies/layouts.ts); formulas are neutralised all the same.
 */
export function csvText(
  fields: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: { delimiter?: string; header?: boolean } = {},
): string {
  const header = options.header ?? true;
  const body = Papa.unparse(
    { fields: [...fields], data: rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : c))) },
    { newline: '\r\n', escapeFormulae: FORMULA_CELL, delimiter: options.delimiter ?? ',', header },
  );
  // With no rows papaparse ends the header with a line break itself (and writes nothing without one).
  if (body === '') return BOM;
  return `${BOM}${body.endsWith('\r\n') ? body : `${body}\r\n`}`;
}

/** The file as bytes, ready to hand out. */
export function csvBytes(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): Buffer {
  return Buffer.from(csvText(fields, rows), 'utf8');
}
