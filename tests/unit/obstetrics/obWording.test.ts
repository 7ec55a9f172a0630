// PP-04 / LANG-01: the OB wording. The estimate's steps (the rule's data) said in English and
// Spanish with their figures and how each joins the sum; the EMTALA sentence; the installments'
// states. Figures worked by hand from the rule's definition.
import { describe, expect, it } from 'vitest';
import { obEstimate, type EstimateRequest, type ObCoverage } from '../../../src/shared/rules/obstetrics';
import {
  ESTIMATE_OP_SIGNS,
  OB_EMTALA_TEXTS,
  estimateLines,
  installmentStateText,
  obEmtalaSentence,
} from '../../../src/shared/wording/obTexts';
import { PATIENT_TEXT_GROUPS } from '../../../src/shared/wording/catalog';

const insured: ObCoverage = {
  kind: 'insured',
  payerName: 'Acme Health PPO',
  planYearEnd: null,
  deductibleRemainingCents: 150_000,
  oopRemainingCents: 400_000,
  annualDeductibleCents: null,
  annualOopMaxCents: null,
  coinsuranceBp: 2000,
  copayCents: 25_000,
  allowedCents: 800_000,
};

function request(over: Partial<EstimateRequest> = {}, coverage: Partial<ObCoverage> = {}): EstimateRequest {
  return {
    deliveryKind: 'vaginal',
    chargesCents: 1_200_000,
    coverage: { ...insured, ...coverage },
    expectedDelivery: '2027-03-15',
    selfPayDiscountBp: 0,
    assistanceBp: 0,
    ...over,
  };
}

function lines(lang: 'en' | 'es', r: EstimateRequest) {
  const e = obEstimate(r);
  if (!e.ok) throw new Error(e.reason);
  return estimateLines(lang, e.estimate.steps).map((l) => [l.op, l.text, l.amount]);
}

describe('PP-04: the estimate said in words', () => {
  it('insured with an allowed amount: $8,000 allowed; deductible $1,500; 20% of $6,500 = $1,300; copay $250; share $3,050', () => {
    expect(lines('en', request())).toEqual([
      ['basis', 'The hospital’s expected charges for a vaginal delivery', '$12,000.00'],
      ['basis', 'The amount Acme Health PPO is expected to allow: the estimate starts from it', '$8,000.00'],
      ['add', 'Your deductible (left to meet: $1,500.00)', '$1,500.00'],
      ['add', 'Your coinsurance: 20% of the $6,500.00 left after the deductible', '$1,300.00'],
      ['add', 'Your copay for the delivery stay', '$250.00'],
      ['result', 'Your estimated share', '$3,050.00'],
    ]);
    expect(lines('es', request())).toEqual([
      ['basis', 'Cargos previstos del hospital por un parto vaginal', '$12,000.00'],
      [
        'basis',
        'Monto permitido que se espera que Acme Health PPO apruebe: el cálculo parte de este monto',
        '$8,000.00',
      ],
      ['add', 'Su deducible (le falta cubrir: $1,500.00)', '$1,500.00'],
      ['add', 'Su coseguro: 20% de los $6,500.00 que quedan después del deducible', '$1,300.00'],
      ['add', 'Su copago por la estancia del parto', '$250.00'],
      ['result', 'Su parte estimada', '$3,050.00'],
    ]);
  });

  it('the out-of-pocket maximum left ($2,000) caps $3,050; a 12.5% coinsurance prints as 12.5%', () => {
    const r = request({ deliveryKind: 'cesarean' }, { oopRemainingCents: 200_000, coinsuranceBp: 1250 });
    // 12.5% of $6,500 = $812.50; 1,500 + 812.50 + 250 = 2,562.50, capped at 2,000.
    expect(lines('en', r).slice(3)).toEqual([
      ['add', 'Your coinsurance: 12.5% of the $6,500.00 left after the deductible', '$812.50'],
      ['add', 'Your copay for the delivery stay', '$250.00'],
      ['result', 'Your out-of-pocket maximum left limits the $2,562.50 above to', '$2,000.00'],
      ['result', 'Your estimated share', '$2,000.00'],
    ]);
    expect(lines('es', r)[0]).toEqual([
      'basis',
      'Cargos previstos del hospital por un parto por cesárea',
      '$12,000.00',
    ]);
    expect(lines('es', r)[5]).toEqual([
      'result',
      'El máximo de gastos de bolsillo que le queda limita los $2,562.50 anteriores a',
      '$2,000.00',
    ]);
  });

  it('a plan year ending before the delivery: a note without a figure, then the new year’s deductible', () => {
    const r = request(
      {},
      { planYearEnd: '2026-12-31', annualDeductibleCents: 200_000, annualOopMaxCents: 500_000, allowedCents: null },
    );
    const en = lines('en', r);
    expect(en[1]).toEqual([
      'note',
      'Your plan year ends on December 31, 2026, before the expected delivery on March 15, 2027: the new year’s deductible of $2,000.00 and out-of-pocket maximum of $5,000.00 apply',
      null,
    ]);
    expect(en[2]).toEqual(['add', 'Your deductible (left to meet: $2,000.00)', '$2,000.00']);
    expect(lines('es', r)[1]).toEqual([
      'note',
      'Su año del plan termina el 31 de diciembre de 2026, antes del parto previsto para el 15 de marzo de 2027: se aplican el deducible del año nuevo, de $2,000.00, y el máximo de gastos de bolsillo, de $5,000.00',
      null,
    ]);
  });

  it('self-pay: $10,000 less the 30% discount ($3,000), less half as assistance ($3,500): $3,500', () => {
    const r = request(
      { chargesCents: 1_000_000, selfPayDiscountBp: 3000, assistanceBp: 5000 },
      { kind: 'self_pay', payerName: '' },
    );
    expect(lines('en', r)).toEqual([
      ['basis', 'The hospital’s expected charges for a vaginal delivery', '$10,000.00'],
      ['subtract', 'The hospital’s self-pay discount (30%)', '$3,000.00'],
      ['subtract', 'Financial assistance already granted to you (50%)', '$3,500.00'],
      ['result', 'Your estimated share', '$3,500.00'],
    ]);
    expect(lines('es', r).map((l) => l[1])).toEqual([
      'Cargos previstos del hospital por un parto vaginal',
      'Descuento del hospital por pago directo (30%)',
      'Asistencia financiera que ya se le otorgó (50%)',
      'Su parte estimada',
    ]);
  });

  it('the signs a document prints are glyphs Helvetica has', () => {
    expect(ESTIMATE_OP_SIGNS).toEqual({ basis: '', add: '+', subtract: '–', result: '=', note: '' });
  });
});

