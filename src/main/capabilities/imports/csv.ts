// CSV text -> rows of cells with their line numbers, read as the text arrives in pieces (a file is
// decoded and read a MiB at a time), so that an extract of any size never sits in memory as one
// string or one table, and the caller can report progress and be cancelled between chunks.
//
// The format is papaparse's reading of RFC 4180 (what the import always took): a cell that starts
// with a quote runs to the closing quote ("" inside is one quote; commas and newlines are kept;
// spaces may follow the closing quote); a quote elsewhere is an ordinary character. Rows end with
// CRLF or LF (or CR alone, when the file's first row ends so). A row is numbered by the line it
// starts on, exact when quoted cells hold newlines. Blank lines are skipped; rows whose field count
// differs from the header, or with a broken quote, are reported, not guessed.
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvChunk {
  headers: string[];
  rows: CsvRow[];
  problems: { line: number; reason: string }[];
  /** How much of the source has been read so far (characters of a text, bytes of a file). */
  done: number;
}

/** A piece of the source's text, and how far into the source it reaches. */
export interface TextPiece {
  text: string;
  done: number;
}

/** Characters of a text handed to the reader at a time. */
export const CHUNK_CHARS = 1 << 20;
/**
 * A row longer than this is not a row of an extract (whose longest cell is 200 characters): it is a
 * quote that is never closed, or not CSV. It is reported, and the rest of the file is not read.
 */
const MAX_ROW_CHARS = 16 << 20;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** A row split from the text: cells, where it ends, lines it spans, what is wrong with it. */
interface Scanned {
  cells: string[];
  end: number;
  newlines: number;
  problem: string | null;
}

/** The reader's state between pieces: a row not yet complete, the line it starts on, the header. */
export class CsvReader {
  private rest = '';
  private line = 1;
  /** 'lf': rows end at LF (a CR before it is dropped); 'cr': at a CR alone. Set by the first row's end. */
  private ending: 'lf' | 'cr' | null = null;
  private stopped = false;
  headers: string[] | null = null;

  /** Reads a piece of text: the rows it completes (a row cut off at its end waits for the next piece). */
  read(piece: string, done: number, final = false): CsvChunk {
    const chunk: CsvChunk = { headers: this.headers ?? [], rows: [], problems: [], done };
    if (this.stopped) return chunk;
    const text = this.rest.length > 0 ? this.rest + piece : piece;
    this.rest = '';
    const n = text.length;
    let pos = 0;
    let quote = text.indexOf('"');
    while (pos < n) {
      let scanned: Scanned | null = null;
      if (this.ending === 'lf') {
        const lf = text.indexOf('\n', pos);
        if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
        if (lf !== -1 && (quote === -1 || quote > lf)) {
          // The common row: no quote before its end, so its cells are what lies between commas.
          const end = lf > pos && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
          scanned = { cells: text.slice(pos, end).split(','), end: lf + 1, newlines: 1, problem: null };
        }
      }
      scanned ??= this.scan(text, pos, final);
      if (scanned === null) {
        // The row goes on in the next piece.
        if (n - pos > MAX_ROW_CHARS) {
          chunk.problems.push({
            line: this.line,
            reason: `is longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters (a quote that is never closed?); the rest of the file was not read`,
          });
          this.stopped = true;
          return chunk;
        }
        this.rest = text.slice(pos);
        break;
      }
      this.take(scanned, chunk);
      pos = scanned.end;
    }
    return chunk;
  }

  /** The end of the text: a last row without a line ending is read. */
  finish(done: number): CsvChunk {
    return this.read('', done, true);
  }

  private take(s: Scanned, chunk: CsvChunk): void {
    const line = this.line;
    this.line += s.newlines;
    const cells = s.cells;
    if (s.problem !== null) {
      chunk.problems.push({ line, reason: s.problem });
      return;
    }
    if (cells.length === 1 && cells[0]!.trim() === '') return; // a blank line
    if (this.headers === null) {
      this.headers = cells.map((h) => h.trim());
      chunk.headers = this.headers;
      return;
    }
    if (cells.length !== this.headers.length) {
      chunk.problems.push({
        line,
        reason: `has ${cells.length} fields; the header has ${this.headers.length} (a comma inside a value needs quotes)`,
      });
      return;
    }
    chunk.rows.push({ line, cells });
  }

