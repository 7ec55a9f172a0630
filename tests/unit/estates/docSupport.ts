// The estate documents' tests: a death recorded on the test book (fixtures.ts) and its estate record
// filled in through the channels, as a clerk does; a PDF's text read back with pdftotext; a kept
// document's bytes. Eleanor Marsh (E1, Minnesota) dies 2026-06-01 and her notice to creditors is
// first published 2026-06-08 (deadline 2026-10-08: 4 months, before the outer limit 2027-06-01);
// 李美玲 (E2, California: the UPC's default row, Spanish letters) dies 2026-05-01 with no notice
// known (deadline 2027-05-01: the outer limit).
import { fetchDocumentBytes } from '../../../src/main/platform/documents';
import { pdfText } from '../smallClaims/docSupport';
import type { EstateWorld } from './fixtures';

export { pdfText };

export const E1_COURT = 'Hennepin County District Court, Probate Division';
export const E1_COURT_ADDRESS = '300 South Sixth Street\nMinneapolis, MN 55487';
export const E1_CASE = '27-PA-26-1234';
export const E1_PR = 'Thomas Marsh';
export const E2_COURT = 'Superior Court of California, County of Los Angeles';
export const E2_PR = '陈伟';

/** Records E1's death (2026-06-01) and her estate record; M3 is the last illness's care. */
export async function eleanorsEstate(w: EstateWorld, o: { court?: boolean } = {}): Promise<number> {
  const { t, clerk, gid, acct } = w;
  const d = await t.call(
    'estates:recordDeath',
    { guarantorId: gid('E1'), dateOfDeath: '2026-06-01', source: 'family', note: 'Her son called.' },
    clerk,
  );
  await t.call(
    'estates:details',
    {
      estateId: d.id,
      state: 'MN',
      county: 'Hennepin',
      courtName: o.court === false ? '' : E1_COURT,
      courtAddress: o.court === false ? '' : E1_COURT_ADDRESS,
      caseNumber: E1_CASE,
      prName: E1_PR,
      prAddress: '45 Lake St\nMinneapolis, MN 55401',
      attorneyName: '',
      attorneyAddress: '',
      letterLanguage: 'en',
      firstPublishedOn: '2026-06-08',
      mailedNoticeOn: null,
    },
    clerk,
  );
  await t.call(
    'estates:lastIllness',
    { estateId: d.id, accounts: [{ accountId: acct('M3'), lastIllness: true }] },
    clerk,
  );
  return d.id;
}

/** Records E2's death (2026-05-01) and her estate record: letters to 陈伟 in Spanish. */
export async function meilingsEstate(w: EstateWorld): Promise<number> {
  const { t, clerk, gid } = w;
  const d = await t.call(
    'estates:recordDeath',
    { guarantorId: gid('E2'), dateOfDeath: '2026-05-01', source: 'obituary', note: '' },
    clerk,
  );
  await t.call(
    'estates:details',
    {
      estateId: d.id,
      state: 'CA',
      county: 'Los Angeles',
      courtName: E2_COURT,
      courtAddress: '111 North Hill Street\nLos Angeles, CA 90012',
      caseNumber: '',
      prName: E2_PR,
      prAddress: '88 Valley Boulevard\nSan Gabriel, CA 91776',
      attorneyName: '',
      attorneyAddress: '',
      letterLanguage: 'es',
      firstPublishedOn: null,
      mailedNoticeOn: null,
    },
    clerk,
  );
  return d.id;
}

/** A kept document's bytes (the guarantor's documents). */
export function keptBytes(w: EstateWorld, documentId: number): Buffer {
  return fetchDocumentBytes(w.t.app.store.db, documentId);
}

/** Whitespace folded to single spaces (pdftotext -layout spaces out table columns). */
export const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** The -layout line of a table row that starts with `first` (an account number). */
export function rowOf(text: string, first: string): string {
  const line = text.split('\n').find((l) => l.trim().startsWith(`${first} `));
  if (!line) throw new Error(`no row for ${first} in:\n${text}`);
  return line.replace(/\s+/g, ' ').trim();
}
