// Bounded text fields. Every string a person or a file sends has a maximum length, so a huge
// input is refused by its schema before it reaches a service.
import { z } from 'zod';

export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);
}

export function optionalText(label: string, max = 200) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`);
}

export const idSchema = z
  .number({ error: 'A record id is required.' })
  .int('A record id is a whole number.')
  .positive('A record id is a positive number.')
  .max(Number.MAX_SAFE_INTEGER);
