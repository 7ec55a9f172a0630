// The payment plan agreement (PP-02), in English and Spanish. The English is the wording the
// agreement has always printed.
import { defineTexts } from './template';

export const AGREEMENT_TEXTS = defineTexts({
  documentTitle: { en: 'Payment plan agreement #{id}', es: 'Acuerdo de plan de pagos n.º {id}' },
  heading: { en: 'Payment plan agreement', es: 'Acuerdo de plan de pagos' },
  agreement: { en: 'Agreement', es: 'Acuerdo' },
  madeOn: { en: '#{id}, made {date}', es: 'N.º {id}, del {date}' },
  responsibleParty: { en: 'Responsible party', es: 'Responsable del pago' },
  guarantorNumber: { en: 'Guarantor number', es: 'Número de garante' },
  accountsHeading: { en: 'The accounts in this plan', es: 'Las cuentas de este plan' },
  colAccount: { en: 'Account', es: 'Cuenta' },
  colServiceDates: { en: 'Dates of service', es: 'Fechas de servicio' },
  colBalance: { en: 'Balance', es: 'Saldo' },
  total: { en: 'Total', es: 'Total' },
  termsHeading: { en: 'The terms', es: 'Las condiciones' },
  termsWithDown: {
    en: 'A down payment of {down} is due today. Then {payments}, from {first} to {last}.',
    es: 'Hoy vence un pago inicial de {down}. Después, usted hará {payments}, del {first} al {last}.',
  },
  termsNoDown: {
    en: '{payments}, from {first} to {last}.',
    es: 'Usted hará {payments}, del {first} al {last}.',
  },
  // "{count} monthly payments of {amount}": the count, the frequency and the amount, in one phrase.
  monthlyOne: { en: '{count} monthly payment of {amount}', es: '{count} pago mensual de {amount}' },
  monthlyMany: { en: '{count} monthly payments of {amount}', es: '{count} pagos mensuales de {amount}' },
  biweeklyOne: { en: '{count} every-two-weeks payment of {amount}', es: '{count} pago de {amount} cada dos semanas' },
  biweeklyMany: {
    en: '{count} every-two-weeks payments of {amount}',
    es: '{count} pagos de {amount} cada dos semanas',
  },
  weeklyOne: { en: '{count} weekly payment of {amount}', es: '{count} pago semanal de {amount}' },
  weeklyMany: { en: '{count} weekly payments of {amount}', es: '{count} pagos semanales de {amount}' },
  lastDiffers: { en: '(the last {amount})', es: '(el último, de {amount})' },
  addsUp: {
    en: 'The payments add up to the balance of {balance}. No interest or fees are charged.',
    es: 'Los pagos suman el saldo de {balance}. No se cobran intereses ni cargos adicionales.',
  },
  missedPayment: {
    en: 'If a payment is not received within {grace} days of its due date, we will send you a letter. You will then have {cure} days from that letter to bring the plan up to date. If it is not brought up to date by then, or if {missed} payments are missed, the plan ends and the remaining balance returns to our normal collection process.',
    es: 'Si no recibimos un pago dentro de los {grace} días siguientes a su fecha de vencimiento, le enviaremos una carta. A partir de esa carta, usted tendrá {cure} días para poner el plan al día. Si no lo pone al día en ese plazo, o si deja de hacer {missed} pagos, el plan terminará y el saldo pendiente volverá a nuestro proceso normal de cobro.',
  },
  earlyPayAhead: {
    en: 'Payments made early go to your next payment and then to the ones after it.',
    es: 'Los pagos adelantados se aplican a su próximo pago y luego a los siguientes.',
  },
  earlyShortens: {
    en: 'Payments made early go to your next payment; anything beyond it shortens the plan from the end.',
    es: 'Los pagos adelantados se aplican a su próximo pago; lo que exceda ese pago acorta el plan desde el final.',
  },
  balanceChanges: {
    en: 'If your balance changes (for example, new charges or an insurance payment), we will recalculate the plan with you. You may pay off the balance at any time.',
    es: 'Si su saldo cambia (por ejemplo, por cargos nuevos o un pago del seguro), volveremos a calcular el plan con usted. Puede liquidar el saldo en cualquier momento.',
  },
  assistanceHeading: { en: 'Financial assistance', es: 'Asistencia financiera' },
  assistanceBody: {
    en: 'You may qualify for free or discounted care under our financial assistance policy, even while on this plan. Call {phone} or visit {url}.',
    es: 'Es posible que reúna los requisitos para recibir atención gratuita o con descuento según nuestra política de asistencia financiera, incluso mientras tenga este plan. Llame al {phone} o visite {url}.',
  },
  scheduleHeading: { en: 'Payment schedule', es: 'Calendario de pagos' },
  colPayment: { en: 'Payment', es: 'Pago' },
  colDue: { en: 'Due', es: 'Vence' },
  colAmount: { en: 'Amount', es: 'Monto' },
  downPayment: { en: 'Down payment', es: 'Pago inicial' },
  paymentNumber: { en: 'Payment {number}', es: 'Pago {number}' },
  iAgree: {
    en: 'I agree to make the payments above. I understand what happens if a payment is missed.',
    es: 'Acepto hacer los pagos indicados arriba. Entiendo lo que sucede si no hago un pago.',
  },
  signResponsible: { en: 'Responsible party', es: 'Responsable del pago' },
  signDate: { en: 'Date', es: 'Fecha' },
  signHospital: { en: 'For {hospital}', es: 'En representación de {hospital}' },
  footer: { en: '{hospital} · Payment plan agreement #{id}', es: '{hospital} · Acuerdo de plan de pagos n.º {id}' },
});
