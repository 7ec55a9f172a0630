// The lapse (cure) letter sent when a plan payment is missed (PP-03), in English and Spanish. The
// English is the wording the letter has always printed.
import { defineTexts } from './template';

export const LAPSE_LETTER_TEXTS = defineTexts({
  heading: { en: 'Your payment plan needs attention', es: 'Su plan de pagos requiere su atención' },
  dear: { en: 'Dear {name},', es: 'Estimado(a) {name}:' },
  missedOne: {
    en: 'We have not received the payment due under your payment plan (agreement #{id}). To keep your plan, please pay {amount} by {date}.',
    es: 'No hemos recibido el pago que vencía según su plan de pagos (acuerdo n.º {id}). Para conservar su plan, por favor pague {amount} a más tardar el {date}.',
  },
  missedMany: {
    en: 'We have not received the payments due under your payment plan (agreement #{id}). To keep your plan, please pay {amount} by {date}.',
    es: 'No hemos recibido los pagos que vencían según su plan de pagos (acuerdo n.º {id}). Para conservar su plan, por favor pague {amount} a más tardar el {date}.',
  },
  dueOn: { en: 'Due {date}', es: 'Vencía el {date}' },
  pastDue: { en: 'Past due now', es: 'Monto vencido' },
  payBy: { en: 'Pay by', es: 'Fecha límite de pago' },
  whatNext: {
    en: 'If the plan is not brought up to date by then, it will end and the remaining balance will return to our normal collection process. If your situation has changed, call us at {phone}: we can talk about a new schedule.',
    es: 'Si el plan no se pone al día para esa fecha, terminará y el saldo pendiente volverá a nuestro proceso normal de cobro. Si su situación ha cambiado, llámenos al {phone}: podemos hablar de un nuevo calendario de pagos.',
  },
  howToPay: {
    en: 'Mail your payment to {hospital}, {address}, or call us to pay by card.',
    es: 'Envíe su pago por correo a {hospital}, {address}, o llámenos para pagar con tarjeta.',
  },
  assistance: {
    en: 'Financial assistance is available. You may qualify for free or discounted care: call {phone} or visit {url}.',
    es: 'Ofrecemos asistencia financiera. Es posible que reúna los requisitos para recibir atención gratuita o con descuento: llame al {phone} o visite {url}.',
  },
  footer: { en: '{hospital} · Payment plan letter', es: '{hospital} · Carta sobre su plan de pagos' },
});
