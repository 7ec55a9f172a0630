import { z } from 'zod';
import { businessDateSchema } from '../dates';
import { PLACEABLE_HOLD_REASONS, type HoldReason } from '../rules/statementCycle';
import { blankAsAbsent, choice, idChoice } from './formFields';
import { addressSchema } from './hospital';
import { idSchema, optionalText, requiredText } from './text';

export const placeHoldInput = z.object({
  guarantorId: idSchema,
  /** One account, or every account of the guarantor when left out. */
  accountId: idSchema.optional(),
  reason: z.enum(PLACEABLE_HOLD_REASONS, { error: 'Choose why the cycle stops.' }),
  note: optionalText('Note', 500).default(''),
  /** The last day of the hold; open-ended when left out. */
  until: businessDateSchema.optional(),
});

export const releaseHoldInput = z.object({
  holdId: idSchema,
  note: requiredText('Why it is released', 300, 'Say why the hold is released.'),
});

/** holds:place, less the guarantor: an account picked or all of them; an empty "until" is open-ended. */
export const placeHoldForm = z.object({
  reason: choice(placeHoldInput.shape.reason),
  accountId: idChoice(placeHoldInput.shape.accountId),
  note: placeHoldInput.shape.note,
  until: blankAsAbsent(placeHoldInput.shape.until),
});

/** holds:release, less the hold: why. */
export const releaseHoldForm = releaseHoldInput.omit({ holdId: true });

export interface HoldView {
  id: number | null;
  accountId: number | null;
  reason: HoldReason;
  note: string;
  placedOn: string | null;
  until: string | null;
  placedBy: string | null;
  releasedOn: string | null;
  releasedBy: string | null;
  releaseNote: string | null;
  /** Kept by Recoup from the record itself (deceased, bankruptcy, an application pending, a current plan). */
  automatic: boolean;
  /** The matter that placed it and alone ends it ("PD-3 payroll deduction", "small-claims case #4"), if any. */
  owner: string | null;
  active: boolean;
}

/** Issue 11: a corrected mailing address (ends a returned-mail hold; recorded in the activity log). */
export const newAddressInput = z.object({ guarantorId: idSchema, address: addressSchema });
/** holds:newAddress, less the guarantor. */
export const newAddressForm = newAddressInput.omit({ guarantorId: true });
