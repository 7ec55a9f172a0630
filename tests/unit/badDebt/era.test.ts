// Issue 15, the 835 import (X-01, X-02; coordination semantics 1): the real files posted to a book
// whose account numbers are their patient control numbers, figures computed by hand from the files.
import { afterEach, describe, expect, it } from 'vitest';
import { medicareCostSharing } from '../../../src/main/capabilities/badDebt/costSharing';
import { write835, type Write835Claim } from '../../../src/main/capabilities/badDebt/x12Write';
import { verifyBalances } from '../../../src/main/capabilities/ledger/entries';
import { count, eraWorld, fixture, importText, reseparate, snapshot, upload, type EraWorld } from './eraSupport';

let w: EraWorld;
afterEach(() => w?.t.cleanup());

const entries = (w: EraWorld, n: string) =>
  w.t.app.store.db
    .prepare(
      'SELECT type, amount_cents, effective_date FROM ledger_entries WHERE account_id = ? AND type <> ? ORDER BY id',
    )
    .all(w.acct(n), 'charge') as { type: string; amount_cents: number; effective_date: string }[];

describe('posting the real files', () => {
  it('managed-care.835: payments and CO posted, PR left to the patient, preview predicts the import', async () => {
    w = await eraWorld();
    const uploadId = await upload(w.t, w.clerk, 'managed-care.835', fixture('managed-care.835'));
    const before = snapshot(w.t);
    const preview = await w.t.call('era:preview', { uploadId }, w.clerk);
    expect(snapshot(w.t)).toBe(before); // the preview wrote nothing
    expect(preview.problems).toEqual([]);
    expect(preview.alreadyImported).toBeNull();
    expect(preview.totals).toEqual({
      claims: 2,
      posted: 2,
      recorded: 0,
      reversals: 0,
      unmatched: 0,
      duplicates: 0,
      paidCents: 94500,
      contractualCents: 15500,
    });
    const detail = await w.t.call('era:import', { uploadId }, w.clerk);
    expect(detail.totals).toEqual(preview.totals);
    expect(detail.transactions[0]!.claims.map((c) => [c.outcome, c.id !== null])).toEqual([
      ['posted', true],
      ['posted', true],
    ]);
    // 5554555444: 800.00 charged; paid 450.00; CO-A2 50.00 (claim level); PR-1 300.00 (line level) stays.
    expect(entries(w, '5554555444')).toEqual([
      { type: 'insurance_payment', amount_cents: -45000, effective_date: '2002-03-14' },
      { type: 'contractual_adjustment', amount_cents: -5000, effective_date: '2002-03-14' },
    ]);
    expect(w.balance('5554555444')).toBe(30000);
    // 8765432112: 1,200.00; paid 495.00; CO-A2 55.00 + CO-45 50.00; PR-1 600.00 stays.
    expect(w.balance('8765432112')).toBe(60000);
    const claim = detail.transactions[0]!.claims[0]!;
    expect(claim).toMatchObject({ deductibleCents: 30000, contractualCents: 5000, accountNumber: '5554555444' });
    expect(claim.adjustments).toEqual([
      { lineNo: 0, procedure: '', groupCode: 'CO', reasonCode: 'A2', amountCents: 5000, quantity: '' },
      { lineNo: 1, procedure: 'HC:99211', groupCode: 'PR', reasonCode: '1', amountCents: 30000, quantity: '' },
    ]);
    // A commercial primary's remittance sets none of the account's RA dates.
    expect(w.account('5554555444')).toEqual({
      medicare_ra_date: null,
      secondary_ra_date: null,
      medicaid_ra_date: null,
    });
    expect(verifyBalances(w.t.app.store.db).ok).toBe(true);
    const files = await w.t.call('era:files', {}, w.clerk);
    expect(files).toEqual([
      expect.objectContaining({
        id: detail.file.id,
        claims: 2,
        posted: 2,
        unmatched: 0,
        paidCents: 94500,
        adjustedCents: 15500,
        payers: ['RUSHMORE LIFE'],
        importedBy: 'Test clerk',
      }),
    ]);
    expect(await w.t.call('era:file', { fileId: detail.file.id }, w.clerk)).toEqual(detail);
  });

  it('medicare-part-a.835: MA and MB claims post, the Medicare RA date is set, PLB recorded and not posted', async () => {
    w = await eraWorld();
    const ledgerBefore = count(w.t, 'ledger_entries');
    const d = await importText(w, 'medicare-part-a.835', fixture('medicare-part-a.835'));
    expect(d.totals).toMatchObject({ posted: 2, paidCents: 13801840 + 1198033, contractualCents: 7334857 + 301967 });
    expect(count(w.t, 'ledger_entries')).toBe(ledgerBefore + 4);
    // 211,366.97 - 138,018.40 - 73,348.57 = 0; 15,000.00 - 11,980.33 - 3,019.67 = 0.
    expect(w.balance('666123')).toBe(0);
    expect(w.balance('777777')).toBe(0);
    expect(w.account('666123').medicare_ra_date).toBe('2002-09-16'); // DTM*405, not BPR16 2002-09-13
    expect(w.account('777777').medicare_ra_date).toBe('2002-09-16');
    expect(d.transactions[0]!.providerAdjustments).toEqual([
      { providerId: '6543210903', fiscalDate: '2002-12-31', reasonCode: 'CV', reference: 'CP', amountCents: -127 },
    ]);
    expect(count(w.t, 'remittance_provider_adjustments')).toBe(1);
    expect(d.transactions[0]!.claims.every((c) => c.medicare)).toBe(true);
  });

  it('secondary-payment.835: the secondary payer date, OA recorded and not posted, deductible and coinsurance kept', async () => {
    w = await eraWorld();
    const d = await importText(w, 'secondary-payment.835', fixture('secondary-payment.835'));
    // L0004828311: 10,323.64 - 912.00 paid; OA-23 9,411.64 recorded only.
    expect(w.balance('L0004828311')).toBe(1032364 - 91200);
    expect(entries(w, 'L0004828311')).toEqual([
      { type: 'insurance_payment', amount_cents: -91200, effective_date: '2005-04-12' },
    ]);
    // 0001000053: 751.50 - 310.00 paid - CO-42 85.00 = 356.50 (PR-1 150.00 + PR-2 70.00 + OA-23 136.50).
    expect(w.balance('0001000053')).toBe(35650);
    const c = d.transactions[0]!.claims[1]!;
    expect(c).toMatchObject({
      payerRole: 'secondary',
      deductibleCents: 15000,
      coinsuranceCents: 7000,
      otherAdjustmentCents: 13650,
    });
    expect(w.account('L0004828311')).toEqual({
      medicare_ra_date: null,
      secondary_ra_date: '2005-04-12',
      medicaid_ra_date: null,
    });
    expect(w.account('0001000053').secondary_ra_date).toBe('2005-04-12');
  });

  it('tertiary-payment.835 and cob-contractural-adjustment.835', async () => {
    w = await eraWorld();
    await importText(w, 'tertiary-payment.835', fixture('tertiary-payment.835'));
    await importText(w, 'cob.835', fixture('cob-contractural-adjustment.835'));
    expect(w.balance('0001000054')).toBe(176650 - 18750);
    expect(w.account('0001000054').secondary_ra_date).toBe('2005-04-12');
    // Paid 34.00; OA-23 516.00 and OA-94 -9.00 recorded only.
    expect(w.balance('0001000055')).toBe(54100 - 3400);
    expect(w.account('0001000055').secondary_ra_date).toBe('2005-03-18');
    expect(count(w.t, 'remittance_files')).toBe(2);
  });
});