describe('PP-04 / EMTALA: the care sentence', () => {
  it('says care never depends on the payments, in both languages', () => {
    expect(obEmtalaSentence()).toBe(
      'Your care never depends on these payments. The hospital will never delay or refuse admission, an examination or treatment, in labor or at any time, because a payment has not been made.',
    );
    expect(obEmtalaSentence('es')).toBe(OB_EMTALA_TEXTS.emtala.es);
    expect(obEmtalaSentence('es')).toMatch(/^Su atención médica nunca depende de estos pagos\./);
    expect(obEmtalaSentence('es')).toMatch(/nunca retrasará ni negará su admisión, un examen o un tratamiento/);
  });

  it('no OB text speaks of deferring, delaying or refusing care except the sentence that promises it never happens', () => {
    const obGroups = PATIENT_TEXT_GROUPS.filter((g) => g.id.startsWith('ob-') && g.id !== 'ob-emtala');
    expect(obGroups.length).toBe(7);
    for (const g of obGroups)
      for (const [key, t] of Object.entries(g.texts)) {
        expect(`${g.id}.${key}: ${t.en}`).not.toMatch(/\b(defer|delay|refus|deny|denied|postpone|cancel)/i);
        expect(`${g.id}.${key}: ${t.es}`).not.toMatch(/(aplaz|retras|neg[aá]|rechaz|posterg|cancel)/i);
      }
  });
});

describe('PP-04: an installment’s state', () => {
  it.each([
    ['paid', 'Paid', 'Pagado'],
    ['part_paid', 'Partly paid', 'Pagado en parte'],
    ['past_due', 'Past due', 'Vencido'],
    ['due', 'Due', 'Por vencer'],
  ] as const)('%s: %s / %s', (state, en, es) => {
    expect(installmentStateText('en', state)).toBe(en);
    expect(installmentStateText('es', state)).toBe(es);
  });
});
