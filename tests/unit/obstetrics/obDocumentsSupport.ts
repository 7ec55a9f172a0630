// The OB documents' tests: a small book imported from an extract (a guarantor per name), OB cases
// written with the capability's own row writers (caseRows, depositRows) from the rule's estimate and
// schedule, and each PDF read back with pdftotext. Today 2026-12-07.
//
// The standard case: an insured vaginal delivery expected 2027-05-20 (30 days before: the last
// payment by 2027-04-20); $12,000.00 charges, $8,000.00 allowed, $1,500.00 deductible left, 20%
// coinsurance on $6,500.00 = $1,300.00, $250.00 copay: a share of $3,050.00 in 4 monthly payments
// of $762.50 from 2027-01-05.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { importSmall, COMBINED_HEADER } from '../accounts/fixtures';
import {
  insertCase,
  insertVersion,
  markDelivered,
  markSigned,
  markTruedUp,
} from '../../../src/main/capabilities/obstetrics/caseRows';
import { currentVersion } from '../../../src/main/capabilities/obstetrics/reads';
import { insertDeposit } from '../../../src/main/capabilities/obstetrics/depositRows';
import { obEstimate, obSchedule, obTrueUp, type ObCoverage } from '../../../src/shared/rules/obstetrics';
import type { FapScreening } from '../../../src/shared/schemas/obstetrics';
import { setUpAndLogIn, tempDir, testApp, type TestApp } from '../support';

export const TODAY = '2026-12-07';

export const INSURED: ObCoverage = {
  kind: 'insured',
  payerName: 'Acme Health PPO',
  planYearEnd: null,
  deductibleRemainingCents: 150_000,
  oopRemainingCents: 400_000,
  annualDeductibleCents: null,
  annualOopMaxCents: null,
  coinsuranceBp: 2000,
  copayCents: 25_000,
  allowedCents: 800_000,
};

export const SELF_PAY: ObCoverage = { ...INSURED, kind: 'self_pay', payerName: '', allowedCents: null };

const row = (g: string, last: string, first: string, line1: string, city: string, acct: string) =>
  `${g},M-${g},${last},${first},1994-03-09,${line1},${city},ME,04101,(207) 555-0142,${acct},2026-03-02,2026-03-02,outpatient,self_pay,,T-${acct},charge,90.00,2026-03-02,,Visit`;

export interface ObWorld {
  t: TestApp;
  admin: string;
  /** The guarantor imported under `external`. */
  gid(external: string): number;
}

/** A set-up store with guarantors P1 Rosa Delgado, P2 María José Ibáñez, P3 Ana Weiss and any more given. */
export async function obWorld(
  more: { external: string; last: string; first: string; line1?: string; city?: string }[] = [],
): Promise<ObWorld> {
  const t = testApp({ today: TODAY });
  const admin = await setUpAndLogIn(t);
  const people = [
    { external: 'P1', last: 'Delgado', first: 'Rosa', line1: '12 Oak St', city: 'Portland' },
    { external: 'P2', last: 'Ibáñez', first: 'María José', line1: '8 Elm St', city: 'Portland' },
    { external: 'P3', last: 'Weiss', first: 'Ana', line1: '3 Pine St', city: 'Portland' },
    ...more.map((m) => ({ line1: '1 Main St', city: 'Portland', ...m })),
  ];
  await importSmall(
    t,
    [COMBINED_HEADER, ...people.map((p, i) => row(p.external, p.last, p.first, p.line1, p.city, `X${i + 1}`))].join(
      '\r\n',
    ),
  );
  const db = t.app.store.db;
  return {
    t,
    admin,
    gid: (external) => db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(external) as number,
  };
}

export interface CaseOptions {
  guarantor?: string;
  language?: 'en' | 'es' | '';
  coverage?: ObCoverage;
  expectedDelivery?: string;
  firstDue?: string | null;
  deliveryKind?: 'vaginal' | 'cesarean';
  fapScreening?: FapScreening;
  selfPayDiscountBp?: number;
  assistanceBp?: number;
  /** Made on this day (default today). */
  on?: string;
  heldBeforeCents?: number;
}

