// Issue 17, semantics 9: the obstetrics work-queue items, each coming in on its day and going when
// the work is done; and (EMTALA, PP-04 note; ECA-02) no item ever speaks of care, admission, delay
// or the like: they are requests about money only. Dates by hand from deliveryWorld.ts (a case made
// 2026-10-01, expected 2027-02-15, $1,000.00 due 2026-11-01, 2026-12-01 and 2027-01-01).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markCancelled } from '../../../src/main/capabilities/obstetrics/caseRows';
import { currentVersion } from '../../../src/main/capabilities/obstetrics/reads';
import { markRefunded } from '../../../src/main/capabilities/obstetrics/depositRows';
import { obstetricsQueueSource } from '../../../src/main/capabilities/obstetrics/queueSource';
import { markSigned } from '../../../src/main/capabilities/obstetrics/caseRows';
import type { QueueCandidate } from '../../../src/main/platform/capability';
import { deliveryWorld, remittance, type DeliveryWorld } from './deliveryWorld';

let w: DeliveryWorld;
const seen: QueueCandidate[] = [];
beforeEach(async () => {
  w = await deliveryWorld();
});
afterEach(() => w.t.cleanup());

function items(today: string): QueueCandidate[] {
  w.t.clock.setToday(today);
  const list = obstetricsQueueSource.items(w.t.app.store.db, today, (k) => k === 'obstetrics');
  seen.push(...list);
  return list;
}
const keys = (today: string) => items(today).map((i) => i.key);

