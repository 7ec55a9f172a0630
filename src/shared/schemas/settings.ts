// Settings an administrator keeps: the hospital's identity and the workstation's policy values.
// Later capabilities add their policy groups here (plan tiers, statement cycle, ECA days, ...).
import { z } from 'zod';
import { DEFAULT_AGENCY_POLICY } from '../rules/agencyPlacement';
import { dollarsText, formatDecimal, nonNegativeCents, typedCents } from '../money';
import { ECA_KINDS, type EcaKind } from '../rules/ecaClock';
import { DEFAULT_BAD_DEBT_POLICY } from '../rules/badDebt';
import { DEFAULT_ESTATE_POLICY } from '../rules/estates';
import { hospitalSchema } from './hospital';
import { DEFAULT_MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './users';

export const securityPolicySchema = z.object({
  /** HP-01 automatic logoff: minutes without input before the workspace locks. */
  idleLockMinutes: z
    .number({ error: 'Idle lock is a number of minutes.' })
    .int('Idle lock is a whole number of minutes.')
    .min(1, 'Idle lock must be at least 1 minute.')
    .max(240, 'Idle lock must be at most 240 minutes.'),
  minPasswordLength: z
    .number({ error: 'Minimum password length is a number.' })
    .int('Minimum password length is a whole number.')
    .min(8, 'Minimum password length must be at least 8.')
    .max(MAX_PASSWORD_LENGTH, `Minimum password length must be at most ${MAX_PASSWORD_LENGTH}.`),
  /** How many backups to keep in the backups folder (the oldest beyond this are removed). */
  backupsToKeep: z
    .number({ error: 'Backups to keep is a number.' })
    .int('Backups to keep is a whole number.')
    .min(1, 'Keep at least 1 backup.')
    .max(365, 'Keep at most 365 backups.'),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  idleLockMinutes: 10,
  minPasswordLength: DEFAULT_MIN_PASSWORD_LENGTH,
  backupsToKeep: 14,
};

export const postingPolicySchema = z.object({
  /** Adjustments larger than this need a supervisor's approval (0: every adjustment does). */
  adjustmentApprovalLimitCents: nonNegativeCents('Approval limit'),
});
export type PostingPolicy = z.infer<typeof postingPolicySchema>;

export const DEFAULT_POSTING_POLICY: PostingPolicy = {
  adjustmentApprovalLimitCents: 25_000,
};

/** ST-03 and ECA-05: the statement cycle. The figures are hospital policy (30-day spacing unconfirmed as a standard). */
/** LANG-01: the default office hours and plain-language summary in Spanish (translations of the English defaults). */
const SPANISH_OFFICE_HOURS = 'De lunes a viernes, de 8:00 a. m. a 4:30 p. m.';
const SPANISH_PLAIN_LANGUAGE_SUMMARY =
  'Ofrecemos asistencia financiera a los pacientes que no pueden pagar su factura del hospital. Según el ingreso y el tamaño de su familia, usted podría recibir atención gratuita o con descuento. A los pacientes que reúnan los requisitos no se les cobrará por la atención de emergencia u otra atención médicamente necesaria más de lo que generalmente se factura a los pacientes que tienen seguro. Puede presentar su solicitud en cualquier momento: pida una solicitud por teléfono, imprímala desde nuestro sitio web, recójala en el mostrador de admisión o pídanos que se la enviemos por correo sin costo alguno. Si necesita ayuda para llenarla, llámenos y con gusto le ayudaremos. La política, la solicitud y este resumen son gratuitos, por correo o en persona, en inglés y en los idiomas que se hablan en nuestra comunidad.';

export const statementPolicySchema = z.object({
  daysBetween: z
    .number({ error: 'Days between statements is a number.' })
    .int()
    .min(7, 'At least 7 days.')
    .max(120, 'At most 120 days.'),
  regularStatements: z
    .number({ error: 'Statements before the final notice is a number.' })
    .int()
    .min(1, 'At least 1.')
    .max(12, 'At most 12.'),
  minimumBalanceCents: nonNegativeCents('Minimum balance'),
  /** Days from the statement date to the date due. */
  dueInDays: z
    .number({ error: 'Days to pay is a number.' })
    .int()
    .min(10, 'At least 10 days.')
    .max(60, 'At most 60 days.'),
  /** Office hours printed on statements (ST-02). */
  officeHours: z.string().trim().min(1, 'Office hours are required.').max(120, 'At most 120 characters.'),
  /** ECA-05: the collection actions the final notice says may follow (ECA-02 kinds). */
  intendedActions: z.array(z.enum(ECA_KINDS)).min(1, 'Tick at least one action the final notice names.').max(8),
  /** ECA-05: the plain-language summary of the financial-assistance policy sent with the final notice. */
  plainLanguageSummary: z
    .string()
    .trim()
    .min(40, 'Give the summary (at least 40 characters).')
    .max(3000, 'At most 3,000 characters.'),
  /** LANG-01: the office hours as Spanish statements print them (absent in settings saved before: the default). */
  officeHoursEs: z
    .string()
    .trim()
    .min(1, 'Office hours in Spanish are required.')
    .max(120, 'At most 120 characters.')
    .default(SPANISH_OFFICE_HOURS),
  /** LANG-01: the plain-language summary in Spanish, sent with a Spanish-speaking guarantor's final notice. */
  plainLanguageSummaryEs: z
    .string()
    .trim()
    .min(40, 'Give the summary in Spanish (at least 40 characters).')
    .max(3000, 'At most 3,000 characters.')
    .default(SPANISH_PLAIN_LANGUAGE_SUMMARY),
});
export type StatementPolicy = z.infer<typeof statementPolicySchema>;

export const DEFAULT_STATEMENT_POLICY: StatementPolicy = {
  daysBetween: 30,
  regularStatements: 3,
  minimumBalanceCents: 500,
  dueInDays: 21,
  officeHours: 'Monday to Friday, 8:00 a.m. to 4:30 p.m.',
  intendedActions: ['credit_report', 'civil_action'],
  plainLanguageSummary:
    'Financial assistance is available for patients who cannot pay their hospital bill. Depending on your family income and household size, you may receive free or discounted care. Patients who qualify are not charged more for emergency or other medically necessary care than the amounts generally billed to patients who have insurance. You can apply at any time: ask for an application by phone, print it from our website, pick one up at the registration desk, or ask us to mail you one free of charge. If you need help completing it, call us and we will help you. The policy, the application and this summary are free, by mail or in person, in English and in the languages our community speaks.',
  officeHoursEs: SPANISH_OFFICE_HOURS,
  plainLanguageSummaryEs: SPANISH_PLAIN_LANGUAGE_SUMMARY,
};

/** The work queue: a balance at or over the high-balance threshold is worked even with nothing else due. */
export const queuePolicySchema = z.object({
  highBalanceCents: nonNegativeCents('High-balance threshold'),
});
export type QueuePolicy = z.infer<typeof queuePolicySchema>;

export const DEFAULT_QUEUE_POLICY: QueuePolicy = { highBalanceCents: 500_000 };

/**
 * Collection agencies (issue 12): who may be placed. BD-06: one minimum for every payer class.
 * ECA-05 / ST-03: placement after the final notice's days and the notification period.
 */
export const agencyPolicySchema = z.object({
  minimumBalanceCents: nonNegativeCents('Placement minimum'),
  daysAfterFinalNotice: z
    .number({ error: 'Days after the final notice is a number.' })
    .int('Days after the final notice is a whole number.')
    .min(30, 'Wait at least the final notice’s 30 days (ECA-05).')
    .max(365, 'At most 365 days.'),
});
export type AgencyPolicySettings = z.infer<typeof agencyPolicySchema>;
export const DEFAULT_AGENCY_SETTINGS: AgencyPolicySettings = DEFAULT_AGENCY_POLICY;

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} is a number.` })
    .int(`${label} is a whole number.`)
    .min(min, `${label} is at least ${min}.`)
    .max(max, `${label} is at most ${max}.`);

/**
 * Small-claims court (issue 13): the economics of a suit (the clerk's cost and hours against the
 * share expected back), the days a demand letter gives before filing, and the case reminders.
 */
export const smallClaimsPolicySchema = z.object({
  clerkHourlyCents: nonNegativeCents('Clerk’s hourly cost'),
  hoursPerCase: wholeNumber('Hours per case', 0, 200),
  expectedRecoveryPercent: wholeNumber('Expected recovery', 0, 100),
  demandDays: wholeNumber('Days the demand letter gives', 7, 90),
  serveDaysBeforeHearing: wholeNumber('Days to serve before the hearing', 1, 60),
  serveDaysAfterFiling: wholeNumber('Days to serve after filing', 1, 120),
  judgmentFollowUpDays: wholeNumber('Days before an unpaid judgment comes back', 1, 365),
});
export type SmallClaimsPolicy = z.infer<typeof smallClaimsPolicySchema>;
export const DEFAULT_SMALL_CLAIMS_POLICY: SmallClaimsPolicy = {
  clerkHourlyCents: 3500,
  hoursPerCase: 6,
  expectedRecoveryPercent: 40,
  demandDays: 14,
  serveDaysBeforeHearing: 15,
  serveDaysAfterFiling: 30,
  judgmentFollowUpDays: 30,
};
/**
 * Estates (issue 14): the reminders before a claim deadline (days before it), how often to ask the
 * clerk of court after filing, and how close to the death care must end to be suggested as the last
 * illness (PR-04; the clerk confirms each account). The deadlines themselves are the probate table's.
 */
export const estatesPolicySchema = z
  .object({
    firstReminderDays: wholeNumber('First reminder (days before the deadline)', 1, 120),
    secondReminderDays: wholeNumber('Second reminder (days before the deadline)', 1, 120),
    lastReminderDays: wholeNumber('Last reminder (days before the deadline)', 1, 120),
    followUpEveryDays: wholeNumber('Days between follow-ups after filing', 7, 180),
    lastIllnessDays: wholeNumber('Days before death that count as the last illness', 1, 365),
  })
  .refine((p) => p.firstReminderDays > p.secondReminderDays && p.secondReminderDays > p.lastReminderDays, {
    message: 'Each reminder comes closer to the deadline than the one before it.',
    path: ['secondReminderDays'],
    // Compared only once each figure is right on its own (its own message names it first).
    when: (payload) => payload.issues.length === 0,
  });
export type EstatesPolicy = z.infer<typeof estatesPolicySchema>;
export const DEFAULT_ESTATES_POLICY: EstatesPolicy = DEFAULT_ESTATE_POLICY;

/**
 * Medicare bad debt (issue 15): who the listing is for (the provider's name as on the cost report,
 * its CCN and any subprovider CCN, the fiscal year's last day), the clock's figures (BD-04, BD-05),
 * the choices the brief leaves unconfirmed (BD-10 "AD", BD-11 skipping the clock for indigent rows),
 * and the payment rate shown beside the total (BD-13).
 */
export const badDebtPolicySchema = z.object({
  providerName: z.string({ error: 'Provider name is text.' }).trim().max(150, 'At most 150 characters.'),
  ccn: z
    .string({ error: 'CCN is text.' })
    .trim()
    .toUpperCase()
    .regex(/^([0-9A-Z]{6})?$/, 'A CCN is 6 letters or digits, such as 123456.'),
  subproviderCcn: z
    .string({ error: 'Subprovider CCN is text.' })
    .trim()
    .toUpperCase()
    .regex(/^([0-9A-Z]{6})?$/, 'A subprovider CCN is 6 letters or digits, or empty.'),
  fiscalYearEnd: z
    .string({ error: 'Fiscal year end is text.' })
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Write the fiscal year’s last day as MM-DD, such as 09-30.')
    .refine((v) => {
      const [m, d] = v.split('-').map(Number) as [number, number];
      return d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
    }, 'That day is not in that month.'),
  firstBillDays: wholeNumber('Days to the first bill (BD-04)', 1, 365),
  collectionDays: wholeNumber('Days of collection effort (BD-05)', 120, 730),
  alternativeDocumentationAllowed: z.boolean(),
  indigentSkipsClock: z.boolean(),
  paymentRatePercent: wholeNumber('Medicare’s payment rate (BD-13)', 0, 100),
});
export type BadDebtPolicySettings = z.infer<typeof badDebtPolicySchema>;
export const DEFAULT_BAD_DEBT_SETTINGS: BadDebtPolicySettings = {
  providerName: '',
  ccn: '',
  subproviderCcn: '',
  fiscalYearEnd: '12-31',
  ...DEFAULT_BAD_DEBT_POLICY,
  paymentRatePercent: 65,
};

/**
 * Employee-patients (issue 16): the code payroll books the deduction under, whether a final
 * paycheck may carry the period's usual deduction (state law varies: unconfirmed, PD-03; none by
 * default), whom the employee asks, and the hospital's own details for the automatic-bank-transfer
 * file (NACHA: the company name and id its bank assigned, the bank's routing number; '' = not set,
 * and no transfer file is written until they are).
 */
export const payrollPolicySchema = z.object({
  deductionCode: z
    .string({ error: 'Deduction code is text.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{1,20}$/, 'A deduction code is 1 to 20 letters, digits, - or _, such as HOSPBILL.'),
  finalPayDeduction: z.enum(['none', 'regular'], { error: 'Choose what a final paycheck carries.' }),
  payrollContact: z.string({ error: 'Payroll contact is text.' }).trim().max(120, 'At most 120 characters.'),
  bankCompanyName: z
    .string({ error: 'Company name is text.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9 &.,'-]{0,16}$/, 'The company name on the transfer file is at most 16 letters, digits or spaces.'),
  bankCompanyId: z
    .string({ error: 'Company id is text.' })
    .trim()
    .toUpperCase()
    .regex(/^([0-9A-Z]{10})?$/, 'The company id the bank assigned is 10 letters or digits, such as 1234567890.'),
  bankRoutingNumber: z
    .string({ error: 'Routing number is text.' })
    .trim()
    .regex(/^(\d{9})?$/, 'The hospital bank’s routing number is 9 digits.'),
  bankName: z
    .string({ error: 'Bank name is text.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9 &.,'-]{0,23}$/, 'The bank’s name on the transfer file is at most 23 letters, digits or spaces.'),
  entryDescription: z
    .string({ error: 'Entry description is text.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9 ]{1,10}$/, 'The description on the patient’s bank statement is 1 to 10 letters or digits.'),
});
export type PayrollPolicy = z.infer<typeof payrollPolicySchema>;
export const DEFAULT_PAYROLL_POLICY: PayrollPolicy = {
  deductionCode: 'HOSPBILL',
  finalPayDeduction: 'none',
  payrollContact: '',
  bankCompanyName: '',
  bankCompanyId: '',
  bankRoutingNumber: '',
  bankName: '',
  entryDescription: 'HOSP BILL',
};

/**
 * Obstetric prepayment (issue 17, PP-04): the days before the expected delivery date by which the
 * last payment falls due (the schedule ends before delivery; the figure is the hospital's:
 * unconfirmed, 30 shipped), the price table (the hospital's expected charges for each delivery kind;
 * 0 = not set, and no estimate is made until a supervisor sets it), the self-pay discount, the days
 * after delivery the true-up is expected, and whom the patient asks.
 */
export const obstetricsPolicySchema = z.object({
  daysBeforeDelivery: z
    .number({ error: 'Days before delivery is a number.' })
    .int('Days before delivery is a whole number.')
    .min(1, 'The last payment must fall due at least 1 day before the expected delivery (PP-04).')
    .max(180, 'At most 180 days.'),
  vaginalChargesCents: z
    .number({ error: 'The expected charges are an amount.' })
    .int('The expected charges are whole cents.')
    .min(0, 'The expected charges cannot be negative.')
    .max(100_000_000, 'At most $1,000,000.00.'),
  cesareanChargesCents: z
    .number({ error: 'The expected charges are an amount.' })
    .int('The expected charges are whole cents.')
    .min(0, 'The expected charges cannot be negative.')
    .max(100_000_000, 'At most $1,000,000.00.'),
  selfPayDiscountBp: z
    .number({ error: 'The self-pay discount is a percentage.' })
    .int('The self-pay discount has at most two decimals.')
    .min(0, 'The self-pay discount cannot be negative.')
    .max(10_000, 'The self-pay discount is at most 100%.'),
  trueUpAfterDays: z
    .number({ error: 'Days to the true-up is a number.' })
    .int('Days to the true-up is a whole number.')
    .min(7, 'At least 7 days.')
    .max(365, 'At most 365 days.'),
  obContact: z.string({ error: 'The contact is text.' }).trim().max(120, 'At most 120 characters.'),
});
export type ObstetricsPolicy = z.infer<typeof obstetricsPolicySchema>;
export const DEFAULT_OBSTETRICS_POLICY: ObstetricsPolicy = {
  daysBeforeDelivery: 30,
  vaginalChargesCents: 0,
  cesareanChargesCents: 0,
  selfPayDiscountBp: 0,
  trueUpAfterDays: 45,
  obContact: '',
};

/**
 * Financial assistance (hospital-configurable). The AGB percentage is the hospital's own figure
 * (1.501(r)-5: look-back or prospective method); the shipped 100.00% caps nothing until the hospital
 * sets it. ECA-05 / 1.501(r)-6(c): an incomplete application gets a reasonable period to send what
 * is missing (the brief gives no figure; 30 days shipped). Credits are refunded within the days given.
 */
export const assistancePolicySchema = z.object({
  /** Amount generally billed, as a percentage of gross charges, in basis points (4500 = 45.00%). */
  agbBasisPoints: z
    .number({ error: 'The AGB percentage is a number.' })
    .int('The AGB percentage has at most two decimals.')
    .min(1, 'The AGB percentage must be more than 0.')
    .max(10_000, 'The AGB percentage is at most 100.'),
  incompleteApplicationDays: z
    .number({ error: 'Days to complete an application is a number.' })
    .int('Days to complete an application is a whole number.')
    .min(14, 'Give at least 14 days to complete an application.')
    .max(120, 'At most 120 days.'),
  refundWithinDays: z
    .number({ error: 'Days to refund is a number.' })
    .int('Days to refund is a whole number.')
    .min(1, 'At least 1 day.')
    .max(120, 'At most 120 days.'),
});
export type AssistancePolicy = z.infer<typeof assistancePolicySchema>;

export const DEFAULT_ASSISTANCE_POLICY: AssistancePolicy = {
  agbBasisPoints: 10_000,
  incompleteApplicationDays: 30,
  refundWithinDays: 30,
};

/** A percentage as typed (62.5 or 62.50), to basis points, read by the schema's own field. */
export function percentText<T extends z.ZodType<number, number>>(label: string, basisPoints: T) {
  return z
    .string({ error: `Enter the ${label}.` })
    .transform((text, ctx): number => {
      const bp = /^\s*\d{1,3}(\.\d{1,2})?\s*%?\s*$/.test(text) ? typedCents(text.replace('%', '')) : null;
      if (bp === null) {
        ctx.addIssue({ code: 'custom', message: `Write the ${label} as a number such as 45 or 62.50.` });
        return z.NEVER;
      }
      return bp;
    })
    .pipe(basisPoints);
}

export const settingsSchema = z.object({
  hospital: hospitalSchema,
  security: securityPolicySchema,
  posting: postingPolicySchema,
  statements: statementPolicySchema,
  queue: queuePolicySchema,
  assistance: assistancePolicySchema,
  agencies: agencyPolicySchema,
  smallClaims: smallClaimsPolicySchema,
  estates: estatesPolicySchema,
  badDebt: badDebtPolicySchema,
  payroll: payrollPolicySchema,
  obstetrics: obstetricsPolicySchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/** An update names only the groups it changes; the others stay as they are. */
export const updateSettingsInput = z.object({
  hospital: hospitalSchema.optional(),
  security: securityPolicySchema.optional(),
  posting: postingPolicySchema.optional(),
  statements: statementPolicySchema.optional(),
  queue: queuePolicySchema.optional(),
  assistance: assistancePolicySchema.optional(),
  agencies: agencyPolicySchema.optional(),
  smallClaims: smallClaimsPolicySchema.optional(),
  estates: estatesPolicySchema.optional(),
  badDebt: badDebtPolicySchema.optional(),
  payroll: payrollPolicySchema.optional(),
  obstetrics: obstetricsPolicySchema.optional(),
});
export type SettingsUpdate = z.infer<typeof updateSettingsInput>;

/**
 * settings:update as the Settings screen types it: amounts in dollars, the final notice's actions
 * as ticked boxes. Each is read by the settings schema's own field; the form gives every group.
 */
export const settingsForm = settingsSchema
  .extend({
    posting: z.object({
      adjustmentApprovalLimit: dollarsText('Approval limit', postingPolicySchema.shape.adjustmentApprovalLimitCents),
    }),
    statements: statementPolicySchema.omit({ minimumBalanceCents: true, intendedActions: true }).extend({
      minimumBalance: dollarsText('Minimum balance', statementPolicySchema.shape.minimumBalanceCents),
      actions: z
        .record(z.enum(ECA_KINDS), z.boolean())
        .transform((ticked) => ECA_KINDS.filter((k) => ticked[k]))
        .pipe(statementPolicySchema.shape.intendedActions),
    }),
    queue: z.object({
      highBalance: dollarsText('High-balance threshold', queuePolicySchema.shape.highBalanceCents),
    }),
    assistance: assistancePolicySchema.omit({ agbBasisPoints: true }).extend({
      agbPercent: percentText('AGB percentage', assistancePolicySchema.shape.agbBasisPoints),
    }),
    agencies: agencyPolicySchema.omit({ minimumBalanceCents: true }).extend({
      minimumBalance: dollarsText('Placement minimum', agencyPolicySchema.shape.minimumBalanceCents),
    }),
    smallClaims: smallClaimsPolicySchema.omit({ clerkHourlyCents: true }).extend({
      clerkHourly: dollarsText('Clerk’s hourly cost', smallClaimsPolicySchema.shape.clerkHourlyCents),
    }),
    obstetrics: obstetricsPolicySchema
      .omit({ vaginalChargesCents: true, cesareanChargesCents: true, selfPayDiscountBp: true })
      .extend({
        vaginalCharges: dollarsText(
          'Expected charges, vaginal delivery',
          obstetricsPolicySchema.shape.vaginalChargesCents,
        ),
        cesareanCharges: dollarsText(
          'Expected charges, cesarean delivery',
          obstetricsPolicySchema.shape.cesareanChargesCents,
        ),
        selfPayDiscountPercent: percentText('self-pay discount', obstetricsPolicySchema.shape.selfPayDiscountBp),
      }),
  })
  .transform(
    ({
      posting,
      statements: { minimumBalance, actions, ...cycle },
      queue,
      assistance: { agbPercent, ...assistance },
      agencies: { minimumBalance: placementMinimum, ...agencies },
      smallClaims: { clerkHourly, ...smallClaims },
      obstetrics: { vaginalCharges, cesareanCharges, selfPayDiscountPercent, ...obstetrics },
      ...groups
    }): SettingsUpdate => ({
      ...groups,
      posting: { adjustmentApprovalLimitCents: posting.adjustmentApprovalLimit },
      statements: { ...cycle, minimumBalanceCents: minimumBalance, intendedActions: actions },
      queue: { highBalanceCents: queue.highBalance },
      assistance: { ...assistance, agbBasisPoints: agbPercent },
      agencies: { ...agencies, minimumBalanceCents: placementMinimum },
      smallClaims: { ...smallClaims, clerkHourlyCents: clerkHourly },
      obstetrics: {
        ...obstetrics,
        vaginalChargesCents: vaginalCharges,
        cesareanChargesCents: cesareanCharges,
        selfPayDiscountBp: selfPayDiscountPercent,
      },
    }),
  );
export type SettingsFormValues = z.input<typeof settingsForm>;

/** The settings as the form shows them, to start from or to go back to. */
export function toSettingsForm(s: Settings): SettingsFormValues {
  const { minimumBalanceCents, intendedActions, ...cycle } = s.statements;
  return {
    ...s,
    posting: { adjustmentApprovalLimit: formatDecimal(s.posting.adjustmentApprovalLimitCents) },
    statements: {
      ...cycle,
      minimumBalance: formatDecimal(minimumBalanceCents),
      actions: Object.fromEntries(ECA_KINDS.map((k) => [k, intendedActions.includes(k)])) as Record<EcaKind, boolean>,
    },
    queue: { highBalance: formatDecimal(s.queue.highBalanceCents) },
    assistance: {
      agbPercent: formatDecimal(s.assistance.agbBasisPoints),
      incompleteApplicationDays: s.assistance.incompleteApplicationDays,
      refundWithinDays: s.assistance.refundWithinDays,
    },
    agencies: {
      minimumBalance: formatDecimal(s.agencies.minimumBalanceCents),
      daysAfterFinalNotice: s.agencies.daysAfterFinalNotice,
    },
    smallClaims: (({ clerkHourlyCents, ...rest }) => ({ ...rest, clerkHourly: formatDecimal(clerkHourlyCents) }))(
      s.smallClaims,
    ),
    obstetrics: (({ vaginalChargesCents, cesareanChargesCents, selfPayDiscountBp, ...rest }) => ({
      ...rest,
      vaginalCharges: formatDecimal(vaginalChargesCents),
      cesareanCharges: formatDecimal(cesareanChargesCents),
      selfPayDiscountPercent: formatDecimal(selfPayDiscountBp),
    }))(s.obstetrics),
  };
}

/** Main's refusals of settings:update, on the form's fields. */
export const SETTINGS_ALIASES = {
  'posting.adjustmentApprovalLimitCents': 'posting.adjustmentApprovalLimit',
  'statements.minimumBalanceCents': 'statements.minimumBalance',
  'statements.intendedActions': 'statements.actions',
  'queue.highBalanceCents': 'queue.highBalance',
  'assistance.agbBasisPoints': 'assistance.agbPercent',
  'agencies.minimumBalanceCents': 'agencies.minimumBalance',
  'smallClaims.clerkHourlyCents': 'smallClaims.clerkHourly',
  'obstetrics.vaginalChargesCents': 'obstetrics.vaginalCharges',
  'obstetrics.cesareanChargesCents': 'obstetrics.cesareanCharges',
  'obstetrics.selfPayDiscountBp': 'obstetrics.selfPayDiscountPercent',
} as const;
