// A case from its opening to its end through the channels (issue 13; rules §3; ECA-01..05): opened
// from a check that passes, filed only when the 501(r) gate allows it (the register has every
// attempt, the refused one too), held from statements while it runs, served, heard, continued,
// closed. Each refusal names its field or its reason and changes nothing (but the register).
import { afterEach, describe, expect, it } from 'vitest';
import { courtWorld, COURT_TODAY, GATE_OPENS, type CourtWorld } from './fixtures';
import {
  activeLitigationHolds,
  caCourtId,
  demandRecorded,
  footprint,
  LA_COURT,
  openG1,
  refusal,
  register,
} from './caseSupport';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

describe('opening a case', () => {
  it('opens G1’s case from a check that may be prepared, keeping the check’s lines and logging it', async () => {
    w = await courtWorld();
    const { t, clerk, gid, acct } = w;
    const caseId = await openG1(w);
    const c = await t.call('smallClaims:case', { caseId }, clerk);
    expect(c).toMatchObject({
      status: 'open',
      state: 'CA',
      claimCents: 195_000,
      balanceCents: 195_000,
      balanceAtOpenCents: 195_000,
      waivedCents: 0,
      courtName: LA_COURT.courtName,
      county: 'Los Angeles',
      openedOn: COURT_TODAY,
      caseNumber: null,
      judgmentOwedCents: 0,
      recoveredCents: 0,
    });
    expect(c.court.entityLimitCents).toBe(625_000);
    expect(c.accounts.map((a) => [a.accountNumber, a.openedBalanceCents, a.balanceCents])).toEqual([
      ['C1', 150_000, 150_000],
      ['C2', 45_000, 45_000],
    ]);
    expect(c.next).toMatch(/^Send the demand letter/);
    expect(c.events).toHaveLength(1);
    expect(c.events[0]!.text).toContain('claim $1,950.00');
    const opened = JSON.parse(
      t.app.store.db.prepare("SELECT detail FROM court_case_events WHERE kind = 'opened'").pluck().get() as string,
    ) as { lines: { key: string; state: string }[] };
    expect(opened.lines.find((l) => l.key === 'gate')?.state).toBe('wait');
    const activity = t.app.store.db
      .prepare('SELECT note FROM activities WHERE guarantor_id = ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(gid('G1')) as string;
    expect(activity).toContain(`Small-claims case #${caseId} opened`);
    expect((await t.call('smallClaims:ofGuarantor', { guarantorId: gid('G1') }, clerk)).map((s) => s.caseId)).toEqual([
      caseId,
    ]);
    // The same accounts cannot be in two open cases.
    const again = await refusal(openG1(w));
    expect(again.code).toBe('not_allowed');
    expect(again.message).toContain('Already in an open small-claims case (C1, C2)');
    void acct;
  });

  it('refuses what the check refuses, and a court of another state, changing nothing', async () => {
    w = await courtWorld();
    const { t, clerk, gid, acct } = w;
    const before = footprint(w);
    // G2 owes $7,000.00, over California's $6,250.00 entity limit, and waives nothing.
    const over = await refusal(
      t.call(
        'smallClaims:open',
        { guarantorId: gid('G2'), accountIds: [acct('C3')], courtId: caCourtId(w), basis: 'open_account', ...LA_COURT },
        clerk,
      ),
    );
    expect(over.code).toBe('not_allowed');
    expect(over.message).toContain('$7,000.00 is over the Small claims court limit of $6,250.00');
    // G3 (New York) is past CPLR 213-d's three years from treatment.
    const nyCourt = t.app.store.db
      .prepare("SELECT id FROM court_limits WHERE state = 'NY' ORDER BY entity_limit_cents DESC")
      .pluck()
      .get() as number;
    const late = await refusal(
      t.call(
        'smallClaims:open',
        { guarantorId: gid('G3'), accountIds: [acct('N1')], courtId: nyCourt, basis: 'written', ...LA_COURT },
        clerk,
      ),
    );
    expect(late.message).toContain('Too late for N1');
    expect(late.message).toContain('November 30, 2025');
    // A New York court for a California defendant.
    const wrongState = await refusal(
      t.call(
        'smallClaims:open',
        { guarantorId: gid('G1'), accountIds: [acct('C1')], courtId: nyCourt, basis: 'open_account', ...LA_COURT },
        clerk,
      ),
    );
    expect(wrongState.fields).toEqual({ courtId: 'Choose a court in CA.' });
    // Another guarantor's account.
    const notTheirs = await refusal(
      t.call(
        'smallClaims:open',
        { guarantorId: gid('G1'), accountIds: [acct('C3')], courtId: caCourtId(w), basis: 'open_account', ...LA_COURT },
        clerk,
      ),
    );
    expect(Object.keys(notTheirs.fields ?? {})).toEqual(['accountIds']);
    // A waiver needs its reason; the county is required.
    const noReason = await refusal(
      t.call(
        'smallClaims:open',
        {
          guarantorId: gid('G2'),
          accountIds: [acct('C3')],
          courtId: caCourtId(w),
          basis: 'open_account',
          ...LA_COURT,
          waiveExcess: true,
        },
        clerk,
      ),
    );
    expect(noReason.fields).toEqual({ waiverNote: 'Say why the excess over the limit is waived.' });
    const noCounty = await refusal(
      t.call(
        'smallClaims:open',
        {
          guarantorId: gid('G1'),
          accountIds: [acct('C1')],
          courtId: caCourtId(w),
          basis: 'open_account',
          ...LA_COURT,
          county: ' ',
        },
        clerk,
      ),
    );
    expect(Object.keys(noCounty.fields ?? {})).toEqual(['county']);
    expect(footprint(w)).toBe(before);
  });

  it('sues for the limit when the excess is waived, and says so', async () => {
    w = await courtWorld();
    const { t, clerk, gid, acct } = w;
    const { caseId } = await t.call(
      'smallClaims:open',
      {
        guarantorId: gid('G2'),
        accountIds: [acct('C3')],
        courtId: caCourtId(w),
        basis: 'written',
        ...LA_COURT,
        waiveExcess: true,
        waiverNote: 'Small claims is cheaper than a civil suit for $750.00 more.',
      },
      clerk,
    );
    const c = await t.call('smallClaims:case', { caseId }, clerk);
    expect(c).toMatchObject({ balanceAtOpenCents: 700_000, claimCents: 625_000, waivedCents: 75_000 });
    expect(c.waiverNote).toBe('Small claims is cheaper than a civil suit for $750.00 more.');
    expect(c.events[0]!.text).toContain('the excess of $750.00 over the limit waived');
  });
});

describe('filing: the 501(r) gate at the filing date', () => {
  it('refuses a filing on 2026-06-01 (in the register) and files on 2026-06-02 with a hold on each account', async () => {
    w = await courtWorld();
    const { t, clerk, acct, gid } = w;
    const caseId = await openG1(w);
    // The demand letter's date already passed: only the gate stands in the way on 2026-06-01.
    demandRecorded(w, caseId, COURT_TODAY, '2026-05-30');
    t.clock.setToday('2026-06-01');
    const before = footprint(w);
    const early = await refusal(
      t.call(
        'smallClaims:record',
        { event: 'filed', caseId, on: '2026-06-01', caseNumber: '26SMCV00412', filingFeeCents: 7_500 },
        clerk,
      ),
    );
    expect(early.code).toBe('not_allowed');
    expect(early.message).toContain('not allowed yet for account C1');
    expect(early.message).toContain('It is allowed from June 2, 2026.');
    expect(footprint(w)).toBe(before);
    // The register keeps the refused attempt (the first account's; the filing stopped there).
    expect(register(w, acct('C1'))).toEqual([
      { kind: 'civil_action', attempted_on: '2026-06-01', allowed: 0, allowed_from: GATE_OPENS },
    ]);
    expect((await t.call('smallClaims:case', { caseId }, clerk)).status).toBe('demand_sent');
    // The refusal's audit event names the case, the guarantor and the accounts.
    const event = t.app.store.db
      .prepare(
        "SELECT records, outcome, detail FROM audit_events WHERE channel = 'smallClaims:record' ORDER BY id DESC LIMIT 1",
      )
      .get() as { records: string; outcome: string; detail: string | null };
    expect(event.outcome).toBe('not_allowed');
    expect(JSON.parse(event.records)).toEqual([
      `courtCase:${caseId}`,
      `guarantor:${gid('G1')}`,
      `account:${acct('C1')}`,
      `account:${acct('C2')}`,
    ]);

    t.clock.setToday(GATE_OPENS);
    const filed = await t.call(
      'smallClaims:record',
      { event: 'filed', caseId, on: GATE_OPENS, caseNumber: '26SMCV00412', filingFeeCents: 7_500 },
      clerk,
    );
    expect(filed).toMatchObject({
      status: 'filed',
      filedOn: GATE_OPENS,
      caseNumber: '26SMCV00412',
      filingFeeCents: 7_500,
      claimCents: 195_000,
    });
    expect(filed.next).toContain('Record the hearing date');
    expect(filed.next).toContain('served by July 2, 2026');
    for (const a of ['C1', 'C2'])
      expect(register(w, acct(a)).at(-1)).toEqual({
        kind: 'civil_action',
        attempted_on: GATE_OPENS,
        allowed: 1,
        allowed_from: GATE_OPENS,
      });
    expect(activeLitigationHolds(w, gid('G1'))).toEqual([
      { account_id: acct('C1'), note: `Small-claims case #${caseId} (26SMCV00412)` },
      { account_id: acct('C2'), note: `Small-claims case #${caseId} (26SMCV00412)` },
    ]);
    const holds = await t.call('holds:list', { guarantorId: gid('G1') }, clerk);
    const litigation = holds.filter((h) => h.reason === 'in_litigation' && h.active);
    expect(litigation).toHaveLength(2);
    // The case owns its holds: they end with the case, never by hand from the holds list.
    expect(
      (await refusal(t.call('holds:release', { holdId: litigation[0]!.id!, note: 'Statements again' }, clerk))).message,
    ).toBe(
      `This hold belongs to small-claims case #${caseId}: it ends when the case is closed (satisfied, dismissed or withdrawn) or lost.`,
    );
    expect(activeLitigationHolds(w, gid('G1'))).toHaveLength(2);
  });

  it('a filing refused on one account records no “allowed” on the others: the register shows only steps taken', async () => {
    w = await courtWorld();
    const { t, clerk, acct } = w;
    const caseId = await openG1(w);
    demandRecorded(w, caseId, COURT_TODAY, '2026-06-01');
    // C2's final notice moved to 2026-05-25: its 30 days run to 2026-06-24; C1's gate is open.
    t.app.store.db.prepare("UPDATE accounts SET final_notice_date = '2026-05-25' WHERE account_number = 'C2'").run();
    t.clock.setToday('2026-06-05');
    const r = await refusal(
      t.call(
        'smallClaims:record',
        { event: 'filed', caseId, on: '2026-06-05', caseNumber: '26SMCV00999', filingFeeCents: 0 },
        clerk,
      ),
    );
    expect(r.message).toContain('not allowed yet for account C2');
    expect(register(w, acct('C1'))).toEqual([]);
    expect(register(w, acct('C2'))).toEqual([
      { kind: 'civil_action', attempted_on: '2026-06-05', allowed: 0, allowed_from: '2026-06-24' },
    ]);
    expect((await t.call('smallClaims:case', { caseId }, clerk)).status).toBe('demand_sent');
  });

  it('refuses a filing before the demand letter, before its date, after today, or for a case filed already', async () => {
    w = await courtWorld();
    const { t, clerk, acct } = w;
    const caseId = await openG1(w);
    t.clock.setToday('2026-06-10');
    const file = (on: string) =>
      t.call('smallClaims:record', { event: 'filed', caseId, on, caseNumber: 'SC-1', filingFeeCents: 7_500 }, clerk);
    const before = footprint(w);
    const noDemand = await refusal(file('2026-06-10'));
    expect(noDemand.message).toBe(
      `A claim is filed only when the case is demand sent; Small-claims case #${caseId} is opened.`,
    );
    demandRecorded(w, caseId, '2026-05-25', '2026-06-08');
    const beforeDate = await refusal(file('2026-06-07'));
    expect(beforeDate.fields?.on).toContain('file on June 9, 2026 or later');
    // "After June 8": not on June 8 itself.
    expect((await refusal(file('2026-06-08'))).fields?.on).toBe(
      'The demand letter told the guarantor the hospital would file after June 8, 2026: file on June 9, 2026 or later.',
    );
    const future = await refusal(file('2026-06-11'));
    expect(future.fields?.on).toBe('A filing cannot be dated after the business date, 06/10/2026.');
    const noNumber = await refusal(
      t.call(
        'smallClaims:record',
        { event: 'filed', caseId, on: '2026-06-10', caseNumber: '', filingFeeCents: 7_500 },
        clerk,
      ),
    );
    expect(Object.keys(noNumber.fields ?? {})).toEqual(['caseNumber']);
    // None of these reached the gate.
    expect(register(w, acct('C1'))).toEqual([]);
    await file('2026-06-09');
    const twice = await refusal(file('2026-06-10'));
    expect(twice.code).toBe('not_allowed');
    void before;
  });

  it('lowers the claim to what is owed when a payment came in after the opening', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const caseId = await openG1(w);
    await t.call(
      'payments:post',
      { guarantorId: gid('G1'), method: 'check', reference: '1001', amountCents: 20_000, effectiveDate: COURT_TODAY },
      clerk,
    );
    demandRecorded(w, caseId, COURT_TODAY, '2026-06-01');
    t.clock.setToday(GATE_OPENS);
    const filed = await t.call(
      'smallClaims:record',
      { event: 'filed', caseId, on: GATE_OPENS, caseNumber: 'SC-2', filingFeeCents: 0 },
      clerk,
    );
    expect(filed.claimCents).toBe(175_000);
    expect(filed.balanceCents).toBe(175_000);
    expect(filed.events.at(-1)!.text).toContain('lowered from $1,950.00');
  });
});

