import { describe, expect, it } from 'vitest';
import { hospitalSchema, isValidNpi } from '../../../src/shared/schemas/hospital';
import { newPasswordSchema } from '../../../src/shared/schemas/users';
import { SETUP } from '../support';

describe('hospital identity', () => {
  it.each([
    ['1234567893', true], // the CMS example NPI
    ['1245319599', true],
    ['1234567890', false],
    ['123456789', false],
    ['12345678901', false],
    ['abcdefghij', false],
  ])('NPI %s valid: %s', (npi, ok) => expect(isValidNpi(npi)).toBe(ok));

  it('accepts a complete identity and names each bad field', () => {
    expect(hospitalSchema.safeParse(SETUP.hospital).success).toBe(true);
    const r = hospitalSchema.safeParse({
      ...SETUP.hospital,
      phone: '555-0100',
      address: { ...SETUP.hospital.address, state: 'XX', zip: 'ABCDE' },
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['address.state', 'address.zip', 'phone']);
  });
});

describe('passwords', () => {
  it('need the minimum length and more than a few different characters', () => {
    expect(newPasswordSchema(10).safeParse('short').success).toBe(false);
    expect(newPasswordSchema(10).safeParse('aaaaaaaaaaaa').success).toBe(false);
    expect(newPasswordSchema(10).safeParse('correct horse').success).toBe(true);
  });
});
