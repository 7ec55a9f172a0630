// The write-off through the channels (semantics 3): a clerk proposes, a supervisor approves (one
// bad_debt_writeoff entry per account, BD-09) or rejects; a reversal; recoveries in the period of
// the write-off and in a later one (BD-12); the listing's reconciliation to the ledger (BD-14).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balance, badDebtWorld, type BadDebtWorld } from './world';

let w: BadDebtWorld;
beforeEach(async () => {
  w = await badDebtWorld();
});
afterEach(() => w.t.cleanup());

const entries = (accountId: number) =>
  w.t.app.store.db
    .prepare(
      'SELECT type, amount_cents, reason_code, approved_by, effective_date FROM ledger_entries WHERE account_id = ? ORDER BY id',
    )
    .all(accountId) as {
    type: string;
    amount_cents: number;
    reason_code: string | null;
    approved_by: number | null;
    effective_date: string;
  }[];

async function writeOff(accountIds: number[], ceasedOn = '2026-07-01', writtenOffOn = '2026-07-15') {
  const proposed = await w.t.call('badDebt:propose', { accountIds, ceasedOn, note: '' }, w.clerk);
  return w.t.call(
    'badDebt:decide',
    { writeOffIds: proposed.map((p) => p.id), decision: 'approve', writtenOffOn, note: '' },
    w.sup,
  );
}

const listing2026 = (setting: 'inpatient' | 'outpatient' = 'outpatient') =>
  w.t.call('badDebt:listing', { ccn: '123456', periodFrom: '2026-01-01', periodTo: '2026-12-31', setting }, w.clerk);

describe('badDebt:candidates', () => {
  it('lists the Medicare accounts that owe with their clock; Medicare Advantage is not there (BD-03)', async () => {
    const open = await w.t.call('badDebt:candidates', { show: 'open', setting: 'all' }, w.clerk);
    expect(open.map((c) => c.accountNumber).sort()).toEqual(['B1', 'B2', 'B4']);
    const b1 = open.find((c) => c.accountNumber === 'B1')!;
    // First bill 2026-02-02 + 120 days = 2026-06-02; allowable $240.00 + $100.00.
    expect(b1.firstWriteOffDate).toBe('2026-06-02');
    expect(b1.allowableCents).toBe(34_000);
    // On 2026-06-01 none is listable; B2's 120 days (from 2026-03-01) end 2026-06-29.
    const early = await w.t.call(
      'badDebt:candidates',
      { on: '2026-06-02', setting: 'outpatient', show: 'listable' },
      w.clerk,
    );
    expect(early.map((c) => c.accountNumber)).toEqual(['B1']);
  });
});

