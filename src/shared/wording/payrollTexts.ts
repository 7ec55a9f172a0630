// The two authorizations an employee-patient signs (issue 16), in English and Spanish (LANG-01):
// - the payroll deduction authorization (PD-03: employee and id, the accounts and their total, the
//   amount each pay period, the first pay date, the count and the last date; PD-02 / 40 TAC
//   821.28(b): the specific purpose, a reasonable expectation of the amount, and that it is withheld
//   from wages; PD-01: the wage-floor clause; the final paycheck; revocation; voluntary; signatures);
// - the automatic bank transfer (ACH debit) authorization (the bank account masked to its last four
//   digits, the amount each debit, the dates, revocation, signatures).
// Each prints twice in one file: the hospital's copy and the employee's (the patient's) copy.
import { defineTexts } from './template';

/** What both forms share. */
export const AUTHORIZATION_COMMON_TEXTS = defineTexts({
  reference: { en: 'Reference {reference}, prepared {date}', es: 'Referencia {reference}, preparada el {date}' },
  hospitalCopy: { en: 'Hospital copy', es: 'Copia del hospital' },
  hospitalCopyNote: {
    en: 'Keep the signed form with the patient accounts.',
    es: 'Guarde el formulario firmado con las cuentas del paciente.',
  },
  guarantor: { en: 'Responsible for the accounts', es: 'Responsable de las cuentas' },
  guarantorWithNumber: { en: '{name} (guarantor number {number})', es: '{name} (número de garante {number})' },
  accountsHeading: { en: 'The accounts this pays', es: 'Las cuentas que esto paga' },
  colAccount: { en: 'Account', es: 'Cuenta' },
  colServiceDates: { en: 'Dates of service', es: 'Fechas de servicio' },
  colBalance: { en: 'Balance', es: 'Saldo' },
  totalBalance: { en: 'Total balance', es: 'Saldo total' },
  countOne: { en: '1 ({amount})', es: '1 ({amount})' },
  countEven: { en: '{count}, each of {amount}', es: '{count}, cada uno de {amount}' },
  countWithLast: {
    en: '{count}: {full} of {amount} and a last one of {last}',
    es: '{count}: {full} de {amount} y un último de {last}',
  },
  assistance: {
    en: 'You may qualify for free or discounted care under our financial assistance policy, even after you sign. Call {phone} or visit {url}.',
    es: 'Es posible que reúna los requisitos para recibir atención gratuita o con descuento según nuestra política de asistencia financiera, incluso después de firmar. Llame al {phone} o visite {url}.',
  },
  signDate: { en: 'Date', es: 'Fecha' },
  signHospital: {
    en: 'For {hospital} (name and title)',
    es: 'En representación de {hospital} (nombre y cargo)',
  },
});

