// The statement and the final notice (ST-02, ECA-05, ECA-06), in English and Spanish. The English
// is the wording statements have always printed. Spanish: formal ("usted") US Spanish, with the
// billing words every Recoup document uses (estado de cuenta, saldo, plan de pagos, asistencia
// financiera, aviso final, acciones de cobro, garante).
import { defineTexts } from './template';

export const STATEMENT_TEXTS = defineTexts({
  // The remittance stub.
  detachStub: {
    en: 'Please detach and return this part with your payment.',
    es: 'Por favor, desprenda esta parte y envíela con su pago.',
  },
  guarantorNumber: { en: 'Guarantor number', es: 'Número de garante' },
  statementDate: { en: 'Statement date', es: 'Fecha de emisión' },
  amountDue: { en: 'Amount due', es: 'Monto adeudado' },
  payBy: { en: 'Please pay by', es: 'Fecha límite de pago' },
  amountEnclosed: { en: 'Amount enclosed', es: 'Monto adjunto' },
  howToPay: {
    en: 'Make checks payable to {hospital} and write your guarantor number on the check. To pay by card, or to set up a payment plan, call {phone}.',
    es: 'Haga su cheque a nombre de {hospital} y escriba su número de garante en el cheque. Para pagar con tarjeta o establecer un plan de pagos, llame al {phone}.',
  },
  // The box at the top right.
  titleStatement: { en: 'Statement', es: 'Estado de cuenta' },
  titleFinalNotice: { en: 'FINAL NOTICE', es: 'AVISO FINAL' },
  whichStatement: { en: 'Statement', es: 'Estado de cuenta' },
  numberOf: { en: '{number} of {total}', es: '{number} de {total}' },
  finalNotice: { en: 'Final notice', es: 'Aviso final' },
  // The final notice (ECA-05).
  finalNoticeTitle: {
    en: 'Final notice: financial assistance, and what happens next',
    es: 'Aviso final: asistencia financiera y lo que sucederá después',
  },
  finalNoticeBody: {
    en: '{opening} If by {deadline} you have not paid {balance} and have not applied for financial assistance, on or after that date we may: {actions}. You may still apply for financial assistance after that date. To apply, or for a free copy of the policy and application, call {phone} or visit {url}. A plain-language summary of the policy is enclosed.',
    es: '{opening} Si para el {deadline} usted no ha pagado {balance} ni ha solicitado asistencia financiera, a partir de esa fecha podremos: {actions}. Usted puede solicitar asistencia financiera incluso después de esa fecha. Para presentar una solicitud, o para obtener una copia gratuita de la política y de la solicitud, llame al {phone} o visite {url}. Se adjunta un resumen de la política en lenguaje sencillo.',
  },
  lastStatement: {
    en: 'This is the last statement before other collection actions.',
    es: 'Este es el último estado de cuenta antes de que tomemos otras acciones de cobro.',
  },
  lastStatementOn: {
    en: 'This is the last statement before other collection actions on {accounts}.',
    es: 'Este es el último estado de cuenta antes de que tomemos otras acciones de cobro sobre {accounts}.',
  },
  theBalance: { en: 'the balance', es: 'el saldo' },
  theBalanceOf: { en: 'the balance of {accounts}', es: 'el saldo de {accounts}' },
  oneAccount: { en: 'account {list}', es: 'la cuenta {list}' },
  manyAccounts: { en: 'accounts {list}', es: 'las cuentas {list}' },
  // The accounts.
  yourAccounts: { en: 'Your accounts', es: 'Sus cuentas' },
  colAccount: { en: 'Account', es: 'Cuenta' },
  colPatientService: { en: 'Patient and service', es: 'Paciente y servicio' },
  colCharges: { en: 'Charges', es: 'Cargos' },
  colInsurancePaid: { en: 'Insurance paid', es: 'Pagó el seguro' },
  colAdjustments: { en: 'Adjustments', es: 'Ajustes' },
  colYouPaid: { en: 'You paid', es: 'Usted pagó' },
  colBalance: { en: 'Balance', es: 'Saldo' },
  total: { en: 'Total', es: 'Total' },
  stepFinalNotice: { en: 'Final notice for this account', es: 'Aviso final de esta cuenta' },
  stepAfterNotice: { en: 'Final notice already sent', es: 'Aviso final ya enviado' },
  stepNumber: { en: 'Statement {number} of {total}', es: 'Estado de cuenta {number} de {total}' },
  // What happened since the last statement.
  sinceLast: { en: 'Since your last statement', es: 'Desde su último estado de cuenta' },
  colDate: { en: 'Date', es: 'Fecha' },
  colWhat: { en: 'What', es: 'Concepto' },
  colAmount: { en: 'Amount', es: 'Monto' },
  balanceMoved: {
    en: 'Previous balance {previous}; balance now {now}.',
    es: 'Saldo anterior: {previous}; saldo actual: {now}.',
  },
  // The aging.
  howOld: { en: 'How old the balance is', es: 'Antigüedad del saldo' },
  daysRange: { en: '{from}–{to} days', es: '{from}–{to} días' },
  daysOver: { en: '{from}+ days', es: 'Más de {from} días' },
  // ECA-06: financial assistance on every statement.
  assistanceTitle: { en: 'Financial assistance is available', es: 'Ofrecemos asistencia financiera' },
  assistanceBody: {
    en: 'If you cannot pay this bill, you may qualify for free or discounted care under our financial assistance policy. Call {phone} or visit {url}. Applying is free, and we will not take collection action while your application is considered.',
    es: 'Si no puede pagar esta factura, es posible que reúna los requisitos para recibir atención gratuita o con descuento según nuestra política de asistencia financiera. Llame al {phone} o visite {url}. Presentar la solicitud es gratis, y no tomaremos acciones de cobro mientras evaluamos su solicitud.',
  },
  // The plain-language summary page (its text is the hospital's, from settings).
  summaryTitle: {
    en: 'Financial assistance: a plain-language summary',
    es: 'Asistencia financiera: resumen en lenguaje sencillo',
  },
  summaryContact: {
    en: 'To apply or ask a question: {phone}, {url}, or {hospital}, {address}.',
    es: 'Para presentar una solicitud o hacer una pregunta, llame al {phone}, visite {url} o escriba a {hospital}, {address}.',
  },
  // The foot of every page.
  guarantorId: { en: 'guarantor {id}', es: 'garante {id}' },
  pageFooter: {
    en: '{who} · statement of {date} · page {page} of {pages}',
    es: '{who} · estado de cuenta del {date} · página {page} de {pages}',
  },
  documentTitle: { en: 'Statement {id} {date}', es: 'Estado de cuenta {id} {date}' },
  // Issue 11: credits refunded, a plan's payment asked for (printed only on statements that have them).
  paymentPlan: { en: 'Payment plan', es: 'Plan de pagos' },
  stepPlan: { en: 'On your payment plan', es: 'En su plan de pagos' },
  stepCredit: { en: 'Credit: we refund it', es: 'Saldo a favor: se lo reembolsamos' },
  totalBalance: { en: 'Total balance', es: 'Saldo total' },
  dueNowTitle: { en: 'What to pay now', es: 'Lo que debe pagar ahora' },
  creditRefunded: {
    en: 'We owe you {amount} on account {account}: we will refund it to you by {date}. It is not subtracted from what you pay now.',
    es: 'Le debemos {amount} en la cuenta {account}: se lo reembolsaremos a más tardar el {date}. No se resta de lo que paga ahora.',
  },
  creditRefundedNow: {
    en: 'We owe you {amount} on account {account}: we are refunding it to you now. It is not subtracted from what you pay now.',
    es: 'Le debemos {amount} en la cuenta {account}: se lo estamos reembolsando ahora. No se resta de lo que paga ahora.',
  },
  creditToInsurer: {
    en: 'Your insurer overpaid {amount} on account {account}: we return it to your insurer. You do not owe it, and it is not subtracted from what you pay now.',
    es: 'Su aseguradora pagó {amount} de más en la cuenta {account}: se lo devolvemos a su aseguradora. Usted no lo debe, y no se resta de lo que paga ahora.',
  },
  planInstallment: {
    en: 'Payment plan #{plan}: your payment of {amount} is due {date}. Pay this amount, not the whole balance, and your plan stays current.',
    es: 'Plan de pagos n.º {plan}: su pago de {amount} vence el {date}. Pague este monto, no el saldo total, y su plan seguirá al día.',
  },
  planCure: {
    en: 'Payment plan #{plan} is behind: pay {amount} by {date} to keep your plan, as our letter says.',
    es: 'El plan de pagos n.º {plan} está atrasado: pague {amount} a más tardar el {date} para conservar su plan, como dice nuestra carta.',
  },
  otherBalances: {
    en: 'Your other accounts: {amount}.',
    es: 'Sus otras cuentas: {amount}.',
  },
  amountDueNow: {
    en: 'Amount due now: {amount}, by {date}.',
    es: 'Monto adeudado ahora: {amount}, a más tardar el {date}.',
  },
  theAmountDue: { en: 'the amount due of {amount}', es: 'el monto adeudado de {amount}' },
  agingBeforeCredit: {
    en: 'What you owe; the credit of {amount} listed above is not in these figures.',
    es: 'Lo que debe; el saldo a favor de {amount} indicado arriba no está en estas cifras.',
  },
});