describe('propose -> approve', () => {
  it('posts ONE bad_debt_writeoff entry per account (reason medicare_bad_debt, approved by the supervisor) and the balance drops by the allowable', async () => {
    const done = await writeOff([w.ids.B1, w.ids.B2]);
    expect(done.map((d) => [d.status, d.amountCents, d.writtenOffOn])).toEqual([
      ['approved', 34_000, '2026-07-15'],
      ['approved', 45_000, '2026-07-15'],
    ]);
    const b1 = entries(w.ids.B1).filter((e) => e.type === 'bad_debt_writeoff');
    expect(b1).toEqual([
      {
        type: 'bad_debt_writeoff',
        amount_cents: -34_000,
        reason_code: 'medicare_bad_debt',
        approved_by: w.supId,
        effective_date: '2026-07-15',
      },
    ]);
    // BD-09: never a contractual adjustment.
    expect(entries(w.ids.B1).some((e) => e.type === 'contractual_adjustment')).toBe(false);
    expect(balance(w, w.ids.B1)).toBe(40_000 - 34_000);
    expect(balance(w, w.ids.B2)).toBe(50_000 - 45_000);
    expect(await w.t.call('badDebt:proposals', { status: 'proposed' }, w.clerk)).toEqual([]);
  });

  it('refuses to propose an account whose clock does not allow it, and proposes nothing of the batch', async () => {
    await expect(
      w.t.call('badDebt:propose', { accountIds: [w.ids.B1, w.ids.B3], ceasedOn: '2026-07-01', note: '' }, w.clerk),
    ).rejects.toThrow(/Account B3 is not a Medicare account/);
    expect(await w.t.call('badDebt:proposals', { status: 'all' }, w.clerk)).toEqual([]);
  });

  it('approval is all-or-nothing: one account not listable on the date refuses the batch and posts nothing', async () => {
    const proposed = await w.t.call(
      'badDebt:propose',
      { accountIds: [w.ids.B1, w.ids.B2], ceasedOn: '2026-06-02', note: '' },
      w.clerk,
    );
    // B2's 120 days end 2026-06-29: a write-off dated 2026-06-10 is not listable for it.
    await expect(
      w.t.call(
        'badDebt:decide',
        { writeOffIds: proposed.map((p) => p.id), decision: 'approve', writtenOffOn: '2026-06-10', note: '' },
        w.sup,
      ),
    ).rejects.toThrow(/Account B2/);
    expect(entries(w.ids.B1).some((e) => e.type === 'bad_debt_writeoff')).toBe(false);
    expect((await w.t.call('badDebt:proposals', { status: 'proposed' }, w.clerk)).length).toBe(2);
  });

  it('a clerk cannot decide', async () => {
    const proposed = await w.t.call(
      'badDebt:propose',
      { accountIds: [w.ids.B1], ceasedOn: '2026-07-01', note: '' },
      w.clerk,
    );
    await expect(
      w.t.call(
        'badDebt:decide',
        { writeOffIds: [proposed[0]!.id], decision: 'approve', writtenOffOn: '2026-07-15', note: '' },
        w.clerk,
      ),
    ).rejects.toThrow(/forbidden/);
  });
});

describe('reject and reverse', () => {
  it('a rejection records why and posts nothing', async () => {
    const proposed = await w.t.call(
      'badDebt:propose',
      { accountIds: [w.ids.B1], ceasedOn: '2026-07-01', note: '' },
      w.clerk,
    );
    const [r] = await w.t.call(
      'badDebt:decide',
      { writeOffIds: [proposed[0]!.id], decision: 'reject', writtenOffOn: '2026-07-15', note: 'Patient on a plan.' },
      w.sup,
    );
    expect(r!.status).toBe('rejected');
    expect(r!.decisionNote).toBe('Patient on a plan.');
    expect(balance(w, w.ids.B1)).toBe(40_000);
    // It can be proposed again.
    expect(
      (await w.t.call('badDebt:propose', { accountIds: [w.ids.B1], ceasedOn: '2026-07-01', note: '' }, w.clerk)).length,
    ).toBe(1);
  });

  it('a reversal reverses the entry, restores the balance and takes the line off the listing', async () => {
    const [d] = await writeOff([w.ids.B1]);
    const r = await w.t.call('badDebt:reverse', { writeOffId: d!.id, reason: 'Wrong account.' }, w.sup);
    expect(r.status).toBe('reversed');
    expect(balance(w, w.ids.B1)).toBe(40_000);
    const view = await listing2026();
    expect(view.lines).toEqual([]);
    expect(view.reconciliation).toMatchObject({ ledgerWriteOffCents: 0, agrees: true });
  });
});

