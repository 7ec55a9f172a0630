// What a case puts in the work queue (caseReminder through the court_case source): ready to file
// once the demand letter's date has come, serve by, the hearing within a week and tomorrow, a
// judgment unpaid after the follow-up days; scored with the queue's formula by hand, the clerk who
// opened the case's item.
import { afterEach, describe, expect, it } from 'vitest';
import { courtWorld, COURT_TODAY, GATE_OPENS, type CourtWorld } from './fixtures';
import { demandRecorded, openG1 } from './caseSupport';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

async function courtItems(world: CourtWorld, on: string) {
  world.t.clock.setToday(on);
  const q = await world.t.call('queue:list', { kind: 'court_case', assignee: 'me' }, world.clerk);
  return q.items.map((i) => ({
    key: i.key,
    summary: i.summary,
    amountCents: i.amountCents,
    date: i.date,
    score: i.score,
    assignee: i.assignee,
  }));
}

describe('the court_case queue items', () => {
  it('follows the case from the demand letter to an unpaid judgment', async () => {
    w = await courtWorld();
    const { t, clerk } = w;
    const caseId = await openG1(w);
    expect(await courtItems(w, COURT_TODAY)).toEqual([]);
    demandRecorded(w, caseId, COURT_TODAY, GATE_OPENS);
    expect(await courtItems(w, '2026-06-01')).toEqual([]);
    // log10(1 + 1,950) × 2 = 6.58
    expect(await courtItems(w, GATE_OPENS)).toEqual([
      {
        key: `courtCase:${caseId}:ready_to_file:2026-06-02`,
        summary: `Small-claims case #${caseId}: The demand letter’s date (June 2, 2026) has passed: file or close the case.`,
        amountCents: 195_000,
        date: '2026-06-02',
        score: 6.58,
        assignee: 'Test clerk',
      },
    ]);
    await t.call(
      'smallClaims:record',
      { event: 'filed', caseId, on: GATE_OPENS, caseNumber: 'SC-9', filingFeeCents: 0 },
      clerk,
    );
    // No hearing yet: serve within 30 days of filing (by 2026-07-02), shown from a week before.
    expect(await courtItems(w, '2026-06-24')).toEqual([]);
    expect(await courtItems(w, '2026-06-25')).toEqual([
      expect.objectContaining({ key: `courtCase:${caseId}:serve_by:2026-07-02`, date: '2026-07-02', score: 8.23 }),
    ]);
    // The day has come: urgency 3.5 → log10(1,951) × 3.5 = 11.52.
    expect((await courtItems(w, '2026-07-02'))[0]).toMatchObject({ score: 11.52 });
    // A hearing on 2026-07-20: serve 15 days before (by 2026-07-05).
    t.clock.setToday('2026-07-02');
    await t.call(
      'smallClaims:record',
      { event: 'hearing', caseId, on: '2026-07-20', time: '9:00 AM', place: 'Dept. 77' },
      clerk,
    );
    expect((await courtItems(w, '2026-07-02'))[0]).toMatchObject({
      key: `courtCase:${caseId}:serve_by:2026-07-05`,
      summary: `Small-claims case #${caseId} (SC-9): Serve the defendant by July 5, 2026 and record how and when.`,
      score: 8.23,
    });
    await t.call(
      'smallClaims:record',
      { event: 'served', caseId, on: '2026-07-02', method: 'personal', serviceFeeCents: 4_000 },
      clerk,
    );
    expect(await courtItems(w, '2026-07-12')).toEqual([]);
    // Within a week of the hearing: urgency 3 → 9.87; the day before: 4 → 13.16.
    expect(await courtItems(w, '2026-07-13')).toEqual([
      expect.objectContaining({ key: `courtCase:${caseId}:hearing_week:2026-07-20`, score: 9.87 }),
    ]);
    expect(await courtItems(w, '2026-07-19')).toEqual([
      expect.objectContaining({
        key: `courtCase:${caseId}:hearing_tomorrow:2026-07-20`,
        summary: `Small-claims case #${caseId} (SC-9): Hearing tomorrow: bring the court packet, the testimony sheet and the original records.`,
        score: 13.16,
      }),
    ]);
    t.clock.setToday('2026-07-20');
    await t.call(
      'smallClaims:record',
      {
        event: 'judgment',
        caseId,
        on: '2026-07-20',
        outcome: 'plaintiff',
        amountCents: 180_000,
        costsCents: 7_500,
        interestRateBp: 1000,
      },
      clerk,
    );
    // Unpaid 30 days after judgment ($1,875.00 owed): log10(1,876) × 2 = 6.55.
    expect(await courtItems(w, '2026-08-18')).toEqual([]);
    expect(await courtItems(w, '2026-08-19')).toEqual([
      expect.objectContaining({
        key: `courtCase:${caseId}:judgment_unpaid:2026-08-19`,
        amountCents: 187_500,
        score: 6.55,
      }),
    ]);
    const detail = await t.call('smallClaims:case', { caseId }, clerk);
    expect(detail.reminder).toMatchObject({ kind: 'judgment_unpaid', date: '2026-08-19' });
    // Paid: nothing more in the queue.
    await t.call(
      'smallClaims:payment',
      { caseId, receivedOn: '2026-08-19', amountCents: 187_500, method: 'check', reference: '' },
      clerk,
    );
    expect(await courtItems(w, '2026-08-19')).toEqual([]);
  });
});

describe('the litigation hold and the rest of the queue', () => {
  it('the accounts’ own collection items leave the queue once the claim is filed', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const caseId = await openG1(w);
    demandRecorded(w, caseId, COURT_TODAY, GATE_OPENS);
    t.clock.setToday('2026-06-03');
    const g1Kinds = async () =>
      (await t.call('queue:list', { assignee: 'all' }, clerk)).items
        .filter((i) => i.guarantorId === gid('G1'))
        .map((i) => i.kind)
        .sort();
    expect(await g1Kinds()).toEqual(['court_case', 'final_notice_passed']);
    await t.call(
      'smallClaims:record',
      { event: 'filed', caseId, on: '2026-06-03', caseNumber: 'SC-7', filingFeeCents: 0 },
      clerk,
    );
    expect(await g1Kinds()).toEqual([]);
  });
});