describe('the obstetrics queue source (semantics 9)', () => {
  it('is registered, and gives nothing when its kind is not wanted', () => {
    expect(w.t.app.extensions.queueSources).toContain(obstetricsQueueSource);
    w.openCase('G1', { signed: false });
    expect(obstetricsQueueSource.items(w.t.app.store.db, '2027-03-01', () => false)).toEqual([]);
  });

  it('an agreement unsigned 7 days after the interview; gone once signed', () => {
    const caseId = w.openCase('G1', { signed: false });
    expect(keys('2026-10-07')).toEqual([]);
    const [i] = items('2026-10-08');
    expect(i).toMatchObject({
      key: `obstetrics:signature:${caseId}`,
      kind: 'obstetrics',
      guarantorId: w.g('G1'),
      amountCents: 300_000,
      date: '2026-10-01',
      summary: `OB-${caseId} has waited 7 days for her signed agreement (interview 10/01/2026): give her the printed agreement to sign and record it.`,
    });
    markSigned(w.t.app.store.db, caseId, '2026-10-08', currentVersion(w.t.app.store.db, caseId).id, w.by);
    expect(keys('2026-10-08')).toEqual([]);
  });

  it('a payment 5 days late, with what is left of it; gone once a deposit covers it', () => {
    const caseId = w.openCase('G1');
    expect(keys('2026-11-05')).toEqual([]);
    w.deposit(caseId, 40_000, '2026-11-02');
    const [i] = items('2026-11-06');
    expect(i).toMatchObject({
      key: `obstetrics:late:2026-11-01:${caseId}`,
      summary: `OB-${caseId}: $600.00 due 11/01/2026 not received — call her about the OB payment.`,
      amountCents: 60_000,
      date: '2026-11-01',
    });
    w.deposit(caseId, 60_000, '2026-11-06');
    expect(keys('2026-11-06')).toEqual([]);
  });

  it('several payments late: their count and the whole past due; not chased once the expected date has passed', () => {
    const caseId = w.openCase('G1');
    // Nothing paid: Nov 1 and Dec 1 late on 2026-12-07.
    const [i] = items('2026-12-07').filter((k) => k.key.includes(':late:'));
    expect(i!.summary).toBe(
      `OB-${caseId}: 2 payments, $2,000.00 past due (the first due 11/01/2026) — call her about the OB payments.`,
    );
    expect(keys('2027-02-15').filter((k) => k.includes(':late:'))).toEqual([]);
  });

  it('an expected delivery date 7 days gone with no delivery recorded; gone once recorded', async () => {
    const caseId = w.openCase('G1');
    w.deposit(caseId, 300_000, '2026-11-01');
    expect(keys('2027-02-21').filter((k) => k.includes(':delivery:'))).toEqual([]);
    const list = items('2027-02-22');
    expect(list.find((i) => i.key === `obstetrics:delivery:${caseId}`)?.summary).toBe(
      `OB-${caseId}: the expected delivery date 02/15/2027 passed 7 days ago and no delivery is recorded: record it (or the new expected date) on the Obstetrics page.`,
    );
    await w.t.call('ob:recordDelivery', { caseId, deliveredOn: '2027-02-14' }, w.clerk);
    expect(keys('2027-02-22').filter((k) => k.includes(':delivery:'))).toEqual([]);
  });

  it('a delivery account waiting to be linked once the expected date has passed (or the delivery is recorded); gone once linked', async () => {
    const caseId = w.openCase('G1');
    w.deposit(caseId, 300_000, '2026-11-01');
    expect(keys('2027-02-15').filter((k) => k.includes(':link:'))).toEqual([]);
    const link = items('2027-02-16').find((i) => i.key === `obstetrics:link:${caseId}`);
    expect(link?.summary).toBe(
      `OB-${caseId}: account D1 (service from 12/17/2026) and 1 more may be the delivery account: confirm it on the Obstetrics page so the $3,000.00 of deposits held are applied.`,
    );
    w.t.clock.setToday('2027-03-01');
    await w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1')] }, w.clerk);
    expect(keys('2027-03-01').filter((k) => k.includes(':link:'))).toEqual([]);
  });

  it('a linked case ready for its true-up (45 days after delivery, or a primary remittance on file); gone once trued up', async () => {
    const caseId = w.openCase('G1');
    w.deposit(caseId, 300_000, '2026-11-01');
    w.t.clock.setToday('2027-02-20');
    await w.t.call('ob:recordDelivery', { caseId, deliveredOn: '2027-02-14' }, w.clerk);
    await w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1')] }, w.clerk);
    expect(keys('2027-03-01')).toEqual([]);
    // A primary remittance on file brings it in before the 45 days.
    remittance(w, [{ account: 'D1', role: 'primary', respCents: 300_000 }]);
    expect(items('2027-03-01').map((i) => i.summary)).toEqual([
      `OB-${caseId} is ready for the true-up (delivered 02/14/2027; Acme Health's remittance is on file, her share $3,000.00): enter her real share on the Obstetrics page.`,
    ]);
    w.t.app.store.db.prepare("UPDATE remittance_claims SET payer_role = 'secondary'").run();
    expect(keys('2027-03-30')).toEqual([]);
    expect(items('2027-03-31').map((i) => i.summary)).toEqual([
      `OB-${caseId} is ready for the true-up (delivered 02/14/2027, 45 days ago or more): enter her real share on the Obstetrics page.`,
    ]);
    await w.t.call('ob:trueUp', { caseId, realShareCents: 300_000, source: 'EOB' }, w.clerk);
    expect(keys('2027-03-31')).toEqual([]);
  });

  it('a cancelled case with deposits still held: refund them; gone once refunded', () => {
    const caseId = w.openCase('G1');
    const db = w.t.app.store.db;
    w.deposit(caseId, 25_000, '2026-11-01');
    markCancelled(db, caseId, '2026-11-10', 'She moved away.', w.by);
    const [i] = items('2026-11-10');
    expect(i).toMatchObject({
      key: `obstetrics:refund:${caseId}`,
      summary: `OB-${caseId} is cancelled with $250.00 of deposits still held: refund $250.00 to her and record it on the Obstetrics page.`,
      amountCents: 25_000,
    });
    const id = db.prepare('SELECT id FROM ob_deposits WHERE case_id = ?').pluck().get(caseId) as number;
    markRefunded(db, id, { on: '2026-11-10', method: 'check', reference: 'CK 9' }, w.by);
    expect(keys('2026-11-10')).toEqual([]);
  });

  it('never speaks of care, admission, delay or the like (EMTALA, PP-04)', () => {
    // Every summary this file's tests produced, and a fresh book's in every state at once.
    const a = w.openCase('G1', { signed: false });
    w.openCase('G2');
    w.openCase('G3');
    markCancelled(w.t.app.store.db, a, '2026-11-10', 'Moved.', w.by);
    w.deposit(a, 10_000, '2026-11-01');
    for (const d of ['2026-10-08', '2026-11-06', '2027-02-22', '2027-04-20']) items(d);
    expect(seen.length).toBeGreaterThan(10);
    for (const i of seen)
      expect(i.summary).not.toMatch(
        /\b(care|admi\w*|delay\w*|defer\w*|refus\w*|treat\w*|procedur\w*|schedul\w*|emergenc\w*|labor|deny|denied|withh\w*|hospitali\w*|servic\w* (?:will|may))\b/i,
      );
  });
});
