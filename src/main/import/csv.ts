// CSV text -> rows of cells with their line numbers, using papaparse (quotes, quoted commas and
// newlines, CRLF). Rows whose field count differs from the header are reported, not guessed.
import Papa from 'papaparse';

export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
  problems: { line: number; reason: string }[];
}

function countLines(text: string): number {
  let n = 1;
  let i = -1;
  while ((i = text.indexOf('\n', i + 1)) !== -1) n++;
  return n;
}

/** Line number where each parsed row starts; exact even when quoted cells hold newlines. */
function rowStartLines(text: string, rowCount: number, simple: boolean): number[] {
  if (simple) return Array.from({ length: rowCount }, (_, i) => i + 1);
  const lines: number[] = [];
  let lastCursor = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    step: (res) => {
      lines.push(line);
      const cursor = res.meta.cursor;
      for (let i = lastCursor; i < cursor; i++) if (text.charCodeAt(i) === 10) line++;
      lastCursor = cursor;
    },
  });
  return lines;
}

export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: ',' });
  const data = result.data;
  const simple = countLines(text) === data.length;
  const starts = rowStartLines(text, data.length, simple);
  const problems: CsvTable['problems'] = [];
  const badRows = new Set<number>();
  for (const e of result.errors) {
    if (e.row === undefined || e.row === null) continue;
    if (e.code === 'TooFewFields' || e.code === 'TooManyFields') continue; // reported below with counts
    badRows.add(e.row);
    problems.push({
      line: starts[e.row] ?? e.row + 1,
      reason: e.code === 'MissingQuotes' ? 'has a quote that is never closed' : e.message,
    });
  }
  const headerIndex = data.findIndex((r) => !(r.length === 1 && r[0]!.trim() === ''));
  if (headerIndex < 0) return { headers: [], rows: [], problems };
  const headers = data[headerIndex]!.map((h) => h.trim());
  const rows: CsvRow[] = [];
  for (let i = headerIndex + 1; i < data.length; i++) {
    const cells = data[i]!;
    if (badRows.has(i)) continue;
    if (cells.length === 1 && cells[0]!.trim() === '') continue; // a blank line
    const line = starts[i] ?? i + 1;
    if (cells.length !== headers.length) {
      problems.push({
        line,
        reason: `has ${cells.length} fields; the header has ${headers.length} (a comma inside a value needs quotes)`,
      });
      continue;
    }
    rows.push({ line, cells });
  }
  return { headers, rows, problems };
}