  /**
   * The length of the row ending at `k` (1 or 2), 0 when the character there does not end rows in
   * this file (it belongs to the cell), -1 when the text ends before that can be told.
   */
  private endAt(text: string, k: number, final: boolean): number {
    const c = text.charCodeAt(k);
    if (c === LF) {
      if (this.ending === 'cr') return 0;
      this.ending = 'lf';
      return 1;
    }
    if (c !== CR) return 0;
    if (this.ending === 'cr') return 1;
    if (k + 1 >= text.length && !final) return -1;
    if (text.charCodeAt(k + 1) === LF) {
      this.ending = 'lf';
      return 2;
    }
    if (this.ending === 'lf') return 0;
    this.ending = 'cr';
    return 1;
  }

  /** One row from `pos`, character by character, or null when the text ends before the row does. */
  private scan(text: string, pos: number, final: boolean): Scanned | null {
    const n = text.length;
    const cells: string[] = [];
    let newlines = 0;
    let problem: string | null = null;
    let i = pos;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        // A quoted cell: to the quote followed (after any spaces) by a comma, a row's end or the end.
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) {
            if (!final) return null;
            cells.push(text.slice(i + 1));
            return {
              cells,
              end: n,
              newlines: newlines + this.lineEnds(text, i, n),
              problem: 'has a quote that is never closed',
            };
          }
          if (q + 1 >= n && !final) return null;
          if (text.charCodeAt(q + 1) === QUOTE) {
            from = q + 2;
            continue;
          }
          let after = q + 1;
          while (after < n && (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9)) after++;
          if (after >= n && !final) return null;
          const ends = after >= n || text.charCodeAt(after) === COMMA ? 1 : this.endAt(text, after, final);
          if (ends === -1) return null;
          if (ends > 0) {
            newlines += this.lineEnds(text, i, q);
            cells.push(text.slice(i + 1, q).replaceAll('""', '"'));
            i = after;
            break;
          }
          problem ??= 'Trailing quote on quoted field is malformed';
          from = q + 1;
        }
      } else {
        // A plain cell: to the next comma or row end.
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA) break;
          if (c === LF || c === CR) {
            const ends = this.endAt(text, j, final);
            if (ends === -1) return null;
            if (ends > 0) break;
          }
          j++;
        }
        cells.push(text.slice(i, j));
        i = j;
      }
      // After a cell: a comma, a row's end, or the end of the text.
      if (i >= n) {
        if (!final) return null;
        return { cells, end: n, newlines, problem };
      }
      if (text.charCodeAt(i) === COMMA) {
        i++;
        if (i >= n && !final) return null;
        continue;
      }
      const ends = this.endAt(text, i, final);
      if (ends === -1) return null;
      return { cells, end: i + ends, newlines: newlines + 1, problem };
    }
  }

  /** Row ends of the file's kind between two offsets (inside a quoted cell, they are kept). */
  private lineEnds(text: string, from: number, to: number): number {
    const ch = this.ending === 'cr' ? '\r' : '\n';
    let count = 0;
    for (let k = text.indexOf(ch, from); k !== -1 && k < to; k = text.indexOf(ch, k + 1)) count++;
    return count;
  }
}

/** The pieces of a text, a MiB at a time. */
export function* textPieces(text: string): Generator<TextPiece> {
  for (let at = 0; at < text.length; at += CHUNK_CHARS) {
    const end = Math.min(text.length, at + CHUNK_CHARS);
    yield { text: text.slice(at, end), done: end };
  }
}

/** Reads the pieces into chunks of rows, one chunk per piece, the last one at the end. */
export async function* csvChunks(pieces: Iterable<TextPiece> | AsyncIterable<TextPiece>): AsyncGenerator<CsvChunk> {
  const reader = new CsvReader();
  let done = 0;
  for await (const piece of pieces) {
    done = piece.done;
    yield reader.read(piece.text, done);
  }
  yield reader.finish(done);
}

/**
 * Reads the text chunk by chunk; `onChunk` may be async (the reader waits for it). Resolves with
 * the header when the whole text has been read.
 */
export async function readCsv(
  text: string,
  onChunk: (chunk: CsvChunk) => void | Promise<void>,
): Promise<{ headers: string[] }> {
  let headers: string[] = [];
  for await (const chunk of csvChunks(textPieces(text))) {
    headers = chunk.headers;
    await onChunk(chunk);
  }
  return { headers };
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
  const reader = new CsvReader();
  reader.read(text.slice(0, 64 * 1024), 0, text.length <= 64 * 1024);
  return reader.headers ?? [];
}
