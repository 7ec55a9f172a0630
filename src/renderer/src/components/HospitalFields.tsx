// The hospital's identity, as set-up asks for it and Settings edits it: the fields of the shared
// hospitalSchema under `hospital.*` of the surrounding form.
import { useId } from 'react';
import type { Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { US_STATES, type hospitalSchema } from '../../../shared/schemas/hospital';
import { SelectField, TextField } from './Field';

type HospitalInput = z.input<typeof hospitalSchema>;

const STATE_OPTIONS = US_STATES.map((s) => ({ value: s, label: s }));

/** Every field path of the hospital form, to place main's field errors. */
export const HOSPITAL_FIELDS = [
  'hospital.legalName',
  'hospital.address.line1',
  'hospital.address.line2',
  'hospital.address.city',
  'hospital.address.state',
  'hospital.address.zip',
  'hospital.phone',
  'hospital.taxId',
  'hospital.npi',
  'hospital.remitTo.line1',
  'hospital.remitTo.line2',
  'hospital.remitTo.city',
  'hospital.remitTo.state',
  'hospital.remitTo.zip',
  'hospital.financialAssistancePhone',
  'hospital.financialAssistanceUrl',
] as const;

/**
 * With "same as above" ticked the remit-to fields are not shown; the street address is copied
 * into them before the schema checks the form, so what is sent is always a whole hospital.
 */
export function remitAware<T extends { hospital: HospitalInput }, C, O>(
  base: Resolver<T, C, O>,
  remitSameAsAddress: boolean,
): Resolver<T, C, O> {
  if (!remitSameAsAddress) return base;
  return (values, context, options) =>
    base({ ...values, hospital: { ...values.hospital, remitTo: { ...values.hospital.address } } }, context, options);
}

export function sameAddress(h: HospitalInput): boolean {
  const a = h.address;
  const r = h.remitTo;
  return (
    a.line1 === r.line1 &&
    (a.line2 ?? '') === (r.line2 ?? '') &&
    a.city === r.city &&
    a.state === r.state &&
    a.zip === r.zip
  );
}

const ADDRESS_LABELS = {
  street: {
    line1: 'Street address',
    line2: 'Address line 2 (optional)',
    city: 'City',
    state: 'State',
    zip: 'ZIP code',
  },
  remitTo: {
    line1: 'Remit-to street address',
    line2: 'Remit-to address line 2 (optional)',
    city: 'Remit-to city',
    state: 'Remit-to state',
    zip: 'Remit-to ZIP code',
  },
} as const;

export function AddressFields({ prefix, labels }: { prefix: string; labels: keyof typeof ADDRESS_LABELS }) {
  const label = ADDRESS_LABELS[labels];
  return (
    <div className="form-grid">
      <TextField name={`${prefix}.line1`} label={label.line1} className="span-4" />
      <TextField name={`${prefix}.line2`} label={label.line2} className="span-2" />
      <TextField name={`${prefix}.city`} label={label.city} className="span-3" />
      <SelectField name={`${prefix}.state`} label={label.state} options={STATE_OPTIONS} placeholder="Choose…" />
      <TextField name={`${prefix}.zip`} label={label.zip} className="span-2" />
    </div>
  );
}

interface HospitalFieldsProps {
  remitSameAsAddress: boolean;
  onRemitSameChange: (same: boolean) => void;
  readOnly?: boolean;
}

export function HospitalFields({ remitSameAsAddress, onRemitSameChange, readOnly }: HospitalFieldsProps) {
  const sameId = useId();
  return (
    <>
      <fieldset className="group">
        <legend>Hospital</legend>
        <div className="form-grid">
          <TextField
            name="hospital.legalName"
            label="Legal name"
            hint="As it appears on statements and letters."
            className="span-6"
            spellCheck
          />
        </div>
        <AddressFields prefix="hospital.address" labels="street" />
        <div className="form-grid">
          <TextField name="hospital.phone" label="Phone" type="tel" className="span-2" hint="10 digits." />
          <TextField name="hospital.taxId" label="Tax id (EIN)" className="span-2" hint="Written 12-3456789." />
          <TextField
            name="hospital.npi"
            label="NPI"
            className="span-2"
            hint="The 10-digit National Provider Identifier."
          />
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>Remit-to address</legend>
        <p className="group-note">Where patients send their payments.</p>
        <div className="checkbox-row">
          <input
            id={sameId}
            type="checkbox"
            checked={remitSameAsAddress}
            disabled={readOnly}
            onChange={(e) => onRemitSameChange(e.target.checked)}
          />
          <label htmlFor={sameId}>Same as the hospital address above</label>
        </div>
        {!remitSameAsAddress && <AddressFields prefix="hospital.remitTo" labels="remitTo" />}
      </fieldset>

      <fieldset className="group">
        <legend>Financial assistance</legend>
        <p className="group-note">Printed on every statement, as the financial-assistance policy requires.</p>
        <div className="form-grid">
          <TextField
            name="hospital.financialAssistancePhone"
            label="Financial-assistance phone"
            type="tel"
            className="span-2"
          />
          <TextField
            name="hospital.financialAssistanceUrl"
            label="Financial-assistance web address"
            type="url"
            className="span-4"
            hint="For example https://hospital.org/financial-assistance"
          />
        </div>
      </fieldset>
    </>
  );
}