describe('recoveries (BD-12) and the listing', () => {
  it('in the same period: column 18 shows it and column 23 drops by it; the balance is unchanged', async () => {
    await writeOff([w.ids.B1, w.ids.B2]);
    await w.t.call(
      'badDebt:recovery',
      { accountId: w.ids.B1, receivedOn: '2026-08-01', amountCents: 10_000, method: 'check', reference: '1001' },
      w.clerk,
    );
    expect(balance(w, w.ids.B1)).toBe(6_000);
    const view = await listing2026();
    expect(view.problems).toEqual([]);
    // Sorted by last name: Marsh, then Okafor; names split from "Marsh, Eleanor" and "Chidi Okafor".
    expect(view.lines.map((l) => [l.line, l.lastName, l.firstName, l.accountNumber])).toEqual([
      [1, 'Marsh', 'Eleanor', 'B1'],
      [2, 'Okafor', 'Chidi', 'B2'],
    ]);
    const b1 = view.lines[0]!;
    expect([b1.recoveriesCents, b1.allowableCents, b1.deductibleCents, b1.coinsuranceCents]).toEqual([
      10_000, 24_000, 24_000, 10_000,
    ]);
    expect([b1.medicareRaDate, b1.firstBillDate, b1.ceasedOn, b1.medicareWriteOffDate]).toEqual([
      '2026-01-20',
      '2026-02-02',
      '2026-07-01',
      '2026-07-15',
    ]);
    // 240.00 + 450.00 = 690.00 ; 65% = 448.50.
    expect(view.header.totalAllowableCents).toBe(24_000 + 45_000);
    expect(view.expectedReimbursementCents).toBe(44_850);
    expect(view.reconciliation).toEqual({
      ledgerWriteOffCents: 79_000,
      ledgerRecoveriesCents: 10_000,
      ledgerNetCents: 69_000,
      listingCents: 69_000,
      agrees: true,
    });
    // The recovery shows on the account.
    const acct = await w.t.call('badDebt:account', { accountId: w.ids.B1 }, w.clerk);
    expect(acct.recoveries.map((r) => [r.receivedOn, r.amountCents])).toEqual([['2026-08-01', 10_000]]);
    expect(acct.clock.summary).toBe(
      'Written off as Medicare bad debt on July 15, 2026: $340.00; $100.00 recovered since, $240.00 net.',
    );
  });

  it('in a later period: a recovery line with column 19 = the earlier FYE and column 23 = minus it', async () => {
    await writeOff([w.ids.B1]);
    w.t.clock.setToday('2027-02-15');
    await w.t.call(
      'badDebt:recovery',
      { accountId: w.ids.B1, receivedOn: '2027-02-01', amountCents: 5_000, method: 'cash', reference: '' },
      w.clerk,
    );
    const y2027 = await w.t.call(
      'badDebt:listing',
      { ccn: '123456', periodFrom: '2027-01-01', periodTo: '2027-12-31', setting: 'outpatient' },
      w.clerk,
    );
    expect(y2027.problems).toEqual([]);
    expect(y2027.lines).toHaveLength(1);
    const l = y2027.lines[0]!;
    expect([l.kind, l.recoveriesCents, l.recoveryFye, l.allowableCents]).toEqual([
      'recovery',
      5_000,
      '2026-12-31',
      -5_000,
    ]);
    expect(y2027.reconciliation).toMatchObject({
      ledgerWriteOffCents: 0,
      ledgerRecoveriesCents: 5_000,
      ledgerNetCents: -5_000,
      agrees: true,
    });
    // 2026's listing still shows the write-off whole.
    expect((await listing2026()).lines[0]!.allowableCents).toBe(34_000);
  });

  it('a recovery needs an approved write-off and is at most what is left of it', async () => {
    await expect(
      w.t.call(
        'badDebt:recovery',
        { accountId: w.ids.B2, receivedOn: '2026-08-01', amountCents: 100, method: 'cash', reference: '' },
        w.clerk,
      ),
    ).rejects.toThrow(/no approved Medicare bad-debt write-off/);
    await writeOff([w.ids.B1]);
    await expect(
      w.t.call(
        'badDebt:recovery',
        { accountId: w.ids.B1, receivedOn: '2026-08-01', amountCents: 34_001, method: 'cash', reference: '' },
        w.clerk,
      ),
    ).rejects.toThrow(/At most \$340\.00/);
  });

  it('inpatient and outpatient are listed apart', async () => {
    // B4's first bill 2026-04-01 + 120 days = 2026-07-30.
    await writeOff([w.ids.B1, w.ids.B4], '2026-07-30', '2026-08-01');
    expect((await listing2026('inpatient')).lines.map((l) => l.accountNumber)).toEqual(['B4']);
    expect((await listing2026('outpatient')).lines.map((l) => l.accountNumber)).toEqual(['B1']);
  });
});

