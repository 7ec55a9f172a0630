// The claim against a deceased guarantor's estate (issue 14; rules §4). The cover letter that goes
// with the statement of claim to the personal representative is a letter to the family's side: in
// the estate's letter language (LANG-01), English or Spanish, with the financial-assistance notice
// (ECA-06: the policy can still reduce the balance of a patient who has died). Spanish: formal
// ("usted") US Spanish; "sucesión" for the estate and "representante personal" as US probate forms
// in Spanish say.
//
// The papers for the court and for the hospital's own legal department (the statement of claim, the
// cover letter and the follow-up letter to the clerk of court, the referral memo) are in English
// only: they are not patient texts and are written beside their drawings (claimPdf.ts, letterPdf.ts,
// memoPdf.ts), except the sworn wording, which is here so the statement and its tests share it.
import { defineTexts } from './template';

export const ESTATE_COVER_LETTER_TEXTS = defineTexts({
  documentTitle: { en: 'Claim against the estate', es: 'Reclamación contra la sucesión' },
  re: {
    en: 'Re: the estate of {decedent}, deceased',
    es: 'Asunto: sucesión de {decedent}, fallecido(a)',
  },
  reCourt: { en: '{court}, case no. {caseNumber}', es: '{court}, caso núm. {caseNumber}' },
  dear: { en: 'Dear {name},', es: 'Estimado(a) {name}:' },
  condolences: {
    en: 'Please accept our condolences on the death of {decedent}.',
    es: 'Le expresamos nuestro más sentido pésame por el fallecimiento de {decedent}.',
  },
  present: {
    en: 'As the personal representative of the estate, you are presented with the claim of {hospital} against the estate of {decedent} for {amount}, for hospital care given before the death on {dateOfDeath}. The statement of claim is enclosed, with an itemised statement of each account.',
    es: 'Como representante personal de la sucesión, le presentamos la reclamación de {hospital} contra la sucesión de {decedent} por {amount}, por la atención hospitalaria prestada antes del fallecimiento el {dateOfDeath}. Adjuntamos la declaración de la reclamación, con un estado de cuenta detallado de cada cuenta.',
  },
  accountsIntro: { en: 'The claim covers these accounts:', es: 'La reclamación comprende estas cuentas:' },
  account: { en: 'Account', es: 'Cuenta' },
  patient: { en: 'Patient', es: 'Paciente' },
  serviceDates: { en: 'Dates of service', es: 'Fechas de servicio' },
  claimed: { en: 'Claimed', es: 'Reclamado' },
  total: { en: 'Total', es: 'Total' },
  ask: {
    en: 'Please allow the claim and pay it from the estate. If you disallow any part of it, please tell us in writing, with the reason.',
    es: 'Le pedimos que admita la reclamación y la pague con los bienes de la sucesión. Si rechaza alguna parte, por favor infórmenos por escrito, con el motivo.',
  },
  assistanceHeading: {
    en: 'Financial assistance may still apply',
    es: 'La asistencia financiera todavía puede aplicarse',
  },
  assistance: {
    en: 'Our financial assistance policy can reduce or cancel a balance for care given to a patient who has since died. Call {phone} or visit {url} for the application and a plain-language summary of the policy.',
    es: 'Nuestra política de asistencia financiera puede reducir o cancelar el saldo por la atención prestada a un paciente que ha fallecido. Llame al {phone} o visite {url} para obtener la solicitud y un resumen en lenguaje sencillo de la política.',
  },
  questions: {
    en: 'If you have questions about the accounts, call Patient Accounts at {phone}.',
    es: 'Si tiene preguntas sobre las cuentas, llame a Cuentas de Pacientes al {phone}.',
  },
  closing: { en: 'Sincerely,', es: 'Atentamente,' },
  signature: { en: 'Patient Accounts, {hospital}', es: 'Cuentas de Pacientes, {hospital}' },
  enclosure: {
    en: 'Enclosure: statement of claim with the itemised statement of account',
    es: 'Adjunto: declaración de la reclamación con el estado de cuenta detallado (en inglés, como lo pide el tribunal)',
  },
  footer: { en: '{hospital} · Claim against the estate', es: '{hospital} · Reclamación contra la sucesión' },
});

/**
 * The sworn wording a statement of claim may carry (rules §4 PR-03: some states want an affidavit
 * that the amount is justly due, all payments have been credited and there are no offsets).
 */
export const SWORN_CLAIM_TEXT = {
  heading: 'Affidavit of claim',
  oath: 'The undersigned, being first duly sworn, states on oath that the undersigned is authorized to make this statement for the claimant, {hospital}, and has knowledge of the accounts from the claimant’s records kept in the regular course of business; that the amount of {amount} is justly due and owing by the estate of {decedent}, deceased; that all payments on the accounts have been credited; and that there are no offsets or counterclaims against the claim.',
  jurat: 'Subscribed and sworn to before me on ____________________, at ____________________ County, {state}.',
} as const;
