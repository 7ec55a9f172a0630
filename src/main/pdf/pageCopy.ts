// Copying finished pages from one PDF into another without drawing them again. The statement run
// renders each statement once, as the single-statement PDF whose SHA-256 is recorded (and which a
// reprint must match byte for byte); the run's batch PDF takes those very pages. Drawing every
// statement twice was half the run's time.
//
// This reads pdfkit's page objects (the content stream before it is compressed, and the fonts a
// page uses). It relies on pdfkit 0.20 (pinned in package.json) and checks what it relies on:
// a page using anything but fonts (images, transparency, links), a different page size, or fonts
// numbered differently in the two documents is refused with an error, never copied wrongly. The
// tests compare the batch's pages with the single statements, text and pictures.
import type { Pdf } from './layout';

/** One page as drawn: its content stream (uncompressed) and the standard fonts it names. */
export interface CapturedPage {
  width: number;
  height: number;
  /** The page's drawing operators, after pdfkit's own opening transform. */
  content: Uint8Array;
  /** Font resource name ("F1") to the standard font it stands for ("Helvetica"). */
  fonts: Record<string, string>;
}

interface PdfReferenceInternals {
  buffer: Uint8Array[];
  data: Record<string, unknown>;
}
interface PdfPageInternals {
  width: number;
  height: number;
  content: PdfReferenceInternals;
  resources: PdfReferenceInternals;
  dictionary: PdfReferenceInternals;
}
interface PdfFontInternals {
  id: string;
  name: string;
}
interface PdfDocumentInternals {
  _pageBuffer: PdfPageInternals[];
  _fontFamilies: Record<string, PdfFontInternals>;
  _font: PdfFontInternals & { ref(): unknown };
  page: PdfPageInternals & { fonts: Record<string, unknown>; write(chunk: Uint8Array): void };
}

const RESOURCE_KEYS = new Set(['ProcSet', 'Font', 'ColorSpace']);

/** pdfkit's opening transform on every new page (its y axis points down). */
function openingTransform(height: number): Uint8Array {
  return Buffer.from(`1 0 0 -1 0 ${height} cm\n`, 'latin1');
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** The pages of a document drawn with `bufferPages` (as createPdf makes them), before it is ended. */
export function capturePages(doc: Pdf): CapturedPage[] {
  const d = doc as unknown as PdfDocumentInternals;
  if (!Array.isArray(d._pageBuffer)) throw new Error('pageCopy: this pdfkit keeps its pages differently');
  const names = new Map(Object.values(d._fontFamilies).map((f) => [f.id, f.name]));
  return d._pageBuffer.map((page, i) => {
    for (const key of Object.keys(page.resources.data)) {
      const value = page.resources.data[key];
      const empty = value && typeof value === 'object' && Object.keys(value).length === 0;
      if (!RESOURCE_KEYS.has(key) && !empty)
        throw new Error(`pageCopy: page ${i + 1} uses ${key}, which is not copied`);
    }
    const annotations = page.dictionary.data.Annots as unknown[] | undefined;
    if (annotations && annotations.length > 0)
      throw new Error(`pageCopy: page ${i + 1} has links, which are not copied`);
    const colorSpaces = page.resources.data.ColorSpace as Record<string, unknown> | undefined;
    if (colorSpaces && Object.keys(colorSpaces).length > 0) throw new Error('pageCopy: spot colours are not copied');
    const content = Buffer.concat(page.content.buffer);
    const opening = openingTransform(page.height);
    if (!startsWith(content, opening)) throw new Error('pageCopy: a page does not open as pdfkit opens it');
    const fonts: Record<string, string> = {};
    for (const id of Object.keys((page.resources.data.Font as Record<string, unknown> | undefined) ?? {})) {
      const name = names.get(id);
      if (!name) throw new Error(`pageCopy: font ${id} is unknown`);
      fonts[id] = name;
    }
    return { width: page.width, height: page.height, content: content.subarray(opening.length), fonts };
  });
}

/**
 * Appends captured pages to `target`, a new page each (make the target with createPdf's
 * `streamPages`, which has no opening page). The target must number its fonts as the source did:
 * createPdf registers the regular and the bold font first, in that order, in every document.
 */
export function appendPages(target: Pdf, pages: CapturedPage[]): void {
  const t = target as unknown as PdfDocumentInternals;
  pages.forEach((p) => {
    target.addPage();
    if (t.page.width !== p.width || t.page.height !== p.height) throw new Error('pageCopy: the page sizes differ');
    t.page.write(p.content);
    const current = t._font;
    for (const [id, name] of Object.entries(p.fonts)) {
      target.font(name);
      if (t._font.id !== id) throw new Error(`pageCopy: ${name} is ${t._font.id} here but ${id} in the source`);
      t.page.fonts[id] = t._font.ref();
    }
    target.font(current.name);
  });
}
