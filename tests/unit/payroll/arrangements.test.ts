// Arrangements: eligibility with reasons, the PD-01 rule refusing an amount, PD-02 (no signature
// before the printed form), holds placed and released (the accounts back to statements), a sealed
// bank number, paid in full through the ledger, a termination, a death.
import { afterEach, describe, expect, it } from 'vitest';
import { setAuthorizationDocument } from '../../../src/main/capabilities/payroll/arrangementRows';
import { bankSealingKey, openAccountNumber } from '../../../src/main/capabilities/payroll/bankSeal';
import { storeDocument } from '../../../src/main/platform/documents';
import { SETUP } from '../support';
import { footprint, payrollWorld, refusal, ROSTER_CSV, ROSTER_HEADER, type PayrollWorld } from './world';

let w: PayrollWorld;
afterEach(() => w?.t.cleanup());

async function matched(): Promise<PayrollWorld> {
  w = await payrollWorld();
  await w.importRoster(ROSTER_CSV);
  await w.t.call('payroll:confirmMatch', { employeeId: w.emp('E100'), guarantorId: w.jane }, w.clerk);
  return w;
}

/** The authorization form "printed": a real documents row recorded on the arrangement. */
function printed(arrangementId: number, guarantorId = w.jane): number {
  const db = w.t.app.store.db;
  const id = storeDocument(db, {
    guarantorId,
    kind: 'payroll_authorization',
    title: 'Payroll deduction authorization',
    fileName: `authorization-${arrangementId}.pdf`,
    mimeType: 'application/pdf',
    bytes: Buffer.from('%PDF-1.4 test'),
    at: w.t.app.nowIso(),
    by: null,
  });
  setAuthorizationDocument(db, arrangementId, id);
  return id;
}

const payroll = (amountCents: number, accountIds: number[], firstDate = '2026-07-03') => ({
  method: 'payroll' as const,
  guarantorId: w.jane,
  accountIds,
  amountCents,
  firstDate,
});

async function activeFor(amountCents = 31_000) {
  const a = await w.t.call('payroll:createArrangement', payroll(amountCents, [w.acct('A1'), w.acct('A2')]), w.clerk);
  printed(a.id);
  return w.t.call('payroll:recordSignature', { arrangementId: a.id, signedOn: '2026-07-01' }, w.clerk);
}

const activeHolds = async (guarantorId: number) =>
  (await w.t.call('holds:list', { guarantorId }, w.clerk)).filter((h) => h.active && !h.automatic);

describe('eligibility', () => {
  it('each account that owes but cannot be covered says why', async () => {
    await matched();
    await w.t.call(
      'holds:place',
      { guarantorId: w.jane, accountId: w.acct('A2'), reason: 'dispute', note: '' },
      w.clerk,
    );
    await w.t.call(
      'plans:create',
      {
        guarantorId: w.john,
        accountIds: [w.acct('A3')],
        fapAnswer: 'declined',
        downPaymentCents: 0,
        frequency: 'monthly',
        firstDueDate: '2026-08-01',
        installmentCount: 6,
      },
      w.clerk,
    );
    const jane = await w.t.call('payroll:guarantor', { guarantorId: w.jane }, w.clerk);
    expect(jane.eligibleAccounts).toEqual([
      { accountId: w.acct('A1'), accountNumber: 'A1', serviceDates: '01/10/2025', owedCents: 50_000 },
    ]);
    expect(jane.ineligibleAccounts).toEqual([
      { accountId: w.acct('A2'), accountNumber: 'A2', owedCents: 30_000, reason: 'The balance is disputed.' },
    ]);
    // 40 h × ($15.00 − $7.25) = $310.00 a week
    expect(jane.limit?.maxCents).toBe(31_000);
    expect(jane.employee?.employeeNumber).toBe('E100');
    const john = await w.t.call('payroll:guarantor', { guarantorId: w.john }, w.clerk);
    expect(john.ineligibleAccounts.map((a) => a.reason)).toEqual(['On an active payment plan.']);
    const refused = await refusal(w.t.call('payroll:createArrangement', payroll(10_000, [w.acct('A2')]), w.clerk));
    expect(refused.fields?.accountIds).toBe('Account A2 cannot be covered: The balance is disputed.');
  });
});

