// Turns the bytes of an uploaded file into text, or a clear reason it cannot be read: empty,
// binary, not in the chosen encoding. A UTF-8 byte-order mark is dropped. The bytes may come in
// pieces of any size (a file read in chunks): a character split between two pieces is joined, and
// the checks are the same as for the whole file at once — the first MiB is looked at for binary
// data before any text is given out, and a byte that is not UTF-8 is named by its line.
import { AppError } from '../../../shared/errors';

export type Encoding = 'utf-8' | 'windows-1252';

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the WHATWG table; five bytes it leaves
 * undefined stay the control characters they are in Latin-1). Node 20's TextDecoder reads
 * "windows-1252" as Latin-1 and gives control characters for all of them (€, curly quotes, dashes
 * a Windows billing system writes).
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1 = /[\u0080-\u009f]/;
const C1_ALL = /[\u0080-\u009f]/g;

function windows1252(decoder: { decode(bytes: Uint8Array): string }, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return C1.test(text) ? text.replace(C1_ALL, (c: string) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : text;
}

/** How much of the start is checked for binary data (a NUL byte) before anything is decoded. */
const PROBE_BYTES = 1 << 20;

function newlinesIn(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** The offset of the first byte sequence that is not valid UTF-8, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Where the last whole UTF-8 character of `b` ends (the rest may be completed by the next piece). */
function wholeCharactersEnd(b: Uint8Array): number {
  const n = b.length;
  let j = n - 1;
  while (j >= 0 && j > n - 4 && (b[j]! & 0xc0) === 0x80) j--;
  if (j < 0) return n;
  const c = b[j]!;
  const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  return j + length > n ? j : n;
}

/** Decodes a file's bytes piece by piece: `push` each piece, then `end`; each returns text. */
export class ExtractDecoder {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private started = false;
  private totalBytes = 0;
  private tail: Uint8Array = new Uint8Array(0);
  /** Newlines in the bytes decoded so far (to name the line of a bad byte). */
  private lines = 0;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private readonly cp1252 = new TextDecoder('windows-1252');

  constructor(
    private readonly fileName: string,
    private readonly encoding: Encoding,
  ) {}

  push(bytes: Uint8Array): string {
    this.totalBytes += bytes.length;
    if (this.started) return this.decode(bytes, false);
    this.head.push(bytes);
    this.headBytes += bytes.length;
    return this.headBytes >= PROBE_BYTES ? this.start(false) : '';
  }

  end(): string {
    if (!this.started) return this.start(true);
    return this.decode(new Uint8Array(0), true);
  }

  /** The checks of the file's start (its first MiB, or all of it), then the first text. */
  private start(final: boolean): string {
    this.started = true;
    const bytes = this.head.length === 1 ? this.head[0]! : Buffer.concat(this.head);
    this.head = [];
    if (this.totalBytes === 0 && final) throw new AppError('invalid_input', `${this.fileName} is empty.`);
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      throw new AppError('invalid_input', `${this.fileName} is UTF-16 text. Save it as CSV UTF-8 and import it again.`);
    const nul = bytes.subarray(0, PROBE_BYTES).indexOf(0);
    if (nul >= 0) {
      throw new AppError(
        'invalid_input',
        `${this.fileName} is not a text file (it holds binary data near line ${newlinesIn(bytes, nul) + 1}). Export the extract as CSV.`,
      );
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return this.decode(bytes.subarray(bom), final);
  }

  private decode(piece: Uint8Array, final: boolean): string {
    if (this.encoding === 'windows-1252') return windows1252(this.cp1252, piece);
    let bytes = piece;
    if (this.tail.length > 0) {
      bytes = Buffer.concat([this.tail, piece]);
      this.tail = new Uint8Array(0);
    }
    const end = final ? bytes.length : wholeCharactersEnd(bytes);
    const whole = bytes.subarray(0, end);
    let text: string;
    try {
      text = this.utf8.decode(whole);
    } catch {
      const bad = Math.max(0, firstInvalidUtf8(whole));
      throw new AppError(
        'invalid_input',
        `${this.fileName} is not UTF-8 text: line ${this.lines + newlinesIn(whole, bad) + 1} has a character in another encoding. Choose the Windows-1252 encoding in the mapping, or save the file as CSV UTF-8.`,
      );
    }
    this.lines += newlinesIn(whole);
    if (end < bytes.length) this.tail = Uint8Array.prototype.slice.call(bytes, end);
    return text;
  }
}

/** A whole file's bytes at once (small files, tests). */
export function decodeFile(fileName: string, bytes: Uint8Array, encoding: Encoding): string {
  const decoder = new ExtractDecoder(fileName, encoding);
  return decoder.push(bytes) + decoder.end();
}
