// Main answers a form with the same field paths as the shared schema ("hospital.address.zip"),
// so its refusals land on the same fields the schema marks before the round trip.
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError, messageOf } from '../api';

/**
 * Puts each field message from main on its field. Returns the sentence for the form-level alert:
 * null when every refusal found its field, otherwise the server's message. `aliases` names the
 * form's field for a channel field the form shows differently (amountCents typed as `amount`).
 */
export function showServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly FieldPath<T>[],
  aliases: Partial<Record<string, FieldPath<T>>> = {},
): string | null {
  if (!(error instanceof ApiError) || !error.fields) return messageOf(error);
  let allPlaced = true;
  let first = true;
  for (const [channelPath, message] of Object.entries(error.fields)) {
    const path = aliases[channelPath] ?? channelPath;
    const field = fields.find((f) => f === path);
    if (!field) {
      allPlaced = false;
      continue;
    }
    setError(field, { type: 'server', message }, { shouldFocus: first });
    first = false;
  }
  return allPlaced ? null : error.message;
}