export const PAYROLL_AUTHORIZATION_TEXTS = defineTexts({
  documentTitle: {
    en: 'Payroll deduction authorization {reference}',
    es: 'Autorización de descuento de nómina {reference}',
  },
  heading: { en: 'Payroll deduction authorization', es: 'Autorización de descuento de nómina' },
  employeeCopy: { en: 'Employee copy', es: 'Copia del empleado' },
  employeeCopyNote: { en: 'Keep this copy for your records.', es: 'Guarde esta copia para sus registros.' },
  employee: { en: 'Employee', es: 'Empleado' },
  employeeId: { en: 'Employee ID', es: 'Número de empleado' },
  payFrequency: { en: 'Pay frequency', es: 'Frecuencia de pago' },
  deductionHeading: { en: 'The deduction', es: 'El descuento' },
  amountEach: { en: 'Amount each pay period', es: 'Monto por período de pago' },
  firstDate: { en: 'First pay date', es: 'Primera fecha de pago' },
  count: { en: 'Number of deductions', es: 'Número de descuentos' },
  lastDate: { en: 'Last pay date', es: 'Última fecha de pago' },
  purpose: {
    en: 'I authorize {hospital} to withhold {amount} from my wages each pay period, beginning with my pay of {first}, for one specific purpose only: to pay the total balance of {total} on the hospital patient accounts listed above. The amount is withheld from my wages, and all of it is applied to those accounts. At this amount it takes {count} deductions; the last is expected on {last}.',
    es: 'Autorizo a {hospital} a retener {amount} de mi salario en cada período de pago, a partir de mi pago del {first}, con un único propósito específico: pagar el saldo total de {total} de las cuentas de paciente del hospital indicadas arriba. El monto se retiene de mi salario y se aplica en su totalidad a esas cuentas. Con este monto se necesitan {count} descuentos; el último se espera el {last}.',
  },
  endsWhenPaid: {
    en: 'The deductions stop when the accounts are paid in full. No deduction is ever more than what the accounts still owe; if the balance goes down (for example, an insurance payment), the deductions end sooner.',
    es: 'Los descuentos terminan cuando las cuentas estén pagadas por completo. Ningún descuento será mayor que lo que aún se debe en las cuentas; si el saldo baja (por ejemplo, por un pago del seguro), los descuentos terminan antes.',
  },
  wageFloorHeading: { en: 'My pay is protected', es: 'Mi salario está protegido' },
  wageFloor: {
    en: 'No deduction will bring my pay below the federal or state minimum wage, or reduce the overtime pay I am owed, in any workweek. If a pay period’s deduction would do so, payroll takes less, or nothing, that pay period, and the rest stays on the accounts.',
    es: 'Ningún descuento hará que mi salario quede por debajo del salario mínimo federal o estatal, ni reducirá el pago de horas extra que se me deba, en ninguna semana laboral. Si el descuento de un período de pago lo hiciera, la nómina descontará menos, o nada, en ese período, y el resto seguirá pendiente en las cuentas.',
  },
  terminationHeading: {
    en: 'If my employment ends',
    es: 'Si termina mi empleo',
  },
  finalPayNone: {
    en: 'If my employment ends, the deductions stop: nothing is withheld from my final paycheck. Any balance left returns to the hospital’s monthly statements.',
    es: 'Si termina mi empleo, los descuentos se detienen: no se retiene nada de mi último cheque de pago. El saldo que quede volverá a los estados de cuenta mensuales del hospital.',
  },
  finalPayRegular: {
    en: 'If my employment ends, my final paycheck carries the usual deduction of {amount} (never more than the balance left, and never below the minimum wage), and then the deductions stop. Any balance left returns to the hospital’s monthly statements.',
    es: 'Si termina mi empleo, mi último cheque de pago llevará el descuento habitual de {amount} (nunca más que el saldo pendiente, y nunca por debajo del salario mínimo), y luego los descuentos se detienen. El saldo que quede volverá a los estados de cuenta mensuales del hospital.',
  },
  revocationHeading: { en: 'Revoking this authorization', es: 'Cómo revocar esta autorización' },
  revocation: {
    en: 'I may revoke this authorization at any time by writing to Patient Accounts, {hospital}, {address}. The deductions stop with the next pay period after my letter is received. Any balance left then returns to the hospital’s monthly statements.',
    es: 'Puedo revocar esta autorización en cualquier momento escribiendo a Cuentas de Pacientes, {hospital}, {address}. Los descuentos se detienen a partir del siguiente período de pago después de que se reciba mi carta. El saldo que quede volverá entonces a los estados de cuenta mensuales del hospital.',
  },
  voluntary: {
    en: 'I sign this authorization voluntarily. Signing it is not a condition of my employment, and I may pay the accounts another way instead. Nothing is withheld until the hospital has received this form signed.',
    es: 'Firmo esta autorización de manera voluntaria. Firmarla no es una condición de mi empleo, y puedo pagar las cuentas de otra manera. No se retiene nada hasta que el hospital reciba este formulario firmado.',
  },
  questionsContact: {
    en: 'Questions about a deduction from my pay: {contact}. Questions about the accounts: Patient Accounts, {phone}.',
    es: 'Preguntas sobre un descuento de mi salario: {contact}. Preguntas sobre las cuentas: Cuentas de Pacientes, {phone}.',
  },
  questionsNoContact: {
    en: 'Questions about a deduction from my pay: my payroll office. Questions about the accounts: Patient Accounts, {phone}.',
    es: 'Preguntas sobre un descuento de mi salario: mi oficina de nómina. Preguntas sobre las cuentas: Cuentas de Pacientes, {phone}.',
  },
  signEmployee: { en: 'Employee’s signature', es: 'Firma del empleado' },
  footer: {
    en: '{hospital} · Payroll deduction authorization {reference} · {copy}',
    es: '{hospital} · Autorización de descuento de nómina {reference} · {copy}',
  },
});

