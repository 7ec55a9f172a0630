// What a form sends is text: a select's value, a list's id, a number typed in a box. These turn
// that text into a channel's own field, which then checks it with its own limits and messages, so
// a form refuses exactly what its channel refuses, in the same words.
import { z } from 'zod';

/** A select whose options are the field's values; the empty "Choose…" is refused in the field's words. */
export function choice<T extends z.ZodType<string, string>>(field: T) {
  return z.string().pipe(field);
}

/** A record picked from a list, as its id in text; '' is "none chosen" (undefined to the field). */
export function idChoice<T extends z.ZodType<unknown, number | undefined>>(field: T) {
  return z
    .string()
    .transform((text) => (text === '' ? undefined : Number(text)))
    .pipe(field);
}

/** Optional text the form keeps as '' and the channel as absent. */
export function blankAsAbsent<T extends z.ZodType<unknown, string | undefined>>(field: T) {
  return z
    .string()
    .transform((text) => (text.trim() === '' ? undefined : text))
    .pipe(field);
}

const WHOLE = /^\s*-?\d{1,15}\s*$/;

/** A whole number typed in a box: blank or not whole says `notWhole`; its range is the field's. */
export function wholeNumberText<T extends z.ZodType<unknown, number>>(field: T, notWhole: string) {
  return z
    .string({ error: notWhole })
    .transform((text, ctx): number => {
      if (!WHOLE.test(text)) {
        ctx.addIssue({ code: 'custom', message: notWhole });
        return z.NEVER;
      }
      return Number(text);
    })
    .pipe(field);
}
