// How a statement's snapshot is kept in the store: the JSON, deflated against a fixed dictionary
// of what every snapshot repeats (its keys, the usual words), in a small JSON wrapper (the column
// stays valid JSON). A 50,000-statement run kept 78 MB of plain JSON; this keeps under a third of
// it, and so do the backups that copy it. Snapshots stored as plain JSON (before this format) are
// read as they are.
//
// The dictionary is part of the format: it must never change. A better one is a new format name
// beside this one, which stays readable.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { StatementSnapshot } from '../../shared/schemas/statements';

const FORMAT = 'deflate-raw+dict1+base64';

/** Format dict1: a typical snapshot's shape and words. Never edit. */
const DICT1 = Buffer.from(
  JSON.stringify({
    hospital: {
      legalName: ' Medical Center Hospital',
      address: { line1: ' Road Street Avenue', line2: '', city: '', state: '', zip: '' },
      phone: '',
      taxId: '',
      npi: '',
      remitTo: { line1: 'PO Box ', line2: 'Patient Accounts', city: '', state: '', zip: '' },
      financialAssistancePhone: '',
      financialAssistanceUrl: 'https://www..org/financial-assistance',
    },
    officeHours: 'Monday to Friday, 8:00 a.m. to 4:30 p.m.',
    statementDate: '2026-',
    numberInCycle: 1,
    regularStatements: 3,
    kind: 'regular',
    dueDate: '2026-',
    guarantor: { name: '', address: [], externalId: '' },
    accounts: [
      {
        accountNumber: '',
        patientName: '',
        serviceFrom: '2026-',
        serviceTo: '2026-',
        service: 'Outpatient visit Emergency visit Hospital stay Maternity care',
        chargesCents: 0,
        insuranceCents: 0,
        adjustmentsCents: 0,
        patientPaidCents: 0,
        balanceCents: 0,
        step: 'regular final_notice after_notice',
        number: 1,
      },
    ],
    activity: [
      {
        date: '2026-',
        accountNumber: '',
        description: 'Patient payment Insurance payment Charge Reversal of a Contractual adjustment',
        amountCents: 0,
      },
    ],
    previousBalanceCents: 0,
    amountDueCents: 0,
    aging: { '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, '121-180': 0, '180+': 0 },
    finalNotice: {
      deadline: '2026-',
      intendedActions: ['report to a credit bureau', 'sue (including small claims)'],
      plainLanguageSummary:
        'Financial assistance is available for patients who cannot pay their hospital bill. Depending on your family income and household size, you may receive free or discounted care. Patients who qualify are not charged more for emergency or other medically necessary care than the amounts generally billed to patients who have insurance. You can apply at any time: ask for an application by phone, print it from our website, pick one up at the registration desk, or ask us to mail you one free of charge. If you need help completing it, call us and we will help you. The policy, the application and this summary are free, by mail or in person, in English and in the languages our community speaks.',
      accountNumbers: [],
    },
  }),
  'utf8',
);

interface Deflated {
  format: typeof FORMAT;
  data: string;
}

export function encodeSnapshot(s: StatementSnapshot): string {
  const data = deflateRawSync(Buffer.from(JSON.stringify(s), 'utf8'), { level: 6, dictionary: DICT1 });
  return JSON.stringify({ format: FORMAT, data: data.toString('base64') } satisfies Deflated);
}

export function decodeSnapshot(stored: string): StatementSnapshot {
  const parsed = JSON.parse(stored) as StatementSnapshot | Deflated;
  if ('format' in parsed && parsed.format === FORMAT)
    return JSON.parse(
      inflateRawSync(Buffer.from(parsed.data, 'base64'), { dictionary: DICT1 }).toString('utf8'),
    ) as StatementSnapshot;
  return parsed as StatementSnapshot;
}
