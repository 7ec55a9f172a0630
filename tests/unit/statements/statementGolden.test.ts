// A statement recorded today must reprint byte for byte for as long as the records are kept. This
// test draws two fixed snapshots and compares the SHA-256 of their PDFs with the hashes this
// version of Recoup produces. If it fails, the way a statement is drawn has changed: every
// statement already recorded would no longer reprint. Keep the old drawing for snapshots recorded
// before the change (a layout version in the snapshot; see docs/architecture.md), then add the new
// hashes here; never just update them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { statementPdf } from '../../../src/main/capabilities/statements/statementPdf';
import { pdfPages } from '../pdfText';
import type { StatementSnapshot } from '../../../src/shared/schemas/statements';

const regular: StatementSnapshot = {
  hospital: {
    legalName: 'St. Brigid Regional Medical Center',
    address: { line1: '400 Harbor View Road', line2: '', city: 'Portland', state: 'ME', zip: '04101' },
    phone: '2075550100',
    taxId: '01-2345678',
    npi: '1234567893',
    remitTo: { line1: 'PO Box 9120', line2: '', city: 'Portland', state: 'ME', zip: '04104-9120' },
    financialAssistancePhone: '2075550199',
    financialAssistanceUrl: 'https://stbrigid.example.org/financial-assistance',
  },
  officeHours: 'Monday to Friday, 8:00 a.m. to 4:30 p.m.',
  statementDate: '2027-02-24',
  numberInCycle: 3,
  regularStatements: 3,
  kind: 'regular',
  dueDate: '2027-03-17',
  guarantor: { name: 'Jane Q Smith', address: ['12 Oak St', 'Portland, ME 04101'], externalId: 'G1' },
  accounts: [
    {
      accountNumber: 'A1',
      patientName: 'Jane Q Smith',
      serviceFrom: '2025-01-10',
      serviceTo: '2025-01-10',
      service: 'Outpatient visit',
      chargesCents: 50_000,
      insuranceCents: 0,
      adjustmentsCents: 0,
      patientPaidCents: -10_000,
      balanceCents: 40_000,
      step: 'regular',
      number: 3,
    },
    {
      accountNumber: 'A2',
      patientName: 'Tom Smith',
      serviceFrom: '2026-06-01',
      serviceTo: '2026-06-03',
      service: 'Hospital stay',
      chargesCents: 100_000,
      insuranceCents: -70_000,
      adjustmentsCents: 0,
      patientPaidCents: 0,
      balanceCents: 30_000,
      step: 'regular',
      number: 1,
    },
  ],
  activity: [{ date: '2027-02-01', accountNumber: 'A1', description: 'Patient payment', amountCents: -10_000 }],
  previousBalanceCents: 80_000,
  amountDueCents: 70_000,
  aging: { '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, '121-180': 0, '180+': 70_000 },
  finalNotice: null,
};

const finalNotice: StatementSnapshot = {
  ...regular,
  kind: 'final_notice',
  numberInCycle: 4,
  dueDate: '2027-03-26',
  accounts: regular.accounts.map((a, i) => ({
    ...a,
    step: i === 0 ? 'final_notice' : 'regular',
    number: i === 0 ? 4 : 2,
  })),
  finalNotice: {
    deadline: '2027-03-26',
    intendedActions: ['report to a credit bureau', 'sue (including small claims)'],
    plainLanguageSummary: 'Financial assistance is available for patients who cannot pay their hospital bill. '.repeat(
      6,
    ),
    accountNumbers: ['A1'],
  },
};

const sha = async (s: StatementSnapshot) =>
  createHash('sha256')
    .update(await statementPdf(s))
    .digest('hex');

describe('statements reprint byte for byte across versions', () => {
  it('draws a regular statement exactly as this version records it', async () => {
    expect(await sha(regular)).toBe('91f31d9295771b98d186596db554a2384c958822ffaaab2d8ec8d1c1a1469097');
  });
  it('draws a final notice exactly as this version records it', async () => {
    expect(await sha(finalNotice)).toBe('6f095393ddce86bcd394d83b0fcc3ce43ea9cbc2779faf05c5510f8daa0ccbd6');
  });
});

// Names and addresses outside Windows-1252, as statements recorded them before issue 10: drawn in
// Helvetica (the letters Helvetica lacks came out as garbage). The hashes are what the version
// before layout numbers (commit 9702ca9) recorded for these very snapshots.
const oldScripts: StatementSnapshot = {
  ...regular,
  guarantor: { name: 'Thị Minh Khai Nguyễn', address: ['12 Phố Huế', 'Łódź, ME 04101'], externalId: 'U1' },
  accounts: regular.accounts.map((a, i) => ({ ...a, patientName: ['王小明', 'محمد عبد الله'][i]! })),
};
const oldScriptsNotice: StatementSnapshot = {
  ...finalNotice,
  guarantor: oldScripts.guarantor,
  accounts: finalNotice.accounts.map((a, i) => ({ ...a, patientName: ['Ирина Петрова', 'Işıl Yıldız'][i]! })),
};

describe('layout versions: a statement is drawn as it was when it was recorded', () => {
  it('layout 1 (no layout in the snapshot): names in other scripts reprint as they were first drawn', async () => {
    expect(await sha(oldScripts)).toBe('4a11bc802dc66b9a02c3363a24f267166bbcf608c4cad958fc939d3896ea9f5d');
    expect(await sha(oldScriptsNotice)).toBe('250ec182c022e7c6cddc1341f3cfc0117eb1ef3d8311d54b02d70eca9c022842');
  });

  it('layout 2 draws a statement Helvetica can draw in the very same bytes as layout 1', async () => {
    expect(await sha({ ...regular, layout: 2 })).toBe(await sha(regular));
    expect(await sha({ ...finalNotice, layout: 2 })).toBe(await sha(finalNotice));
  });

  it('layout 2 draws names in any script exactly as this version records them', async () => {
    expect(await sha({ ...oldScripts, layout: 2 })).toBe(
      'a951ffdddbc44b28e1a4a838927192229da456a85f2093df389157c92ba62f45',
    );
    expect(await sha({ ...oldScriptsNotice, layout: 2 })).toBe(
      'd6469ffab4cfce5363fe20bd1fe797026ad05c963f6dd7bea39e2982fc87c601',
    );
  });

  it('layout 2 gives the same bytes whatever the process drew before (fontkit keeps glyphs per process)', async () => {
    const first = await sha({ ...oldScripts, layout: 2 });
    // Other documents with letters drawn from the same glyphs in other ways ("ị" is "i" and a dot).
    for (const name of ['Minh Nguyễn Thị', 'Ịnh Vịt', 'لا سلام الله', 'Ирина Işıl'])
      await sha({ ...oldScripts, layout: 2, guarantor: { ...oldScripts.guarantor, name } });
    expect(await sha({ ...oldScripts, layout: 2 })).toBe(first);
  });
});

describe('layout 3: a section’s heading is never left alone at a page’s foot', () => {
  // The final notice above, drawn in layout 2, has "How old the balance is" as page 1's last line
  // above the stub and its table at the top of page 2 (its table's header and row did not fit).
  const pageOf = (pages: string[], text: string) => pages.findIndex((p) => p.includes(text));

  it('layout 2 (recorded so) keeps the lone heading: a reprint is the statement the patient got', async () => {
    const pages = await pdfPages(await statementPdf({ ...finalNotice, layout: 2 }));
    expect(pageOf(pages, 'How old the balance is')).toBe(0);
    expect(pageOf(pages, '0–30 days')).toBe(1);
  });

  it('layout 3 moves the heading to the page of its table, and is recorded by these bytes', async () => {
    const pages = await pdfPages(await statementPdf({ ...finalNotice, layout: 3 }));
    expect(pageOf(pages, 'How old the balance is')).toBe(1);
    expect(pageOf(pages, '0–30 days')).toBe(1);
    expect(pages).toHaveLength(3);
    expect(await sha({ ...finalNotice, layout: 3 })).toBe(
      'd0bdd936d1a69565a62f4dc9492c3bc9294e6774f4d0a5b9c90a4ad30feb5380',
    );
  });

  it('layout 3 draws a statement whose headings all fit with their tables in the very same bytes as layout 2', async () => {
    const pages = await pdfPages(await statementPdf({ ...regular, layout: 3 }));
    expect(pageOf(pages, 'How old the balance is')).toBe(pageOf(pages, '0–30 days'));
    expect(await sha({ ...regular, layout: 3 })).toBe(await sha({ ...regular, layout: 2 }));
  });

  it('layout 3 keeps "Since your last statement" with its table too', async () => {
    // Ten accounts: in layout 2 the heading is page 1's last line, its payment on page 2.
    const accounts = Array.from({ length: 10 }, (_, i) => ({ ...regular.accounts[0]!, accountNumber: `A${i + 1}` }));
    const heading = 'Since your last statement';
    const two = await pdfPages(await statementPdf({ ...regular, accounts, layout: 2 }));
    expect([pageOf(two, heading), pageOf(two, 'Patient payment')]).toEqual([0, 1]);
    const three = await pdfPages(await statementPdf({ ...regular, accounts, layout: 3 }));
    expect([pageOf(three, heading), pageOf(three, 'Patient payment')]).toEqual([1, 1]);
  });

  it('layout 2 keeps 70 points under the headings of a statement showing its balance, as it recorded them', async () => {
    // A statement with its balance (a plan or a credit) kept 70 points under its headings in layout
    // 2 whether or not its table fit; its reprint must break where it broke.
    expect(await sha({ ...regular, layout: 2, balanceCents: 70_000, creditCents: 0 })).toBe(
      'a79953d0f8a20a593c4867cdea6460203c9323fcdd09b7c78ca8d776b76c10b4',
    );
  });

  it('layout 3 keeps a heading with its table in Spanish too', async () => {
    const pages = await pdfPages(await statementPdf({ ...finalNotice, layout: 3, language: 'es' }));
    const heading = pageOf(pages, 'Antigüedad del saldo');
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(pageOf(pages, '0–30 días')).toBe(heading);
  });
});
