// Fill and stroke colours given as '#rrggbb' (what every document uses), written as pdfkit writes
// them, worked out once per colour and thread instead of parsed and formatted at every call: a
// statement sets a colour some fifty times. The operators are pdfkit's own, byte for byte (the
// colour space, then each component / 255), and the document's colour state is kept as pdfkit
// keeps it (standardText.test.ts draws both ways).
import type { Pdf } from './layout';

interface ColorInternals {
  _fillColor: unknown;
  page: { write(chunk: Uint8Array): void };
  fillOpacity(opacity?: number): unknown;
  strokeOpacity(opacity?: number): unknown;
}

const HEX = /^#[0-9A-Fa-f]{6}$/;

/** The operators setting a colour, by colour: fill ("scn"), then stroke ("SCN"). */
const operators = [new Map<string, Uint8Array>(), new Map<string, Uint8Array>()] as const;

function operatorOf(color: string, stroke: boolean): Uint8Array | null {
  const known = operators[stroke ? 1 : 0].get(color);
  if (known) return known;
  if (!HEX.test(color)) return null;
  const hex = parseInt(color.slice(1), 16);
  const parts = [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255);
  const op = Buffer.from(
    `/DeviceRGB ${stroke ? 'CS' : 'cs'}\n${parts.join(' ')} ${stroke ? 'SCN' : 'scn'}\n`,
    'latin1',
  );
  operators[stroke ? 1 : 0].set(color, op);
  return op;
}

/** Makes `doc` set '#rrggbb' colours from the operators worked out once. Called by createPdf. */
export function rememberPlainColors(doc: Pdf): void {
  const d = doc as unknown as ColorInternals;
  const fillColor = doc.fillColor;
  const strokeColor = doc.strokeColor;
  doc.fillColor = function (this: Pdf, color: unknown, opacity?: number) {
    const op = typeof color === 'string' ? operatorOf(color, false) : null;
    if (!op) return (fillColor as (c: unknown, o?: number) => Pdf).call(this, color, opacity);
    d.page.write(op);
    d.fillOpacity(opacity);
    d._fillColor = [color, opacity];
    return doc;
  } as typeof doc.fillColor;
  doc.strokeColor = function (this: Pdf, color: unknown, opacity?: number) {
    const op = typeof color === 'string' ? operatorOf(color, true) : null;
    if (!op) return (strokeColor as (c: unknown, o?: number) => Pdf).call(this, color, opacity);
    d.page.write(op);
    d.strokeOpacity(opacity);
    return doc;
  } as typeof doc.strokeColor;
}
