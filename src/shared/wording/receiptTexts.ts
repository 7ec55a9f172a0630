// The payment receipt, in English and Spanish. The English is the wording it has always printed.
import { defineTexts } from './template';

export const RECEIPT_TEXTS = defineTexts({
  documentTitle: { en: 'Payment receipt {number}', es: 'Recibo de pago {number}' },
  heading: { en: 'Payment receipt', es: 'Recibo de pago' },
  receiptNumber: { en: 'Receipt number', es: 'Número de recibo' },
  dateReceived: { en: 'Date received', es: 'Fecha de recepción' },
  receivedFrom: { en: 'Received from', es: 'Recibido de' },
  guarantorNumber: { en: 'Guarantor number', es: 'Número de garante' },
  paidBy: { en: 'Paid by', es: 'Forma de pago' },
  amount: { en: 'Amount', es: 'Monto' },
  appliedTo: { en: 'Applied to', es: 'Aplicado a' },
  colAccount: { en: 'Account', es: 'Cuenta' },
  colServiceDates: { en: 'Dates of service', es: 'Fechas de servicio' },
  colApplied: { en: 'Applied', es: 'Aplicado' },
  colBalanceAfter: { en: 'Balance after', es: 'Saldo restante' },
  total: { en: 'Total', es: 'Total' },
  thanks: { en: 'Received by {name}. Thank you for your payment.', es: 'Recibido por {name}. Gracias por su pago.' },
  questions: {
    en: 'Questions about your bill: {phone}.',
    es: 'Si tiene preguntas sobre su factura, llame al {phone}.',
  },
  assistance: {
    en: 'Financial assistance is available: call {phone} or visit {url}',
    es: 'Ofrecemos asistencia financiera: llame al {phone} o visite {url}',
  },
  footer: { en: '{hospital} · Receipt {number}', es: '{hospital} · Recibo {number}' },
});

/** How the payment was made, as the receipt prints it. */
export const PAYMENT_METHOD_TEXTS = defineTexts({
  cash: { en: 'Cash', es: 'Efectivo' },
  check: { en: 'Check', es: 'Cheque' },
  card: { en: 'Card', es: 'Tarjeta' },
  money_order: { en: 'Money order', es: 'Giro postal' },
  ach: { en: 'Bank transfer (ACH)', es: 'Transferencia bancaria (ACH)' },
});
