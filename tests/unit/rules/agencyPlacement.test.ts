// The placement rule (issue 12 item 2; BD-06, ECA-03/05, ST-03), case by case with dates by hand,
// and the split of a batch among agencies.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AGENCY_POLICY,
  placementExclusions,
  recallDueOn,
  splitByWeight,
  type PlacementFacts,
} from '../../../src/shared/rules/agencyPlacement';

const TODAY = '2026-12-01';
// D0 2026-06-01: the 120 days end 2026-09-29. Final notice 2026-09-01: its 30 days end 2026-10-01.
const READY: PlacementFacts = {
  balanceCents: 10_000,
  firstStatementDate: '2026-06-01',
  finalNoticeDate: '2026-09-01',
  holds: [],
  onActivePlan: false,
  fapPending: false,
  deceased: false,
  bankruptcy: false,
  refundOwed: false,
  placedNow: false,
};
const check = (f: Partial<PlacementFacts>, today = TODAY) => placementExclusions({ ...READY, ...f }, today);

describe('placementExclusions', () => {
  it.each<[string, Partial<PlacementFacts>, string, string[]]>([
    ['ready', {}, TODAY, []],
    ['no final notice', { finalNoticeDate: null }, TODAY, ['no_final_notice']],
    ['final notice dated after today', { finalNoticeDate: '2026-12-02' }, TODAY, ['no_final_notice']],
    // 2026-11-02 + 30 = 2026-12-02: on 2026-12-01 one day short; on 2026-12-02 ready.
    ['final notice 29 days ago', { finalNoticeDate: '2026-11-02' }, TODAY, ['final_notice_recent']],
    ['final notice exactly 30 days ago', { finalNoticeDate: '2026-11-02' }, '2026-12-02', []],
    // D0 2026-08-04 + 120 = 2026-12-02.
    ['119 days after the first statement', { firstStatementDate: '2026-08-04' }, TODAY, ['notification_period']],
    ['120 days after the first statement', { firstStatementDate: '2026-08-04' }, '2026-12-02', []],
    ['no first statement', { firstStatementDate: null }, TODAY, ['notification_period']],
    ['one cent under the minimum', { balanceCents: 4_999 }, TODAY, ['below_threshold']],
    ['at the minimum', { balanceCents: 5_000 }, TODAY, []],
    ['disputed', { holds: ['dispute'] }, TODAY, ['hold']],
    ['in litigation', { holds: ['in_litigation'] }, TODAY, ['hold']],
    ['estate claim', { holds: ['estate_claim'] }, TODAY, ['hold']],
    // Skip tracing is an agency's work: returned mail does not stop a placement.
    ['mail returned', { holds: ['returned_mail'] }, TODAY, []],
    ['on an active plan', { onActivePlan: true }, TODAY, ['current_plan']],
    ['assistance pending', { fapPending: true }, TODAY, ['assistance_pending']],
    ['deceased', { deceased: true }, TODAY, ['deceased']],
    ['bankrupt', { bankruptcy: true }, TODAY, ['bankruptcy']],
    ['refund owed', { refundOwed: true }, TODAY, ['refund_owed']],
    ['already placed', { placedNow: true }, TODAY, ['already_placed']],
    // A hold placed by hand counts under its own reason (the guarantor's flag not yet in the extract).
    ['bankruptcy hold placed by hand', { holds: ['bankruptcy'] }, TODAY, ['bankruptcy']],
    ['death hold placed by hand', { holds: ['deceased'] }, TODAY, ['deceased']],
    ['application hold placed by hand', { holds: ['fap_pending'] }, TODAY, ['assistance_pending']],
    ['plan hold placed by hand', { holds: ['plan_current'] }, TODAY, ['current_plan']],
    ['the placement’s own hold', { holds: ['placed_with_agency'] }, TODAY, []],
    ['not licensed where the guarantor lives', { licensed: false }, TODAY, ['not_licensed']],
    ['licensed', { licensed: true }, TODAY, []],
    [
      'several at once',
      { balanceCents: 100, deceased: true, finalNoticeDate: null },
      TODAY,
      ['no_final_notice', 'below_threshold', 'deceased'],
    ],
  ])('%s', (_name, facts, today, expected) => {
    expect(check(facts, today)).toEqual(expected);
  });

  it('BD-06: one minimum for every payer class (the payer is not an input of the rule)', () => {
    // The facts carry no payer class at all; a configured minimum applies to every account alike.
    const policy = { ...DEFAULT_AGENCY_POLICY, minimumBalanceCents: 25_000 };
    expect(placementExclusions({ ...READY, balanceCents: 24_999 }, TODAY, policy)).toEqual(['below_threshold']);
    expect(placementExclusions({ ...READY, balanceCents: 25_000 }, TODAY, policy)).toEqual([]);
  });
});

describe('splitByWeight', () => {
  it.each<[number, number[], number[]]>([
    [5, [60, 30], [3, 2]], // 3.33 / 1.67: the remainder to the larger fraction
    [10, [50, 50], [5, 5]],
    [3, [1, 1, 1], [1, 1, 1]],
    [2, [1, 1, 1], [1, 1, 0]], // ties to the earlier agency
    [7, [0, 100], [0, 7]],
    [4, [0, 0], [0, 0]],
    [0, [50, 50], [0, 0]],
  ])('%i accounts by %j', (count, weights, expected) => {
    const out = splitByWeight(count, weights);
    expect(out).toEqual(expected);
  });
});

describe('recallDueOn', () => {
  it.each<[string, string | null, number, string]>([
    ['2026-12-01', null, 180, '2027-05-30'],
    ['2026-12-01', '2027-01-15', 90, '2027-04-15'],
    // A payment from before the placement does not move the day.
    ['2026-12-01', '2026-11-20', 90, '2027-03-01'],
    ['2028-01-31', null, 30, '2028-03-01'], // leap year: Feb has 29 days
  ])('placed %s, last paid %s, %i days -> %s', (placed, paid, days, due) => {
    expect(recallDueOn(placed, paid, days)).toBe(due);
  });
});
