// Hospital identity, entered at set-up and shown on every document.
import { z } from 'zod';
import { optionalText, requiredText } from './text';

export const US_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'PR',
  'GU',
  'VI',
] as const;

export const addressSchema = z.object({
  line1: requiredText('Street address', 120),
  line2: optionalText('Address line 2', 120).default(''),
  city: requiredText('City', 80),
  state: z.enum(US_STATES, { error: 'Choose a state.' }),
  zip: z
    .string({ error: 'ZIP code is required.' })
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'ZIP code is 5 digits, or ZIP+4 (12345-6789).'),
});
export type Address = z.infer<typeof addressSchema>;

const phoneSchema = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .max(20, `${label} is too long.`)
    .refine((v) => v.replace(/\D/g, '').length === 10, `${label} must have 10 digits.`);

/** NPI: 10 digits whose last is a Luhn check digit over "80840" + the first nine. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi.slice(0, 9)}`.split('').map(Number);
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits[i]!;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

export const hospitalSchema = z.object({
  legalName: requiredText('Legal name', 150),
  address: addressSchema,
  phone: phoneSchema('Phone'),
  taxId: z
    .string({ error: 'Tax id is required.' })
    .trim()
    .regex(/^\d{2}-?\d{7}$/, 'Tax id (EIN) is 9 digits, written 12-3456789.'),
  npi: z.string({ error: 'NPI is required.' }).trim().refine(isValidNpi, 'NPI is 10 digits with a valid check digit.'),
  remitTo: addressSchema,
  financialAssistancePhone: phoneSchema('Financial-assistance phone'),
  financialAssistanceUrl: z
    .string({ error: 'Financial-assistance web address is required.' })
    .trim()
    .max(200, 'The web address is too long.')
    .refine(
      (v) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v),
      'Enter a web address such as https://hospital.org/financial-assistance.',
    ),
});
export type Hospital = z.infer<typeof hospitalSchema>;
