// Obstetric prepayment (issue 17, PP-04), in English and Spanish (LANG-01): the EMTALA sentence
// every OB document and screen prints, the estimate's arithmetic said in words (the rule keeps its
// steps as data: shared/rules/obstetrics.ts EstimateStep), the installments' states, and the texts
// of the OB financial agreement, the monthly OB statement and the true-up letter. The financial-
// assistance notice (ECA-06) is the monthly statement's own (STATEMENT_TEXTS assistanceTitle /
// assistanceBody), not written again here.
//
// EMTALA (PP-04 note): these documents ask her to pay, nothing else. No text here may say or hint
// that admission, an examination or treatment depends on a payment.
import type { BusinessDate } from '../dates';
import type { EstimateStep, InstallmentState } from '../rules/obstetrics';
import type { DocumentLanguage } from '../rules/documentLanguage';
import { formatDecimal } from '../money';
import { longDateIn, moneyIn } from './format';
import { defineTexts, fill } from './template';

/** PP-04 / EMTALA: on the agreement, on every OB statement, on the screens. */
export const OB_EMTALA_TEXTS = defineTexts({
  emtala: {
    en: 'Your care never depends on these payments. The hospital will never delay or refuse admission, an examination or treatment, in labor or at any time, because a payment has not been made.',
    es: 'Su atención médica nunca depende de estos pagos. El hospital nunca retrasará ni negará su admisión, un examen o un tratamiento, durante el parto ni en ningún otro momento, porque no se haya hecho un pago.',
  },
});

/** The EMTALA sentence in her language (the screens show the English one, and the Spanish beside it for a Spanish speaker). */
export function obEmtalaSentence(lang: DocumentLanguage = 'en'): string {
  return OB_EMTALA_TEXTS.emtala[lang];
}

export const DELIVERY_KIND_TEXTS = defineTexts({
  vaginal: { en: 'vaginal delivery', es: 'parto vaginal' },
  cesarean: { en: 'cesarean delivery', es: 'parto por cesárea' },
});

/** Each step of the estimate (EstimateStep), in words. */
export const OB_ESTIMATE_STEP_TEXTS = defineTexts({
  charges: {
    en: 'The hospital’s expected charges for a {kind}',
    es: 'Cargos previstos del hospital por un {kind}',
  },
  allowed: {
    en: 'The amount {payer} is expected to allow: the estimate starts from it',
    es: 'Monto permitido que se espera que {payer} apruebe: el cálculo parte de este monto',
  },
  planYearEnds: {
    en: 'Your plan year ends on {planYearEnd}, before the expected delivery on {expectedDelivery}: the new year’s deductible of {deductible} and out-of-pocket maximum of {oop} apply',
    es: 'Su año del plan termina el {planYearEnd}, antes del parto previsto para el {expectedDelivery}: se aplican el deducible del año nuevo, de {deductible}, y el máximo de gastos de bolsillo, de {oop}',
  },
  deductible: {
    en: 'Your deductible (left to meet: {remaining})',
    es: 'Su deducible (le falta cubrir: {remaining})',
  },
  coinsurance: {
    en: 'Your coinsurance: {rate} of the {on} left after the deductible',
    es: 'Su coseguro: {rate} de los {on} que quedan después del deducible',
  },
  copay: { en: 'Your copay for the delivery stay', es: 'Su copago por la estancia del parto' },
  basisCap: {
    en: 'Your part cannot be more than the amount the estimate starts from: the {before} above is limited to',
    es: 'Su parte no puede ser mayor que el monto del que parte el cálculo: los {before} anteriores se limitan a',
  },
  oopCap: {
    en: 'Your out-of-pocket maximum left limits the {before} above to',
    es: 'El máximo de gastos de bolsillo que le queda limita los {before} anteriores a',
  },
  selfPayDiscount: {
    en: 'The hospital’s self-pay discount ({rate})',
    es: 'Descuento del hospital por pago directo ({rate})',
  },
  assistance: {
    en: 'Financial assistance already granted to you ({rate})',
    es: 'Asistencia financiera que ya se le otorgó ({rate})',
  },
  share: { en: 'Your estimated share', es: 'Su parte estimada' },
});