/** The kind of visit, in plain words (ST-02), as the statement's accounts table prints it. */
export const SERVICE_TEXTS = defineTexts({
  inpatient: { en: 'Hospital stay', es: 'Hospitalización' },
  outpatient: { en: 'Outpatient visit', es: 'Consulta ambulatoria' },
  emergency: { en: 'Emergency visit', es: 'Visita a la sala de emergencias' },
  obstetric: { en: 'Maternity care', es: 'Atención de maternidad' },
});

/** Each kind of ledger entry as a statement's activity lists it. */
export const ACTIVITY_TEXTS = defineTexts({
  charge: { en: 'Charge', es: 'Cargo' },
  insurance_payment: { en: 'Insurance payment', es: 'Pago del seguro' },
  contractual_adjustment: { en: 'Contractual adjustment', es: 'Ajuste contractual' },
  patient_payment: { en: 'Patient payment', es: 'Pago del paciente' },
  agency_remittance: { en: 'Agency remittance', es: 'Pago recibido por medio de la agencia' },
  payroll_deduction: { en: 'Payroll deduction', es: 'Deducción de nómina' },
  court_recovery: { en: 'Court recovery', es: 'Cobro por orden judicial' },
  court_costs: { en: 'Court costs awarded', es: 'Costas judiciales otorgadas' },
  estate_recovery: { en: 'Estate recovery', es: 'Cobro a la sucesión' },
  charity_adjustment: {
    en: 'Charity / financial-assistance adjustment',
    es: 'Ajuste por asistencia financiera',
  },
  bad_debt_writeoff: { en: 'Bad-debt write-off', es: 'Cancelación como deuda incobrable' },
  administrative_adjustment: { en: 'Adjustment', es: 'Ajuste' },
  refund: { en: 'Refund', es: 'Reembolso' },
  reversal: { en: 'Reversal', es: 'Anulación' },
  // A reversal names what it reverses, with its article in English ("Reversal of an insurance
  // payment"); Spanish names it bare ("Anulación de pago del seguro").
  reversalOf: { en: 'Reversal of {what}', es: 'Anulación de {what}' },
  withMemo: { en: '{what}: {memo}', es: '{what}: {memo}' },
});

