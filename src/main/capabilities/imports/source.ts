// Where an import file's text comes from: a string already in memory (tests, the demo data), a
// file on disk (the benchmark's extract), pieces in memory (tests), or an upload staged encrypted on
// disk (platform/uploads.ts, read back a chunk at a time). Files and uploads are decoded a piece at
// a time by the encoding the clerk chose (decode.ts), so the whole file is never one string.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { textPieces, type TextPiece } from './csv';
import { ExtractDecoder, type Encoding } from './decode';
import type { StagedFile } from '../../platform/uploads';

export type ImportSource =
  | { text: string; path?: never; parts?: never; staged?: never }
  | { path: string; text?: never; parts?: never; staged?: never }
  | { parts: readonly Uint8Array[]; text?: never; path?: never; staged?: never }
  | { staged: StagedFile; text?: never; path?: never; parts?: never };

/** Bytes read from a file at a time. */
const READ_BYTES = 1 << 20;

/** How big the source is, in the unit its pieces' `done` counts (characters of a text, else bytes). */
export function sourceSize(source: ImportSource): number {
  if (source.text !== undefined) return source.text.length;
  if (source.path !== undefined) return statSync(source.path).size;
  if (source.staged !== undefined) return source.staged.sizeBytes;
  return source.parts.reduce((n, p) => n + p.length, 0);
}

/** The bytes of a file, a MiB at a time (read synchronously: the import waits for each anyway). */
function* fileBytes(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(READ_BYTES);
      const read = readSync(fd, buffer, 0, READ_BYTES, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

function* decoded(name: string, bytes: Iterable<Uint8Array>, encoding: Encoding): Generator<TextPiece> {
  const decoder = new ExtractDecoder(name, encoding);
  let done = 0;
  for (const piece of bytes) {
    // Pieces in memory may be larger than a MiB: decoded a MiB at a time like a file's.
    for (let at = 0; at < piece.length; at += READ_BYTES) {
      const part = piece.subarray(at, Math.min(piece.length, at + READ_BYTES));
      done += part.length;
      const text = decoder.push(part);
      if (text.length > 0) yield { text, done };
    }
  }
  const text = decoder.end();
  yield { text, done };
}

/** The source's text, piece by piece, with how far into the source each piece reaches. */
export function sourcePieces(name: string, source: ImportSource, encoding: Encoding): Iterable<TextPiece> {
  if (source.text !== undefined) return textPieces(source.text);
  if (source.path !== undefined) return decoded(name, fileBytes(source.path), encoding);
  if (source.staged !== undefined) return decoded(name, source.staged.pieces(), encoding);
  return decoded(name, source.parts, encoding);
}

/** The first characters of the source (for its header line), without reading all of it. */
export function sourceStart(name: string, source: ImportSource, encoding: Encoding, chars = 64 * 1024): string {
  if (source.text !== undefined) return source.text.slice(0, chars);
  let text = '';
  for (const piece of sourcePieces(name, source, encoding)) {
    text += piece.text;
    if (text.length >= chars) break;
  }
  return text.slice(0, chars);
}