describe('a payroll deduction', () => {
  it('PD-01: an amount above the rule is refused naming the largest, with the arithmetic', async () => {
    await matched();
    const before = footprint(w);
    const refused = await refusal(
      w.t.call('payroll:createArrangement', payroll(31_001, [w.acct('A1'), w.acct('A2')]), w.clerk),
    );
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toBe(
      '$310.01 a pay period could bring pay below the wage floor (PD-01): the largest amount allowed is $310.00.',
    );
    expect(refused.fields?.amountCents).toContain('Straight-time hours: 40 a week');
    expect(footprint(w)).toBe(before);
    // More than the accounts owe; a first date already past; a guarantor not matched.
    expect(
      (await refusal(w.t.call('payroll:createArrangement', payroll(30_001, [w.acct('A2')]), w.clerk))).fields
        ?.amountCents,
    ).toBe('The amount each period, $300.01, is more than the chosen accounts owe ($300.00).');
    expect(
      (await refusal(w.t.call('payroll:createArrangement', payroll(10_000, [w.acct('A1')], '2026-06-30'), w.clerk)))
        .fields?.firstDate,
    ).toMatch(/today/);
    expect(
      (
        await refusal(
          w.t.call('payroll:createArrangement', { ...payroll(10_000, [w.acct('A3')]), guarantorId: w.john }, w.clerk),
        )
      ).message,
    ).toMatch(/not matched to a hospital employee/);
    expect(footprint(w)).toBe(before);
  });

  it('is created awaiting the signature; PD-02: no signature before the form is printed; then active with holds', async () => {
    await matched();
    const a = await w.t.call('payroll:createArrangement', payroll(31_000, [w.acct('A1'), w.acct('A2')]), w.clerk);
    expect(a).toMatchObject({
      reference: `PD-${a.id}`,
      status: 'awaiting_signature',
      employeeNumber: 'E100',
      frequency: 'weekly',
      owedCents: 80_000,
      totalCents: 80_000,
      nextDate: null,
      // ceil($800.00 / $310.00) = 3 weekly deductions: 07-03, 07-10, 07-17
      periods: 3,
      lastDate: '2026-07-17',
      bank: null,
    });
    expect(a.wageCheckAtSetup?.maxCents).toBe(31_000);
    // A second live arrangement is refused.
    expect((await refusal(w.t.call('payroll:createArrangement', payroll(100, [w.acct('A1')]), w.clerk))).code).toBe(
      'conflict',
    );

    const before = footprint(w);
    const notPrinted = await refusal(
      w.t.call('payroll:recordSignature', { arrangementId: a.id, signedOn: '2026-07-01' }, w.clerk),
    );
    expect(notPrinted.message).toBe(
      `Print the authorization form for PD-${a.id} first: the signature recorded is the signature on that form (PD-02).`,
    );
    expect(footprint(w)).toBe(before);
    printed(a.id);
    const tomorrow = await refusal(
      w.t.call('payroll:recordSignature', { arrangementId: a.id, signedOn: '2026-07-02' }, w.clerk),
    );
    expect(tomorrow.fields?.signedOn).toMatch(/between the day its form was printed/);

    const signed = await w.t.call('payroll:recordSignature', { arrangementId: a.id, signedOn: '2026-07-01' }, w.clerk);
    expect(signed).toMatchObject({
      status: 'active',
      signedOn: '2026-07-01',
      nextDate: '2026-07-03',
      lastDate: '2026-07-17',
    });
    const holds = await activeHolds(w.jane);
    expect(holds.map((h) => [h.accountId, h.reason]).sort()).toEqual(
      [
        [w.acct('A1'), 'plan_current'],
        [w.acct('A2'), 'plan_current'],
      ].sort(),
    );
    // The account page says what holds it: the deduction by its name, never "payment plan current".
    const page = await w.t.call('accounts:open', { guarantorId: w.jane }, w.clerk);
    const a1 = page.accounts.find((x) => x.id === w.acct('A1'))!;
    expect(a1.nextStep).toBe(
      `On hold (PD-${a.id} payroll deduction active): no statements and no collection actions while it stands.`,
    );
    // The arrangement owns its holds: not released by hand.
    const byHand = await w.t.raw('holds:release', { holdId: holds[0]!.id!, note: 'try' }, w.clerk);
    expect(byHand).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(new RegExp(`PD-${a.id} payroll deduction`)) },
    });
  });

  it('the pay cut before signing: the rule is checked again and the signature refused', async () => {
    await matched();
    const a = await w.t.call('payroll:createArrangement', payroll(31_000, [w.acct('A1'), w.acct('A2')]), w.clerk);
    printed(a.id);
    // $10.00 an hour now: 40 × ($10.00 − $7.25) = $110.00 a week
    await w.importRoster([ROSTER_HEADER, 'E100,Smith,Jane,1980-02-14,W,10.00,,40,N,TX,A,'].join('\r\n'));
    const refused = await refusal(
      w.t.call('payroll:recordSignature', { arrangementId: a.id, signedOn: '2026-07-01' }, w.clerk),
    );
    expect(refused.message).toBe(
      `$310.00 a pay period could bring pay below the wage floor (PD-01): the largest amount allowed is $110.00. The pay on file changed since PD-${a.id} was set up: cancel it and set up a new amount.`,
    );
    expect(await activeHolds(w.jane)).toEqual([]);
  });

  it('a covered account disputed after the set-up stops the signature, naming it', async () => {
    await matched();
    const a = await w.t.call('payroll:createArrangement', payroll(31_000, [w.acct('A1'), w.acct('A2')]), w.clerk);
    printed(a.id);
    await w.t.call(
      'holds:place',
      { guarantorId: w.jane, accountId: w.acct('A2'), reason: 'dispute', note: '' },
      w.clerk,
    );
    const refused = await refusal(
      w.t.call('payroll:recordSignature', { arrangementId: a.id, signedOn: '2026-07-01' }, w.clerk),
    );
    expect(refused.message).toBe(
      `Account A2: The balance is disputed. Cancel PD-${a.id} and set up one over the accounts that can be covered.`,
    );
    expect((await w.t.call('payroll:arrangement', { arrangementId: a.id }, w.clerk)).status).toBe('awaiting_signature');
  });

  it('paid in full through the ledger: paid, holds released, in the same transaction', async () => {
    await matched();
    const a = await activeFor();
    await w.t.call(
      'payments:post',
      {
        guarantorId: w.jane,
        method: 'cash',
        reference: '',
        amountCents: 80_000,
        effectiveDate: '2026-07-01',
        allocations: [],
        confirmDuplicate: true,
      },
      w.clerk,
    );
    const after = await w.t.call('payroll:arrangement', { arrangementId: a.id }, w.clerk);
    expect(after).toMatchObject({ status: 'paid', endedOn: '2026-07-01', owedCents: 0, nextDate: null, periods: 0 });
    expect(await activeHolds(w.jane)).toEqual([]);
  });

  it('a partial payment leaves it active with fewer periods', async () => {
    await matched();
    const a = await activeFor();
    await w.t.call(
      'payments:post',
      {
        guarantorId: w.jane,
        method: 'cash',
        reference: '',
        amountCents: 20_000,
        effectiveDate: '2026-07-01',
        allocations: [],
        confirmDuplicate: true,
      },
      w.clerk,
    );
    // $600.00 left: ceil(600 / 310) = 2 periods, 07-03 and 07-10
    expect(await w.t.call('payroll:arrangement', { arrangementId: a.id }, w.clerk)).toMatchObject({
      status: 'active',
      owedCents: 60_000,
      periods: 2,
      lastDate: '2026-07-10',
    });
  });

  it('a termination on the roster ends it: holds released, the accounts back to statements', async () => {
    await matched();
    const a = await activeFor();
    const heldBefore = await w.t.call('statements:due', {}, w.clerk);
    expect(heldBefore.held.find((h) => h.guarantorId === w.jane)?.holds).toEqual(['plan_current']);
    const term = [ROSTER_HEADER, 'E100,Smith,Jane,1980-02-14,W,15.00,,40,N,TX,T,2026-06-26'].join('\r\n');
    expect(await w.importRoster(term)).toMatchObject({ terminated: 1, arrangementsEnded: 1 });
    // Ended today: the termination date is earlier.
    expect(await w.t.call('payroll:arrangement', { arrangementId: a.id }, w.clerk)).toMatchObject({
      status: 'terminated',
      endedOn: '2026-07-01',
      endNote: 'Employment ended on June 26, 2026. From the roster roster.csv.',
    });
    expect(await activeHolds(w.jane)).toEqual([]);
    const heldAfter = await w.t.call('statements:due', {}, w.clerk);
    expect(heldAfter.held.some((h) => h.guarantorId === w.jane)).toBe(false);
    // A rehire: active again, the arrangement stays ended; a new one may be set up.
    await w.importRoster([ROSTER_HEADER, 'E100,Smith,Jane,1980-02-14,W,15.00,,40,N,TX,A,'].join('\r\n'));
    expect((await w.t.call('payroll:arrangement', { arrangementId: a.id }, w.clerk)).status).toBe('terminated');
    const again = await w.t.call('payroll:createArrangement', payroll(10_000, [w.acct('A1')]), w.clerk);
    expect(again.status).toBe('awaiting_signature');
  });

  it('a termination by hand ends it too; a clerk revokes, never on a day to come', async () => {
    await matched();
    const a = await activeFor();
    const future = await refusal(
      w.t.call('payroll:end', { arrangementId: a.id, reason: 'revoked', on: '2026-07-02', note: 'Letter' }, w.clerk),
    );
    expect(future.fields?.on).toMatch(/today/);
    const cancelled = await refusal(
      w.t.call('payroll:end', { arrangementId: a.id, reason: 'cancelled', on: '2026-07-01', note: 'x' }, w.clerk),
    );
    expect(cancelled.fields?.reason).toMatch(/revoked/);
    await w.t.call('payroll:terminate', { employeeId: w.emp('E100'), terminatedOn: '2026-07-15', note: '' }, w.clerk);
    // The termination date is later than today: it ends then.
    expect(await w.t.call('payroll:arrangement', { arrangementId: a.id }, w.clerk)).toMatchObject({
      status: 'terminated',
      endedOn: '2026-07-15',
    });
    expect(await activeHolds(w.jane)).toEqual([]);
  });

  it('a revocation releases the holds; an unsigned one is cancelled', async () => {
    await matched();
    const a = await activeFor();
    const ended = await w.t.call(
      'payroll:end',
      { arrangementId: a.id, reason: 'revoked', on: '2026-07-01', note: 'Revocation letter received' },
      w.clerk,
    );
    expect(ended).toMatchObject({ status: 'revoked', endedOn: '2026-07-01', endNote: 'Revocation letter received' });
    expect(await activeHolds(w.jane)).toEqual([]);
    const b = await w.t.call('payroll:createArrangement', payroll(10_000, [w.acct('A1')]), w.clerk);
    expect(
      (
        await w.t.call(
          'payroll:end',
          { arrangementId: b.id, reason: 'cancelled', on: '2026-07-01', note: 'Changed mind' },
          w.clerk,
        )
      ).status,
    ).toBe('cancelled');
  });

  it('a death stops it (afterDeathChange)', async () => {
    await matched();
    const a = await activeFor();
    const db = w.t.app.store.db;
    db.transaction(() => {
      db.prepare("UPDATE guarantors SET deceased = 1, date_of_death = '2026-06-30' WHERE id = ?").run(w.jane);
      for (const s of w.t.app.extensions.deathSubscribers)
        s(db, {
          guarantorId: w.jane,
          deceased: true,
          today: '2026-07-01',
          now: w.t.app.nowIso(),
          by: null,
          why: 'test',
        });
    })();
    expect(await w.t.call('payroll:arrangement', { arrangementId: a.id }, w.clerk)).toMatchObject({
      status: 'stopped',
      endedOn: '2026-07-01',
    });
  });
  it('a death a clerk records stops it too, and releases its holds (estates:recordDeath)', async () => {
    await matched();
    const a = await activeFor();
    await w.t.call(
      'estates:recordDeath',
      { guarantorId: w.jane, dateOfDeath: '2026-06-30', source: 'family', note: 'Her son called.' },
      w.clerk,
    );
    expect(await w.t.call('payroll:arrangement', { arrangementId: a.id }, w.clerk)).toMatchObject({
      status: 'stopped',
    });
    // The deceased hold (automatic) stops the cycle now; the arrangement's own holds are released.
    expect(await activeHolds(w.jane)).toEqual([]);
  });
});

