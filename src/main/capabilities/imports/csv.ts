// CSV text -> rows of cells with their line numbers, read in chunks with papaparse (quotes, quoted
// commas and newlines, CRLF), so that a 100 MB extract never sits in memory as one table and the
// caller can report progress and be cancelled between chunks. Rows whose field count differs from
// the header are reported, not guessed.
import Papa from 'papaparse';

export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvChunk {
  headers: string[];
  rows: CsvRow[];
  problems: { line: number; reason: string }[];
  /** Characters of the text read so far. */
  done: number;
}

const CHUNK_CHARS = 1 << 20;

function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Start lines of each row in a slice, exact even when quoted cells hold newlines. */
function exactStartLines(slice: string, firstLine: number): number[] {
  const lines: number[] = [];
  let last = 0;
  let line = firstLine;
  Papa.parse<string[]>(slice, {
    step: (res) => {
      lines.push(line);
      line += newlines(slice, last, res.meta.cursor);
      last = res.meta.cursor;
    },
  });
  return lines;
}

/**
 * Reads the text chunk by chunk; `onChunk` may be async (the reader waits for it). Resolves with
 * the header when the whole text has been read.
 */
export function readCsv(
  text: string,
  onChunk: (chunk: CsvChunk) => void | Promise<void>,
): Promise<{ headers: string[] }> {
  return new Promise((resolve, reject) => {
    let headers: string[] | null = null;
    let cursorAtStart = 0;
    let lineAtStart = 1;
    let failed = false;
    Papa.parse<string[]>(text, {
      delimiter: ',',
      skipEmptyLines: false,
      chunkSize: CHUNK_CHARS,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        if (failed) return;
        const data = results.data;
        const end = results.meta.cursor;
        const count = newlines(text, cursorAtStart, end);
        const simple = count === data.length || (end >= text.length && count === data.length - 1);
        const starts = simple ? null : exactStartLines(text.slice(cursorAtStart, end), lineAtStart);
        const lineOf = (i: number) => (starts ? (starts[i] ?? lineAtStart + i) : lineAtStart + i);
        const problems: CsvChunk['problems'] = [];
        const badRows = new Set<number>();
        for (const e of results.errors) {
          if (e.row === undefined || e.row === null) continue;
          if (e.code === 'TooFewFields' || e.code === 'TooManyFields') continue; // reported below with counts
          badRows.add(e.row);
          problems.push({
            line: lineOf(e.row),
            reason: e.code === 'MissingQuotes' ? 'has a quote that is never closed' : e.message,
          });
        }
        const rows: CsvRow[] = [];
        for (let i = 0; i < data.length; i++) {
          const cells = data[i]!;
          if (cells.length === 1 && cells[0]!.trim() === '') continue; // a blank line
          if (badRows.has(i)) continue;
          if (headers === null) {
            headers = cells.map((h: string) => h.trim());
            continue;
          }
          if (cells.length !== headers.length) {
            problems.push({
              line: lineOf(i),
              reason: `has ${cells.length} fields; the header has ${headers.length} (a comma inside a value needs quotes)`,
            });
            continue;
          }
          rows.push({ line: lineOf(i), cells });
        }
        lineAtStart += count;
        cursorAtStart = end;
        parser.pause();
        Promise.resolve(onChunk({ headers: headers ?? [], rows, problems, done: end }))
          .then(() => parser.resume())
          .catch((err: unknown) => {
            failed = true;
            parser.abort();
            reject(err);
          });
      },
      complete: () => {
        if (!failed) resolve({ headers: headers ?? [] });
      },
      error: (err: Error) => reject(err),
    });
  });
}

/** The whole text at once (small files, tests, the sample preview). */
export async function parseCsv(
  text: string,
): Promise<{ headers: string[]; rows: CsvRow[]; problems: CsvChunk['problems'] }> {
  const rows: CsvRow[] = [];
  const problems: CsvChunk['problems'] = [];
  const { headers } = await readCsv(text, (c) => {
    for (const r of c.rows) rows.push(r);
    for (const p of c.problems) problems.push(p);
  });
  return { headers, rows, problems };
}

/** Just the header line's columns, cheaply. */
export function csvHeaders(text: string): string[] {
  const firstLines = text.slice(0, 64 * 1024);
  const result = Papa.parse<string[]>(firstLines, { preview: 1, delimiter: ',' });
  return (result.data[0] ?? []).map((h) => h.trim());
}