/** An OB case awaiting its signature, as the interview writes it (caseRows). */
export function openCase(w: ObWorld, o: CaseOptions = {}): number {
  const db = w.t.app.store.db;
  const on = o.on ?? TODAY;
  const now = `${on}T15:00:00.000Z`;
  const expectedDelivery = o.expectedDelivery ?? '2027-05-20';
  const e = obEstimate({
    deliveryKind: o.deliveryKind ?? 'vaginal',
    chargesCents: 1_200_000,
    coverage: o.coverage ?? INSURED,
    expectedDelivery,
    selfPayDiscountBp: o.selfPayDiscountBp ?? 0,
    assistanceBp: o.assistanceBp ?? 0,
  });
  if (!e.ok) throw new Error(e.reason);
  const held = o.heldBeforeCents ?? 0;
  const scheduled = Math.max(0, e.estimate.shareCents - held);
  const firstDue = o.firstDue === undefined ? '2027-01-05' : o.firstDue;
  const s = obSchedule({ totalCents: scheduled, firstDue, expectedDelivery, daysBeforeDelivery: 30, today: on });
  if (!s.ok) throw new Error(s.reason);
  const caseId = insertCase(
    db,
    { guarantorId: w.gid(o.guarantor ?? 'P1'), language: o.language ?? '', fapScreening: o.fapScreening ?? 'declined' },
    now,
    1,
  );
  insertVersion(
    db,
    {
      caseId,
      reason: 'interview',
      note: '',
      expectedDelivery,
      deliveryKind: o.deliveryKind ?? 'vaginal',
      coverage: o.coverage ?? INSURED,
      chargesCents: 1_200_000,
      selfPayDiscountBp: o.selfPayDiscountBp ?? 0,
      assistanceBp: o.assistanceBp ?? 0,
      estimate: e.estimate,
      daysBefore: 30,
      lastAllowed: s.lastAllowed,
      firstDue: s.installments.length > 0 ? firstDue : null,
      heldBeforeCents: held,
      scheduledCents: scheduled,
      emptyReason: s.empty,
      madeOn: on,
    },
    s.installments,
    now,
    1,
  );
  return caseId;
}

export function sign(w: ObWorld, caseId: number, on = TODAY): void {
  markSigned(w.t.app.store.db, caseId, on, currentVersion(w.t.app.store.db, caseId).id, 1);
}

export function deposit(w: ObWorld, caseId: number, cents: number, on = TODAY): string {
  return insertDeposit(
    w.t.app.store.db,
    { caseId, amountCents: cents, receivedOn: on, method: 'check', reference: '' },
    on,
    `${on}T16:00:00.000Z`,
    1,
  ).receiptNumber;
}

/**
 * A delivered, trued-up case (test setup: the delivery helper's services write these in the app):
 * delivered, and the true-up recorded with the real share and what it counted as paid.
 */
export function closeCase(w: ObWorld, caseId: number, realShareCents: number, paidCents: number): void {
  const db = w.t.app.store.db;
  markDelivered(db, caseId, '2027-05-18', 1);
  markTruedUp(
    db,
    caseId,
    {
      realShareCents,
      source: 'Acme Health PPO remittance of 2027-07-02',
      trueUp: obTrueUp(realShareCents, paidCents),
      on: '2027-07-10',
    },
    1,
  );
}

/**
 * A PDF's pages as pdftotext reads them (-raw: in the order drawn), whitespace made single spaces.
 * OB_PDF_DIR keeps the file to look at.
 */
export function pdfPages(bytes: Buffer, keep?: string): string[] {
  const file = path.join(tempDir('recoup-ob-'), 'doc.pdf');
  writeFileSync(file, bytes);
  if (keep && process.env.OB_PDF_DIR) writeFileSync(path.join(process.env.OB_PDF_DIR, `${keep}.pdf`), bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim() !== '')
    .map((p) => p.replace(/\s+/g, ' '));
}

export function pdfText(bytes: Buffer, keep?: string): string {
  return pdfPages(bytes, keep).join(' ');
}
