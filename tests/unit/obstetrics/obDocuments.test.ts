// PP-04: the OB financial agreement, one OB statement now, and the true-up letter, printed through
// their channels and read back with pdftotext: every figure of the arithmetic and the schedule, the
// EMTALA sentence, the financial-assistance notice (ECA-06), in English and Spanish (LANG-01); each
// kept among her documents and recorded on the case; OB statements never touch the accounts.
import { afterEach, describe, expect, it } from 'vitest';
import { caseProgress } from '../../../src/main/capabilities/obstetrics/reads';
import { obEmtalaSentence } from '../../../src/shared/wording/obTexts';
import { SETUP } from '../support';
import { casesWorld, ESTIMATE } from './casesWorld';
import {
  closeCase,
  deposit,
  obWorld,
  openCase,
  pdfPages,
  pdfText,
  sign,
  SELF_PAY,
  TODAY,
  type ObWorld,
} from './obDocumentsSupport';

let w: ObWorld;
afterEach(() => w?.t.cleanup());

const FAP_EN =
  'If you cannot pay this bill, you may qualify for free or discounted care under our financial assistance policy. Call (207) 555-0199 or visit https://stbrigid.example.org/financial-assistance.';
const FAP_ES_START = 'Si no puede pagar esta factura, es posible que reúna los requisitos';

async function print(
  channel: 'ob:agreement' | 'ob:statement' | 'ob:trueUpLetter',
  caseId: number,
  language?: 'en' | 'es',
) {
  const handle = await w.t.call(channel, { caseId, ...(language ? { language } : {}) }, w.admin);
  return w.t.file(handle);
}