describe('what is not posted', () => {
  it('an unmatched claim is listed with its reason, nothing posted for it', async () => {
    w = await eraWorld();
    const text = fixture('managed-care.835').replace('CLP*8765432112*', 'CLP*X8765432112*');
    const uploadId = await upload(w.t, w.clerk, 'mc.835', text);
    const p = await w.t.call('era:preview', { uploadId }, w.clerk);
    expect(p.transactions[0]!.claims[1]).toMatchObject({
      outcome: 'unmatched',
      accountId: null,
      reason: 'No account has the patient control number X8765432112.',
    });
    const d = await w.t.call('era:import', { uploadId }, w.clerk);
    expect(d.totals).toMatchObject({ posted: 1, unmatched: 1, paidCents: 45000, contractualCents: 5000 });
    expect(d.file.unmatched).toBe(1);
    expect(w.balance('8765432112')).toBe(120000);
    expect(w.balance('5554555444')).toBe(30000);
  });

  it('the same file twice posts nothing twice (refused by its hash)', async () => {
    w = await eraWorld();
    const d = await importText(w, 'managed-care.835', fixture('managed-care.835'));
    const before = snapshot(w.t);
    const uploadId = await upload(w.t, w.clerk, 'again.835', fixture('managed-care.835'));
    const p = await w.t.call('era:preview', { uploadId }, w.clerk);
    expect(p.alreadyImported).toEqual({ fileId: d.file.id, importedAt: d.file.importedAt });
    await expect(w.t.call('era:import', { uploadId }, w.clerk)).rejects.toThrow(
      `This file was imported on ${d.file.importedAt.slice(0, 10)} (file ${d.file.id}): nothing was posted twice.`,
    );
    expect(snapshot(w.t)).toBe(before);
  });

  it('another file carrying a claim already posted marks it duplicate', async () => {
    w = await eraWorld();
    const first = await importText(w, 'managed-care.835', fixture('managed-care.835'));
    const ledgerBefore = count(w.t, 'ledger_entries');
    // The same claims with CRLF between segments: other bytes, the same claims.
    const d = await importText(w, 'mc-crlf.835', reseparate(fixture('managed-care.835'), '*', ':', '~', '\r\n'));
    expect(d.totals).toMatchObject({ claims: 2, posted: 0, duplicates: 2, paidCents: 0, contractualCents: 0 });
    expect(d.transactions[0]!.claims[0]!.reason).toBe(
      `Claim 5554555444 (payer claim number 94060555410000) was posted from 835 file ${first.file.id} on ${first.file.importedAt.slice(0, 10)}: not posted again.`,
    );
    expect(w.balance('5554555444')).toBe(30000);
    expect(count(w.t, 'ledger_entries')).toBe(ledgerBefore);
  });
});