export const BANK_AUTHORIZATION_TEXTS = defineTexts({
  documentTitle: {
    en: 'Automatic bank transfer authorization {reference}',
    es: 'Autorización de transferencia bancaria automática {reference}',
  },
  heading: {
    en: 'Automatic bank transfer (ACH debit) authorization',
    es: 'Autorización de transferencia bancaria automática (débito ACH)',
  },
  patientCopy: { en: 'Patient copy', es: 'Copia del paciente' },
  patientCopyNote: { en: 'Keep this copy for your records.', es: 'Guarde esta copia para sus registros.' },
  bankHeading: { en: 'The bank account', es: 'La cuenta bancaria' },
  holder: { en: 'Account holder', es: 'Titular de la cuenta' },
  routing: { en: 'Bank routing number', es: 'Número de ruta bancaria' },
  account: { en: 'Account', es: 'Cuenta' },
  accountMasked: { en: '{masked} ({type})', es: '{masked} ({type})' },
  checking: { en: 'checking', es: 'de cheques' },
  savings: { en: 'savings', es: 'de ahorros' },
  debitHeading: { en: 'The debits', es: 'Los débitos' },
  amountEach: { en: 'Amount each debit', es: 'Monto de cada débito' },
  frequency: { en: 'How often', es: 'Frecuencia' },
  firstDate: { en: 'First debit', es: 'Primer débito' },
  count: { en: 'Number of debits', es: 'Número de débitos' },
  lastDate: { en: 'Last debit', es: 'Último débito' },
  purpose: {
    en: 'I authorize {hospital} to debit my {type} account shown above by {amount} {frequency}, beginning {first}, to pay the total balance of {total} on the hospital patient accounts listed above, and my bank to honor those debits. At this amount it takes {count} debits; the last is expected on {last}. If a debit date is not a banking day, the debit may be made on the next banking day.',
    es: 'Autorizo a {hospital} a debitar {amount} de mi cuenta {type} indicada arriba {frequency}, a partir del {first}, para pagar el saldo total de {total} de las cuentas de paciente del hospital indicadas arriba, y a mi banco a aceptar esos débitos. Con este monto se necesitan {count} débitos; el último se espera el {last}. Si la fecha de un débito no es un día hábil bancario, el débito puede hacerse el siguiente día hábil bancario.',
  },
  endsWhenPaid: {
    en: 'The debits stop when the accounts are paid in full. No debit is ever more than what the accounts still owe; if the balance goes down (for example, an insurance payment), the debits end sooner.',
    es: 'Los débitos terminan cuando las cuentas estén pagadas por completo. Ningún débito será mayor que lo que aún se debe en las cuentas; si el saldo baja (por ejemplo, por un pago del seguro), los débitos terminan antes.',
  },
  returned: {
    en: 'If my bank returns a debit (for example, for insufficient funds), that payment is not made and the balance stays on the accounts; if the bank account is closed or the debits are refused, the debits stop.',
    es: 'Si mi banco devuelve un débito (por ejemplo, por fondos insuficientes), ese pago no se realiza y el saldo sigue pendiente en las cuentas; si la cuenta bancaria se cierra o se rechazan los débitos, los débitos se detienen.',
  },
  revocationHeading: { en: 'Revoking this authorization', es: 'Cómo revocar esta autorización' },
  revocation: {
    en: 'I may revoke this authorization at any time by writing to Patient Accounts, {hospital}, {address}, or by calling {phone}. The debits stop with the next debit date after my notice is received. I may also ask my bank to stop a debit at least three business days before it is made. Any balance left then returns to the hospital’s monthly statements.',
    es: 'Puedo revocar esta autorización en cualquier momento escribiendo a Cuentas de Pacientes, {hospital}, {address}, o llamando al {phone}. Los débitos se detienen a partir de la siguiente fecha de débito después de que se reciba mi aviso. También puedo pedir a mi banco que detenga un débito al menos tres días hábiles antes de que se realice. El saldo que quede volverá entonces a los estados de cuenta mensuales del hospital.',
  },
  voluntary: {
    en: 'I sign this authorization voluntarily, and I may pay the accounts another way instead. Nothing is debited until the hospital has received this form signed.',
    es: 'Firmo esta autorización de manera voluntaria, y puedo pagar las cuentas de otra manera. No se debita nada hasta que el hospital reciba este formulario firmado.',
  },
  questions: {
    en: 'Questions about the debits or the accounts: Patient Accounts, {phone}.',
    es: 'Preguntas sobre los débitos o las cuentas: Cuentas de Pacientes, {phone}.',
  },
  signHolder: { en: 'Account holder’s signature', es: 'Firma del titular de la cuenta' },
  footer: {
    en: '{hospital} · Automatic bank transfer authorization {reference} · {copy}',
    es: '{hospital} · Autorización de transferencia bancaria automática {reference} · {copy}',
  },
});

/** A frequency as the forms say it: the label in a box, the phrase in a sentence ("every two weeks"). */
export const PAY_FREQUENCY_TEXTS = defineTexts({
  weekly: { en: 'Weekly', es: 'Semanal' },
  biweekly: { en: 'Every two weeks', es: 'Cada dos semanas' },
  semimonthly: { en: 'Twice a month', es: 'Dos veces al mes' },
  monthly: { en: 'Monthly', es: 'Mensual' },
  weeklyPhrase: { en: 'every week', es: 'cada semana' },
  biweeklyPhrase: { en: 'every two weeks', es: 'cada dos semanas' },
  semimonthlyPhrase: { en: 'twice a month', es: 'dos veces al mes' },
  monthlyPhrase: { en: 'every month', es: 'cada mes' },
});
