// A long authorization (many accounts): each copy runs onto a second page with its own page count,
// and what is signed (the voluntary statement, whom to ask) stays with the signature lines, so a
// signature never stands on a page alone.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorizationPdf, type AuthorizationFacts } from '../../../src/main/capabilities/payroll/authorizationPdf';
import { SETUP, tempDir } from '../support';
import { formPages } from './authorizationSupport';

function longForm(language: 'en' | 'es'): AuthorizationFacts {
  // 18 accounts of $25.00 = $450.00 at $40.00 weekly: 12 deductions (11 of $40.00, the last $10.00).
  const accounts = Array.from({ length: 18 }, (_, i) => ({
    accountNumber: `ACCT-${String(i + 1).padStart(3, '0')}`,
    serviceFrom: '2026-01-05',
    serviceTo: '2026-01-07',
    owedCents: 2_500,
  }));
  return {
    method: 'payroll',
    language,
    reference: 'PD-3',
    date: '2026-11-26',
    hospital: SETUP.hospital,
    guarantor: { name: 'Rosa Delgado', number: 'P1' },
    accounts,
    totalCents: 45_000,
    amountCents: 4_000,
    frequency: 'weekly',
    firstDate: '2026-12-04',
    periods: 12,
    lastDate: '2027-02-19',
    lastAmountCents: 1_000,
    payroll: { employeeName: 'Rosa Delgado', employeeNumber: 'E-1', finalPayDeduction: 'none', payrollContact: '' },
    bank: null,
  };
}

describe('a long authorization', () => {
  it.each(['en', 'es'] as const)('%s: two pages a copy, the signatures with what is signed', async (lang) => {
    const pages = formPages(await authorizationPdf(longForm(lang)), `long-${lang}`);
    expect(pages).toHaveLength(4);
    const [copyOf, pageOf, voluntary, signature] =
      lang === 'en'
        ? [['Hospital copy', 'Employee copy'], 'Page', 'I sign this authorization voluntarily', 'Employee’s signature']
        : [
            ['Copia del hospital', 'Copia del empleado'],
            'Página',
            'Firmo esta autorización de manera voluntaria',
            'Firma del empleado',
          ];
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(`· ${copyOf[i < 2 ? 0 : 1]!}`);
      expect(page).toContain(`${pageOf} ${(i % 2) + 1} ${lang === 'en' ? 'of' : 'de'} 2`);
    }
    for (const i of [1, 3]) {
      expect(pages[i]).toContain(voluntary);
      expect(pages[i]).toContain(signature);
    }
    for (const i of [0, 2]) expect(pages[i]).not.toContain(signature);
    const text = pages.join(' ');
    expect(text).toContain('ACCT-018');
    expect(text).toContain('$450.00');
    expect(text).toContain(
      lang === 'en' ? '12: 11 of $40.00 and a last one of $10.00' : '12: 11 de $40.00 y un último de $10.00',
    );
  });
});

describe('a row of boxed fields', () => {
  it('es: the values start on one line although "Monto por período de pago" wraps', async () => {
    const pdf = await authorizationPdf(longForm('es'));
    const file = path.join(tempDir(), 'row.pdf');
    writeFileSync(file, pdf);
    const page = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    // The amount, the first date and the count of deductions side by side on one printed line.
    const row = page.split('\n').find((l) => l.includes('4 de diciembre de'));
    expect(row).toMatch(/^\s*\$40\.00\s+4 de diciembre de\s+12: /);
  });
});