/** How a step's amount joins the arithmetic: the figure it starts from, added, taken off, the result, or a note without a figure. */
export type EstimateOp = 'basis' | 'add' | 'subtract' | 'result' | 'note';

/** The sign a document prints before a step's amount (WinAnsi glyphs, so Helvetica draws them). */
export const ESTIMATE_OP_SIGNS: Record<EstimateOp, string> = {
  basis: '',
  add: '+',
  subtract: '–',
  result: '=',
  note: '',
};

export interface EstimateLine {
  text: string;
  /** The step's amount ("$1,234.56"), null for a note. */
  amount: string | null;
  op: EstimateOp;
}

/** "20%", "12.5%": a rate in basis points as the documents print it. */
function rate(bp: number): string {
  return `${formatDecimal(bp).replace(/\.?0+$/, '')}%`;
}

/** One step of the estimate in words, with its amount and how it joins the sum (the interview screen, the agreement, the OB statement). */
export function estimateStepLine(lang: DocumentLanguage, step: EstimateStep): EstimateLine {
  const t = (key: keyof typeof OB_ESTIMATE_STEP_TEXTS, values?: Record<string, string | number>) =>
    fill(OB_ESTIMATE_STEP_TEXTS[key][lang], values);
  const money = (c: number) => moneyIn(lang, c);
  switch (step.step) {
    case 'charges':
      return {
        text: t('charges', { kind: DELIVERY_KIND_TEXTS[step.kind][lang] }),
        amount: money(step.cents),
        op: 'basis',
      };
    case 'allowed':
      return { text: t('allowed', { payer: step.payerName }), amount: money(step.cents), op: 'basis' };
    case 'plan_year_ends':
      return {
        text: t('planYearEnds', {
          planYearEnd: longDateIn(lang, step.planYearEnd),
          expectedDelivery: longDateIn(lang, step.expectedDelivery),
          deductible: money(step.deductibleCents),
          oop: money(step.oopCents),
        }),
        amount: null,
        op: 'note',
      };
    case 'deductible':
      return { text: t('deductible', { remaining: money(step.remainingCents) }), amount: money(step.cents), op: 'add' };
    case 'coinsurance':
      return {
        text: t('coinsurance', { rate: rate(step.bp), on: money(step.onCents) }),
        amount: money(step.cents),
        op: 'add',
      };
    case 'copay':
      return { text: t('copay'), amount: money(step.cents), op: 'add' };
    case 'basis_cap':
      return { text: t('basisCap', { before: money(step.beforeCents) }), amount: money(step.cents), op: 'result' };
    case 'oop_cap':
      return { text: t('oopCap', { before: money(step.beforeCents) }), amount: money(step.cents), op: 'result' };
    case 'self_pay_discount':
      return { text: t('selfPayDiscount', { rate: rate(step.bp) }), amount: money(step.cents), op: 'subtract' };
    case 'assistance':
      return { text: t('assistance', { rate: rate(step.bp) }), amount: money(step.cents), op: 'subtract' };
    case 'share':
      return { text: t('share'), amount: money(step.cents), op: 'result' };
  }
}

/** The whole estimate, step by step, in her language. */
export function estimateLines(lang: DocumentLanguage, steps: readonly EstimateStep[]): EstimateLine[] {
  return steps.map((s) => estimateStepLine(lang, s));
}

/** An installment's state (obProgress), as the schedule prints it. */
export const OB_INSTALLMENT_STATE_TEXTS = defineTexts({
  paid: { en: 'Paid', es: 'Pagado' },
  part_paid: { en: 'Partly paid', es: 'Pagado en parte' },
  past_due: { en: 'Past due', es: 'Vencido' },
  due: { en: 'Due', es: 'Por vencer' },
});

export function installmentStateText(lang: DocumentLanguage, state: InstallmentState): string {
  return OB_INSTALLMENT_STATE_TEXTS[state][lang];
}

