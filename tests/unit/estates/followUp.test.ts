// Issue 14 items 3 and 4 (semantics 9): the follow-up letter to the clerk of court asking the
// claim's status. Its text against the ledger and the estate page (the claim, what the estate paid
// and what remains), the earlier letters and calls since filing; recorded and kept; a 'follow_up'
// event from which the next reminder counts; a letter in the activity log; refused before filing
// and without a court; reprinted byte for byte.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { estateWorld, footprint, ledgerSum, refusal, ESTATE_TODAY, type EstateWorld } from './fixtures';
import { E1_CASE, E1_COURT, E1_PR, eleanorsEstate, flat, keptBytes, pdfText } from './docSupport';

let w: EstateWorld | undefined;
afterEach(() => w?.t.cleanup());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const fileWithClerk = (w: EstateWorld, estateId: number) =>
  w.t.call(
    'estates:file',
    { estateId, on: ESTATE_TODAY, filedWith: 'clerk', sworn: false, contingency: '', security: '' },
    w.clerk,
  );

describe('estates:followUp', () => {
  it('asks the clerk of court for the status of the $4,050.00 claim; then, paid $1,000.00 in part, names what remains and the earlier letter and call', async () => {
    w = await estateWorld();
    const { t, clerk, acct, gid } = w;
    const db = t.app.store.db;
    const estateId = await eleanorsEstate(w);
    await fileWithClerk(w, estateId);

    // 30 days after filing (2026-07-10) the reminder asks for a follow-up.
    t.clock.setToday('2026-07-15');
    const due = await t.call('estates:estate', { estateId }, clerk);
    expect(due.reminder).toMatchObject({ kind: 'follow_up', due: '2026-07-10' });

    const r = await t.call('estates:followUp', { estateId }, clerk);
    const bytes = await t.file(r.file);
    const text = flat(pdfText(bytes));
    expect(text).toContain('July 15, 2026');
    expect(text).toContain(`Clerk of the Probate Court ${E1_COURT} 300 South Sixth Street Minneapolis, MN 55487`);
    expect(text).toContain('In the Estate of Eleanor Marsh, Deceased');
    expect(text).toContain(`${E1_COURT}, Case No. ${E1_CASE}`);
    expect(text).toContain('Claim of Saint Brigid Regional Medical Center, presented June 10, 2026: $4,050.00');
    expect(text).toContain('Dear Clerk of Court:');
    expect(text).toContain(
      'On June 10, 2026, Saint Brigid Regional Medical Center presented its claim of $4,050.00 against the estate of Eleanor Marsh, who died on June 1, 2026, by filing it with the court.',
    );
    expect(text).toContain('We have received no notice that the claim has been allowed or disallowed.');
    expect(text).not.toContain('We asked before');
    expect(text).toContain('whether the claim has been allowed or disallowed, in whole or in part, and when;');
    expect(text).toContain('Page 1 of 1');

    // Recorded and kept; the event the reminder counts from; the activity log.
    const row = db
      .prepare(
        `SELECT id, made_on, language, sha256, document_id FROM estate_documents WHERE kind = 'follow_up_letter'`,
      )
      .get() as { id: number; made_on: string; language: string; sha256: string; document_id: number };
    expect(row).toMatchObject({ made_on: '2026-07-15', language: 'en', sha256: sha(bytes) });
    expect(keptBytes(w, row.document_id).equals(bytes)).toBe(true);
    const event = db
      .prepare("SELECT on_date, detail FROM estate_events WHERE estate_id = ? AND kind = 'follow_up'")
      .get(estateId) as { on_date: string; detail: string };
    expect(event.on_date).toBe('2026-07-15');
    expect(JSON.parse(event.detail)).toMatchObject({ method: 'letter', documentId: row.document_id });
    expect(r.detail.reminder).toBeNull(); // the next follow-up is due 2026-08-14
    expect(r.detail.events.at(-1)!.text).toBe(
      `Follow-up letter to the clerk of ${E1_COURT} asking the status of the claim of $4,050.00 filed June 10, 2026.`,
    );
    expect(
      db
        .prepare(
          "SELECT occurred_on FROM activities WHERE guarantor_id = ? AND kind = 'letter' AND note LIKE 'Follow-up letter%'",
        )
        .pluck()
        .all(gid('E1')),
    ).toEqual(['2026-07-15']);
    const again = await t.file(await t.call('estates:document', { estateDocumentId: row.id }, clerk));
    expect(again.equals(bytes)).toBe(true);

    // A call, the claim allowed, $1,000.00 from the estate (oldest account first: M1), then a second letter.
    t.clock.setToday('2026-08-01');
    await t.call(
      'estates:record',
      { estateId, event: 'call', on: '2026-07-20', note: 'The clerk says a hearing is set.' },
      clerk,
    );
    await t.call('estates:record', { estateId, event: 'allowed', on: '2026-07-25', allowedCents: 405_000 }, clerk);
    await t.call(
      'estates:payment',
      { estateId, receivedOn: '2026-08-01', amountCents: 100_000, method: 'check', reference: '1001' },
      clerk,
    );
    t.clock.setToday('2026-09-01');
    const second = await t.call('estates:followUp', { estateId }, clerk);
    expect(second.detail.status).toBe('paid_part');
    expect(second.detail.recoveredCents).toBe(100_000);
    expect(second.detail.owedCents).toBe(305_000);
    expect(ledgerSum(w, acct('M1')) + ledgerSum(w, acct('M2')) + ledgerSum(w, acct('M3'))).toBe(305_000);
    const secondText = flat(pdfText(await t.file(second.file)));
    expect(secondText).toContain('The estate has paid $1,000.00 on the claim; $3,050.00 remains unpaid.');
    expect(secondText).toContain(
      'We asked before, in our letter of July 15, 2026 and our call of July 20, 2026, and have had no answer in writing.',
    );
  });

  it('for a claim allowed and unpaid, says when and for how much; mailed to the representative, says so', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const estateId = await eleanorsEstate(w);
    await t.call(
      'estates:file',
      { estateId, on: ESTATE_TODAY, filedWith: 'personal_representative', sworn: false, contingency: '', security: '' },
      clerk,
    );
    t.clock.setToday('2026-08-01');
    await t.call('estates:record', { estateId, event: 'allowed', on: '2026-07-25', allowedCents: 400_000 }, clerk);
    const r = await t.call('estates:followUp', { estateId }, clerk);
    const text = flat(pdfText(await t.file(r.file)));
    expect(text).toContain(`by mailing it to the personal representative, ${E1_PR}.`);
    expect(text).toContain(
      'We were told the claim was allowed on July 25, 2026 for $4,000.00; we have received no payment from the estate.',
    );
  });

  it('refuses before the claim is filed, on the day of filing, and when no court is recorded; nothing changes', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const estateId = await eleanorsEstate(w, { court: false });
    let before = footprint(w);
    const unfiled = await refusal(t.call('estates:followUp', { estateId }, clerk));
    expect(unfiled.code).toBe('not_allowed');
    expect(unfiled.message).toContain('A follow-up letter is sent only when');
    expect(footprint(w)).toBe(before);

    await t.call(
      'estates:file',
      { estateId, on: ESTATE_TODAY, filedWith: 'personal_representative', sworn: false, contingency: '', security: '' },
      clerk,
    );
    // The day of filing: no answer could have come yet, so no letter asks after it.
    before = footprint(w);
    const sameDay = await refusal(t.call('estates:followUp', { estateId }, clerk));
    expect(sameDay.code).toBe('not_allowed');
    expect(sameDay.message).toBe('The claim was filed today: a follow-up letter asks after it from tomorrow.');
    expect(footprint(w)).toBe(before);

    t.clock.setToday('2026-06-11');
    before = footprint(w);
    const noCourt = await refusal(t.call('estates:followUp', { estateId }, clerk));
    expect(noCourt.code).toBe('not_allowed');
    expect(noCourt.message).toContain('Record the probate court and its address');
    expect(footprint(w)).toBe(before);
  });
});
