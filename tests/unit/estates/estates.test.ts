// The estate's steps but its documents' (issue 14): the record and the deadline computed again,
// the last illness, a supervisor's release before the 501(r) clock (ECA-04), the court's answers
// (allowed, disallowed and the suit deadline, a call, a note), money from the estate posted as
// estate recoveries oldest account first, and the closing: the write-off with the reason and the
// approval, the Medicare deductible and coinsurance left for the bad-debt listing. Every refusal
// names its field and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { estateWorld, footprint, ledgerSum, refusal, type EstateWorld } from './fixtures';
import { filedByRows, SUPERVISOR_APPROVAL } from './estateSupport';

let w: EstateWorld | undefined;
afterEach(() => w?.t.cleanup());

const DEATH = '2026-04-15';

/** E1's death, learnt on 2026-05-12 (a month after it); the clock then back where it was. */
async function deathOfE1(world: EstateWorld): Promise<number> {
  const today = world.t.clock.today();
  world.t.clock.setToday('2026-05-12');
  const d = await world.t.call(
    'estates:recordDeath',
    { guarantorId: world.gid('E1'), dateOfDeath: DEATH, source: 'obituary' },
    world.clerk,
  );
  world.t.clock.setToday(today);
  return d.id;
}

const RECORD = {
  state: 'MN',
  county: 'Hennepin',
  courtName: 'Hennepin County Probate Court',
  courtAddress: '300 S 6th St, Minneapolis, MN 55487',
  caseNumber: '27-PA-PR-26-1234',
  prName: 'Daniel Marsh',
  prAddress: '9 Birch Ln, Edina, MN 55424',
  attorneyName: '',
  attorneyAddress: '',
  letterLanguage: 'en',
} as const;

describe('the estate record', () => {
  it('computes the deadline again from the notice’s dates and says how; refuses dates before the death or to come', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const estateId = await deathOfE1(w);
    // Published 2026-05-04 + 4 months = 2026-09-04; mailed 2026-06-01 + 60 days = Jun 30 (29) +
    // 31 = 2026-07-31: the later is the publication's, before the outer limit 2027-04-15.
    const d = await t.call(
      'estates:details',
      { estateId, ...RECORD, firstPublishedOn: '2026-05-04', mailedNoticeOn: '2026-06-01' },
      clerk,
    );
    expect(d).toMatchObject({ deadline: '2026-09-04', courtName: RECORD.courtName, prName: 'Daniel Marsh' });
    expect(d.deadlineInfo.basis).toBe('publication');
    expect(d.deadlineInfo.lines.map((l) => l.date)).toEqual(['2026-09-04', '2026-07-31', '2027-04-15']);
    expect(d.events.at(-1)).toMatchObject({
      kind: 'details',
      text: `Estate record saved (Hennepin County Probate Court, case 27-PA-PR-26-1234); the claim is now due by September 4, 2026 (was April 15, 2027): ${d.deadlineInfo.explanation}`,
    });

    const before = footprint(w);
    expect(
      await refusal(t.call('estates:details', { estateId, ...RECORD, firstPublishedOn: '2026-04-14' }, clerk)),
    ).toMatchObject({
      code: 'invalid_input',
      fields: { firstPublishedOn: 'The first publication cannot be before the death (April 15, 2026).' },
    });
    expect(
      await refusal(t.call('estates:details', { estateId, ...RECORD, mailedNoticeOn: '2026-06-11' }, clerk)),
    ).toMatchObject({ code: 'invalid_input', fields: { mailedNoticeOn: expect.any(String) } });
    expect(footprint(w)).toBe(before);

    // Moved to a state without a row (California): the UPC default; same figures, its name said.
    const ca = await t.call(
      'estates:details',
      { estateId, ...RECORD, state: 'CA', firstPublishedOn: '2026-05-04' },
      clerk,
    );
    expect(ca.deadline).toBe('2026-09-04');
    expect(ca.deadlineInfo.rule.state).toBe('*');
    // Florida: 3 months from publication: 2026-05-04 + 3 = 2026-08-04.
    const fl = await t.call(
      'estates:details',
      { estateId, ...RECORD, state: 'FL', firstPublishedOn: '2026-05-04' },
      clerk,
    );
    expect([fl.deadline, fl.deadlineInfo.rule.state]).toEqual(['2026-08-04', 'FL']);
  });

  it('lets the clerk say which accounts are the last illness, only of this estate', async () => {
    w = await estateWorld();
    const { t, clerk, acct } = w;
    const estateId = await deathOfE1(w);
    const d = await t.call(
      'estates:lastIllness',
      {
        estateId,
        accounts: [
          { accountId: acct('M1'), lastIllness: true },
          { accountId: acct('M3'), lastIllness: false },
        ],
      },
      clerk,
    );
    // Minnesota: last illness class 4; M3 (care to 2026-01-21, within the year) final-year class 5.
    expect(
      d.accounts.map((a) => [a.accountNumber, a.lastIllness, a.suggestedLastIllness, a.priority.classNumber]),
    ).toEqual([
      ['M1', true, false, 4],
      ['M2', false, false, 5],
      ['M3', false, true, 5],
    ]);
    const before = footprint(w);
    expect(
      await refusal(
        t.call('estates:lastIllness', { estateId, accounts: [{ accountId: acct('L1'), lastIllness: true }] }, clerk),
      ),
    ).toMatchObject({ code: 'invalid_input', fields: { accounts: 'Choose accounts of this estate’s claim.' } });
    expect(footprint(w)).toBe(before);
  });
});