/** What the three documents share: who, the pregnancy, the schedule, what happens after delivery. */
export const OB_COMMON_TEXTS = defineTexts({
  reference: { en: 'Reference', es: 'Referencia' },
  referenceVersion: { en: '{reference}, version {version}', es: '{reference}, versión {version}' },
  patient: { en: 'Patient', es: 'Paciente' },
  address: { en: 'Address', es: 'Dirección' },
  guarantorNumber: { en: 'Guarantor number', es: 'Número de garante' },
  expectedDelivery: { en: 'Expected delivery', es: 'Fecha prevista del parto' },
  deliveryKind: { en: 'Kind of delivery', es: 'Tipo de parto' },
  coverage: { en: 'Coverage', es: 'Cobertura' },
  insured: { en: 'Insured: {payer}', es: 'Con seguro: {payer}' },
  selfPay: { en: 'Self-pay (no insurance for the delivery)', es: 'Pago directo (sin seguro para el parto)' },
  estimateHeading: { en: 'Your estimated share, step by step', es: 'Su parte estimada, paso a paso' },
  estimateNote: {
    en: 'This is an estimate made before the delivery. Your real share is known once your insurer decides the claim (or, without insurance, once the delivery is billed); we then settle the difference with you (the true-up).',
    es: 'Este es un cálculo hecho antes del parto. Su parte real se conocerá cuando su aseguradora resuelva la reclamación (o, sin seguro, cuando se facture el parto); entonces ajustaremos la diferencia con usted.',
  },
  scheduleHeading: { en: 'Your payments before the delivery', es: 'Sus pagos antes del parto' },
  colPayment: { en: 'Payment', es: 'Pago' },
  colDue: { en: 'Due', es: 'Vence' },
  colAmount: { en: 'Amount', es: 'Monto' },
  colReceived: { en: 'Received', es: 'Recibido' },
  colState: { en: 'State', es: 'Estado' },
  paymentNumber: { en: 'Payment {number}', es: 'Pago {number}' },
  scheduleTotal: { en: 'Total', es: 'Total' },
  colStep: { en: 'How it is worked out', es: 'Cómo se calcula' },
  lastAllowed: {
    en: 'Every payment is due by {lastAllowed}, {days} days before the expected delivery date of {expected}, so that nothing is due in the last weeks before the birth.',
    es: 'Todos los pagos vencen a más tardar el {lastAllowed}, {days} días antes de la fecha prevista del parto, el {expected}, para que no venza nada en las últimas semanas antes del nacimiento.',
  },
  heldBefore: {
    en: 'The payments collect your estimated share of {estimate} less the {held} you had already paid when they were set: {scheduled}.',
    es: 'Los pagos cubren su parte estimada de {estimate} menos los {held} que ya había pagado cuando se fijaron: {scheduled}.',
  },
  emptyNothingDue: {
    en: 'Nothing is due before the delivery: what you have paid already covers your estimated share.',
    es: 'No vence nada antes del parto: lo que ya pagó cubre su parte estimada.',
  },
  emptyTooNear: {
    en: 'The expected delivery is too near for payments before it (the last one could be due by {lastAllowed}): your share is settled after the delivery, at the true-up.',
    es: 'El parto previsto está demasiado cerca para hacer pagos antes (el último podría vencer a más tardar el {lastAllowed}): su parte se ajustará después del parto.',
  },
  depositsHeading: { en: 'What you have paid', es: 'Lo que ha pagado' },
  depositsNone: { en: 'Nothing received yet.', es: 'Todavía no hemos recibido pagos.' },
  colReceipt: { en: 'Receipt', es: 'Recibo' },
  colReceivedOn: { en: 'Received on', es: 'Fecha en que se recibió' },
  paidToDate: { en: 'Paid to date', es: 'Pagado hasta la fecha' },
  afterDeliveryHeading: { en: 'After the delivery', es: 'Después del parto' },
  afterDelivery: {
    en: 'What you have paid is applied to your delivery account once it is opened. We bill your insurer for the delivery. When your insurer has decided the claim, we compare your real share with what you paid (the true-up): we refund any overpayment within {refundDays} days, or send you a statement for the rest, with a payment plan and financial assistance available.',
    es: 'Lo que ha pagado se aplicará a su cuenta del parto cuando se abra. Facturaremos el parto a su aseguradora. Cuando su aseguradora haya resuelto la reclamación, compararemos su parte real con lo que pagó: le reembolsaremos cualquier pago en exceso dentro de {refundDays} días, o le enviaremos un estado de cuenta por el resto, con un plan de pagos y asistencia financiera a su disposición.',
  },
  afterDeliverySelfPay: {
    en: 'What you have paid is applied to your delivery account once it is opened. Once the delivery is billed, we compare your real share with what you paid (the true-up): we refund any overpayment within {refundDays} days, or send you a statement for the rest, with a payment plan and financial assistance available.',
    es: 'Lo que ha pagado se aplicará a su cuenta del parto cuando se abra. Una vez facturado el parto, compararemos su parte real con lo que pagó: le reembolsaremos cualquier pago en exceso dentro de {refundDays} días, o le enviaremos un estado de cuenta por el resto, con un plan de pagos y asistencia financiera a su disposición.',
  },
  earlyDelivery: {
    en: 'If your baby comes early, the payments not yet due are no longer asked for before the delivery; the rest is settled at the true-up.',
    es: 'Si su bebé nace antes de lo previsto, ya no se le pedirán antes del parto los pagos que aún no vencían; el resto se ajustará después.',
  },
  howToPay: {
    en: 'Pay in person at the patient accounts office, or mail a check payable to {hospital} with your reference {reference} written on it. To pay by card, call {phone}.',
    es: 'Pague en persona en la oficina de cuentas de pacientes, o envíe por correo un cheque a nombre de {hospital} con su referencia {reference} escrita en él. Para pagar con tarjeta, llame al {phone}.',
  },
  questions: {
    en: 'Questions about these payments: {contact}.',
    es: 'Preguntas sobre estos pagos: {contact}.',
  },
  emtalaHeading: { en: 'Your care comes first', es: 'Su atención médica es lo primero' },
});

