// Issue 16 section 6: the payroll deduction authorization (PD-03) and the automatic bank transfer
// authorization, printed through payroll:authorization, kept among the guarantor's documents and
// recorded on the arrangement, read back with pdftotext in English and Spanish. Figures by hand:
// R1 $250.00 + R2 $162.37 = $412.37 at $50.00 every two weeks from Friday 2026-12-04 is
// ceil(412.37 / 50) = 9 deductions (8 of $50.00, the last $12.37): 12-04, 12-18, 01-01, 01-15,
// 01-29, 02-12, 02-26, 03-12, 03-26 -> the last on March 26, 2027. B1 $300.00 at $75.00 monthly
// from 2026-12-31 (the month's last day) is 4 debits: 12-31, 01-31, 02-28, 03-31.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authWorld,
  bankArrangement,
  FULL_ACCOUNT_NUMBER,
  formPages,
  payrollArrangement,
  type AuthWorld,
} from './authorizationSupport';

let w: AuthWorld;
beforeEach(async () => {
  w = await authWorld();
});
afterEach(() => w.t.cleanup());

/** The form printed through the channel: its pages' text, whitespace made single spaces. */
async function print(arrangementId: number, language?: 'en' | 'es', keep?: string): Promise<string[]> {
  const handle = await w.t.call('payroll:authorization', { arrangementId, ...(language ? { language } : {}) }, w.admin);
  return formPages(await w.t.file(handle), keep);
}

const all = (pages: string[]) => pages.join(' ');