const claim = (c: Partial<Write835Claim> & { patientControl: string }): Write835Claim => ({
  chargeCents: 80000,
  paidCents: 45000,
  payerClaimNumber: 'ICN1',
  ...c,
});

describe('names as sent', () => {
  it('a UTF-8 file keeps names in any script; a Latin-1 file is read byte for byte', async () => {
    w = await eraWorld();
    const text = write835([
      {
        payerName: 'ACME',
        date: '2026-11-01',
        claims: [
          claim({ patientControl: '5554555444', last: 'MÜLLER', first: 'JOSÉ' }),
          claim({ patientControl: '8765432112', last: '王', first: '小明', payerClaimNumber: 'ICN2' }),
        ],
      },
    ]);
    const utf8 = await w.t.call(
      'era:preview',
      { uploadId: await upload(w.t, w.clerk, 'u.835', text, 'utf8') },
      w.clerk,
    );
    expect(utf8.problems).toEqual([]);
    expect(utf8.transactions[0]!.claims.map((c) => c.patientName)).toEqual(['MÜLLER, JOSÉ', '王, 小明']);
    const latin1 = write835([
      { payerName: 'ACME', date: '2026-11-01', claims: [claim({ patientControl: '5554555444', last: 'MÜLLER' })] },
    ]);
    const l = await w.t.call(
      'era:preview',
      { uploadId: await upload(w.t, w.clerk, 'l.835', latin1, 'latin1') },
      w.clerk,
    );
    expect(l.transactions[0]!.claims[0]!.patientName).toBe('MÜLLER, JANE');
  });
});