export const OB_AGREEMENT_TEXTS = defineTexts({
  documentTitle: { en: 'OB financial agreement {reference}', es: 'Acuerdo financiero de maternidad {reference}' },
  heading: { en: 'Maternity financial agreement', es: 'Acuerdo financiero de maternidad' },
  hospitalCopy: { en: 'Hospital copy', es: 'Copia del hospital' },
  hospitalCopyNote: {
    en: 'Keep the signed form with the OB arrangement.',
    es: 'Guarde el formulario firmado con el acuerdo de maternidad.',
  },
  patientCopy: { en: 'Patient copy', es: 'Copia de la paciente' },
  patientCopyNote: { en: 'Keep this copy for your records.', es: 'Guarde esta copia para sus registros.' },
  prepared: { en: 'Prepared {date}', es: 'Preparado el {date}' },
  fapScreeningHeading: { en: 'Financial assistance', es: 'Asistencia financiera' },
  screening_declined: {
    en: 'We offered you a financial-assistance screening; you chose not to apply now. You may apply at any time.',
    es: 'Le ofrecimos una evaluación para asistencia financiera; usted decidió no presentar una solicitud por ahora. Puede presentarla en cualquier momento.',
  },
  screening_will_apply: {
    en: 'We offered you a financial-assistance screening; you will apply, and we gave you the application.',
    es: 'Le ofrecimos una evaluación para asistencia financiera; usted presentará una solicitud, y le entregamos el formulario.',
  },
  screening_applied: {
    en: 'You have applied for financial assistance already; its decision will be reflected in your share.',
    es: 'Usted ya solicitó asistencia financiera; su decisión se reflejará en su parte.',
  },
  screening_approved: {
    en: 'You have financial assistance already; it is reflected in the estimate above.',
    es: 'Usted ya tiene asistencia financiera; está reflejada en el cálculo anterior.',
  },
  iAgree: {
    en: 'I have read this agreement. I agree to make the payments above before the delivery, and I understand that this is an estimate settled after the delivery.',
    es: 'He leído este acuerdo. Acepto hacer los pagos indicados arriba antes del parto, y entiendo que este es un cálculo que se ajustará después del parto.',
  },
  signPatient: { en: 'Patient', es: 'Paciente' },
  signDate: { en: 'Date', es: 'Fecha' },
  signHospital: {
    en: 'For {hospital} (name and title)',
    es: 'En representación de {hospital} (nombre y cargo)',
  },
  footer: {
    en: '{hospital} · Maternity financial agreement {reference} · {copy}',
    es: '{hospital} · Acuerdo financiero de maternidad {reference} · {copy}',
  },
});