describe('the payroll deduction authorization (PD-03), English', () => {
  it('prints every field with the hand-computed figures, in a hospital copy and an employee copy', async () => {
    const id = payrollArrangement(w);
    const pages = await print(id, undefined, 'payroll-en');
    const text = all(pages);
    // The hospital's identity.
    expect(text).toContain('Saint Brigid Regional Medical Center');
    expect(text).toContain('400 Harbor View Road');
    // Employee, id, pay frequency, the responsible guarantor.
    expect(text).toContain('Employee Rosa Delgado');
    expect(text).toContain('Employee ID E-20417');
    expect(text).toContain('Pay frequency Every two weeks');
    expect(text).toContain('Rosa Delgado (guarantor number P1)');
    // The accounts with their service dates and balances, and the total.
    expect(text).toMatch(/R1 03\/02\/2026 \$250\.00/);
    expect(text).toMatch(/R2 05\/10\/2026 – 05\/12\/2026 \$162\.37/);
    expect(text).toContain('Total balance $412.37');
    // Amount, first date, count and last date.
    expect(text).toContain('Amount each pay period $50.00');
    expect(text).toContain('First pay date December 4, 2026');
    expect(text).toContain('Number of deductions 9: 8 of $50.00 and a last one of $12.37');
    expect(text).toContain('Last pay date March 26, 2027');
    // 40 TAC 821.28(b): the specific purpose, the amount, withheld from wages.
    expect(text).toContain(
      'I authorize Saint Brigid Regional Medical Center to withhold $50.00 from my wages each pay period, beginning with my pay of December 4, 2026, for one specific purpose only: to pay the total balance of $412.37 on the hospital patient accounts listed above. The amount is withheld from my wages',
    );
    expect(text).toContain('it takes 9 deductions; the last is expected on March 26, 2027.');
    // PD-01: the wage-floor clause.
    expect(text).toContain(
      'No deduction will bring my pay below the federal or state minimum wage, or reduce the overtime pay I am owed, in any workweek.',
    );
    expect(text).toContain('payroll takes less, or nothing, that pay period');
    // The final paycheck: the shipped setting is none.
    expect(text).toContain('nothing is withheld from my final paycheck');
    expect(text).not.toContain('my final paycheck carries');
    // Revocation, voluntary, the payroll office (no contact set), signatures and dates.
    expect(text).toContain('I may revoke this authorization at any time by writing to Patient Accounts');
    expect(text).toContain('The deductions stop with the next pay period after my letter is received.');
    expect(text).toContain('I sign this authorization voluntarily. Signing it is not a condition of my employment');
    expect(text).toContain('Questions about a deduction from my pay: my payroll office.');
    expect(text).toContain('Employee’s signature');
    expect(text).toContain('For Saint Brigid Regional Medical Center (name and title)');
    // Both copies, each on its own pages with its own page count.
    const hospital = pages.filter(
      (p) => p.includes('Payroll deduction authorization PD-') && p.includes('· Hospital copy'),
    );
    const employee = pages.filter((p) => p.includes('· Employee copy'));
    expect(hospital.length).toBeGreaterThan(0);
    expect(employee.length).toBe(hospital.length);
    expect(hospital.length + employee.length).toBe(pages.length);
    expect(pages[0]).toContain('Hospital copy');
    expect(pages[0]).toContain(`Page 1 of ${hospital.length}`);
    expect(pages[hospital.length]).toContain('Employee copy');
    expect(pages[hospital.length]).toContain(`Page 1 of ${employee.length}`);
    // The whole form in each copy: the signature lines twice.
    expect(text.split('Employee’s signature').length - 1).toBe(2);
    expect(text.split('Total balance $412.37').length - 1).toBe(2);
  });

  it('with the regular final-pay setting and a payroll contact, says so', async () => {
    await w.t.call(
      'settings:update',
      {
        payroll: {
          deductionCode: 'HOSPBILL',
          finalPayDeduction: 'regular',
          payrollContact: 'Payroll Office, ext. 4410, payroll@stbrigid.example.org',
          bankCompanyName: '',
          bankCompanyId: '',
          bankRoutingNumber: '',
          bankName: '',
          entryDescription: 'HOSP BILL',
        },
      },
      w.admin,
    );
    const text = all(await print(payrollArrangement(w), 'en', 'payroll-en-regular'));
    expect(text).toContain(
      'If my employment ends, my final paycheck carries the usual deduction of $50.00 (never more than the balance left, and never below the minimum wage), and then the deductions stop.',
    );
    expect(text).not.toContain('nothing is withheld from my final paycheck');
    expect(text).toContain(
      'Questions about a deduction from my pay: Payroll Office, ext. 4410, payroll@stbrigid.example.org.',
    );
  });

  it('is kept among the guarantor’s documents and recorded on the arrangement', async () => {
    const id = payrollArrangement(w);
    await print(id);
    const db = w.t.app.store.db;
    const a = db.prepare('SELECT authorization_document_id FROM deduction_arrangements WHERE id = ?').get(id) as {
      authorization_document_id: number;
    };
    const d = db
      .prepare('SELECT guarantor_id, kind, title, file_name FROM documents WHERE id = ?')
      .get(a.authorization_document_id);
    expect(d).toEqual({
      guarantor_id: w.gid('P1'),
      kind: 'payroll_authorization',
      title: `Payroll deduction authorization PD-${id}`,
      file_name: `payroll-deduction-authorization-PD-${id}-2026-11-26.pdf`,
    });
    // A second printing is the one to be signed.
    await print(id, 'es');
    const again = db
      .prepare('SELECT authorization_document_id FROM deduction_arrangements WHERE id = ?')
      .pluck()
      .get(id);
    expect(again).toBeGreaterThan(a.authorization_document_id);
    expect(db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(again)).toBe(
      `Payroll deduction authorization PD-${id} (Spanish)`,
    );
  });

  it('printed after the first date has passed, starts at the next pay date', async () => {
    const id = payrollArrangement(w);
    w.t.clock.setToday('2026-12-10');
    const text = all(await print(id, 'en'));
    // 12-18, 01-01, ..., the 9th: 2027-04-09.
    expect(text).toContain('First pay date December 18, 2026');
    expect(text).toContain('Last pay date April 9, 2027');
  });

  it('counts what the accounts owe now (a payment lowers it), in even amounts', async () => {
    const id = payrollArrangement(w, { accounts: ['R1'], amountCents: 2_500 });
    const text = all(await print(id, 'en'));
    // $250.00 / $25.00 = 10, each of $25.00: 12-04 ... 04-09 (10th).
    expect(text).toContain('Number of deductions 10, each of $25.00');
    expect(text).toContain('Last pay date April 9, 2027');
    expect(text).toContain('Total balance $250.00');
  });
});