describe('the release (ECA-04)', () => {
  it('is asked for when the deadline comes before the 501(r) clock, and a supervisor’s release lets the claim go', async () => {
    w = await estateWorld();
    const { t, clerk, supervisor, acct } = w;
    // The death is learnt on 2026-05-12, before the clock allows an ECA (2026-06-02).
    t.clock.setToday('2026-05-12');
    const estateId = await deathOfE1(w);
    expect(t.clock.today()).toBe('2026-05-12');
    // Florida, a notice mailed 2026-04-20 (no publication): + 30 days = 2026-05-20, before 2026-06-02.
    const d = await t.call(
      'estates:details',
      { estateId, ...RECORD, state: 'FL', mailedNoticeOn: '2026-04-20' },
      clerk,
    );
    expect([d.deadline, d.ecaAllowedFrom, d.releaseNeeded, d.released]).toEqual([
      '2026-05-20',
      '2026-06-02',
      true,
      false,
    ]);
    expect(d.accounts.every((a) => !a.eca.allowed && a.eca.allowedFrom === '2026-06-02')).toBe(true);
    expect((await t.call('estates:list', {}, clerk))[0]).toMatchObject({ id: estateId, releaseNeeded: true });

    expect(await refusal(t.call('estates:release', { estateId, reason: 'Deadline first' }, clerk))).toMatchObject({
      code: 'forbidden',
    });
    const r = await t.call(
      'estates:release',
      { estateId, reason: 'The Florida deadline (May 20) comes before the 501(r) clock.' },
      supervisor,
    );
    expect([r.releaseNeeded, r.released]).toEqual([false, true]);
    expect(r.accounts.map((a) => [a.accountNumber, a.eca.allowed, a.eca.released])).toEqual([
      ['M1', true, true],
      ['M2', true, true],
      ['M3', true, true],
    ]);
    expect(
      t.app.store.db
        .prepare(`SELECT reason, released_on FROM eca_releases WHERE account_id = ? AND kind = 'estate_claim'`)
        .get(acct('M2')),
    ).toEqual({ reason: 'The Florida deadline (May 20) comes before the 501(r) clock.', released_on: '2026-05-12' });
    expect(r.events.at(-1)?.kind).toBe('released');
    // The release answers the estate claim only: a credit report still waits for the clock.
    expect((await t.call('eca:check', { accountId: acct('M2'), kind: 'credit_report' }, clerk)).allowed).toBe(false);
  });

  it('is refused where the clock allows before the deadline, and ends when the death is undone', async () => {
    w = await estateWorld();
    const { t, clerk, supervisor, acct } = w;
    t.clock.setToday('2026-05-12');
    const estateId = await deathOfE1(w);
    // Minnesota, nothing known: the outer limit 2027-04-15 comes after the clock's 2026-06-02.
    const before = footprint(w);
    expect(await refusal(t.call('estates:release', { estateId, reason: 'Just in case' }, supervisor))).toEqual({
      code: 'not_allowed',
      message:
        'The 501(r) clock allows a claim from June 2, 2026, before the deadline of April 15, 2027: the claim waits for the clock; no release is needed (ECA-04).',
    });
    expect(footprint(w)).toBe(before);
    // Florida's mailed notice brings the deadline to 2026-05-20: released; then the death is undone
    // and the release goes with it (it never stands for a later claim).
    await t.call('estates:details', { estateId, ...RECORD, state: 'FL', mailedNoticeOn: '2026-04-20' }, clerk);
    await t.call('estates:release', { estateId, reason: 'Florida deadline first.' }, supervisor);
    expect(t.app.store.db.prepare(`SELECT count(*) FROM eca_releases WHERE kind = 'estate_claim'`).pluck().get()).toBe(
      3,
    );
    await t.call('estates:undoDeath', { guarantorId: w.gid('E1'), reason: 'Wrong person.' }, supervisor);
    expect(t.app.store.db.prepare(`SELECT count(*) FROM eca_releases WHERE kind = 'estate_claim'`).pluck().get()).toBe(
      0,
    );
    expect((await t.call('eca:check', { accountId: acct('M2'), kind: 'estate_claim' }, clerk)).allowed).toBe(false);
  });
});