describe('reversals and corrections (CLP02 22)', () => {
  it('a reversal reverses the earlier claim; its correction posts anew', async () => {
    w = await eraWorld();
    const original = write835([
      {
        payerName: 'ACME HEALTH',
        payerId: 'P1',
        date: '2026-10-01',
        claims: [
          claim({
            patientControl: '5554555444',
            cas: [
              ['CO', '45', 5000],
              ['PR', '1', 30000],
            ],
          }),
        ],
      },
    ]);
    await importText(w, 'original.835', original);
    expect(w.balance('5554555444')).toBe(80000 - 45000 - 5000);
    const fix = write835(
      [
        {
          payerName: 'ACME HEALTH',
          payerId: 'P1',
          date: '2026-11-01',
          claims: [
            claim({
              patientControl: '5554555444',
              status: '22',
              chargeCents: -80000,
              paidCents: -45000,
              cas: [
                ['CO', '45', -5000],
                ['PR', '1', -30000],
              ],
            }),
            claim({
              patientControl: '5554555444',
              paidCents: 50000,
              cas: [
                ['CO', '45', 10000],
                ['PR', '1', 20000],
              ],
            }),
          ],
        },
      ],
      { control: '2' },
    );
    const d = await importText(w, 'fix.835', fix);
    const [rev, corr] = d.transactions[0]!.claims;
    expect(rev).toMatchObject({ outcome: 'reversed_prior', payerRole: 'reversal' });
    expect(corr).toMatchObject({ outcome: 'posted' });
    expect(entries(w, '5554555444')).toEqual([
      { type: 'insurance_payment', amount_cents: -45000, effective_date: '2026-10-01' },
      { type: 'contractual_adjustment', amount_cents: -5000, effective_date: '2026-10-01' },
      { type: 'reversal', amount_cents: 45000, effective_date: '2026-11-01' },
      { type: 'reversal', amount_cents: 5000, effective_date: '2026-11-01' },
      { type: 'insurance_payment', amount_cents: -50000, effective_date: '2026-11-01' },
      { type: 'contractual_adjustment', amount_cents: -10000, effective_date: '2026-11-01' },
    ]);
    expect(w.balance('5554555444')).toBe(80000 - 50000 - 10000);
    expect(verifyBalances(w.t.app.store.db).ok).toBe(true);
  });

  it('the files list names each payer once, commas and all', async () => {
    w = await eraWorld();
    const t = (payerName: string, icn: string) => ({
      payerName,
      date: '2026-11-01',
      claims: [claim({ patientControl: '5554555444', payerClaimNumber: icn })],
    });
    await importText(
      w,
      'p.835',
      write835([t('ACME HEALTH, INC.', 'A'), t('ACME HEALTH, INC.', 'B'), t('ZENITH', 'C')]),
    );
    expect((await w.t.call('era:files', {}, w.clerk))[0]!.payers).toEqual(['ACME HEALTH, INC.', 'ZENITH']);
  });

  it('a reversal of a claim Recoup has not posted is unmatched and posts nothing', async () => {
    w = await eraWorld();
    const d = await importText(
      w,
      'rev.835',
      write835([
        {
          payerName: 'ACME',
          date: '2026-11-01',
          claims: [claim({ patientControl: '5554555444', status: '22', paidCents: -45000, payerClaimNumber: 'NOPE' })],
        },
      ]),
    );
    expect(d.transactions[0]!.claims[0]).toMatchObject({
      outcome: 'unmatched',
      reason: 'Claim 5554555444: a reversal of a claim Recoup has not posted (payer claim number NOPE).',
    });
    expect(w.balance('5554555444')).toBe(80000);
  });

  it('a Medicare claim reversed nets out of the deductible and coinsurance (costSharing)', async () => {
    w = await eraWorld();
    const m = (status: string, sign: number, icn = 'M1'): Write835Claim =>
      claim({
        patientControl: '777777',
        status,
        filing: 'MB',
        payerClaimNumber: icn,
        chargeCents: sign * 80000,
        paidCents: sign * 45000,
        cas: [
          ['PR', '1', sign * 20000],
          ['PR', '2', sign * 10000],
          ['CO', '45', sign * 5000],
        ],
      });
    await importText(w, 'a.835', write835([{ payerName: 'MEDICARE', date: '2026-09-01', claims: [m('1', 1)] }]));
    expect(medicareCostSharing(w.t.app.store.db, w.acct('777777'))).toEqual({
      deductibleCents: 20000,
      coinsuranceCents: 10000,
      source: '835',
    });
    await importText(
      w,
      'b.835',
      write835([{ payerName: 'MEDICARE', date: '2026-10-01', claims: [m('22', -1)] }], { control: '2' }),
    );
    expect(medicareCostSharing(w.t.app.store.db, w.acct('777777'))).toEqual({
      deductibleCents: 0,
      coinsuranceCents: 0,
      source: '835',
    });
  });
});

