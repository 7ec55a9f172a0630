// The collection agencies' forms (issue 12): each is its channel's schema (schemas/agencies.ts) as
// the clerk types it, less the record the dialog is about. Percentages are typed like 25 or 25.50
// (basis points, percentText), money as dollars and cents (dollarsText), whole numbers in boxes
// (wholeNumberText), dates as YYYY-MM-DD; the channel's own fields then check them, so a form
// refuses what main refuses, in the same words.
import { z } from 'zod';
import { typedDate } from '../dates';
import { dollarsText, formatDecimal, parseDollars } from '../money';
import {
  agencyEcaInput,
  agencyFields,
  agencyLayoutSchema,
  buildBatchInput,
  CSV_DELIMITERS,
  directPaymentsInput,
  LAYOUT_AMOUNT_FORMATS,
  LAYOUT_DATE_FORMATS,
  layoutProblems,
  recallInput,
  releaseBatchInput,
  reconcileInput,
  remittanceInput,
  remittanceLineInput,
  setAgencyActiveInput,
  setFeeInput,
  US_STATES,
  type AgencyFile,
  type AgencyLayout,
  type AgencyView,
  type BuildBatchInput,
} from './agencies';
import { choice, idChoice, wholeNumberText } from './formFields';
import { chosenId } from './text';
import { percentText } from './settings';

// ---------------------------------------------------------------------------------------------
// The agency and its contract (agencies:save, less the agency)

type UsState = (typeof US_STATES)[number];
const STATES: ReadonlySet<string> = new Set(US_STATES);
const isState = (code: string): code is UsState => STATES.has(code);

/** "il, in wi" -> ['IL', 'IN', 'WI']; a code not on the list is refused by name. */
const statesText = z
  .string()
  .transform((text, ctx): UsState[] | undefined => {
    const codes = text
      .split(/[\s,;]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    const unknown = codes.filter((c) => !isState(c));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `Give two-letter state codes, like IL, IN; not ${unknown.join(', ')}.`,
      });
      return z.NEVER;
    }
    return codes.filter(isState);
  })
  .pipe(agencyFields.shape.licenceStates);

/** A date the form may leave blank (the agreement not signed yet): '' is null to the channel. */
const optionalDateText = z
  .string()
  .transform((text): string | null | undefined => (text.trim() === '' ? null : text.trim()))
  .pipe(agencyFields.shape.baaSignedOn);

export const agencyForm = z.object({
  name: agencyFields.shape.name,
  contactName: agencyFields.shape.contactName,
  contactPhone: agencyFields.shape.contactPhone,
  contactEmail: agencyFields.shape.contactEmail,
  address: agencyFields.shape.address,
  licenceStates: statesText,
  baaSignedOn: optionalDateText,
  recallDays: wholeNumberText(agencyFields.shape.recallDays, 'Recall days is a whole number.'),
  remittanceMethod: choice(agencyFields.shape.remittanceMethod),
  sharePercent: wholeNumberText(agencyFields.shape.sharePercent, 'Share is a whole percentage.'),
});
export type AgencyFormValues = z.input<typeof agencyForm>;

/** The form's first values: the agency as recorded, or a new agency's. */
export function toAgencyForm(a: AgencyView | null): AgencyFormValues {
  return {
    name: a?.name ?? '',
    contactName: a?.contactName ?? '',
    contactPhone: a?.contactPhone ?? '',
    contactEmail: a?.contactEmail ?? '',
    address: a?.address ?? '',
    licenceStates: a?.licenceStates.join(', ') ?? '',
    baaSignedOn: a?.baaSignedOn ?? '',
    recallDays: String(a?.recallDays ?? 180),
    remittanceMethod: a?.remittanceMethod ?? '',
    sharePercent: String(a?.sharePercent ?? 0),
  };
}

/** agencies:setActive, less the agency: the reason. */
export const setActiveForm = z.object({ note: setAgencyActiveInput.shape.note });

/** agencies:setFee, less the agency: the percentage typed like 25 or 25.50 (basis points). */
export const feeForm = z.object({
  kind: choice(setFeeInput.shape.kind),
  rate: percentText('fee', setFeeInput.shape.rateBp),
  effectiveFrom: typedDate(setFeeInput.shape.effectiveFrom, 'Enter the date the fee applies from.'),
});