describe('what the review found (issue 15)', () => {
  it('a clerk cannot take a Medicare write-off back through the ledger; it is reversed on the bad-debt page', async () => {
    await writeOff([w.ids.B1]);
    const entry = w.t.app.store.db
      .prepare(`SELECT id FROM ledger_entries WHERE account_id = ? AND type = 'bad_debt_writeoff'`)
      .pluck()
      .get(w.ids.B1) as number;
    await expect(
      w.t.call('ledger:reverse', { entryId: entry, reason: 'oops', effectiveDate: '2026-11-26' }, w.clerk),
    ).rejects.toThrow(/Medicare bad-debt write-off: a supervisor reverses it on the Medicare bad debt page/);
    expect(balance(w, w.ids.B1)).toBe(6_000);
  });

  it('a bounced recovery check takes the reinstatement back with it: the balance and the listing as before', async () => {
    await writeOff([w.ids.B1]);
    await w.t.call(
      'badDebt:recovery',
      { accountId: w.ids.B1, receivedOn: '2026-08-01', amountCents: 10_000, method: 'check', reference: '1001' },
      w.clerk,
    );
    const paymentId = w.t.app.store.db
      .prepare(`SELECT payment_id FROM ledger_entries WHERE account_id = ? AND type = 'patient_payment'`)
      .pluck()
      .get(w.ids.B1) as number;
    // The payment alone cannot be reversed entry by entry: it is reversed whole.
    await w.t.call(
      'payments:reverse',
      { paymentId, reason: 'returned for insufficient funds', effectiveDate: '2026-08-10' },
      w.clerk,
    );
    // $400.00 owed − $340.00 written off = $60.00, as before the recovery.
    expect(balance(w, w.ids.B1)).toBe(6_000);
    const view = await listing2026();
    expect([view.lines[0]!.recoveriesCents, view.lines[0]!.allowableCents]).toEqual([0, 34_000]);
    expect(view.reconciliation.agrees).toBe(true);
  });

  it('the same recovery check keyed twice is asked about, and posted only when the clerk confirms it', async () => {
    await writeOff([w.ids.B1]);
    const recovery = {
      accountId: w.ids.B1,
      receivedOn: '2026-08-01',
      amountCents: 5_000,
      method: 'check' as const,
      reference: '1001',
    };
    await w.t.call('badDebt:recovery', recovery, w.clerk);
    await expect(w.t.call('badDebt:recovery', recovery, w.clerk)).rejects.toThrow(/posted again/);
    expect(balance(w, w.ids.B1)).toBe(6_000);
    await w.t.call('badDebt:recovery', { ...recovery, confirmDuplicate: true }, w.clerk);
    const acct = await w.t.call('badDebt:account', { accountId: w.ids.B1 }, w.clerk);
    expect(acct.recoveries.map((r) => r.amountCents)).toEqual([5_000, 5_000]);
  });

  it('BD-07: collection effort cannot have ceased before the account came back from the agency', async () => {
    const db = w.t.app.store.db;
    // B1 came back from an agency on 2026-07-10 (a placement written as the agencies capability keeps it).
    db.prepare(
      `INSERT INTO agencies (id, name, recall_days, remittance_method, created_at, updated_at)
       VALUES (900, 'Acme Recovery', 180, 'gross', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO placement_batches (id, agency_id, kind, method, status, built_on, built_at, released_on, released_at)
       VALUES (900, 900, 'primary', 'hand', 'released', '2026-06-01', 't', '2026-06-01', 't')`,
    ).run();
    const guarantor = db.prepare('SELECT guarantor_id FROM accounts WHERE id = ?').pluck().get(w.ids.B1);
    db.prepare(
      `INSERT INTO placements (batch_id, agency_id, account_id, guarantor_id, kind, status, proposed_cents, placed_on,
                               placed_cents, fee_rate_bp, recall_days, returned_on, return_reason)
       VALUES (900, 900, ?, ?, 'primary', 'returned', 40000, '2026-06-01', 40000, 2500, 180, '2026-07-10', 'no_payment')`,
    ).run(w.ids.B1, guarantor);
    await expect(
      w.t.call('badDebt:propose', { accountIds: [w.ids.B1], ceasedOn: '2026-07-01', note: '' }, w.clerk),
    ).rejects.toThrow(
      /came back from the agency on July 10, 2026: collection effort cannot have ceased before \(BD-07\)/,
    );
    expect(await w.t.call('badDebt:proposals', { status: 'all' }, w.clerk)).toEqual([]);
  });

  it('nothing is dated into a period whose listing was exported, and a listing that does not agree with the ledger does not export', async () => {
    await writeOff([w.ids.B1]);
    await w.t.call(
      'badDebt:exportListing',
      {
        ccn: '123456',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        setting: 'outpatient',
        format: 'csv',
        preparer: 'Dana Reyes',
      },
      w.clerk,
    );
    await expect(
      w.t.call(
        'badDebt:recovery',
        { accountId: w.ids.B1, receivedOn: '2026-08-01', amountCents: 1_000, method: 'cash', reference: '' },
        w.clerk,
      ),
    ).rejects.toThrow(/was exported on .*date it after that period/);
    const proposed = await w.t.call(
      'badDebt:propose',
      { accountIds: [w.ids.B2], ceasedOn: '2026-07-01', note: '' },
      w.clerk,
    );
    await expect(
      w.t.call(
        'badDebt:decide',
        { writeOffIds: proposed.map((p) => p.id), decision: 'approve', writtenOffOn: '2026-07-15', note: '' },
        w.sup,
      ),
    ).rejects.toThrow(/was exported on/);
    expect(balance(w, w.ids.B2)).toBe(50_000);
    // A write-off entry posted behind the page's back (here straight into the store) breaks the
    // reconciliation: the export is refused with both figures.
    w.t.app.store.db
      .prepare(
        `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at, reason_code)
         VALUES (?, 'bad_debt_writeoff', -100, '2026-07-20', 't', 'medicare_bad_debt')`,
      )
      .run(w.ids.B1);
    await expect(
      w.t.call(
        'badDebt:exportListing',
        {
          ccn: '123456',
          periodFrom: '2026-01-01',
          periodTo: '2026-12-31',
          setting: 'outpatient',
          format: 'xlsx',
          preparer: 'Dana Reyes',
        },
        w.clerk,
      ),
    ).rejects.toThrow(
      /does not agree with the ledger: column 23 totals \$340\.00, the ledger's bad debt for the period is \$341\.00/,
    );
  });
});

