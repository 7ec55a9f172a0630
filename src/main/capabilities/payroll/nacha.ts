// The automatic bank transfers' file for the hospital's bank: a NACHA file of one PPD batch of
// debits (service class 225), fixed-width 94-character records: the file header (1), the batch
// header (5), one entry per debit (6: transaction code 27 checking / 37 savings), the batch control
// (8), the file control (9), then lines of 9s to a multiple of ten (blocking factor 10). The
// format is docs/export-format.md, "Automatic bank transfer file". Pure: the caller gives every
// value, so the same run gives the same bytes.

export interface NachaOrigin {
  /** The hospital's bank (the ODFI): 9-digit routing number, and its name (≤23). */
  bankRoutingNumber: string;
  bankName: string;
  /** The company name (≤16) and the company id the bank assigned (10). */
  companyName: string;
  companyId: string;
  /** On the patient's bank statement (≤10). */
  entryDescription: string;
}

export interface NachaDebit {
  routingNumber: string;
  accountNumber: string;
  accountType: 'checking' | 'savings';
  amountCents: number;
  /** The arrangement's reference ("ABT-12"): the individual id (15). */
  individualId: string;
  /** The account holder (22). */
  name: string;
}

export const NACHA_RECORD_LENGTH = 94;

/** Text as the file takes it: upper-case ASCII letters, digits and spaces (accents dropped). */
export function achText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9 &.,'/-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function alpha(text: string, width: number): string {
  return achText(text).slice(0, width).padEnd(width, ' ');
}

function num(value: number | string, width: number): string {
  const s = String(value);
  if (!/^\d+$/.test(s)) throw new Error(`A NACHA number field holds digits only: ${s}`);
  if (s.length > width) throw new Error(`A NACHA number field of ${width} digits cannot hold ${s}.`);
  return s.padStart(width, '0');
}

function record(parts: string[]): string {
  const line = parts.join('');
  if (line.length !== NACHA_RECORD_LENGTH) throw new Error(`A NACHA record is 94 characters, not ${line.length}.`);
  return line;
}

/** YYMMDD from a business date. */
function yymmdd(date: string): string {
  return date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
}

/** The entry hash: the sum of the receiving banks' 8-digit ids, its last ten digits. */
export function entryHash(routingNumbers: readonly string[]): string {
  let sum = 0;
  for (const r of routingNumbers) sum += Number(r.slice(0, 8));
  return String(sum).slice(-10).padStart(10, '0');
}

/**
 * The whole file. `createdAt` is an ISO instant (the run's): the header's creation date and time
 * (UTC). `effectiveDate` is the debit date. Lines end with CRLF.
 */
export function nachaFile(
  origin: NachaOrigin,
  debits: readonly NachaDebit[],
  effectiveDate: string,
  createdAt: string,
  batchNumber = 1,
): string {
  const odfi = origin.bankRoutingNumber.slice(0, 8);
  const created = createdAt.slice(0, 10);
  const time = createdAt.slice(11, 13) + createdAt.slice(14, 16);
  const lines: string[] = [];
  lines.push(
    record([
      '1',
      '01',
      ` ${num(origin.bankRoutingNumber, 9)}`,
      alpha(origin.companyId, 10),
      yymmdd(created),
      num(time, 4),
      'A',
      '094',
      '10',
      '1',
      alpha(origin.bankName, 23),
      alpha(origin.companyName, 23),
      ' '.repeat(8),
    ]),
  );
  lines.push(
    record([
      '5',
      '225',
      alpha(origin.companyName, 16),
      ' '.repeat(20),
      alpha(origin.companyId, 10),
      'PPD',
      alpha(origin.entryDescription, 10),
      ' '.repeat(6),
      yymmdd(effectiveDate),
      ' '.repeat(3),
      '1',
      num(odfi, 8),
      num(batchNumber, 7),
    ]),
  );
  let total = 0;
  debits.forEach((d, i) => {
    total += d.amountCents;
    lines.push(
      record([
        '6',
        d.accountType === 'checking' ? '27' : '37',
        num(d.routingNumber.slice(0, 8), 8),
        num(d.routingNumber.slice(8, 9), 1),
        d.accountNumber.slice(0, 17).padEnd(17, ' '),
        num(d.amountCents, 10),
        alpha(d.individualId, 15),
        // A name with no Latin letters (the file takes ASCII only) is written as the reference.
        alpha(achText(d.name) ? d.name : d.individualId, 22),
        '  ',
        '0',
        num(odfi, 8) + num(i + 1, 7),
      ]),
    );
  });
  const hash = entryHash(debits.map((d) => d.routingNumber));
  lines.push(
    record([
      '8',
      '225',
      num(debits.length, 6),
      hash,
      num(total, 12),
      num(0, 12),
      alpha(origin.companyId, 10),
      ' '.repeat(19),
      ' '.repeat(6),
      num(odfi, 8),
      num(batchNumber, 7),
    ]),
  );
  // Records so far plus the file control, in blocks of ten.
  const blocks = Math.ceil((lines.length + 1) / 10);
  lines.push(
    record(['9', num(1, 6), num(blocks, 6), num(debits.length, 8), hash, num(total, 12), num(0, 12), ' '.repeat(39)]),
  );
  while (lines.length % 10 !== 0) lines.push('9'.repeat(NACHA_RECORD_LENGTH));
  return lines.map((l) => `${l}\r\n`).join('');
}