describe('remittance dates onto the account, latest only', () => {
  it('a Medicare claim sets medicare_ra_date and never moves a later date back; Medicaid sets medicaid_ra_date', async () => {
    w = await eraWorld();
    const mcr = (date: string, control: string, icn: string) =>
      write835(
        [
          {
            payerName: 'MEDICARE',
            date,
            claims: [claim({ patientControl: '666123', filing: 'MA', payerClaimNumber: icn })],
          },
        ],
        { control },
      );
    await importText(w, '1.835', mcr('2026-10-05', '1', 'A'));
    expect(w.account('666123').medicare_ra_date).toBe('2026-10-05');
    await importText(w, '2.835', mcr('2026-09-01', '2', 'B'));
    expect(w.account('666123').medicare_ra_date).toBe('2026-10-05');
    await importText(w, '3.835', mcr('2026-11-20', '3', 'C'));
    expect(w.account('666123').medicare_ra_date).toBe('2026-11-20');
    // Medicare paying second (MB, CLP02 2: Medicare as secondary payer) still sends Medicare's own
    // remittance advice, the RA of BD-04 (a).
    await importText(
      w,
      '4.835',
      write835(
        [
          {
            payerName: 'MEDICARE',
            date: '2026-11-25',
            claims: [claim({ patientControl: '777777', status: '2', filing: 'MB', paidCents: 100 })],
          },
        ],
        { control: '4' },
      ),
    );
    expect(w.account('777777')).toEqual({
      medicare_ra_date: '2026-11-25',
      secondary_ra_date: null,
      medicaid_ra_date: null,
    });
    // Medicaid (MC) as secondary: the Medicaid RA date (BD-10), not the secondary payer's.
    await importText(
      w,
      '5.835',
      write835(
        [
          {
            payerName: 'STATE MEDICAID',
            date: '2026-11-26',
            claims: [
              claim({ patientControl: '666123', status: '2', filing: 'MC', paidCents: 0, payerClaimNumber: 'D' }),
            ],
          },
        ],
        { control: '5' },
      ),
    );
    expect(w.account('666123')).toEqual({
      medicare_ra_date: '2026-11-20',
      secondary_ra_date: null,
      medicaid_ra_date: '2026-11-26',
    });
  });
});

describe('all or nothing', () => {
  it('a posting that fails mid-file leaves nothing at all changed', async () => {
    w = await eraWorld();
    const db = w.t.app.store.db;
    // The second claim's account refuses any ledger entry: the first claim's postings must go too.
    db.exec(
      `CREATE TEMP TRIGGER refuse_8765432112 BEFORE INSERT ON ledger_entries
        WHEN NEW.account_id = ${w.acct('8765432112')} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    const before = snapshot(w.t);
    const uploadId = await upload(w.t, w.clerk, 'managed-care.835', fixture('managed-care.835'));
    await expect(w.t.call('era:import', { uploadId }, w.clerk)).rejects.toThrow();
    expect(snapshot(w.t)).toBe(before);
    db.exec('DROP TRIGGER refuse_8765432112');
    // And the file was not recorded as imported: it imports now.
    const again = await upload(w.t, w.clerk, 'managed-care.835', fixture('managed-care.835'));
    expect((await w.t.call('era:import', { uploadId: again }, w.clerk)).totals.posted).toBe(2);
  });

  it('a reversal that fails after earlier claims posted takes their postings back too', async () => {
    w = await eraWorld();
    await importText(w, 'managed-care.835', fixture('managed-care.835'));
    const db = w.t.app.store.db;
    db.exec(
      `CREATE TEMP TRIGGER refuse_reversal BEFORE INSERT ON ledger_entries
        WHEN NEW.type = 'reversal' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    const before = snapshot(w.t);
    // Claim 1 posts (a new payer claim number); claim 2 reverses 8765432112's claim, and fails.
    const text = write835(
      [
        {
          payerName: 'RUSHMORE LIFE',
          date: '2026-11-02',
          claims: [
            claim({ patientControl: '5554555444', payerClaimNumber: 'NEW1', cas: [['CO', '45', 1000]] }),
            claim({
              patientControl: '8765432112',
              status: '22',
              chargeCents: -120000,
              paidCents: -49500,
              payerClaimNumber: '94077799230000',
            }),
          ],
        },
      ],
      { control: '9' },
    );
    const uploadId = await upload(w.t, w.clerk, 'fails.835', text);
    await expect(w.t.call('era:import', { uploadId }, w.clerk)).rejects.toThrow();
    expect(snapshot(w.t)).toBe(before);
    expect(w.balance('5554555444')).toBe(30000);
  });

  it('a malformed file posts nothing and names the segment', async () => {
    w = await eraWorld();
    const before = snapshot(w.t);
    const text = fixture('managed-care.835').replace(
      'CLP*8765432112*1*1200.00*495.00',
      'CLP*8765432112*1*1200.00*49S.00',
    );
    const uploadId = await upload(w.t, w.clerk, 'bad.835', text);
    const p = await w.t.call('era:preview', { uploadId }, w.clerk);
    expect(p.problems).toEqual([{ segment: 20, message: 'The claim payment (CLP04) "49S.00" is not an amount.' }]);
    await expect(w.t.call('era:import', { uploadId }, w.clerk)).rejects.toThrow(
      'The 835 cannot be imported, nothing was posted: segment 20: The claim payment (CLP04) "49S.00" is not an amount.',
    );
    expect(snapshot(w.t)).toBe(before);
  });
});
