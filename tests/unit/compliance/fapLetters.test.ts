// 26 CFR 1.501(r)-6(c) and ECA-05: the notice of what an incomplete application is missing, with the
// date to send it by and the contact; the written determination with, per account, the amount now
// owed and any refund and when, or the reason for a denial and how to ask again. In the guarantor's
// language (LANG-01); any name prints; every print is kept and audited.
import { afterEach, describe, expect, it } from 'vitest';
import { pdfPages } from '../pdfText';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

const text = async (bytes: Buffer) => (await pdfPages(bytes)).map((p) => p.replace(/\s+/g, ' '));

async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk');
  const supervisor = await addUserAndLogIn(t, admin, 'supervisor');
  const ids = await importSmall(t);
  return { admin, clerk, supervisor, ...ids };
}

async function letter(historyId: number, session: string) {
  return text(await t.file(await t.call('fap:letter', { historyId }, session)));
}

describe('1.501(r)-6(c): the financial-assistance letters', () => {
  it('the notice of an incomplete application names what is missing, the date to send it by and the contact', async () => {
    const { clerk, john } = await ready();
    // John O'Brien-Núñez: the accented name prints.
    const r = await t.call(
      'fap:record',
      { guarantorId: john, status: 'incomplete', date: '2026-11-20', missing: 'Your last two pay stubs' },
      clerk,
    );
    const pages = await letter(r.historyId, clerk);
    expect(pages[0]).toContain("John O'Brien-Núñez");
    expect(pages[0]).toContain('what we still need');
    expect(pages[0]).toContain('Your last two pay stubs');
    expect(pages[0]).toContain('Please send it to us by December 20, 2026.');
    expect(pages[0]).toMatch(/financial-assistance office at \(207\) 555-01\d\d/);
    expect(pages[1]).toContain('Summary of our financial-assistance policy');
    // Kept among the guarantor's documents, and the print is in the audit trail.
    const ws = await t.call('accounts:open', { guarantorId: john }, clerk);
    expect(ws.documents.map((d) => d.title)).toContain('Financial assistance: notice of what is missing (11/20/2026)');
    const printed = t.app.store.db
      .prepare(`SELECT count(*) FROM audit_events WHERE channel = 'fap:letter'`)
      .pluck()
      .get() as number;
    expect(printed).toBe(1);
  });

  it('approved in part: the amount now owed per account, the refund and its date', async () => {
    const { clerk, supervisor, jane, a1 } = await ready();
    await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'check',
        reference: '1001',
        amountCents: 20_000,
        effectiveDate: '2026-11-01',
        allocations: [{ accountId: a1, amountCents: 20_000 }],
      },
      clerk,
    );
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    const discount = { kind: 'percent', percentOffBasisPoints: 7_000 } as const;
    const preview = await t.call('fap:preview', { guarantorId: jane, discount }, supervisor);
    const r = await t.call(
      'fap:decide',
      {
        guarantorId: jane,
        decision: 'approved_partial',
        decidedOn: '2026-11-26',
        discount,
        previewed: preview.accounts.map((a) => ({
          accountId: a.accountId,
          adjustmentCents: a.adjustmentCents,
          refundCents: a.refundCents,
        })),
      },
      supervisor,
    );
    const [page] = await letter(r.historyId, clerk);
    expect(page).toContain('Jane Smith');
    expect(page).toContain('approved your application for financial assistance in part');
    expect(page).toContain('you pay 70% less than you owed');
    // A1: owed $500.00, policy $150.00, assistance $350.00, refund $50.00, owes $0.00;
    // A2: owed $300.00, policy $90.00, assistance $210.00, owes $90.00.
    expect(page).toMatch(/A1 .*\$500\.00 \$150\.00 \$350\.00 \$50\.00 \$0\.00/);
    expect(page).toMatch(/A2 .*\$300\.00 \$90\.00 \$210\.00 \$0\.00 \$90\.00/);
    expect(page).toContain('You now owe $90.00 in all.');
    expect(page).toContain('We will refund it to you by December 26, 2026.');
  });

  it('denied: the reason and how to ask again; in Spanish for a Spanish-speaking guarantor', async () => {
    const { clerk, supervisor, jane } = await ready();
    t.app.store.db.prepare(`UPDATE guarantors SET language = 'Español' WHERE id = ?`).run(jane);
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    const r = await t.call(
      'fap:decide',
      { guarantorId: jane, decision: 'denied', decidedOn: '2026-11-26', denialReason: 'Ingresos superiores al límite' },
      supervisor,
    );
    const pages = await letter(r.historyId, clerk);
    expect(pages[0]).toContain('Lamentamos no poder aprobarla.');
    expect(pages[0]).toContain('El motivo: Ingresos superiores al límite');
    expect(pages[0]).toContain('pedirnos que la reconsideremos o presentar una nueva solicitud');
    expect(pages[0]).toContain('26 de noviembre de 2026');
    expect(pages[0]).toContain('Página 1 de 2');
    expect(pages[1]).toContain('Resumen de nuestra política de asistencia financiera');
  });

  it('an entry without a letter is refused', async () => {
    const { clerk, jane } = await ready();
    const r = await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    expect(await t.raw('fap:letter', { historyId: r.historyId }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
  });
});