export const OB_STATEMENT_TEXTS = defineTexts({
  documentTitle: { en: 'OB statement {reference} {date}', es: 'Estado de cuenta de maternidad {reference} {date}' },
  title: { en: 'Maternity statement', es: 'Estado de cuenta de maternidad' },
  statementDate: { en: 'Statement date', es: 'Fecha de emisión' },
  nextDueHeading: { en: 'Your next payment', es: 'Su próximo pago' },
  nextDue: { en: '{amount}, due {date}', es: '{amount}, vence el {date}' },
  nextDueNone: {
    en: 'No further payment comes due before the delivery.',
    es: 'No vence ningún otro pago antes del parto.',
  },
  pastDue: {
    en: 'Past due {amount} (due {date}). Please pay it as soon as you can, or call us to talk about it.',
    es: 'Vencido {amount} (venció el {date}). Por favor, páguelo lo antes posible, o llámenos para hablarlo.',
  },
  estimateLine: { en: 'Your estimated share', es: 'Su parte estimada' },
  remaining: { en: 'Left of the payments before delivery', es: 'Lo que queda de los pagos antes del parto' },
  pageFooter: {
    en: '{who} · maternity statement of {date} · page {page} of {pages}',
    es: '{who} · estado de cuenta de maternidad del {date} · página {page} de {pages}',
  },
});

export const OB_TRUE_UP_TEXTS = defineTexts({
  documentTitle: { en: 'OB true-up letter {reference}', es: 'Carta de ajuste de maternidad {reference}' },
  heading: {
    en: 'Your maternity payments: the final figures',
    es: 'Sus pagos de maternidad: las cifras finales',
  },
  greeting: { en: 'Dear {name},', es: 'Estimada {name}:' },
  opening: {
    en: 'Before your delivery we estimated your share and you made payments toward it. Your share is now known, and here is how it compares with what you paid.',
    es: 'Antes de su parto calculamos su parte y usted hizo pagos a cuenta. Ahora conocemos su parte real, y así se compara con lo que pagó.',
  },
  estimate: { en: 'Estimated share before the delivery', es: 'Parte estimada antes del parto' },
  realShare: { en: 'Your real share', es: 'Su parte real' },
  realShareSource: { en: 'Where it comes from: {source}', es: 'De dónde proviene: {source}' },
  paid: { en: 'What you paid toward the delivery', es: 'Lo que pagó por el parto' },
  refundLine: { en: 'We owe you', es: 'Le debemos' },
  billLine: { en: 'Balance you owe', es: 'Saldo que usted debe' },
  evenLine: { en: 'Difference', es: 'Diferencia' },
  refund: {
    en: 'You paid {amount} more than your share. We will refund {amount} to you within {days} days of the true-up, by {date}. You do not need to do anything.',
    es: 'Usted pagó {amount} más que su parte. Le reembolsaremos {amount} dentro de los {days} días siguientes al ajuste, a más tardar el {date}. No tiene que hacer nada.',
  },
  bill: {
    en: 'A balance of {amount} remains. You will receive a statement for it; you do not need to pay before it comes. A payment plan is available, and you may qualify for financial assistance (below).',
    es: 'Queda un saldo de {amount}. Recibirá un estado de cuenta por ese monto; no necesita pagar antes de recibirlo. Tenemos planes de pagos, y es posible que reúna los requisitos para recibir asistencia financiera (vea abajo).',
  },
  even: {
    en: 'What you paid equals your share: you owe nothing more, and we owe you nothing. Thank you.',
    es: 'Lo que pagó es igual a su parte: no debe nada más y nosotros no le debemos nada. Gracias.',
  },
  signoff: { en: 'Patient accounts, {hospital}', es: 'Cuentas de pacientes, {hospital}' },
  footer: {
    en: '{hospital} · Maternity true-up letter {reference}',
    es: '{hospital} · Carta de ajuste de maternidad {reference}',
  },
});

/** A business date in a sentence, in her language (a convenience for the documents' callers). */
export function obLongDate(lang: DocumentLanguage, date: BusinessDate): string {
  return longDateIn(lang, date);
}