async function filedG1(world: CourtWorld): Promise<number> {
  const caseId = await openG1(world);
  demandRecorded(world, caseId, COURT_TODAY, '2026-06-01');
  world.t.clock.setToday(GATE_OPENS);
  await world.t.call(
    'smallClaims:record',
    { event: 'filed', caseId, on: GATE_OPENS, caseNumber: '26SMCV00412', filingFeeCents: 7_500 },
    world.clerk,
  );
  return caseId;
}

describe('service, hearing, continuance, notes', () => {
  it('records each with its own checks, and the continuance keeps the old hearing', async () => {
    w = await courtWorld();
    const { t, clerk } = w;
    const caseId = await filedG1(w);
    t.clock.setToday('2026-06-05');
    const rec = (input: Parameters<typeof t.call<'smallClaims:record'>>[1]) =>
      t.call('smallClaims:record', input, clerk);
    const noHearing = await refusal(
      rec({ event: 'continued', caseId, on: '2026-07-10', time: '9:00 AM', place: 'Dept. 77', reason: 'Court closed' }),
    );
    expect(noHearing.message).toContain('No hearing is set yet');
    const earlyService = await refusal(
      rec({ event: 'served', caseId, on: '2026-06-01', method: 'personal', serviceFeeCents: 4_000 }),
    );
    expect(earlyService.fields?.on).toContain('June 2, 2026 or later');
    const badTime = await refusal(
      rec({ event: 'hearing', caseId, on: '2026-07-01', time: '25:00', place: 'Dept. 77' }),
    );
    expect(badTime.fields).toEqual({ time: 'Give the time like 9:00 AM.' });
    let c = await rec({ event: 'hearing', caseId, on: '2026-07-01', time: '8:30 AM', place: 'Dept. 77, Room 735' });
    expect(c).toMatchObject({ hearingOn: '2026-07-01', hearingTime: '8:30 AM', hearingPlace: 'Dept. 77, Room 735' });
    expect(c.next).toContain('served by June 16, 2026');
    const twice = await refusal(rec({ event: 'hearing', caseId, on: '2026-07-02', time: '', place: 'Dept. 77' }));
    expect(twice.message).toContain('record a continuance to move it');
    c = await rec({ event: 'served', caseId, on: '2026-06-05', method: 'process_server', serviceFeeCents: 4_000 });
    expect(c).toMatchObject({
      status: 'served',
      servedOn: '2026-06-05',
      serviceMethod: 'process_server',
      serviceFeeCents: 4_000,
    });
    c = await rec({
      event: 'continued',
      caseId,
      on: '2026-07-15',
      time: '1:30 PM',
      place: 'Dept. 77, Room 735',
      reason: 'The defendant asked for time to hire an interpreter.',
    });
    expect(c.hearingOn).toBe('2026-07-15');
    expect(c.events.at(-1)!.text).toBe(
      'Hearing of July 1, 2026 at 8:30 AM, Dept. 77, Room 735 continued to July 15, 2026 at 1:30 PM, Dept. 77, Room 735: The defendant asked for time to hire an interpreter.',
    );
    c = await rec({ event: 'note', caseId, on: '2026-06-05', note: 'Called the court clerk about an interpreter.' });
    expect(c.events.at(-1)!.text).toBe('Called the court clerk about an interpreter.');
    expect(c.next).toContain('Go to the hearing on July 15, 2026 at 1:30 PM');
    const noNote = await refusal(rec({ event: 'note', caseId, on: '2026-06-05', note: '' }));
    expect(Object.keys(noNote.fields ?? {})).toEqual(['note']);
  });
});