/** ECA-05: the collection actions a final notice says may follow, as they read in its sentence. */
export const ECA_ACTION_TEXTS = defineTexts({
  credit_report: { en: 'report to a credit bureau', es: 'reportar la deuda a una agencia de crédito' },
  debt_sale: { en: 'sell the debt', es: 'vender la deuda' },
  civil_action: {
    en: 'sue (including small claims)',
    es: 'presentar una demanda (incluso ante un tribunal de reclamos menores)',
  },
  lien: { en: 'place a lien', es: 'imponer un gravamen sobre sus bienes' },
  wage_garnishment: { en: 'garnish wages', es: 'embargar su salario' },
  bank_levy: { en: 'attach a bank account', es: 'embargar su cuenta bancaria' },
  defer_care: {
    en: 'defer or deny care for unpaid bills',
    es: 'aplazar o negar atención médica por facturas sin pagar',
  },
  estate_claim: { en: 'file a claim against the estate', es: 'presentar un reclamo contra la sucesión' },
});

/** The ECA kinds a final notice named, from the words it printed (in either language). */
export function ecaKindsNamed(words: readonly string[]): (keyof typeof ECA_ACTION_TEXTS)[] {
  return (Object.keys(ECA_ACTION_TEXTS) as (keyof typeof ECA_ACTION_TEXTS)[]).filter((k) =>
    Object.values(ECA_ACTION_TEXTS[k]).some((w) => words.includes(w)),
  );
}