describe('PP-04: the OB financial agreement', () => {
  it('English: the patient, the estimate with every step, the schedule and why it ends, deposits, the true-up, EMTALA, ECA-06, two copies', async () => {
    w = await obWorld();
    const caseId = openCase(w, { fapScreening: 'will_apply' });
    const receipt = deposit(w, caseId, 30_000);
    const pages = pdfPages(await print('ob:agreement', caseId), 'agreement-en');
    const text = pages.join(' ');
    for (const s of [
      SETUP.hospital.legalName,
      'Maternity financial agreement',
      `OB-${caseId}, version 1`,
      'Rosa Delgado',
      '12 Oak St',
      'May 20, 2027',
      'vaginal delivery',
      'Insured: Acme Health PPO',
      // The arithmetic, every step.
      'The hospital’s expected charges for a vaginal delivery $12,000.00',
      'The amount Acme Health PPO is expected to allow: the estimate starts from it $8,000.00',
      'Your deductible (left to meet: $1,500.00) + $1,500.00',
      'Your coinsurance: 20% of the $6,500.00 left after the deductible + $1,300.00',
      'Your copay for the delivery stay + $250.00',
      'Your estimated share = $3,050.00',
      // The schedule: 4 × $762.50, the last allowed date and why.
      'Payment 1 January 5, 2027 $762.50',
      'Payment 2 February 5, 2027 $762.50',
      'Payment 3 March 5, 2027 $762.50',
      'Payment 4 April 5, 2027 $762.50',
      'Total $3,050.00',
      'Every payment is due by April 20, 2027, 30 days before the expected delivery date of May 20, 2027',
      // Deposits so far.
      `${receipt} December 7, 2026 $300.00`,
      'Paid to date $300.00',
      'If your baby comes early, the payments not yet due are no longer asked for before the delivery',
      'we refund any overpayment within 30 days',
      'with a payment plan and financial assistance available',
      obEmtalaSentence('en'),
      FAP_EN,
      'you will apply, and we gave you the application',
      'Hospital copy',
      'Patient copy',
      'For Saint Brigid Regional Medical Center (name and title)',
    ])
      expect(text).toContain(s);
    // Each copy says which it is on its own pages, with its own page count.
    expect(pages[0]).toContain('Hospital copy');
    expect(pages[pages.length - 1]).toContain('Patient copy');
    expect(pages.length % 2).toBe(0);
    expect(pages[0]).toContain(`Page 1 of ${pages.length / 2}`);
    // Kept among her documents and recorded on the case.
    const db = w.t.app.store.db;
    const doc = db
      .prepare(
        'SELECT d.guarantor_id, d.kind FROM ob_cases c JOIN documents d ON d.id = c.agreement_document_id WHERE c.id = ?',
      )
      .get(caseId);
    expect(doc).toEqual({ guarantor_id: w.gid('P1'), kind: 'ob_agreement' });
  });

  it('Spanish: the same figures in Spanish words, the EMTALA sentence in Spanish', async () => {
    w = await obWorld();
    const caseId = openCase(w, { language: 'es', guarantor: 'P2' });
    const text = pdfText(await print('ob:agreement', caseId), 'agreement-es');
    for (const s of [
      'Acuerdo financiero de maternidad',
      'María José Ibáñez',
      `OB-${caseId}, versión 1`,
      '20 de mayo de 2027',
      'parto vaginal',
      'Con seguro: Acme Health PPO',
      'Cargos previstos del hospital por un parto vaginal $12,000.00',
      'Su coseguro: 20% de los $6,500.00 que quedan después del deducible + $1,300.00',
      'Su parte estimada = $3,050.00',
      'Pago 1 5 de enero de 2027 $762.50',
      'Pago 4 5 de abril de 2027 $762.50',
      'Todos los pagos vencen a más tardar el 20 de abril de 2027, 30 días antes',
      'Todavía no hemos recibido pagos.',
      obEmtalaSentence('es'),
      FAP_ES_START,
      'Copia del hospital',
      'Copia de la paciente',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Your care never depends');
  });

  it('once signed, a print is a copy: the signed agreement stays recorded; a cancelled case’s is refused', async () => {
    w = await obWorld();
    const caseId = openCase(w);
    await print('ob:agreement', caseId);
    const db = w.t.app.store.db;
    const first = db.prepare('SELECT agreement_document_id FROM ob_cases WHERE id = ?').pluck().get(caseId);
    sign(w, caseId);
    await print('ob:agreement', caseId);
    expect(db.prepare('SELECT agreement_document_id FROM ob_cases WHERE id = ?').pluck().get(caseId)).toBe(first);
    expect(db.prepare("SELECT count(*) FROM documents WHERE kind = 'ob_agreement'").pluck().get()).toBe(2);
    db.prepare("UPDATE ob_cases SET status = 'cancelled', cancelled_on = ? WHERE id = ?").run(TODAY, caseId);
    await expect(print('ob:agreement', caseId)).rejects.toThrow(`OB-${caseId} is cancelled`);
  });

  it('a schedule too near the delivery says so; self-pay prints its discount', async () => {
    w = await obWorld();
    const caseId = openCase(w, {
      coverage: SELF_PAY,
      selfPayDiscountBp: 3000,
      expectedDelivery: '2027-01-01',
      firstDue: null,
    });
    const text = pdfText(await print('ob:agreement', caseId), 'agreement-too-near');
    expect(text).toContain('Self-pay (no insurance for the delivery)');
    expect(text).toContain('The hospital’s self-pay discount (30%) – $3,600.00');
    expect(text).toContain('Your estimated share = $8,400.00');
    expect(text).toContain(
      'The expected delivery is too near for payments before it (the last one could be due by December 2, 2026)',
    );
    expect(text).not.toContain('Payment 1');
  });
});

describe('PP-04: one OB statement now', () => {
  it('English: next due, past due, each payment’s state, paid to date; EMTALA and ECA-06; recorded; no account touched', async () => {
    w = await obWorld();
    const caseId = openCase(w);
    sign(w, caseId);
    deposit(w, caseId, 30_000);
    deposit(w, caseId, 76_250, '2026-12-20');
    // 2027-02-10: $1,062.50 paid covers payment 1 ($762.50) and $300.00 of payment 2.
    w.t.clock.setToday('2027-02-10');
    const db = w.t.app.store.db;
    const accountsBefore = db.prepare('SELECT id, first_statement_date, balance_cents FROM accounts ORDER BY id').all();
    const text = pdfText(await print('ob:statement', caseId), 'statement-en');
    const { progress } = caseProgress(db, caseId, '2027-02-10');
    expect(progress.nextDue).toEqual({ dueDate: '2027-02-05', cents: 46_250 });
    expect(progress.pastDueCents).toBe(46_250);
    for (const s of [
      'Maternity statement',
      'Rosa Delgado',
      '12 Oak St',
      `OB-${caseId}`,
      '02/10/2027',
      'Your next payment',
      '$762.50, due March 5, 2027',
      'Past due $462.50 (due February 5, 2027)',
      'Paid to date $1,062.50',
      'Payment 1 January 5, 2027 $762.50 $762.50 Paid',
      'Payment 2 February 5, 2027 $762.50 $300.00 Past due',
      'Payment 3 March 5, 2027 $762.50 $0.00 Due',
      'Payment 4 April 5, 2027 $762.50 $0.00 Due',
      'Your estimated share = $3,050.00',
      'What you have paid is applied to your delivery account once it is opened',
      obEmtalaSentence('en'),
      FAP_EN,
    ])
      expect(text).toContain(s);
    const rows = db.prepare('SELECT * FROM ob_statements WHERE case_id = ?').all(caseId) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      statement_date: '2027-02-10',
      run_id: null,
      estimate_cents: 305_000,
      paid_cents: 106_250,
      next_due_date: '2027-02-05',
      next_due_cents: 46_250,
      past_due_cents: 46_250,
      language: 'en',
    });
    // Printed again the same day: one row, the latest print.
    await print('ob:statement', caseId);
    expect(db.prepare('SELECT count(*) FROM ob_statements').pluck().get()).toBe(1);
    expect(db.prepare('SELECT id, first_statement_date, balance_cents FROM accounts ORDER BY id').all()).toEqual(
      accountsBefore,
    );
  });

  it('Spanish: the states and the sentences in Spanish', async () => {
    w = await obWorld();
    const caseId = openCase(w, { language: 'es' });
    sign(w, caseId);
    deposit(w, caseId, 30_000);
    const text = pdfText(await print('ob:statement', caseId), 'statement-es');
    for (const s of [
      'Estado de cuenta de maternidad',
      'Su próximo pago',
      '$462.50, vence el 5 de enero de 2027',
      'Pagado hasta la fecha $300.00',
      'Pago 1 5 de enero de 2027 $762.50 $300.00 Pagado en parte',
      'Pago 2 5 de febrero de 2027 $762.50 $0.00 Por vencer',
      obEmtalaSentence('es'),
      FAP_ES_START,
    ])
      expect(text).toContain(s);
  });

  it('a delivered case gets no OB statement', async () => {
    w = await obWorld();
    const caseId = openCase(w);
    sign(w, caseId);
    w.t.app.store.db
      .prepare("UPDATE ob_cases SET status = 'delivered', delivered_on = ? WHERE id = ?")
      .run(TODAY, caseId);
    await expect(print('ob:statement', caseId)).rejects.toThrow('is delivered: what is left is settled at the true-up');
  });
});