// ---------------------------------------------------------------------------------------------
// A file layout (agencies:setLayout, less the agency and the file)

export interface LayoutFormValues {
  format: 'csv' | 'fixed';
  delimiter: (typeof CSV_DELIMITERS)[number];
  header: boolean;
  dateFormat: (typeof LAYOUT_DATE_FORMATS)[number];
  amounts: (typeof LAYOUT_AMOUNT_FORMATS)[number];
  /** Every column with all its boxes; the format decides which are used (heading, or start and width). */
  columns: { field: string; heading: string; start: string; width: string }[];
}

const WHOLE = /^\s*\d{1,6}\s*$/;

export function layoutForm(file: AgencyFile) {
  return z
    .object({
      format: z.enum(['csv', 'fixed']),
      delimiter: z.enum(CSV_DELIMITERS),
      header: z.boolean(),
      dateFormat: z.enum(LAYOUT_DATE_FORMATS),
      amounts: z.enum(LAYOUT_AMOUNT_FORMATS),
      columns: z.array(z.object({ field: z.string(), heading: z.string(), start: z.string(), width: z.string() })),
    })
    .transform((v, ctx): z.input<typeof agencyLayoutSchema> => {
      if (v.format === 'csv')
        return {
          format: 'csv',
          delimiter: v.delimiter,
          header: v.header,
          dateFormat: v.dateFormat,
          amounts: v.amounts,
          columns: v.columns.map((c) => ({ field: c.field, heading: c.heading })),
        };
      let whole = true;
      v.columns.forEach((c, i) => {
        for (const key of ['start', 'width'] as const)
          if (!WHOLE.test(c[key])) {
            whole = false;
            ctx.addIssue({
              code: 'custom',
              path: ['columns', i, key],
              message: key === 'start' ? 'A start is a whole number.' : 'A width is a whole number.',
            });
          }
      });
      if (!whole) return z.NEVER;
      return {
        format: 'fixed',
        dateFormat: v.dateFormat,
        amounts: v.amounts,
        columns: v.columns.map((c) => ({ field: c.field, start: Number(c.start), width: Number(c.width) })),
      };
    })
    .pipe(agencyLayoutSchema)
    .superRefine((layout, ctx) => {
      for (const [path, message] of Object.entries(layoutProblems(file, layout)))
        ctx.addIssue({
          code: 'custom',
          path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          message,
        });
    });
}