describe('the payroll deduction authorization, Spanish', () => {
  it('prints in the guarantor’s language with the same figures', async () => {
    w.t.app.store.db.prepare("UPDATE guarantors SET language = 'Spanish' WHERE external_id = 'P1'").run();
    const pages = await print(payrollArrangement(w), undefined, 'payroll-es');
    const text = all(pages);
    expect(text).toContain('Autorización de descuento de nómina');
    expect(text).toContain('Empleado Rosa Delgado');
    expect(text).toContain('Número de empleado E-20417');
    expect(text).toContain('Frecuencia de pago Cada dos semanas');
    expect(text).toContain('Saldo total $412.37');
    expect(text).toContain('Monto por período de pago $50.00');
    expect(text).toContain('Primera fecha de pago 4 de diciembre de 2026');
    expect(text).toContain('Número de descuentos 9: 8 de $50.00 y un último de $12.37');
    expect(text).toContain('Última fecha de pago 26 de marzo de 2027');
    expect(text).toContain('El monto se retiene de mi salario');
    expect(text).toContain('con un único propósito específico');
    expect(text).toContain(
      'Ningún descuento hará que mi salario quede por debajo del salario mínimo federal o estatal',
    );
    expect(text).toContain('no se retiene nada de mi último cheque de pago');
    expect(text).toContain('Puedo revocar esta autorización en cualquier momento');
    expect(text).toContain('Firmo esta autorización de manera voluntaria');
    expect(text).toContain('Firma del empleado');
    expect(pages[0]).toContain('Copia del hospital');
    expect(pages.at(-1)).toContain('Copia del empleado');
    expect(pages[0]).toContain('Página 1 de');
    expect(text).not.toContain('Employee');
  });

  it('the regular final-pay sentence in Spanish', async () => {
    const db = w.t.app.store.db;
    db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES ('payroll', ?, '2026-11-26T14:00:00.000Z')
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    ).run(
      JSON.stringify({
        deductionCode: 'HOSPBILL',
        finalPayDeduction: 'regular',
        payrollContact: '',
        bankCompanyName: '',
        bankCompanyId: '',
        bankRoutingNumber: '',
        bankName: '',
        entryDescription: 'HOSP BILL',
      }),
    );
    const text = all(await print(payrollArrangement(w), 'es'));
    expect(text).toContain('mi último cheque de pago llevará el descuento habitual de $50.00');
    expect(text).toContain('Preguntas sobre un descuento de mi salario: mi oficina de nómina.');
  });
});