describe('PP-04: the true-up letter', () => {
  it.each([
    [
      'refund',
      280_000,
      305_000,
      [
        'Your real share $2,800.00',
        'What you paid toward the delivery $3,050.00',
        'We owe you $250.00',
        'We will refund $250.00 to you within 30 days of the true-up, by August 9, 2027.',
      ],
    ],
    [
      'bill',
      320_000,
      305_000,
      [
        'Your real share $3,200.00',
        'Balance you owe $150.00',
        'A balance of $150.00 remains.',
        'You will receive a statement for it',
        'A payment plan is available',
      ],
    ],
    ['even', 305_000, 305_000, ['Difference $0.00', 'What you paid equals your share: you owe nothing more']],
  ] as const)(
    '%s: the estimate, the real share and its source, paid, the outcome, ECA-06',
    async (_o, real, paid, lines) => {
      w = await obWorld();
      const caseId = openCase(w);
      sign(w, caseId);
      closeCase(w, caseId, real, paid);
      const text = pdfText(await print('ob:trueUpLetter', caseId), `true-up-${_o}`);
      for (const s of [
        'Your maternity payments: the final figures',
        'Dear Rosa Delgado,',
        'Estimated share before the delivery $3,050.00',
        'Where it comes from: Acme Health PPO remittance of 2027-07-02',
        ...lines,
        FAP_EN,
      ])
        expect(text).toContain(s);
      const db = w.t.app.store.db;
      expect(
        db
          .prepare('SELECT d.kind FROM ob_cases c JOIN documents d ON d.id = c.true_up_letter_id WHERE c.id = ?')
          .pluck()
          .get(caseId),
      ).toBe('ob_true_up_letter');
    },
  );

  it('Spanish, and refused before the true-up', async () => {
    w = await obWorld();
    const caseId = openCase(w, { language: 'es', guarantor: 'P2' });
    sign(w, caseId);
    await expect(print('ob:trueUpLetter', caseId)).rejects.toThrow(`OB-${caseId} is not trued up yet`);
    closeCase(w, caseId, 280_000, 305_000);
    const text = pdfText(await print('ob:trueUpLetter', caseId), 'true-up-es');
    for (const s of [
      'Sus pagos de maternidad: las cifras finales',
      'Estimada María José Ibáñez:',
      'Su parte real $2,800.00',
      'Le debemos $250.00',
      'a más tardar el 9 de agosto de 2027',
      FAP_ES_START,
    ])
      expect(text).toContain(s);
  });
});

