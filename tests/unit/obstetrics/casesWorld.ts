// A small book for the OB cases tests, today 2026-12-07:
// G1 Jane Smith, born 1980-02-14 (A1 $500.00, A2 $300.00), language English; G2 John O'Brien-Núñez.
// The price table: vaginal $12,000.00, cesarean $18,000.00; 30 days before delivery.
// The standard interview (INTERVIEW): vaginal, expected 2027-05-15 (last allowed 2027-04-15), Acme PPO
// with $1,500.00 of deductible left, 20% coinsurance, $5,000.00 of the out-of-pocket maximum left:
// $1,500.00 + 20% of $10,500.00 = $3,600.00, first due 2027-01-15: Jan 15, Feb 15, Mar 15, Apr 15,
// $900.00 each.
import { importSmall } from '../accounts/fixtures';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import type { ObCoverage } from '../../../src/shared/rules/obstetrics';
import type { NewPatient } from '../../../src/shared/schemas/obstetrics';
import { storeDocument } from '../../../src/main/platform/documents';
import { setAgreementDocument } from '../../../src/main/capabilities/obstetrics/caseRows';
import { currentVersion } from '../../../src/main/capabilities/obstetrics/reads';

export const TODAY = '2026-12-07';

export const COVERAGE: ObCoverage = {
  kind: 'insured',
  payerName: 'Acme PPO',
  planYearEnd: null,
  deductibleRemainingCents: 150_000,
  oopRemainingCents: 500_000,
  annualDeductibleCents: null,
  annualOopMaxCents: null,
  coinsuranceBp: 2000,
  copayCents: 0,
  allowedCents: null,
};

export const ESTIMATE = {
  expectedDelivery: '2027-05-15',
  deliveryKind: 'vaginal' as const,
  coverage: COVERAGE,
  firstDue: '2027-01-15',
};

export const NEW_PATIENT: NewPatient = {
  lastName: 'Núñez-García',
  firstName: 'María',
  middleName: 'José',
  dateOfBirth: '1995-08-21',
  addressLine1: '77 Elm St',
  addressLine2: 'Apt 2',
  city: 'Portland',
  state: 'ME',
  zip: '04102',
  phone: '(207) 555-0177',
  email: 'maria@example.org',
  language: 'Spanish',
  guarantorNumber: '',
  mrn: '',
};

export const OB_SETTINGS = {
  daysBeforeDelivery: 30,
  vaginalChargesCents: 1_200_000,
  cesareanChargesCents: 1_800_000,
  selfPayDiscountBp: 0,
  trueUpAfterDays: 45,
  obContact: '',
};

export interface CasesWorld {
  t: TestApp;
  admin: string;
  clerk: string;
  supervisor: string;
  jane: number;
  john: number;
  /** The standard interview for Jane: its case id. */
  interviewJane: () => Promise<number>;
  /** What DOCS's ob:agreement records: a printed agreement on the case. */
  printAgreement: (caseId: number) => void;
}

export async function casesWorld(): Promise<CasesWorld> {
  const t = testApp({ today: TODAY });
  const admin = await setUpAndLogIn(t);
  const { jane, john } = await importSmall(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
  const supervisor = await addUserAndLogIn(t, admin, 'supervisor', 'sup1');
  await t.call('settings:update', { obstetrics: OB_SETTINGS }, admin);
  const db = t.app.store.db;
  return {
    t,
    admin,
    clerk,
    supervisor,
    jane,
    john,
    interviewJane: async () =>
      (await t.call('ob:interview', { guarantorId: jane, ...ESTIMATE, fapScreening: 'declined' }, clerk)).id,
    printAgreement: (caseId) => {
      const g = db.prepare('SELECT guarantor_id FROM ob_cases WHERE id = ?').pluck().get(caseId) as number;
      const documentId = storeDocument(db, {
        guarantorId: g,
        kind: 'ob_agreement',
        title: 'OB financial agreement',
        fileName: 'agreement.pdf',
        mimeType: 'application/pdf',
        bytes: Buffer.from('%PDF-1.4 test'),
        at: t.app.nowIso(),
        by: null,
      });
      setAgreementDocument(db, caseId, documentId, currentVersion(db, caseId).id);
    },
  };
}

/** What a refused call must leave as it was. */
export function footprint(t: TestApp): string {
  const db = t.app.store.db;
  const tables = [
    'guarantors',
    'name_tokens',
    'ob_cases',
    'ob_versions',
    'ob_installments',
    'ob_deposits',
    'ledger_entries',
    'payments',
  ];
  return JSON.stringify(tables.map((name) => db.prepare(`SELECT * FROM ${name} ORDER BY 1, 2`).all()));
}

/** A call's refusal: its code, message and fields. */
export async function refusal(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    return (e as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
  }
  throw new Error('the call was not refused');
}