describe('after the claim is filed', () => {
  it('records the allowance, a call and a disallowance with its suit deadline; refuses what does not fit', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const estateId = await deathOfE1(w);
    // Before filing, an allowance is refused by the status.
    expect(
      await refusal(t.call('estates:record', { estateId, event: 'allowed', on: '2026-06-10', allowedCents: 1 }, clerk)),
    ).toMatchObject({
      code: 'not_allowed',
      message:
        'An allowance is recorded only when the estate’s status is claim filed, or paid in part; The estate of Eleanor Marsh is death recorded; no claim yet.',
    });
    const claim = filedByRows(w, estateId, '2026-06-05');
    expect(claim).toBe(405_000);
    const before = footprint(w);
    expect(
      await refusal(t.call('estates:record', { estateId, event: 'allowed', on: '2026-06-04', allowedCents: 1 }, clerk)),
    ).toMatchObject({ fields: { on: 'The allowance cannot be before the filing (June 5, 2026).' } });
    expect(
      await refusal(
        t.call('estates:record', { estateId, event: 'allowed', on: '2026-06-08', allowedCents: 405_001 }, clerk),
      ),
    ).toMatchObject({ fields: { allowedCents: 'The amount allowed cannot be more than the claim, $4,050.00.' } });
    expect(footprint(w)).toBe(before);

    let d = await t.call(
      'estates:record',
      { estateId, event: 'allowed', on: '2026-06-08', allowedCents: 400_000 },
      clerk,
    );
    expect([d.status, d.allowedOn, d.allowedCents]).toEqual(['allowed', '2026-06-08', 400_000]);
    d = await t.call(
      'estates:record',
      { estateId, event: 'call', on: '2026-06-09', note: 'The clerk says the PR is selling the house.' },
      clerk,
    );
    expect(d.events.at(-1)).toMatchObject({
      kind: 'follow_up',
      text: 'Called the clerk of court: The clerk says the PR is selling the house.',
    });
    const call = t.app.store.db
      .prepare(`SELECT kind, direction FROM activities WHERE guarantor_id = ? ORDER BY id DESC LIMIT 1`)
      .get(w.gid('E1'));
    expect(call).toEqual({ kind: 'call', direction: 'outbound' });
    // Minnesota: suit within 60 days of the disallowance: 2026-06-10 + 60 = Jun 30 (20) + 31 = Jul 31 (51) + 9 = 2026-08-09.
    d = await t.call('estates:record', { estateId, event: 'disallowed', on: '2026-06-10' }, clerk);
    expect([d.status, d.disallowedOn, d.suitDeadline]).toEqual(['disallowed', '2026-06-10', '2026-08-09']);
    expect(d.reminder).toMatchObject({ kind: 'suit_deadline', due: '2026-08-09', daysLeft: 60 });
    d = await t.call('estates:record', { estateId, event: 'note', on: '2026-06-10', note: 'Legal will sue.' }, clerk);
    expect(d.events.at(-1)).toMatchObject({ kind: 'note', text: 'Legal will sue.' });
  });

  it('posts the estate’s money as estate recoveries oldest account first, paid in full when nothing more is owed', async () => {
    w = await estateWorld();
    const { t, clerk, acct } = w;
    const db = t.app.store.db;
    const estateId = await deathOfE1(w);
    filedByRows(w, estateId, '2026-06-05');
    const before = footprint(w);
    expect(
      await refusal(
        t.call('estates:payment', { estateId, receivedOn: '2026-06-10', amountCents: 405_001, method: 'check' }, clerk),
      ),
    ).toMatchObject({
      fields: {
        amountCents:
          'The estate’s accounts owe $4,050.00: the payment cannot be more. Post any excess from the account screen.',
      },
    });
    expect(
      await refusal(
        t.call('estates:payment', { estateId, receivedOn: '2026-06-11', amountCents: 100, method: 'check' }, clerk),
      ),
    ).toMatchObject({ fields: { receivedOn: expect.any(String) } });
    expect(footprint(w)).toBe(before);

    // $3,100.00: M1 (oldest, $3,000.00) in full, then $100.00 of M2 ($400.00 -> $300.00).
    let d = await t.call(
      'estates:payment',
      { estateId, receivedOn: '2026-06-10', amountCents: 310_000, method: 'check', reference: '1001' },
      clerk,
    );
    expect(d.status).toBe('paid_part');
    expect(d.accounts.map((a) => [a.accountNumber, a.balanceCents, a.recoveredCents])).toEqual([
      ['M1', 0, 300_000],
      ['M2', 30_000, 10_000],
      ['M3', 65_000, 0],
    ]);
    expect([d.owedCents, d.recoveredCents]).toEqual([95_000, 310_000]);
    for (const a of d.accounts) expect(a.balanceCents).toBe(ledgerSum(w, a.accountId));
    expect(
      db
        .prepare(`SELECT account_id, amount_cents, type FROM ledger_entries WHERE type = 'estate_recovery' ORDER BY id`)
        .all(),
    ).toEqual([
      { account_id: acct('M1'), amount_cents: -300_000, type: 'estate_recovery' },
      { account_id: acct('M2'), amount_cents: -10_000, type: 'estate_recovery' },
    ]);
    d = await t.call(
      'estates:payment',
      { estateId, receivedOn: '2026-06-10', amountCents: 95_000, method: 'check' },
      clerk,
    );
    expect([d.status, d.owedCents, d.recoveredCents, d.closedOn]).toEqual(['paid', 0, 405_000, '2026-06-10']);
    expect(
      await refusal(
        t.call('estates:payment', { estateId, receivedOn: '2026-06-10', amountCents: 1, method: 'check' }, clerk),
      ),
    ).toMatchObject({ code: 'not_allowed' });
  });

  it('closes with nothing more: the write-off needs a supervisor over the limit; the Medicare share waits for the bad-debt listing', async () => {
    w = await estateWorld();
    const { t, clerk, acct, supervisor } = w;
    const db = t.app.store.db;
    const estateId = await deathOfE1(w);
    filedByRows(w, estateId, '2026-06-05');
    await t.call(
      'estates:payment',
      { estateId, receivedOn: '2026-06-10', amountCents: 310_000, method: 'check' },
      clerk,
    );
    // Left: M2 $300.00 (Medicare; deductible $240.00 + coinsurance $100.00 = $340.00, less the
    // $100.00 the estate paid on it = $240.00 to the listing (BD-01), $60.00 written off), M3 $650.00
    // self-pay: written off. $60.00 + $650.00 = $710.00 is over the $250.00 a clerk may adjust alone.
    const before = footprint(w);
    expect(
      await refusal(t.call('estates:close', { estateId, on: '2026-06-10', note: 'The estate is insolvent.' }, clerk)),
    ).toMatchObject({
      code: 'forbidden',
      fields: { approval: 'A supervisor must approve writing off $710.00.' },
    });
    expect(
      await refusal(
        t.call(
          'estates:close',
          { estateId, on: '2026-06-11', note: 'Insolvent.', approval: SUPERVISOR_APPROVAL },
          clerk,
        ),
      ),
    ).toMatchObject({ fields: { on: expect.any(String) } });
    expect(footprint(w)).toBe(before);

    const d = await t.call(
      'estates:close',
      { estateId, on: '2026-06-10', note: 'The estate is insolvent', approval: SUPERVISOR_APPROVAL },
      clerk,
    );
    expect([d.status, d.closedOn, d.closeNote]).toEqual(['closed_nothing', '2026-06-10', 'The estate is insolvent']);
    expect(d.accounts.map((a) => [a.accountNumber, a.balanceCents, a.writtenOffCents, a.badDebtCents])).toEqual([
      ['M1', 0, 0, 0],
      ['M2', 24_000, 6_000, 24_000],
      ['M3', 0, 65_000, 0],
    ]);
    const supervisorId = db.prepare(`SELECT id FROM users WHERE username = 'sup1'`).pluck().get();
    expect(
      db
        .prepare(
          `SELECT account_id, type, amount_cents, reason_code, approved_by FROM ledger_entries WHERE reason_code = 'estate_closed'`,
        )
        .all(),
    ).toEqual([
      {
        account_id: acct('M2'),
        type: 'administrative_adjustment',
        amount_cents: -6_000,
        reason_code: 'estate_closed',
        approved_by: supervisorId,
      },
      {
        account_id: acct('M3'),
        type: 'administrative_adjustment',
        amount_cents: -65_000,
        reason_code: 'estate_closed',
        approved_by: supervisorId,
      },
    ]);
    expect(
      db
        .prepare('SELECT bad_debt_cents, bad_debt_on FROM estate_accounts WHERE estate_id = ? AND account_id = ?')
        .get(estateId, acct('M2')),
    ).toEqual({ bad_debt_cents: 24_000, bad_debt_on: '2026-06-10' });
    expect(d.events.at(-1)?.text).toBe(
      'Closed with nothing more: The estate is insolvent. $710.00 written off; $240.00 of Medicare deductible and coinsurance left for the bad-debt listing. Approved by Test supervisor.',
    );
    // The plan and the promise the death suspended end with the estate (none waits for ever).
    expect(db.prepare('SELECT status FROM plans WHERE guarantor_id = ?').pluck().all(w.gid('E1'))).toEqual([
      'cancelled',
    ]);
    expect(db.prepare('SELECT status FROM promises WHERE guarantor_id = ?').pluck().all(w.gid('E1'))).toEqual([
      'cancelled',
    ]);
    // A supervisor closes alone; nothing open is closed twice.
    expect(
      await refusal(t.call('estates:close', { estateId, on: '2026-06-10', note: 'Again' }, supervisor)),
    ).toMatchObject({ code: 'not_allowed' });
  });

  it('refuses an allowance of nothing (a disallowance) and money dated before the filing, changing nothing', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const estateId = await deathOfE1(w);
    filedByRows(w, estateId, '2026-06-05');
    const before = footprint(w);
    expect(
      await refusal(t.call('estates:record', { estateId, event: 'allowed', on: '2026-06-08', allowedCents: 0 }, clerk)),
    ).toMatchObject({ code: 'invalid_input', fields: { allowedCents: expect.any(String) } });
    expect(
      await refusal(
        t.call('estates:payment', { estateId, receivedOn: '2026-06-04', amountCents: 10_000, method: 'check' }, clerk),
      ),
    ).toMatchObject({ code: 'invalid_input', fields: { receivedOn: expect.stringContaining('June 5, 2026') } });
    expect(footprint(w)).toBe(before);
  });

  it('keeps the classes the court holds (no last-illness change after filing) and a death with money posted until it is reversed', async () => {
    w = await estateWorld();
    const { t, clerk, supervisor, acct } = w;
    const estateId = await deathOfE1(w);
    filedByRows(w, estateId, '2026-06-05');
    expect(
      await refusal(
        t.call('estates:lastIllness', { estateId, accounts: [{ accountId: acct('M3'), lastIllness: false }] }, clerk),
      ),
    ).toMatchObject({ code: 'not_allowed' });
    await t.call(
      'estates:payment',
      { estateId, receivedOn: '2026-06-10', amountCents: 10_000, method: 'check' },
      clerk,
    );
    const before = footprint(w);
    expect(
      await refusal(t.call('estates:undoDeath', { guarantorId: w.gid('E1'), reason: 'Wrong person.' }, supervisor)),
    ).toMatchObject({
      code: 'not_allowed',
      message: expect.stringMatching(/has money posted .*reverse those entries on the accounts first/),
    });
    expect(footprint(w)).toBe(before);
  });

  it('closes with the whole Medicare balance split when more is owed than the deductible and coinsurance', async () => {
    w = await estateWorld();
    const { t, supervisor, acct } = w;
    const estateId = await deathOfE1(w);
    // No payment: M1 $3,000.00 and M3 $650.00 written off, M2 $400.00: $340.00 to the listing, $60.00 written off.
    const d = await t.call('estates:close', { estateId, on: '2026-06-10', note: 'No estate was opened' }, supervisor);
    expect(d.accounts.map((a) => [a.accountNumber, a.balanceCents, a.writtenOffCents, a.badDebtCents])).toEqual([
      ['M1', 0, 300_000, 0],
      ['M2', 34_000, 6_000, 34_000],
      ['M3', 0, 65_000, 0],
    ]);
    expect(ledgerSum(w, acct('M2'))).toBe(34_000);
  });
});
