// The statement and the final notice, read back from their PDFs and checked against the ledger
// (ST-02, ECA-05, ECA-06).
import { afterEach, describe, expect, it } from 'vitest';
import { statementPdf } from '../../../src/main/capabilities/statements/statementPdf';
import { statementPolicy } from '../../../src/main/platform/settings';
import { buildSnapshot } from '../../../src/main/capabilities/statements/snapshot';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { pdfPages } from '../pdfText';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

async function jane() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  await t.call(
    'payments:post',
    {
      guarantorId: ids.jane,
      method: 'check',
      reference: '5521',
      amountCents: 10_000,
      effectiveDate: '2026-11-20',
      allocations: [],
    },
    admin,
  );
  return ids;
}

const text = async (bytes: Buffer) => (await pdfPages(bytes)).map((p) => p.replace(/\s+/g, ' '));

describe('the statement', () => {
  it('shows each account from the ledger, the activity since the last statement, what is due and when, and the FAP notice', async () => {
    const { jane: id } = await jane();
    const snap = buildSnapshot(t.app.store.db, id, {
      statementDate: '2026-11-26',
      numberInCycle: 2,
      kind: 'regular',
      lastStatementDate: '2026-10-27',
      policy: statementPolicy(t.app.store.db),
    });
    expect(
      snap.accounts.map((a) => [
        a.accountNumber,
        a.chargesCents,
        a.insuranceCents,
        a.adjustmentsCents,
        a.patientPaidCents,
        a.balanceCents,
      ]),
    ).toEqual([
      ['A1', 50_000, 0, 0, -10_000, 40_000],
      ['A2', 100_000, -70_000, 0, 0, 30_000],
    ]);
    expect(snap).toMatchObject({ amountDueCents: 70_000, previousBalanceCents: 80_000, dueDate: '2026-12-17' });
    const pages = await text(await statementPdf(snap));
    expect(pages).toHaveLength(1);
    const p = pages[0]!;
    expect(p).toContain('Statement date 11/26/2026');
    expect(p).toContain('Statement 2 of 4');
    expect(p).toMatch(/A1 Jane Smith Outpatient visit, 01\/10\/2025 \$500\.00 \$0\.00 \$0\.00 \$100\.00 \$400\.00/);
    expect(p).toMatch(
      /A2 Jane Smith Hospital stay, 06\/01\/2025–06\/03\/2025 \$1,000\.00 \$700\.00 \$0\.00 \$0\.00 \$300\.00/,
    );
    expect(p).toMatch(/Total \$700\.00/);
    expect(p).toMatch(/11\/20\/2026 A1 Patient payment -\$100\.00/);
    expect(p).toContain('Previous balance $800.00; balance now $700.00.');
    expect(p).toContain('Financial assistance is available');
    expect(p).toContain('(207) 555-0199');
    expect(p).toContain('https://stbrigid.example.org/financial-assistance');
    expect(p).toContain('Please detach and return this part with your payment.');
    expect(p).toMatch(/Amount due \$700\.00 Please pay by 12\/17\/2026/);
  });

  it('the final notice names the deadline (at least 30 days), the actions intended and carries the plain-language summary', async () => {
    const { jane: id } = await jane();
    const snap = buildSnapshot(t.app.store.db, id, {
      statementDate: '2026-11-26',
      numberInCycle: 4,
      kind: 'final_notice',
      lastStatementDate: '2026-10-27',
      policy: statementPolicy(t.app.store.db),
    });
    expect(snap.dueDate).toBe('2026-12-26');
    const pages = await text(await statementPdf(snap));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('FINAL NOTICE');
    expect(pages[0]).toMatch(
      /If by December 26, 2026 you have not paid the balance and have not applied for financial assistance, on or after that date we may: report to a credit bureau; sue \(including small claims\)/,
    );
    expect(pages[1]).toContain('Financial assistance: a plain-language summary');
    expect(pages[1]).toContain('you may receive free or discounted care');
  });

  it('renders the same bytes from the same snapshot', async () => {
    const { jane: id } = await jane();
    const snap = buildSnapshot(t.app.store.db, id, {
      statementDate: '2026-11-26',
      numberInCycle: 1,
      kind: 'regular',
      lastStatementDate: null,
      policy: statementPolicy(t.app.store.db),
    });
    const a = await statementPdf(snap);
    const b = await statementPdf(JSON.parse(JSON.stringify(snap)));
    expect(a.equals(b)).toBe(true);
  });
});