describe('PP-04: the documents with the cases’ services (interview, signature, deposit, revision)', () => {
  it('she signs the printed agreement; a revised schedule prints its version and what was held before it', async () => {
    const cw = await casesWorld();
    w = { t: cw.t, admin: cw.admin, gid: () => cw.jane };
    const caseId = await cw.interviewJane();
    await w.t.file(await w.t.call('ob:agreement', { caseId }, cw.clerk));
    const signed = await w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, cw.clerk);
    expect(signed.status).toBe('active');
    await w.t.call(
      'ob:deposit',
      { caseId, amountCents: 50_000, receivedOn: TODAY, method: 'cash', reference: '' },
      cw.clerk,
    );
    await w.t.call(
      'ob:revise',
      {
        caseId,
        reason: 'date_moved',
        ...ESTIMATE,
        expectedDelivery: '2027-06-15',
        note: 'Her OB moved the date at the 20-week visit.',
      },
      cw.clerk,
    );
    const text = pdfText(await print('ob:agreement', caseId), 'agreement-revised');
    for (const s of [
      `OB-${caseId}, version 2`,
      'Jane Smith',
      'Your estimated share = $3,600.00',
      'Payment 5 May 15, 2027 $620.00',
      'Every payment is due by May 16, 2027, 30 days before the expected delivery date of June 15, 2027',
      'The payments collect your estimated share of $3,600.00 less the $500.00 you had already paid when they were set: $3,100.00.',
      'Paid to date $500.00',
    ])
      expect(text).toContain(s);
    const statement = pdfText(await print('ob:statement', caseId), 'statement-revised');
    expect(statement).toContain('Paid to date $500.00');
    expect(statement).toContain('$620.00, due January 15, 2027');
    expect(statement).toContain('Payment 1 January 15, 2027 $620.00 $0.00 Due');
    const detail = await w.t.call('ob:case', { caseId }, cw.clerk);
    expect(detail.statements).toEqual([
      { id: expect.any(Number), statementDate: TODAY, documentId: expect.any(Number) },
    ]);
  });
});
