// The demand letter sent before the hospital files in small claims (issue 13; rules §3.3), in
// English and Spanish (LANG-01). It names the amount, the date after which the hospital will file,
// that financial assistance is available with its phone and web address (ECA-06), and how to pay.
import { defineTexts } from './template';

export const DEMAND_LETTER_TEXTS = defineTexts({
  documentTitle: { en: 'Demand for payment', es: 'Requerimiento de pago' },
  heading: {
    en: 'Demand for payment before a small-claims court claim',
    es: 'Requerimiento de pago antes de una demanda en el tribunal de reclamos menores',
  },
  dear: { en: 'Dear {name},', es: 'Estimado(a) {name}:' },
  owe: {
    en: 'Our records show that {balance} is unpaid for the hospital care listed below. We sent you statements and a final notice about this balance.',
    es: 'Nuestros registros muestran que hay un saldo pendiente de {balance} por la atención hospitalaria que se indica abajo. Le enviamos estados de cuenta y un aviso final sobre este saldo.',
  },
  intent: {
    en: 'Unless the balance is paid, or you contact us to arrange payment or to apply for financial assistance, {hospital} will file a claim against you for {claim} in the small claims court ({court}, {county} County) after {date}.',
    es: 'A menos que pague el saldo, o se comunique con nosotros para acordar el pago o solicitar asistencia financiera, {hospital} presentará una demanda en su contra por {claim} en el tribunal de reclamos menores ({court}, condado de {county}) después del {date}.',
  },
  waived: {
    en: 'The claim is limited to the court’s limit: the hospital will not ask the court for the {waived} above it.',
    es: 'La demanda se limita al monto máximo del tribunal: el hospital no pedirá al tribunal los {waived} que lo exceden.',
  },
  accountsHeading: { en: 'The accounts', es: 'Las cuentas' },
  account: { en: 'Account', es: 'Cuenta' },
  patient: { en: 'Patient', es: 'Paciente' },
  serviceDates: { en: 'Dates of service', es: 'Fechas de servicio' },
  balance: { en: 'Balance', es: 'Saldo' },
  total: { en: 'Total', es: 'Total' },
  fileAfterLabel: { en: 'Court claim after', es: 'Demanda judicial después del' },
  assistanceHeading: { en: 'Financial assistance is available', es: 'Ofrecemos asistencia financiera' },
  assistance: {
    en: 'You may qualify for free or discounted care, even now. Call {phone} or visit {url} for the application and a plain-language summary of our financial assistance policy. If you apply, we will take no court action while your application is being decided.',
    es: 'Es posible que reúna los requisitos para recibir atención gratuita o con descuento, incluso ahora. Llame al {phone} o visite {url} para obtener la solicitud y un resumen en lenguaje sencillo de nuestra política de asistencia financiera. Si presenta una solicitud, no tomaremos ninguna acción judicial mientras se decide.',
  },
  howToPay: {
    en: 'To pay, mail your payment to {hospital}, {address}, or call us at {phone} to pay by card or to set up a payment plan.',
    es: 'Para pagar, envíe su pago por correo a {hospital}, {address}, o llámenos al {phone} para pagar con tarjeta o acordar un plan de pagos.',
  },
  questions: {
    en: 'If you believe this balance is wrong, call us at {phone} before {date}: we will review the account with you.',
    es: 'Si cree que este saldo es incorrecto, llámenos al {phone} antes del {date}: revisaremos la cuenta con usted.',
  },
  closing: { en: 'Sincerely,', es: 'Atentamente,' },
  signature: { en: 'Patient Accounts, {hospital}', es: 'Cuentas de Pacientes, {hospital}' },
  footer: { en: '{hospital} · Demand letter', es: '{hospital} · Requerimiento de pago' },
});
