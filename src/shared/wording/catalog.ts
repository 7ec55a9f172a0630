// Every patient document's texts, by document: what the Settings screen shows side by side for the
// hospital to review, and what the catalog test checks (both languages, the same placeholders).
// A new patient document adds its texts file here.
import type { Bilingual } from './template';
import { AGREEMENT_TEXTS } from './agreementTexts';
import { COMMON_TEXTS } from './commonTexts';
import { LAPSE_LETTER_TEXTS } from './lapseLetterTexts';
import { PAYMENT_METHOD_TEXTS, RECEIPT_TEXTS } from './receiptTexts';
import { ACTIVITY_TEXTS, ECA_ACTION_TEXTS, SERVICE_TEXTS, STATEMENT_TEXTS } from './statementTexts';
import { FAP_LETTER_TEXTS } from './fapLetterTexts';
import { DEMAND_LETTER_TEXTS } from './smallClaimsTexts';
import { ESTATE_COVER_LETTER_TEXTS } from './estatesTexts';
import {
  AUTHORIZATION_COMMON_TEXTS,
  BANK_AUTHORIZATION_TEXTS,
  PAY_FREQUENCY_TEXTS,
  PAYROLL_AUTHORIZATION_TEXTS,
} from './payrollTexts';
import {
  DELIVERY_KIND_TEXTS,
  OB_AGREEMENT_TEXTS,
  OB_COMMON_TEXTS,
  OB_EMTALA_TEXTS,
  OB_ESTIMATE_STEP_TEXTS,
  OB_INSTALLMENT_STATE_TEXTS,
  OB_STATEMENT_TEXTS,
  OB_TRUE_UP_TEXTS,
} from './obTexts';

export interface TextGroup {
  /** Stable id, for the screen's headings and the test's names. */
  id: string;
  /** The document or part, in the clerk's words. */
  title: string;
  texts: Readonly<Record<string, Bilingual>>;
}

export const PATIENT_TEXT_GROUPS: readonly TextGroup[] = [
  { id: 'statement', title: 'Statement and final notice', texts: STATEMENT_TEXTS },
  { id: 'statement-services', title: 'Statement: kinds of visit', texts: SERVICE_TEXTS },
  { id: 'statement-activity', title: 'Statement: activity since the last statement', texts: ACTIVITY_TEXTS },
  { id: 'final-notice-actions', title: 'Final notice: collection actions it may name', texts: ECA_ACTION_TEXTS },
  { id: 'plan-agreement', title: 'Payment plan agreement', texts: AGREEMENT_TEXTS },
  { id: 'lapse-letter', title: 'Payment plan letter (missed payment)', texts: LAPSE_LETTER_TEXTS },
  { id: 'receipt', title: 'Payment receipt', texts: RECEIPT_TEXTS },
  { id: 'receipt-methods', title: 'Payment receipt: how the payment was made', texts: PAYMENT_METHOD_TEXTS },
  { id: 'common', title: 'Every letter', texts: COMMON_TEXTS },
  {
    id: 'fap-letters',
    title: 'Financial assistance: notice of what is missing, and the decision',
    texts: FAP_LETTER_TEXTS,
  },
  { id: 'court-demand', title: 'Small claims: demand letter before filing', texts: DEMAND_LETTER_TEXTS },
  {
    id: 'estate-cover-letter',
    title: 'Estates: cover letter to the personal representative with the claim',
    texts: ESTATE_COVER_LETTER_TEXTS,
  },
  { id: 'payroll-authorization', title: 'Payroll deduction authorization', texts: PAYROLL_AUTHORIZATION_TEXTS },
  {
    id: 'bank-authorization',
    title: 'Automatic bank transfer (ACH debit) authorization',
    texts: BANK_AUTHORIZATION_TEXTS,
  },
  {
    id: 'authorization-common',
    title: 'Both authorizations: copies, accounts, counts and signatures',
    texts: AUTHORIZATION_COMMON_TEXTS,
  },
  { id: 'pay-frequencies', title: 'Both authorizations: how often', texts: PAY_FREQUENCY_TEXTS },
  { id: 'ob-emtala', title: 'Maternity (OB): the care sentence on every OB document', texts: OB_EMTALA_TEXTS },
  { id: 'ob-common', title: 'Maternity (OB): what the agreement, statements and letter share', texts: OB_COMMON_TEXTS },
  { id: 'ob-delivery-kinds', title: 'Maternity (OB): kinds of delivery', texts: DELIVERY_KIND_TEXTS },
  { id: 'ob-estimate-steps', title: 'Maternity (OB): the estimate, step by step', texts: OB_ESTIMATE_STEP_TEXTS },
  { id: 'ob-installment-states', title: 'Maternity (OB): a payment’s state', texts: OB_INSTALLMENT_STATE_TEXTS },
  { id: 'ob-agreement', title: 'Maternity (OB) financial agreement', texts: OB_AGREEMENT_TEXTS },
  { id: 'ob-statement', title: 'Maternity (OB) monthly statement', texts: OB_STATEMENT_TEXTS },
  { id: 'ob-true-up', title: 'Maternity (OB) true-up letter', texts: OB_TRUE_UP_TEXTS },
];