describe('closing', () => {
  it('withdraws before filing; dismisses after, releasing the litigation holds', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const first = await openG1(w);
    const dismissEarly = await refusal(
      t.call(
        'smallClaims:record',
        { event: 'closed', caseId: first, on: COURT_TODAY, outcome: 'dismissed', note: '' },
        clerk,
      ),
    );
    expect(dismissEarly.message).toContain('A case is dismissed only when the case is filed or served or judgment');
    const satisfiedEarly = await refusal(
      t.call(
        'smallClaims:record',
        { event: 'closed', caseId: first, on: COURT_TODAY, outcome: 'satisfied', note: '' },
        clerk,
      ),
    );
    expect(satisfiedEarly.code).toBe('not_allowed');
    const withdrawn = await t.call(
      'smallClaims:record',
      { event: 'closed', caseId: first, on: COURT_TODAY, outcome: 'withdrawn', note: 'Set up a plan instead.' },
      clerk,
    );
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      closedOn: COURT_TODAY,
      closeNote: 'Set up a plan instead.',
    });
    expect(withdrawn.next).toBe('Nothing: the case is closed (withdrawn before filing on May 20, 2026).');

    const caseId = await filedG1(w);
    expect(activeLitigationHolds(w, gid('G1'))).toHaveLength(2);
    const withdrawLate = await refusal(
      t.call('smallClaims:record', { event: 'closed', caseId, on: GATE_OPENS, outcome: 'withdrawn', note: '' }, clerk),
    );
    expect(withdrawLate.message).toContain('A case is withdrawn only when the case is opened or demand sent');
    const dismissed = await t.call(
      'smallClaims:record',
      { event: 'closed', caseId, on: GATE_OPENS, outcome: 'dismissed', note: 'Filed in the wrong venue.' },
      clerk,
    );
    expect(dismissed.status).toBe('dismissed');
    expect(activeLitigationHolds(w, gid('G1'))).toEqual([]);
    expect(
      t.app.store.db
        .prepare('SELECT count(*) FROM court_case_accounts WHERE case_id = ? AND hold_id IS NOT NULL')
        .pluck()
        .get(caseId),
    ).toBe(0);
  });
});

