// Issue 10 for the estate papers: the decedent's, the patient's and the personal representative's
// names, and the representative's address, print in any script (scriptNames.ts) on the referral
// memo, the statement of claim (sworn), the cover letter (English to the clerk, Spanish to the
// representative) and the follow-up letter. Read back with pdfjs as tests/unit/scriptDocuments.test.ts
// reads every other document, and asserted the same way (right-to-left and Devanagari as a reader
// of the page sees them).
import { describe, expect, it } from 'vitest';
import { renderEstateDocument, type EstateSnapshot } from '../../../src/main/capabilities/estates/documents';
import type { EstateCaption } from '../../../src/main/capabilities/estates/paper';
import type { Hospital } from '../../../src/shared/schemas/hospital';
import { pdfPages } from '../pdfText';
import { printedName, SCRIPT_NAMES, type ScriptName } from '../scriptNames';

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const INDIC = /\p{Script=Devanagari}/u;
const letters = (word: string) => [...word].sort().join('');

function expectShown(text: string, value: string) {
  if (INDIC.test(value)) {
    const found = new Set(text.split(/[\s,.]+/).map(letters));
    for (const word of value.split(' ')) expect(found, `${word} in ${text}`).toContain(letters(word));
  } else if (RTL.test(value) && /\d/.test(value)) {
    for (const word of value.split(' ')) expect(text).toContain(word);
  } else expect(text).toContain(value);
}

const hospital: Hospital = {
  legalName: 'Saint Brigid Regional Medical Center',
  address: { line1: '400 Harbor View Road', line2: '', city: 'Portland', state: 'ME', zip: '04101' },
  phone: '2075550100',
  taxId: '12-3456789',
  npi: '1234567893',
  remitTo: { line1: 'PO Box 9', line2: '', city: 'Portland', state: 'ME', zip: '04101' },
  financialAssistancePhone: '2075550199',
  financialAssistanceUrl: 'https://stbrigid.example.org/financial-assistance',
};

function papersFor(n: ScriptName): EstateSnapshot[] {
  const name = printedName(n);
  const caption: EstateCaption = {
    decedent: name,
    dateOfDeath: '2026-06-01',
    courtName: 'Cumberland County Probate Court',
    courtAddress: '142 Federal Street\nPortland, ME 04101',
    county: 'Cumberland',
    state: 'ME',
    caseNumber: '2026-0412',
  };
  const account = {
    accountNumber: 'A1',
    patientName: name,
    serviceFrom: '2026-05-20',
    serviceTo: '2026-05-28',
    lastIllness: true,
    priority: { classNumber: 4, label: 'Reasonable and necessary medical and hospital expenses of the last illness' },
    claimCents: 123_456,
    lines: [{ date: '2026-05-28', description: 'Charge: inpatient stay', amountCents: 123_456, balanceCents: 123_456 }],
  };
  const representative = { name, lines: [n.line1, `${n.city}, ME 04101`] };
  const common = { version: 1 as const, layout: 2 as const, estateId: 1, hospital, caption };
  return [
    {
      ...common,
      kind: 'referral_memo',
      language: 'en',
      date: '2026-06-10',
      preparedBy: 'Test clerk',
      death: { source: 'Family', note: '', recordedOn: '2026-06-05' },
      status: 'Death recorded; no claim yet',
      estate: {
        prName: name,
        prAddress: representative.lines.join('\n'),
        attorneyName: '',
        attorneyAddress: '',
        firstPublishedOn: null,
        mailedNoticeOn: null,
      },
      deadline: {
        date: '2027-06-01',
        explanation: 'June 1, 2027: the outer limit.',
        lines: [],
        source: 'UPC',
        note: '',
      },
      accounts: [
        {
          ...account,
          payerClass: 'self_pay',
          balanceCents: 123_456,
          eca: { allowed: true, allowedFrom: '2026-06-02', released: false, reasons: [] },
        },
      ],
      totalCents: 123_456,
      eca: { allowedFrom: '2026-06-02', releaseNeeded: false, released: false },
      note: '',
    },
    {
      ...common,
      kind: 'statement_of_claim',
      language: 'en',
      date: '2026-06-10',
      filedWith: 'personal_representative',
      prName: name,
      sworn: true,
      contingency: '',
      security: '',
      claimCents: 123_456,
      accounts: [account],
      summary: [{ label: 'Charges', cents: 123_456 }],
      prioritySource: 'UPC 3-805',
      preparedBy: 'Test clerk',
    },
    ...(['clerk', 'personal_representative'] as const).map((to): EstateSnapshot => ({
      ...common,
      kind: 'cover_letter',
      language: to === 'clerk' ? 'en' : 'es',
      date: '2026-06-10',
      to,
      addressee:
        to === 'clerk' ? { name: 'Clerk of the Probate Court', lines: ['142 Federal Street'] } : representative,
      accounts: [account],
      claimCents: 123_456,
      sworn: true,
    })),
    {
      ...common,
      kind: 'follow_up_letter',
      language: 'en',
      date: '2026-07-15',
      addressee: { name: 'Clerk of the Probate Court', lines: ['142 Federal Street'] },
      filedOn: '2026-06-10',
      filedWith: 'personal_representative',
      prName: name,
      claimCents: 123_456,
      status: 'filed',
      allowedOn: null,
      allowedCents: null,
      recoveredCents: 0,
      owedCents: 123_456,
      earlierContacts: [],
    },
  ];
}

describe('the statement of claim keeps its signature block on one page', () => {
  it.each(SCRIPT_NAMES.map((n) => [n.script, n] as const))('%s, sworn and not', async (_script, n) => {
    const claim = papersFor(n).find((s) => s.kind === 'statement_of_claim')!;
    for (const sworn of [true, false]) {
      const pages = await pdfPages((await renderEstateDocument({ ...claim, sworn } as EstateSnapshot)).bytes);
      const signed = pages.filter((p) => p.includes('Prepared by Test clerk'));
      expect(signed).toHaveLength(1);
      expect(signed[0]).toContain('Signature (for the claimant)');
      expect(signed[0]).toContain(
        sworn ? 'being first duly sworn' : 'The claimant states that the amount claimed is owed',
      );
      if (sworn) expect(signed[0]).toContain('Notary public');
    }
  });
});

describe('every estate paper prints every name', () => {
  it.each(SCRIPT_NAMES.map((n) => [n.script, n] as const))('%s', async (_script, n) => {
    for (const s of papersFor(n)) {
      const text = (await pdfPages((await renderEstateDocument(s)).bytes)).join(' ').replace(/\s+/g, ' ');
      expectShown(text, printedName(n));
      if (s.kind === 'cover_letter' && s.to === 'personal_representative') {
        expectShown(text, n.line1);
        expectShown(text, n.city);
      }
    }
  });
});