describe('a line filed in an earlier period (rules §1.2, BD-14)', () => {
  const export2026 = () =>
    w.t.call(
      'badDebt:exportListing',
      {
        ccn: '123456',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        setting: 'outpatient',
        format: 'csv',
        preparer: 'Dana Reyes',
      },
      w.clerk,
    );

  it('a write-off on a listing already exported is not reversed (what was filed stays true)', async () => {
    const [done] = await writeOff([w.ids.B1]);
    await export2026();
    await expect(
      w.t.call('badDebt:reverse', { writeOffId: done!.id, reason: 'Posted to the wrong period.' }, w.sup),
    ).rejects.toThrow(
      /can no longer be reversed: the outpatient listing for CCN 123456, January 1, 2026 to December 31, 2026, was exported on/,
    );
    expect(balance(w, w.ids.B1)).toBe(6_000);
  });

  it('written off again after a filed write-off was undone, it is refused on the later listing', async () => {
    const [done] = await writeOff([w.ids.B1]);
    await w.t.call('badDebt:reverse', { writeOffId: done!.id, reason: 'Posted to the wrong period.' }, w.sup);
    // A listing that carried it had been exported before the reversal (a store from before the
    // reversal was refused): recorded as the export records it.
    w.t.app.store.db
      .prepare(
        `INSERT INTO bad_debt_listings (ccn, period_from, period_to, setting, format, lines, total_allowable_cents,
           total_dual_cents, sha256, prepared_by, exported_at)
         VALUES ('123456', '2026-01-01', '2026-12-31', 'outpatient', 'csv', 1, 34000, 0, 'x', 'Dana', ?)`,
      )
      .run((await w.t.call('badDebt:proposals', { status: 'all' }, w.clerk))[0]!.decidedAt);
    w.t.clock.setToday('2027-02-15');
    await writeOff([w.ids.B1], '2027-02-01', '2027-02-10');
    const view = await w.t.call(
      'badDebt:listing',
      { ccn: '123456', periodFrom: '2027-01-01', periodTo: '2027-12-31', setting: 'outpatient' },
      w.clerk,
    );
    expect(view.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [1, '5', 'Account B1 with these dates of service was listed in an earlier period.'],
    ]);
  });
});
