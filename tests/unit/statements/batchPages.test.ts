// Issue 18: a run's worker draws statement after statement with the text it measured, wrapped and
// encoded once (pdf/standardText.ts) and deflates their pages for the batch (pageCopy). Two
// statements drawn one after the other into one batch must each still print their own guarantor,
// in another script, and their own amounts, read back with pdftotext; and each statement's kept
// hash must be that of the statement alone.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderForBatch, statementPdf } from '../../../src/main/capabilities/statements/statementPdf';
import { createPdf, pdfBytes } from '../../../src/main/pdf/layout';
import { appendPages } from '../../../src/main/pdf/pageCopy';
import type { StatementSnapshot } from '../../../src/shared/schemas/statements';

function snapshot(name: string, externalId: string, balanceCents: number): StatementSnapshot {
  return {
    layout: 3,
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
    numberInCycle: 1,
    regularStatements: 3,
    kind: 'regular',
    dueDate: '2027-03-17',
    guarantor: { name, address: ['12 Oak St', 'Portland, ME 04101'], externalId },
    accounts: [
      {
        accountNumber: `A-${externalId}`,
        patientName: name,
        serviceFrom: '2026-06-01',
        serviceTo: '2026-06-03',
        service: 'Hospital stay',
        chargesCents: balanceCents + 50_000,
        insuranceCents: -50_000,
        adjustmentsCents: 0,
        patientPaidCents: 0,
        balanceCents,
        step: 'regular',
        number: 1,
      },
    ],
    activity: [],
    previousBalanceCents: balanceCents,
    amountDueCents: balanceCents,
    aging: { '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, '121-180': 0, '180+': balanceCents },
    finalNotice: null,
  };
}

function pdftotext(bytes: Buffer, page: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'recoup-batch-'));
  try {
    const file = path.join(dir, 'batch.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('two statements drawn one after the other into one batch', () => {
  it('each prints its own name in its own script and its own amounts, and keeps its own hash', async () => {
    const statements = [snapshot('王小明', 'G-CN', 70_000), snapshot('Ирина Петрова', 'G-RU', 123_456)];
    const batch = createPdf({ title: 'Statements 2027-02-24', date: '2027-02-24', streamPages: true });
    for (const s of statements) {
      const drawn = await renderForBatch(s);
      // The kept copy: the statement alone, whose hash is recorded (a reprint must match it).
      expect(drawn.sha256).toBe(
        createHash('sha256')
          .update(await statementPdf(s))
          .digest('hex'),
      );
      expect(drawn.pages).toHaveLength(1);
      appendPages(batch, drawn.pages);
    }
    const bytes = await pdfBytes(batch);
    const [first, second] = [pdftotext(bytes, 1), pdftotext(bytes, 2)];
    expect(first).toContain('王小明');
    expect(first).toContain('$700.00');
    expect(first).not.toContain('Ирина');
    expect(first).not.toContain('$1,234.56');
    expect(second).toContain('Ирина Петрова');
    expect(second).toContain('$1,234.56');
    expect(second).not.toContain('王小明');
    expect(second).not.toContain('$700.00');
    for (const [text, id] of [
      [first, 'G-CN'],
      [second, 'G-RU'],
    ] as const)
      expect(text).toContain(`guarantor ${id}`);
  });
});