describe('a signature dated before its form existed', () => {
  it('is refused: set up July 1, printed July 20, signed "July 1" (PD-02)', async () => {
    await matched();
    const a = await w.t.call('payroll:createArrangement', payroll(10_000, [w.acct('A1')]), w.clerk);
    w.t.clock.setToday('2026-07-20');
    printed(a.id);
    const early = await refusal(
      w.t.call('payroll:recordSignature', { arrangementId: a.id, signedOn: '2026-07-01' }, w.clerk),
    );
    expect(early.fields?.signedOn).toBe(
      'The signature is dated between the day its form was printed (July 20, 2026) and today (July 20, 2026).',
    );
    expect(
      (await w.t.call('payroll:recordSignature', { arrangementId: a.id, signedOn: '2026-07-20' }, w.clerk)).status,
    ).toBe('active');
  });
});

describe('an automatic bank transfer', () => {
  it('the sealed number still opens after a change of the data key (the sealing key lives in the store)', async () => {
    w = await payrollWorld();
    const a = await w.t.call(
      'payroll:createArrangement',
      {
        method: 'bank',
        guarantorId: w.john,
        accountIds: [w.acct('A3')],
        amountCents: 10_000,
        firstDate: '2026-07-31',
        frequency: 'monthly',
        bank: {
          holderName: 'John OBrien',
          routingNumber: '011000015',
          accountNumber: '123456789012',
          accountType: 'checking',
        },
      },
      w.clerk,
    );
    await w.t.call('store:changeKey', { password: SETUP.admin.password }, w.admin);
    const db = w.t.app.store.db;
    const sealed = db
      .prepare('SELECT bank_account_sealed FROM deduction_arrangements WHERE id = ?')
      .pluck()
      .get(a.id) as Buffer;
    const key = bankSealingKey(db);
    try {
      expect(openAccountNumber(key, sealed, w.john)).toBe('123456789012');
    } finally {
      key.fill(0);
    }
  });

  it('seals the account number: the raw column never holds the digits; it opens only for its guarantor', async () => {
    w = await payrollWorld();
    const a = await w.t.call(
      'payroll:createArrangement',
      {
        method: 'bank',
        guarantorId: w.john,
        accountIds: [w.acct('A3')],
        amountCents: 10_000,
        firstDate: '2026-07-31',
        frequency: 'monthly',
        bank: {
          holderName: 'John OBrien',
          routingNumber: '011000015',
          accountNumber: '123456789012',
          accountType: 'checking',
        },
      },
      w.clerk,
    );
    expect(a).toMatchObject({
      reference: `ABT-${a.id}`,
      method: 'bank',
      frequency: 'monthly',
      employeeNumber: null,
      // ceil($1,200.00 / $100.00) = 12 monthly debits from 2026-07-31: the last 2027-06-30
      periods: 12,
      lastDate: '2027-06-30',
      bank: {
        holderName: 'John OBrien',
        routingNumber: '011000015',
        accountMasked: '••••9012',
        accountType: 'checking',
      },
    });
    expect(JSON.stringify(a)).not.toContain('123456789012');
    const db = w.t.app.store.db;
    const row = db.prepare('SELECT * FROM deduction_arrangements WHERE id = ?').get(a.id) as {
      bank_account_sealed: Buffer;
      bank_account_last4: string;
    };
    expect(row.bank_account_last4).toBe('9012');
    expect(row.bank_account_sealed.toString('latin1')).not.toContain('123456789012');
    expect(row.bank_account_sealed.toString('hex')).not.toContain(Buffer.from('123456789012').toString('hex'));
    const key = bankSealingKey(w.t.app.store.db);
    try {
      expect(openAccountNumber(key, row.bank_account_sealed, w.john)).toBe('123456789012');
      expect(() => openAccountNumber(key, row.bank_account_sealed, w.jane)).toThrow(/altered or moved/);
    } finally {
      key.fill(0);
    }
    // Signed: the account is held by the transfer; stopped by the hospital, the hold is released.
    printed(a.id, w.john);
    const signed = await w.t.call('payroll:recordSignature', { arrangementId: a.id, signedOn: '2026-07-01' }, w.clerk);
    expect(signed).toMatchObject({ status: 'active', nextDate: '2026-07-31' });
    const holds = await activeHolds(w.john);
    expect(holds.map((h) => [h.accountId, h.reason])).toEqual([[w.acct('A3'), 'plan_current']]);
    const owner = db.prepare('SELECT owner FROM holds WHERE id = ?').pluck().get(holds[0]!.id) as string;
    expect(owner).toBe(`ABT-${a.id} bank transfer`);
    await w.t.call(
      'payroll:end',
      { arrangementId: a.id, reason: 'stopped', on: '2026-07-01', note: 'Account closed' },
      w.clerk,
    );
    expect(await activeHolds(w.john)).toEqual([]);
    // A bad routing number is refused by its check digit.
    const bad = await w.t.raw(
      'payroll:createArrangement',
      {
        method: 'bank',
        guarantorId: w.jane,
        accountIds: [w.acct('A1')],
        amountCents: 10_000,
        firstDate: '2026-07-31',
        frequency: 'monthly',
        bank: { holderName: 'Jane', routingNumber: '011000016', accountNumber: '1234', accountType: 'savings' },
      },
      w.clerk,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