/** The form's values for a recorded layout: a fixed-width layout's columns keep headings of their field's name. */
export function toLayoutForm(layout: AgencyLayout): LayoutFormValues {
  if (layout.format === 'csv')
    return {
      format: 'csv',
      delimiter: layout.delimiter,
      header: layout.header,
      dateFormat: layout.dateFormat,
      amounts: layout.amounts,
      columns: layout.columns.map((c) => ({ field: c.field, heading: c.heading, start: '', width: '' })),
    };
  return {
    format: 'fixed',
    delimiter: 'comma',
    header: true,
    dateFormat: layout.dateFormat,
    amounts: layout.amounts,
    columns: layout.columns.map((c) => ({
      field: c.field,
      heading: c.field,
      start: String(c.start),
      width: String(c.width),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Placement

/**
 * placements:build: the kind, how, and (by hand) the agency and the accounts ticked on the screen;
 * by share or score, at most so many accounts (blank: every eligible account).
 */
export const buildForm = z
  .object({
    kind: z.string(),
    method: z.string(),
    agencyId: z.string(),
    maxAccounts: z.string(),
    accountIds: z.array(z.number()),
  })
  .transform((v, ctx): z.input<typeof buildBatchInput> => {
    const max = v.maxAccounts.trim();
    if (max !== '' && !WHOLE.test(max)) {
      ctx.addIssue({ code: 'custom', path: ['maxAccounts'], message: 'The most accounts is a whole number.' });
      return z.NEVER;
    }
    const hand = v.method === 'hand';
    return {
      // The channel's enums check these (and say "Choose …" for a blank one).
      kind: v.kind as BuildBatchInput['kind'],
      method: v.method as BuildBatchInput['method'],
      agencyId: hand && v.agencyId !== '' ? Number(v.agencyId) : undefined,
      accountIds: hand ? v.accountIds : undefined,
      maxAccounts: !hand && max !== '' ? Number(max) : undefined,
    };
  })
  .pipe(buildBatchInput);
export type BuildFormValues = z.input<typeof buildForm>;
export type BuildFormOutput = BuildBatchInput;

/** placements:release, less the batch: a supervisor's user name and password when the session is a clerk's. */
export function releaseBatchForm(needsApproval: boolean) {
  const approval = releaseBatchInput.shape.approval.unwrap();
  return z.object({
    approval: needsApproval
      ? approval
      : z
          .object({ username: z.string(), password: z.string() })
          .optional()
          .transform(() => undefined),
  });
}

/** placements:recall, less the accounts: why they come back, and a note. */
export const recallForm = z.object({
  reason: choice(recallInput.shape.reason),
  note: recallInput.shape.note,
});

/** agencies:requestEca, less the placement: the action asked for, and a note. */
export const agencyEcaForm = z.object({
  kind: choice(agencyEcaInput.shape.kind),
  note: agencyEcaInput.shape.note,
});

// ---------------------------------------------------------------------------------------------
// Remittances

/** An amount a keyed line may leave blank (the fee: the contract's rate then). */
function optionalDollars<T extends z.ZodType<number | undefined, number | undefined>>(label: string, cents: T) {
  return z
    .string()
    .transform((text, ctx): number | undefined => {
      if (!text.trim()) return undefined;
      const c = parseDollars(text);
      if (c === null) {
        ctx.addIssue({ code: 'custom', message: `Write the ${label} in dollars and cents, like 125.00.` });
        return z.NEVER;
      }
      return c;
    })
    .pipe(cents);
}

export const remittanceLineForm = z.object({
  accountNumber: remittanceLineInput.shape.accountNumber,
  paidOn: typedDate(remittanceLineInput.shape.paidOn, 'Enter the date paid.'),
  collected: dollarsText('Collected', remittanceLineInput.shape.collectedCents),
  fee: optionalDollars('fee', remittanceLineInput.shape.feeCents),
  agencyReference: remittanceLineInput.shape.agencyReference,
});

const keyedInput = remittanceInput.options[1];
const remittanceHeaderForm = {
  agencyId: idChoice(chosenId('Choose the agency.')),
  reference: keyedInput.shape.reference,
  receivedOn: typedDate(keyedInput.shape.receivedOn, 'Enter the date the remittance came.'),
};

/** remittances:preview and :post, keyed in: the header and each line as typed. */
export const keyedRemittanceForm = z
  .object({
    ...remittanceHeaderForm,
    lines: z
      .array(remittanceLineForm)
      .min(1, 'Key in at least one line.')
      .max(200, 'Key in at most 200 lines; import a file for more.'),
  })
  .transform(({ lines, ...header }) => ({
    ...header,
    source: 'keyed' as const,
    lines: lines.map(({ collected, fee, ...line }) => ({
      ...line,
      collectedCents: collected,
      ...(fee !== undefined ? { feeCents: fee } : {}),
    })),
  }));
export type KeyedRemittanceValues = z.input<typeof keyedRemittanceForm>;

/** remittances:preview and :post from a file: the header; the file is uploaded apart. */
export const fileRemittanceForm = z.object(remittanceHeaderForm);

export const emptyRemittanceLine = (paidOn: string) => ({
  accountNumber: '',
  paidOn,
  collected: '',
  fee: '',
  agencyReference: '',
});

/** remittances:reconcile, less the remittance: the cheque or transfer and the agency's invoice. */
export const reconcileForm = z.object({
  cheque: dollarsText('Cheque or transfer amount', reconcileInput.shape.chequeCents),
  chequeReference: reconcileInput.shape.chequeReference,
  invoice: dollarsText('Invoice amount', reconcileInput.shape.invoiceCents),
  invoiceReference: reconcileInput.shape.invoiceReference,
  note: reconcileInput.shape.note,
});

export function toReconcileForm(r: { chequeCents: number | null; invoiceCents: number | null }) {
  return {
    cheque: r.chequeCents === null ? '' : formatDecimal(r.chequeCents),
    chequeReference: '',
    invoice: r.invoiceCents === null ? '' : formatDecimal(r.invoiceCents),
    invoiceReference: '',
    note: '',
  };
}

/** remittances:directPayments: the agency and the period, the period in order. */
export const directPaymentsForm = directPaymentsInput.refine((v) => v.from <= v.to, {
  path: ['to'],
  message: 'The end of the period is on or after its start.',
});