describe('the next step, and a guarantor who moved', () => {
  it('says to withdraw when nothing is owed any more, and to record the judgment once the hearing has passed', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const caseId = await openG1(w);
    await t.call(
      'payments:post',
      { guarantorId: gid('G1'), method: 'card', reference: '', amountCents: 195_000, effectiveDate: COURT_TODAY },
      clerk,
    );
    expect((await t.call('smallClaims:case', { caseId }, clerk)).next).toBe(
      'Nothing is owed on the case’s accounts any more: withdraw the case.',
    );

    const w2 = await courtWorld();
    try {
      const other = await openG1(w2);
      demandRecorded(w2, other, COURT_TODAY, '2026-06-01');
      w2.t.clock.setToday(GATE_OPENS);
      await w2.t.call(
        'smallClaims:record',
        { event: 'filed', caseId: other, on: GATE_OPENS, caseNumber: 'SC-5', filingFeeCents: 0 },
        w2.clerk,
      );
      await w2.t.call(
        'smallClaims:record',
        { event: 'hearing', caseId: other, on: '2026-06-20', time: '', place: 'Dept. 77' },
        w2.clerk,
      );
      w2.t.clock.setToday('2026-06-21');
      expect((await w2.t.call('smallClaims:case', { caseId: other }, w2.clerk)).next).toBe(
        'The hearing was on June 20, 2026: record the judgment, or a continuance if the hearing was moved.',
      );
    } finally {
      w2.t.cleanup();
    }
  });

  it('a guarantor who moved away: the case still reads, and it cannot be filed in the old venue', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const caseId = await openG1(w);
    demandRecorded(w, caseId, COURT_TODAY, '2026-06-01');
    t.app.store.db.prepare("UPDATE guarantors SET state = 'TX' WHERE id = ?").run(gid('G1'));
    t.clock.setToday(GATE_OPENS);
    const c = await t.call('smallClaims:case', { caseId }, clerk);
    expect(c.state).toBe('TX');
    expect(c.court.state).toBe('CA');
    const refused = await refusal(
      t.call(
        'smallClaims:record',
        { event: 'filed', caseId, on: GATE_OPENS, caseNumber: 'SC-6', filingFeeCents: 0 },
        clerk,
      ),
    );
    expect(refused.message).toBe(
      'The guarantor now lives in TX, not in CA where the case was opened: withdraw this case and open one in the right venue.',
    );
  });
});
