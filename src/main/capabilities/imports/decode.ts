// Turns the bytes of an uploaded file into text, or a clear reason it cannot be read: empty,
// binary, not in the chosen encoding. A UTF-8 byte-order mark is dropped.
import { AppError } from '../../../shared/errors';

export type Encoding = 'utf-8' | 'windows-1252';

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
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

export function decodeFile(fileName: string, bytes: Uint8Array, encoding: Encoding): string {
  if (bytes.length === 0) throw new AppError('invalid_input', `${fileName} is empty.`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    throw new AppError('invalid_input', `${fileName} is UTF-16 text. Save it as CSV UTF-8 and import it again.`);
  const probe = bytes.subarray(0, Math.min(bytes.length, 1 << 20));
  const nul = probe.indexOf(0);
  if (nul >= 0) {
    throw new AppError(
      'invalid_input',
      `${fileName} is not a text file (it holds binary data near line ${lineOfOffset(bytes, nul)}). Export the extract as CSV.`,
    );
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (encoding === 'utf-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      // Fall through to find where, for the message.
    }
    const bad = firstInvalidUtf8(body);
    {
      throw new AppError(
        'invalid_input',
        `${fileName} is not UTF-8 text: line ${lineOfOffset(body, Math.max(0, bad))} has a character in another encoding. Choose the Windows-1252 encoding in the mapping, or save the file as CSV UTF-8.`,
      );
    }
  }
  return new TextDecoder('windows-1252').decode(body);
}
