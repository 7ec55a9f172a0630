// ECA-05 (and ECA-04) case by case: the notification period, the 30-day notice, suspension while
// an application is pending, approved assistance, and the estate release.
import { describe, expect, it } from 'vitest';
import { ECA_KINDS, ecaClock, ecaDecision, type EcaClockInput } from '../../../src/shared/rules/ecaClock';

const base: EcaClockInput = { d0: '2026-01-10', finalNoticeDate: '2026-04-20', fapStatus: 'unknown' };

describe('ECA-05: the clock from D0', () => {
  it('computes the notification period, the notice deadline, the application period and the earliest date', () => {
    expect(ecaClock(base)).toMatchObject({
      notificationEnds: '2026-05-10',
      noticeDeadline: '2026-05-20',
      applicationPeriodEnds: '2026-09-07',
      earliestEcaDate: '2026-05-20',
      waitingFor: [],
    });
  });

  it.each([
    // final notice, today, allowed, earliest
    ['2026-04-20', '2026-05-19', false, '2026-05-20'], // the notice deadline is later than D0+120
    ['2026-04-20', '2026-05-20', true, '2026-05-20'],
    ['2026-03-01', '2026-05-09', false, '2026-05-10'], // an early notice: D0+120 decides
    ['2026-03-01', '2026-05-10', true, '2026-05-10'],
    ['2026-06-01', '2026-06-30', false, '2026-07-01'],
    ['2026-06-01', '2026-07-01', true, '2026-07-01'],
  ])('notice %s, on %s: allowed %s, from %s', (notice, today, allowed, from) => {
    const d = ecaDecision('credit_report', { ...base, finalNoticeDate: notice }, today);
    expect(d.allowed).toBe(allowed);
    expect(d.allowedFrom).toBe(from);
    if (!allowed) expect(d.reasons.join(' ')).toMatch(/ECA-05/);
  });

  it('without a statement since discharge, or without the final notice, nothing is allowed and it says why', () => {
    const none = ecaDecision('civil_action', { ...base, d0: null, finalNoticeDate: null }, '2027-01-01');
    expect(none).toMatchObject({ allowed: false, allowedFrom: null });
    expect(none.reasons).toEqual([
      'No statement has gone out since discharge, so the 120-day notification period has not begun (ECA-05).',
      'The 30-day final notice with the plain-language summary has not been sent (ECA-05).',
    ]);
    const noNotice = ecaDecision('civil_action', { ...base, finalNoticeDate: null }, '2027-01-01');
    expect(noNotice.allowed).toBe(false);
    expect(noNotice.allowedFrom).toBeNull();
  });

  it('a pending application suspends every ECA; a decided one lets the clock run again', () => {
    const pending = ecaDecision('wage_garnishment', { ...base, fapStatus: 'pending' }, '2026-08-01');
    expect(pending).toMatchObject({ allowed: false, allowedFrom: null });
    expect(pending.reasons[0]).toMatch(/pending/);
    expect(ecaDecision('wage_garnishment', { ...base, fapStatus: 'denied' }, '2026-08-01').allowed).toBe(true);
    expect(ecaDecision('wage_garnishment', { ...base, fapStatus: 'approved_partial' }, '2026-08-01').allowed).toBe(
      true,
    );
    expect(ecaDecision('wage_garnishment', { ...base, fapStatus: 'approved_full' }, '2026-08-01').allowed).toBe(false);
  });

  it('the application period is reported but never refuses anyone as late', () => {
    const late = ecaDecision('lien', base, '2027-06-01');
    expect(late.allowed).toBe(true);
    expect(late.clock.applicationPeriodEnds).toBe('2026-09-07');
  });

  it('ECA-04: an estate claim waits for the clock like any ECA; a supervisor release answers the clock, nothing else', () => {
    // On time (2026-05-20 is the earliest ECA date) the claim passes without a release.
    expect(ecaDecision('estate_claim', base, '2026-05-20').allowed).toBe(true);
    // Too early: the clock's reasons, and that only a release lets it go first.
    const early = ecaDecision('estate_claim', base, '2026-05-01');
    expect(early).toMatchObject({ allowed: false, allowedFrom: '2026-05-20' });
    expect(early.reasons).toEqual([
      'The 120-day notification period after the first statement (January 10, 2026) runs to May 10, 2026 (ECA-05).',
      'The final notice of April 20, 2026 gave until May 20, 2026 (ECA-05).',
      'A claim against an estate goes before the clock allows only when a supervisor releases it with a reason, as where the probate deadline comes first (ECA-04).',
    ]);
    // Released (the probate deadline falls first): allowed now, even with no statement ever sent.
    expect(ecaDecision('estate_claim', { ...base, estateReleased: true }, '2026-05-01')).toMatchObject({
      allowed: true,
      allowedFrom: '2026-05-01',
      reasons: [],
    });
    expect(
      ecaDecision('estate_claim', { ...base, d0: null, finalNoticeDate: null, estateReleased: true }, '2026-03-01')
        .allowed,
    ).toBe(true);
    // A release never answers an application, a hold or a refund owed.
    const pending = ecaDecision('estate_claim', { ...base, estateReleased: true, fapStatus: 'pending' }, '2026-05-01');
    expect(pending.allowed).toBe(false);
    expect(
      ecaDecision('estate_claim', { ...base, estateReleased: true, holds: ['dispute'] }, '2026-06-01').allowed,
    ).toBe(false);
    expect(
      ecaDecision('estate_claim', { ...base, estateReleased: true, refundOwedCents: 500 }, '2026-06-01').allowed,
    ).toBe(false);
    // The release is for an estate claim alone.
    expect(ecaDecision('civil_action', { ...base, estateReleased: true }, '2026-05-01').allowed).toBe(false);
  });

  it.each([
    ['a dispute on the account', ['dispute'], 'civil_action', false],
    ['a bankruptcy (the stay)', ['bankruptcy'], 'wage_garnishment', false],
    ['a current plan', ['plan_current'], 'credit_report', false],
    ['a death: the estate claim may go ahead', ['deceased', 'estate_claim'], 'estate_claim', true],
    ['a death: no other action', ['deceased'], 'civil_action', false],
    ['a pending-application hold placed by hand', ['fap_pending'], 'lien', false],
  ] as const)('a hold stops collection actions: %s', (_label, holds, kind, allowed) => {
    const d = ecaDecision(kind, { ...base, estateReleased: true, holds: [...holds] }, '2026-06-01');
    expect(d.allowed).toBe(allowed);
    if (!allowed) {
      expect(d.allowedFrom).toBeNull();
      expect(d.reasons.join(' ')).toMatch(/on hold .*no collection action while a hold stands/);
    }
  });

  it.each(ECA_KINDS)('%s: refused too early, allowed on time (no release)', (kind) => {
    const input = { ...base };
    expect(ecaDecision(kind, input, '2026-05-19').allowed).toBe(false);
    expect(ecaDecision(kind, input, '2026-05-20').allowed).toBe(true);
  });
});
