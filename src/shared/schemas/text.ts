// Bounded text fields. Every string a person or a file sends has a maximum length, so a huge
// input is refused by its schema before it reaches a service.
import { z } from 'zod';

/** "at most 4,000 characters": the limit as a clerk reads it. */
function tooLong(label: string, max: number): string {
  return `${label} must be at most ${max.toLocaleString('en-US')} characters.`;
}

/**
 * Text that must be given. `missing` replaces "<label> is required." where a sentence says it
 * better ("Say what happened."); the channel and its form say the same either way.
 */
export function requiredText(label: string, max = 200, missing = `${label} is required.`) {
  return z.string({ error: missing }).trim().min(1, missing).max(max, tooLong(label, max));
}

export function optionalText(label: string, max = 200) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, tooLong(label, max));
}

export const idSchema = z
  .number({ error: 'A record id is required.' })
  .int('A record id is a whole number.')
  .positive('A record id is a positive number.')
  .max(Number.MAX_SAFE_INTEGER);

/** A record the person picks from a list (a reviewer, an assignee): missing, it says `missing`. */
export function chosenId(missing: string) {
  return z
    .number({ error: missing })
    .int('A record id is a whole number.')
    .positive('A record id is a positive number.')
    .max(Number.MAX_SAFE_INTEGER);
}
