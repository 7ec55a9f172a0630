// The bench's hospital: the identity its statements, letters and bank files name.
export const BENCH_HOSPITAL = {
  legalName: 'St. Brigid Regional Medical Center',
  address: { line1: '400 Harbor View Road', line2: '', city: 'Portland', state: 'ME', zip: '04101' },
  phone: '207-555-0100',
  taxId: '01-2345678',
  npi: '1234567893',
  remitTo: { line1: 'PO Box 9120', line2: 'Patient Accounts', city: 'Portland', state: 'ME', zip: '04104-9120' },
  financialAssistancePhone: '207-555-0199',
  financialAssistanceUrl: 'https://stbrigid.example.org/financial-assistance',
} as const;
