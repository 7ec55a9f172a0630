// The financial-assistance letters (ECA-05; 26 CFR 1.501(r)-6(c)): the notice of what an incomplete
// application is missing and the date to send it by, and the written determination (approved in
// full or in part with the amount now owed, or denied with the reason and how to ask again).
// Spanish: formal ("usted") US Spanish, with the glossary of /wording (solicitud, asistencia
// financiera, saldo, ajuste, reembolso, acciones de cobro).
import { defineTexts } from './template';

export const FAP_LETTER_TEXTS = defineTexts({
  guarantorNumber: { en: 'Guarantor number', es: 'Número de garante' },
  letterDate: { en: 'Date', es: 'Fecha' },
  // The notice of an incomplete application.
  incompleteTitle: {
    en: 'Your financial-assistance application: what we still need',
    es: 'Su solicitud de asistencia financiera: lo que todavía necesitamos',
  },
  incompleteOpening: {
    en: 'Dear {name}: we received your application for financial assistance on {received}. Thank you. To make a decision, we still need the following:',
    es: 'Estimado(a) {name}: recibimos su solicitud de asistencia financiera el {received}. Gracias. Para tomar una decisión, todavía necesitamos lo siguiente:',
  },
  incompleteSendBy: {
    en: 'Please send it to us by {date}.',
    es: 'Por favor, envíenoslo a más tardar el {date}.',
  },
  incompleteSuspended: {
    en: 'While your application is open, we will not take any collection action such as reporting to a credit bureau or legal action. If you send what is missing after {date}, we will still consider it.',
    es: 'Mientras su solicitud esté abierta, no tomaremos ninguna acción de cobro, como informar a una agencia de crédito o iniciar una acción legal. Si nos envía lo que falta después del {date}, igualmente lo tendremos en cuenta.',
  },
  incompleteHow: {
    en: 'You can mail or bring it to {hospital}, {address}. If you have questions or need help, call our financial-assistance office at {phone} or visit {url}.',
    es: 'Puede enviarlo por correo o traerlo a {hospital}, {address}. Si tiene preguntas o necesita ayuda, llame a nuestra oficina de asistencia financiera al {phone} o visite {url}.',
  },
  // The determination.
  decisionTitle: {
    en: 'Your financial-assistance application: our decision',
    es: 'Su solicitud de asistencia financiera: nuestra decisión',
  },
  approvedFull: {
    en: 'Dear {name}: on {date} we approved your application for financial assistance in full. You owe nothing for the care on the accounts below.',
    es: 'Estimado(a) {name}: el {date} aprobamos por completo su solicitud de asistencia financiera. Usted no debe nada por la atención de las cuentas que se indican abajo.',
  },
  approvedPartialPercent: {
    en: 'Dear {name}: on {date} we approved your application for financial assistance in part. Under our policy you pay {percent}% less than you owed for this care. The table shows what you owe now.',
    es: 'Estimado(a) {name}: el {date} aprobamos en parte su solicitud de asistencia financiera. Según nuestra política, usted paga un {percent}% menos de lo que debía por esta atención. La tabla muestra lo que debe ahora.',
  },
  approvedPartialAgb: {
    en: 'Dear {name}: on {date} we approved your application for financial assistance in part. Under our policy you pay no more than the amount generally billed to patients who have insurance for this care. The table shows what you owe now.',
    es: 'Estimado(a) {name}: el {date} aprobamos en parte su solicitud de asistencia financiera. Según nuestra política, usted no paga más que el monto que generalmente se factura a los pacientes con seguro por esta atención. La tabla muestra lo que debe ahora.',
  },
  agbNote: {
    en: 'As a patient who qualifies, you are never charged more than the amount generally billed to patients who have insurance.',
    es: 'Como paciente que califica, nunca se le cobrará más que el monto que generalmente se factura a los pacientes con seguro.',
  },
  colAccount: { en: 'Account', es: 'Cuenta' },
  colService: { en: 'Dates of service', es: 'Fechas de servicio' },
  colBefore: { en: 'You owed', es: 'Usted debía' },
  colPolicy: { en: 'Under the policy', es: 'Según la política' },
  colAdjustment: { en: 'Assistance', es: 'Asistencia' },
  colRefund: { en: 'Refund', es: 'Reembolso' },
  colOwes: { en: 'You owe now', es: 'Debe ahora' },
  total: { en: 'Total', es: 'Total' },
  owesNow: {
    en: 'You now owe {amount} in all.',
    es: 'Ahora usted debe {amount} en total.',
  },
  owesNothing: {
    en: 'You owe nothing on these accounts.',
    es: 'Usted no debe nada en estas cuentas.',
  },
  refund: {
    en: 'You paid {amount} more than you owe under the policy. We will refund it to you by {date}.',
    es: 'Usted pagó {amount} más de lo que debe según la política. Le reembolsaremos esa cantidad a más tardar el {date}.',
  },
  askAgain: {
    en: 'If your income or household changes, or you think you qualify for more help, you may ask us to look at your application again at any time.',
    es: 'Si sus ingresos o su hogar cambian, o si cree que califica para recibir más ayuda, puede pedirnos en cualquier momento que revisemos su solicitud de nuevo.',
  },
  denied: {
    en: 'Dear {name}: on {date} we reviewed your application for financial assistance. We are sorry that we cannot approve it.',
    es: 'Estimado(a) {name}: el {date} revisamos su solicitud de asistencia financiera. Lamentamos no poder aprobarla.',
  },
  deniedReason: { en: 'The reason:', es: 'El motivo:' },
  deniedAgain: {
    en: 'If you think this decision is wrong, have information we did not see, or your situation changes, you may ask us to reconsider or apply again at any time. Your balance stays as it was, and statements will continue.',
    es: 'Si cree que esta decisión es incorrecta, tiene información que no vimos o su situación cambia, puede pedirnos que la reconsideremos o presentar una nueva solicitud en cualquier momento. Su saldo sigue igual y seguirá recibiendo estados de cuenta.',
  },
  contact: {
    en: 'Questions, help with an application, or a free copy of our financial-assistance policy and its plain-language summary: call {phone} or visit {url}.',
    es: 'Si tiene preguntas, necesita ayuda con una solicitud o desea una copia gratuita de nuestra política de asistencia financiera y de su resumen en lenguaje sencillo, llame al {phone} o visite {url}.',
  },
  summaryTitle: {
    en: 'Summary of our financial-assistance policy',
    es: 'Resumen de nuestra política de asistencia financiera',
  },
  footer: { en: '{hospital} · Financial assistance', es: '{hospital} · Asistencia financiera' },
  pageOf: { en: 'Page {page} of {pages}', es: 'Página {page} de {pages}' },
});
