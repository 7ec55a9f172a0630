// What every estate paper shares: the estate's case as the papers name it ("In the Estate of NAME,
// Deceased", the court, the case number), the court's caption, the state's name, addresses kept as
// typed, and a drawn document's bytes, hash and pages (so a cover letter and its statement of claim
// go out as one file, pageCopy).
import { createHash } from 'node:crypto';
import type { EstateDetail } from '../../../shared/schemas/estates';
import type { Hospital } from '../../../shared/schemas/hospital';
import { contentWidth, FONT, INK, PAGE, pdfBytes, type Pdf } from '../../pdf/layout';
import { capturePages, type CapturedPage } from '../../pdf/pageCopy';

/** The estate's case as every estate paper names it. */
export interface EstateCaption {
  decedent: string;
  dateOfDeath: string;
  courtName: string;
  courtAddress: string;
  county: string;
  /** Two-letter state. */
  state: string;
  caseNumber: string;
}

/** The caption of an estate as its page shows it. */
export function captionOf(d: EstateDetail): EstateCaption {
  return {
    decedent: d.guarantorName,
    dateOfDeath: d.dateOfDeath,
    courtName: d.courtName,
    courtAddress: d.courtAddress,
    county: d.county,
    state: d.state,
    caseNumber: d.caseNumber,
  };
}

/**
 * The patient an account is for, as every patient paper prints it: the extract's patient name, or
 * the guarantor's when it gave none (statements/snapshot.ts and the small-claims papers do the same).
 */
export function patientNameOf(a: { patientName: string }, d: Pick<EstateDetail, 'guarantorName'>): string {
  return a.patientName.trim() || d.guarantorName;
}

/**
 * PR-04: an account's class as every estate paper prints it, one way: "Class 4 — last illness:
 * reasonable and necessary medical and hospital expenses", "Class 6 — all other claims".
 */
export function classText(priority: { classNumber: number; label: string }, lastIllness: boolean): string {
  const label = priority.label.charAt(0).toLowerCase() + priority.label.slice(1);
  return lastIllness
    ? `Class ${priority.classNumber} — last illness: ${label.replace(/ of the last illness$/, '')}`
    : `Class ${priority.classNumber} — ${label}`;
}

/**
 * Whether an account's patient (as the papers print it, patientNameOf) is the decedent: the same
 * name however the extract wrote it ("MARSH, ELEANOR", "Eleanor Marsh" for Eleanor R Marsh, "李 美玲"
 * for 李美玲): the same first and last names, and any middle name or initial the guarantor's own.
 * A different first name, or a suffix ("Jr"), is another patient.
 */
export function isTheDecedent(patientName: string, decedent: string): boolean {
  const words = (name: string) => {
    const comma = name.indexOf(',');
    const ordered = comma < 0 ? name : `${name.slice(comma + 1)} ${name.slice(0, comma)}`;
    return ordered
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w !== '');
  };
  const p = words(patientName);
  const d = words(decedent);
  if (p.join('') === d.join('')) return true;
  if (p.length < 2 || d.length < 2 || p[0] !== d[0] || p.at(-1) !== d.at(-1)) return false;
  const middles = d.slice(1, -1);
  return p
    .slice(1, -1)
    .every((m) => middles.length === 0 || middles.some((x) => x === m || (m.length === 1 && x.startsWith(m))));
}

const STATE_NAMES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'U.S. Virgin Islands',
};

/** "ME" -> "Maine" (a code the list lacks prints as it is). */
export function stateName(code: string): string {
  return STATE_NAMES[code] ?? code;
}

/** "In the Estate of NAME, Deceased", as the caption, the letters and the footers say it. */
export function estateTitle(decedent: string): string {
  return `In the Estate of ${decedent}, Deceased`;
}

/** An address as the clerk typed it (lines, or one line with commas), as lines to print. */
export function addressLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function hospitalAddress(a: Hospital['address']): string {
  return `${[a.line1, a.line2].filter(Boolean).join(', ')}, ${a.city}, ${a.state} ${a.zip}`;
}

/**
 * The court's caption: the court across the top, then the estate on the left and the case number
 * and the paper's title on the right, divided by rules as court papers are.
 */
export function drawCaption(doc: Pdf, c: EstateCaption, title: string): void {
  const w = contentWidth(doc);
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(INK.text)
    .text((c.courtName || 'In the probate court').toUpperCase(), PAGE.margin, doc.y, { width: w, align: 'center' });
  doc
    .font(FONT.regular)
    .fontSize(10)
    .text(`${c.county ? `${c.county} County, ` : ''}${stateName(c.state)}`, PAGE.margin, doc.y + 2, {
      width: w,
      align: 'center',
    });
  doc.moveDown(1.2);
  const top = doc.y;
  const left = w * 0.55;
  doc
    .font(FONT.regular)
    .fontSize(10.5)
    .text('In the Estate of', PAGE.margin, top + 8, { width: left - 16 });
  doc
    .font(FONT.bold)
    .fontSize(12)
    .text(c.decedent, PAGE.margin, doc.y + 4, { width: left - 16 });
  doc
    .font(FONT.regular)
    .fontSize(10.5)
    .text('Deceased.', PAGE.margin, doc.y + 4, { width: left - 16 });
  const leftBottom = doc.y + 10;
  const x = PAGE.margin + left + 16;
  doc
    .font(FONT.regular)
    .fontSize(10.5)
    .text(`Case No. ${c.caseNumber || '____________________'}`, x, top + 8, { width: w - left - 16 });
  doc
    .font(FONT.bold)
    .fontSize(13)
    .text(title.toUpperCase(), x, doc.y + 12, { width: w - left - 16 });
  const bottom = Math.max(leftBottom, doc.y + 10);
  doc
    .moveTo(PAGE.margin + left, top)
    .lineTo(PAGE.margin + left, bottom)
    .moveTo(PAGE.margin, bottom)
    .lineTo(PAGE.margin + left, bottom)
    .lineWidth(0.8)
    .strokeColor(INK.text)
    .stroke();
  doc.x = PAGE.margin;
  doc.y = bottom + 18;
}

export interface RenderedPdf {
  bytes: Buffer;
  sha256: string;
  pages: CapturedPage[];
}

/** Ends a drawn document: its bytes (kept, and hashed) and its pages (to put several in one file). */
export async function rendered(doc: Pdf): Promise<RenderedPdf> {
  const pages = capturePages(doc);
  const bytes = await pdfBytes(doc);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages };
}