describe('the automatic bank transfer (ACH debit) authorization', () => {
  it('English: every field, the account masked to its last four digits, both copies', async () => {
    const pages = await print(bankArrangement(w), 'en', 'bank-en');
    const text = all(pages);
    // The title wraps beside the copy's box: its words, and the whole in the footer.
    expect(pages[0]).toMatch(/Automatic bank transfer \(ACH debit\) (Hospital copy )?authorization/);
    expect(text).toContain('Automatic bank transfer authorization ABT-');
    expect(text).toContain('Account holder Tomás Ibáñez');
    expect(text).toContain('Bank routing number 011000015');
    expect(text).toContain('Account ••••6789 (checking)');
    expect(text).toContain('B1 02/14/2026 $300.00');
    expect(text).toContain('Total balance $300.00');
    expect(text).toContain('Amount each debit $75.00');
    expect(text).toContain('How often Monthly');
    expect(text).toContain('First debit December 31, 2026');
    expect(text).toContain('Number of debits 4, each of $75.00');
    expect(text).toContain('Last debit March 31, 2027');
    expect(text).toContain(
      'I authorize Saint Brigid Regional Medical Center to debit my checking account shown above by $75.00 every month, beginning December 31, 2026, to pay the total balance of $300.00',
    );
    expect(text).toContain('I may revoke this authorization at any time');
    expect(text).toContain('The debits stop with the next debit date after my notice is received.');
    expect(text).toContain('Account holder’s signature');
    expect(pages[0]).toContain('Hospital copy');
    expect(pages.at(-1)).toContain('Patient copy');
    expect(text.split('Account holder’s signature').length - 1).toBe(2);
    // The full account number never prints, nor any part beyond the last four digits.
    const digits = text.replace(/\D/g, '');
    expect(digits).not.toContain(FULL_ACCOUNT_NUMBER);
    expect(digits).not.toContain(FULL_ACCOUNT_NUMBER.slice(0, 8));
    expect(text).not.toContain('44177');
    // No wage-floor clause on a bank form.
    expect(text).not.toContain('minimum wage');
  });

  it('Spanish, savings, twice a month', async () => {
    const id = bankArrangement(w, {
      frequency: 'semimonthly',
      firstDate: '2026-12-15',
      type: 'savings',
      amountCents: 10_000,
    });
    const text = all(await print(id, 'es', 'bank-es'));
    // $300.00 / $100.00 = 3: 12-15, 12-31, 01-15.
    expect(text).toMatch(/Autorización de transferencia bancaria (Copia del hospital )?automática \(débito ACH\)/);
    expect(text).toContain('Titular de la cuenta Tomás Ibáñez');
    expect(text).toContain('Número de ruta bancaria 011000015');
    expect(text).toContain('Cuenta ••••6789 (de ahorros)');
    expect(text).toContain('Frecuencia Dos veces al mes');
    expect(text).toContain('Primer débito 15 de diciembre de 2026');
    expect(text).toContain('Número de débitos 3, cada uno de $100.00');
    expect(text).toContain('Último débito 15 de enero de 2027');
    expect(text).toContain('Puedo revocar esta autorización en cualquier momento');
    expect(text).toContain('Copia del paciente');
    expect(text.replace(/\D/g, '')).not.toContain(FULL_ACCOUNT_NUMBER);
  });
});

describe('printing is refused for an arrangement that has ended', () => {
  it.each([
    ['cancelled', null, 'cancelled before signing'],
    ['revoked', '2026-11-20', 'revoked'],
    ['terminated', '2026-11-20', 'the employment ended'],
    ['paid', '2026-11-20', 'paid in full'],
  ])('%s', async (status, signed, said) => {
    const id = payrollArrangement(w);
    w.t.app.store.db
      .prepare('UPDATE deduction_arrangements SET status = ?, signed_on = ?, ended_on = ? WHERE id = ?')
      .run(status, signed, '2026-11-25', id);
    const r = await w.t.raw('payroll:authorization', { arrangementId: id }, w.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('not_allowed');
      expect(r.error.message).toContain(`PD-${id} has ended (${said}, November 25, 2026)`);
    }
    expect(
      w.t.app.store.db
        .prepare('SELECT authorization_document_id FROM deduction_arrangements WHERE id = ?')
        .pluck()
        .get(id),
    ).toBeNull();
    expect(
      w.t.app.store.db.prepare("SELECT count(*) FROM documents WHERE kind = 'payroll_authorization'").pluck().get(),
    ).toBe(0);
  });

  it('an active arrangement prints again, from its next date after the signature', async () => {
    const id = payrollArrangement(w);
    w.t.app.store.db
      .prepare("UPDATE deduction_arrangements SET status = 'active', signed_on = '2026-11-26' WHERE id = ?")
      .run(id);
    const text = all(await print(id, 'en'));
    expect(text).toContain('First pay date December 4, 2026');
    // The signed form stays the arrangement's (PD-02's evidence): a print after signing is a copy.
    const db = w.t.app.store.db;
    expect(
      db.prepare('SELECT authorization_document_id FROM deduction_arrangements WHERE id = ?').pluck().get(id),
    ).toBeNull();
    expect(
      db.prepare("SELECT title FROM documents WHERE kind = 'payroll_authorization' ORDER BY id DESC").pluck().get(),
    ).toBe(`Payroll deduction authorization PD-${id} (copy after signing)`);
  });

  it('an unknown arrangement is not found', async () => {
    const r = await w.t.raw('payroll:authorization', { arrangementId: 999 }, w.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_found');
  });
});
