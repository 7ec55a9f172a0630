// A remittance cannot post the same payment twice under a new number, nor a payment the agency
// collected after the account came back from it (issue 12 item 4: line errors, nothing posted).
import { afterEach, describe, expect, it } from 'vitest';
import { addAgency, agencyWorld, placeByHand, type AgencyWorld } from './fixtures';

let w: AgencyWorld;
afterEach(() => w?.t.cleanup());

const keyed = (
  agencyId: number,
  reference: string,
  lines: { accountNumber: string; paidOn: string; collectedCents: number; agencyReference?: string }[],
) => ({
  agencyId,
  reference,
  receivedOn: '2026-12-20',
  source: 'keyed' as const,
  lines,
});

describe('remittance line checks', () => {
  it('the same payment under a new remittance number is refused; transaction ids tell two apart', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P1']);
    w.t.clock.setToday('2026-12-20');
    const line = { accountNumber: 'P1', paidOn: '2026-12-15', collectedCents: 10_000 };
    await w.t.call('remittances:post', keyed(agencyId, 'DEC-1', [line]), w.clerk);
    const again = await w.t.raw('remittances:post', keyed(agencyId, 'DEC 1', [line]), w.clerk);
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!again.ok) expect(again.error.message).toContain('was already posted in remittance DEC-1, line 1');
    const balance = () =>
      w.t.app.store.db.prepare("SELECT balance_cents FROM accounts WHERE account_number = 'P1'").pluck().get();
    expect(balance()).toBe(90_000);
    // Two payments of the same amount the same day, each with the agency's transaction id: both post.
    await w.t.call(
      'remittances:post',
      keyed(agencyId, 'DEC-2', [
        { ...line, paidOn: '2026-12-16', agencyReference: 'T-1' },
        { ...line, paidOn: '2026-12-16', agencyReference: 'T-2' },
      ]),
      w.clerk,
    );
    expect(balance()).toBe(70_000);
    // Without ids, the second of two identical lines in one file is refused.
    const twice = await w.t.call(
      'remittances:preview',
      keyed(agencyId, 'DEC-3', [
        { ...line, paidOn: '2026-12-17' },
        { ...line, paidOn: '2026-12-17' },
      ]),
      w.clerk,
    );
    expect(twice.problems.map((p) => p.line)).toEqual([2]);
  });

  it('a payment dated after the account came back from the agency is refused, naming the day', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P1']);
    w.t.clock.setToday('2026-12-10');
    const where = await w.t.call('placements:ofGuarantor', { guarantorId: w.gid('G1') }, w.clerk);
    await w.t.call('placements:recall', { placementIds: [where[0]!.placementId], reason: 'dispute' }, w.clerk);
    w.t.clock.setToday('2026-12-20');
    const preview = await w.t.call(
      'remittances:preview',
      keyed(agencyId, 'DEC-1', [
        { accountNumber: 'P1', paidOn: '2026-12-09', collectedCents: 5_000 },
        { accountNumber: 'P1', paidOn: '2026-12-12', collectedCents: 5_000 },
      ]),
      w.clerk,
    );
    expect(preview.problems).toEqual([
      {
        line: 2,
        field: 'paidOn',
        reason: 'Paid on 12/12/2026, after account P1 came back from Acme Recovery on 12/10/2026.',
      },
    ]);
  });
});

describe('an agency payment in the ledger', () => {
  it('is not reversed by hand: the agency takes it back in its remittance', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P1']);
    w.t.clock.setToday('2026-12-20');
    await w.t.call(
      'remittances:post',
      keyed(agencyId, 'DEC-1', [{ accountNumber: 'P1', paidOn: '2026-12-15', collectedCents: 10_000 }]),
      w.clerk,
    );
    const entryId = w.t.app.store.db
      .prepare("SELECT id FROM ledger_entries WHERE type = 'agency_remittance'")
      .pluck()
      .get() as number;
    const r = await w.t.raw(
      'ledger:reverse',
      { entryId, reason: 'bounced', effectiveDate: '2026-12-20' },
      w.supervisor,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });
});

describe('a cheque paid while placed that bounces after the account came back', () => {
  it('takes the agency’s fee back in the direct payments, though the reversal is dated after the return', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P2']);
    const { paymentId } = await w.t.call(
      'payments:post',
      { guarantorId: w.gid('G2'), amountCents: 50_000, method: 'check', reference: '77', effectiveDate: '2026-12-01' },
      w.clerk,
    );
    // Paid in full: back from the agency the same day.
    w.t.clock.setToday('2026-12-10');
    await w.t.call(
      'payments:reverse',
      { paymentId, reason: 'Cheque returned NSF', effectiveDate: '2026-12-10' },
      w.clerk,
    );
    const rows = await w.t.call(
      'remittances:directPayments',
      { agencyId, from: '2026-12-01', to: '2026-12-31' },
      w.clerk,
    );
    // $500.00 at 25% earns $125.00; the bounce takes it back.
    expect(rows.map((r) => [r.paidOn, r.amountCents, r.feeCents])).toEqual([
      ['2026-12-01', 50_000, 12_500],
      ['2026-12-10', -50_000, -12_500],
    ]);
  });
});

describe('a reconciliation once recorded', () => {
  it('does not change when a payment is posted later with an earlier date', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P1']);
    w.t.clock.setToday('2026-12-10');
    const { remittanceId } = await w.t.call(
      'remittances:post',
      {
        ...keyed(agencyId, 'DEC-1', [{ accountNumber: 'P1', paidOn: '2026-12-05', collectedCents: 10_000 }]),
        receivedOn: '2026-12-10',
      },
      w.clerk,
    );
    // Gross at 25%: the cheque is $100.00, the invoice $25.00.
    const recorded = await w.t.call(
      'remittances:reconcile',
      { remittanceId, chequeCents: 10_000, chequeReference: 'CHK 1', invoiceCents: 2_500 },
      w.clerk,
    );
    expect(recorded.differences).toEqual([]);
    w.t.clock.setToday('2026-12-12');
    await w.t.call(
      'payments:post',
      { guarantorId: w.gid('G1'), amountCents: 4_000, method: 'cash', reference: '', effectiveDate: '2026-12-08' },
      w.clerk,
    );
    const after = await w.t.call('remittances:get', { remittanceId }, w.clerk);
    expect(after.reconciliation).toEqual(recorded);
    // The payment is on the direct payments list for its date, with its fee.
    const direct = await w.t.call(
      'remittances:directPayments',
      { agencyId, from: '2026-12-01', to: '2026-12-31' },
      w.clerk,
    );
    expect(direct.map((d) => [d.paidOn, d.amountCents, d.feeCents])).toEqual([['2026-12-08', 4_000, 1_000]]);
  });
});
