// How a document's bytes leave pdfkit, cheaper than its own way and byte for byte the same (issue 18
// item 5). pdfkit writes every piece of every object ("3 0 obj", the dictionary, "stream", the
// stream, "endstream", "endobj", each xref line) as its own chunk: each turned into bytes by a
// character loop and pushed through its readable stream, where each is an event and, in a run's
// batch, a write down the pipe to the encrypted file. A statement's single PDF (only hashed) is
// some hundred such chunks; a 50,000-statement batch some millions.
//
// Strings become bytes as pdfkit makes them (each character's low byte: Node's 'latin1'), the
// document's offsets (its xref) are counted as pdfkit counts them, and the chunks are the same
// bytes in the same order. Like pageCopy.ts this relies on pdfkit 0.20's internals (`_write`,
// `_offset`, the `push(null)` that ends the document), pinned in package.json.
import type { Pdf } from './layout';

interface OutputInternals {
  _offset: number;
  _write(data: Uint8Array | string): void;
  push(chunk: Uint8Array | null): boolean;
  read(): Buffer | null;
  readableFlowing: boolean | null;
}

function bytesOf(data: Uint8Array | string): Uint8Array {
  return data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
}

/**
 * Ends a document (drawn with bufferPages, nothing read from it yet) and gives its bytes, without
 * its stream: what `pdfBytes` gives. Every font here is finished as the document ends (pdfkit's
 * standard fonts and subsets of embedded ones are written at once), so the document is complete
 * when `end()` returns; otherwise this refuses rather than give a part of it.
 */
export function endToBytes(doc: Pdf): Buffer {
  const d = doc as unknown as OutputInternals;
  if (d.readableFlowing) throw new Error('output: the document is being read already');
  // What the document wrote before (its header, at its making) waits in its stream.
  const head = d.read();
  const chunks: Uint8Array[] = head ? [head] : [];
  let ended = false;
  d._write = function (this: OutputInternals, data: Uint8Array | string): void {
    const bytes = bytesOf(data);
    chunks.push(bytes);
    this._offset += bytes.length;
  };
  d.push = (chunk: Uint8Array | null): boolean => {
    if (chunk === null) ended = true;
    else chunks.push(chunk);
    return true;
  };
  doc.end();
  if (!ended) throw new Error('output: the document did not end at once');
  return Buffer.concat(chunks);
}

/** Pieces kept before they go down the stream as one. */
const COALESCE_BYTES = 64 * 1024;

/**
 * Makes a long document (a run's batch, written as it is drawn) send its bytes down its stream in
 * pieces of some 64 KB rather than a chunk for every piece of every object. Call before anything
 * is written after its header.
 */
export function coalesceOutput(doc: Pdf): void {
  const d = doc as unknown as OutputInternals;
  const push = d.push.bind(d);
  const pending: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length === 0) return;
    push(pending.length === 1 ? pending[0]! : Buffer.concat(pending, size));
    pending.length = 0;
    size = 0;
  };
  d._write = function (this: OutputInternals, data: Uint8Array | string): void {
    const bytes = bytesOf(data);
    pending.push(bytes);
    size += bytes.length;
    this._offset += bytes.length;
    if (size >= COALESCE_BYTES) flush();
  };
  d.push = (chunk: Uint8Array | null): boolean => {
    flush();
    return push(chunk);
  };
}
