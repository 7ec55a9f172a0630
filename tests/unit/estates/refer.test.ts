// Issue 14 item 3 (semantics 5): the referral memo to the legal department. Its text against the
// ledger and the estate page (each account's balance, class and last illness, the total, the
// deadline with the dates weighed, the 501(r) state); recorded with its hash and kept among the
// guarantor's documents; the estate referred (the first date kept); a name in another script; a
// reprint byte for byte; refused once the claim is filed.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { estateWorld, footprint, ledgerSum, refusal, ESTATE_TODAY, type EstateWorld } from './fixtures';
import { renderMemo, type MemoSnapshot } from '../../../src/main/capabilities/estates/memoPdf';
import { unconfirmedNote } from '../../../src/main/capabilities/estates/refer';
import {
  E1_CASE,
  E1_COURT,
  E1_PR,
  eleanorsEstate,
  flat,
  keptBytes,
  meilingsEstate,
  pdfText,
  rowOf,
} from './docSupport';

let w: EstateWorld | undefined;
afterEach(() => w?.t.cleanup());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('estates:refer', () => {
  it('sends legal the memo for Eleanor Marsh: deadline October 8, 2026 (120 days), $4,050.00 owed, classes 5/5/4, no release needed', async () => {
    w = await estateWorld();
    const { t, clerk, acct, gid } = w;
    const db = t.app.store.db;
    const estateId = await eleanorsEstate(w);
    const r = await t.call('estates:refer', { estateId, note: 'Her son says the house is being sold.' }, clerk);
    const bytes = await t.file(r.file);
    const raw = pdfText(bytes);
    const text = flat(raw);

    expect(text).toContain('Referral to the legal department');
    expect(text).toContain('To Legal department');
    expect(text).toContain('Date June 10, 2026');
    expect(text).toContain('Re Claim against the estate: In the Estate of Eleanor Marsh, Deceased');
    // 2026-06-10 to 2026-10-08: 20 + 31 + 31 + 30 + 8 = 120 days.
    expect(text).toContain('Present the claim by October 8, 2026 (120 days from this memo).');
    expect(text).toContain('The accounts owe $4,050.00.');
    expect(text).toContain('Date of death June 1, 2026 (learned from: family, recorded June 10, 2026)');
    expect(text).toContain('About the death Her son called.');
    expect(text).toContain(`Probate court ${E1_COURT}`);
    expect(text).toContain('County and state Hennepin County, Minnesota');
    expect(text).toContain(`Case number ${E1_CASE}`);
    expect(text).toContain(`Personal representative ${E1_PR} 45 Lake St Minneapolis, MN 55401`);
    expect(text).toContain('Estate’s attorney Not known yet');
    expect(text).toContain('Notice first published June 8, 2026');
    expect(text).toContain('Notice mailed to us None received');
    // The deadline as the estate page explains it, with each date weighed.
    expect(text).toContain(r.detail.deadlineInfo.explanation);
    expect(text).toMatch(/4 months after the notice’s first publication on June 8, 2026 PR-01 October 8, 2026/);
    expect(text).toMatch(/12 months after the death on June 1, 2026 \(the outer limit\) PR-02 June 1, 2027/);
    // The source; the table's note only when it marks a figure unconfirmed (Minnesota's does not).
    expect(text).toContain('Probate table: Minn. Stat. 524.3-805.');
    expect(text).not.toContain('Unconfirmed');
    expect(text).not.toContain('A class of its own');
    expect(text).not.toMatch(/brief/i);

    // Each account: its ledger balance, the estate page's class; the total is the page's figure.
    for (const [n, cents, cls] of [
      ['M1', 300_000, 'Class 5 — medical and hospital'],
      ['M2', 40_000, 'Class 5 — medical and hospital'],
      ['M3', 65_000, 'Class 4 — last illness: reasonable'],
    ] as const) {
      const a = r.detail.accounts.find((x) => x.accountNumber === n)!;
      expect(a.balanceCents).toBe(cents);
      expect(ledgerSum(w, acct(n))).toBe(cents);
      expect(rowOf(raw, n)).toContain(`${n} Eleanor Marsh`);
      expect(rowOf(raw, n)).toContain(cls);
      expect(rowOf(raw, n)).toMatch(new RegExp(`\\$${(cents / 100).toLocaleString('en-US')}\\.00$`));
    }
    expect(r.detail.owedCents).toBe(405_000);
    expect(text).toMatch(/Total \$4,050\.00/);
    // The 501(r) state: the clock allows from June 2, 2026, before the deadline.
    expect(r.detail.ecaAllowedFrom).toBe('2026-06-02');
    expect(text).toContain(
      'The 501(r) clock allows a claim on every account from June 2, 2026, before the claim deadline of October 8, 2026: no release is needed.',
    );
    expect(text).toContain('Note from Patient Accounts Her son says the house is being sold.');

    // Recorded and kept; the estate referred; the history and the activity log.
    const row = db
      .prepare('SELECT kind, made_on, language, sha256, document_id FROM estate_documents WHERE estate_id = ?')
      .get(estateId) as { kind: string; made_on: string; language: string; sha256: string; document_id: number };
    expect(row).toMatchObject({ kind: 'referral_memo', made_on: ESTATE_TODAY, language: 'en' });
    expect(row.sha256).toBe(sha(bytes));
    expect(keptBytes(w, row.document_id).equals(bytes)).toBe(true);
    expect(db.prepare('SELECT guarantor_id, kind FROM documents WHERE id = ?').get(row.document_id)).toEqual({
      guarantor_id: gid('E1'),
      kind: 'estate_referral_memo',
    });
    expect(r.detail.status).toBe('referred');
    expect(r.detail.referredOn).toBe(ESTATE_TODAY);
    expect(r.detail.documents).toEqual([
      {
        id: expect.any(Number),
        kind: 'referral_memo',
        madeOn: ESTATE_TODAY,
        language: 'en',
        documentId: row.document_id,
      },
    ]);
    expect(r.detail.events.at(-1)!.text).toBe('Referred to legal: $4,050.00 owed, the claim due by October 8, 2026.');
    expect(
      db
        .prepare("SELECT note FROM activities WHERE guarantor_id = ? AND kind = 'note' ORDER BY id DESC LIMIT 1")
        .pluck()
        .get(gid('E1')),
    ).toBe(
      'Referred to legal: $4,050.00 owed, the claim due by October 8, 2026. Note: Her son says the house is being sold.',
    );

    // Byte for byte again, from what it said.
    const again = await t.file(
      await t.call('estates:document', { estateDocumentId: r.detail.documents[0]!.id }, clerk),
    );
    expect(again.equals(bytes)).toBe(true);

    // A second referral a week later: a new memo, the first date kept.
    t.clock.setToday('2026-06-17');
    const second = await t.call('estates:refer', { estateId, note: '' }, clerk);
    expect(second.detail.referredOn).toBe(ESTATE_TODAY);
    expect(second.detail.documents.map((d) => d.madeOn)).toEqual([ESTATE_TODAY, '2026-06-17']);
    const secondText = flat(pdfText(await t.file(second.file)));
    expect(secondText).toContain('(113 days from this memo)');
    expect(secondText).not.toContain('Note from Patient Accounts');
  });

  it('prints 李美玲 and 陈伟 (the UPC’s default row: the outer limit stands, May 1, 2027)', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const estateId = await meilingsEstate(w);
    const r = await t.call('estates:refer', { estateId, note: '' }, clerk);
    const text = flat(pdfText(await t.file(r.file)));
    expect(text).toContain('In the Estate of 李美玲, Deceased');
    expect(text).toContain('Decedent (guarantor) 李美玲');
    expect(text).toContain('Personal representative 陈伟 88 Valley Boulevard San Gabriel, CA 91776');
    expect(text).toContain('Present the claim by May 1, 2027 (325 days from this memo).');
    expect(text).toMatch(/L1 李美玲 01\/15\/2026 Class 6 — all other claims \$820\.00/);
    // The UPC's row is unconfirmed for California: said so, with what to check.
    expect(text).toContain(
      'Probate table: UPC 3-801, 3-803, 3-804, 3-805. Unconfirmed: the Uniform Probate Code’s figures, used for a state with no row of its own. Check the state’s statute.',
    );
    expect(text).toContain('The accounts owe $820.00.');

    // ECA-04: where the clock allows only after the deadline, the memo asks legal about a release.
    const recorded = t.app.store.db
      .prepare('SELECT snapshot FROM estate_documents WHERE estate_id = ?')
      .pluck()
      .get(estateId) as string;
    const later = { ...(JSON.parse(recorded) as MemoSnapshot) };
    later.eca = { allowedFrom: '2027-06-15', releaseNeeded: true, released: false };
    expect(flat(pdfText((await renderMemo(later)).bytes))).toContain(
      'The 501(r) clock allows a claim on every account from June 15, 2027, after the claim deadline of May 1, 2027: legal should decide whether a supervisor releases the claim to be filed first (ECA-04).',
    );
    later.eca = { allowedFrom: '2027-06-15', releaseNeeded: false, released: true };
    expect(flat(pdfText((await renderMemo(later)).bytes))).toContain(
      'A supervisor has released the claim to go before the 501(r) clock allows it (ECA-04)',
    );
  });

  it('refuses once the claim is filed, and for an estate withdrawn; nothing changes', async () => {
    w = await estateWorld();
    const { t, clerk, supervisor, gid } = w;
    const estateId = await eleanorsEstate(w);
    await t.call(
      'estates:file',
      { estateId, on: ESTATE_TODAY, filedWith: 'clerk', sworn: false, contingency: '', security: '' },
      clerk,
    );
    let before = footprint(w);
    const filed = await refusal(t.call('estates:refer', { estateId, note: '' }, clerk));
    expect(filed.code).toBe('not_allowed');
    expect(filed.message).toContain('claim filed');
    expect(footprint(w)).toBe(before);

    const other = await meilingsEstate(w);
    await t.call('estates:undoDeath', { guarantorId: gid('E2'), reason: 'Wrong patient.' }, supervisor);
    before = footprint(w);
    expect((await refusal(t.call('estates:refer', { estateId: other, note: '' }, clerk))).code).toBe('not_allowed');
    expect(footprint(w)).toBe(before);
  });
});

describe('the memo’s word on the probate table’s note: only what it marks unconfirmed, never how the table was made', () => {
  it.each([
    ['A mailed notice gives 30 days.', ''],
    ['The one-year bar cannot be waived or tolled (Huitron v. Kaye, 2022); funeral expenses come first.', ''],
    [
      'Published 2 weeks. The 9-month outer limit is not in the brief (unconfirmed).',
      'Unconfirmed: the 9-month outer limit. Check the state’s statute.',
    ],
    [
      'Published 2 weeks. The 9-month outer limit (unconfirmed: check the statute).',
      'Unconfirmed: the 9-month outer limit. Check the state’s statute.',
    ],
    [
      'Six months from publication; a mailed notice 3 months (not in the brief, unconfirmed); two years from death. Classes are the UPC’s (unconfirmed).',
      'Unconfirmed: a mailed notice 3 months; classes are the UPC’s. Check the state’s statute.',
    ],
    [
      'Three months from publication, 30 days from service of the notice; two years from death. Suit within 30 days of an objection (not in the brief, unconfirmed: the shorter is kept).',
      'Unconfirmed: suit within 30 days of an objection. Check the state’s statute.',
    ],
    ['Figures unconfirmed.', 'Unconfirmed: figures. Check the state’s statute.'],
  ])('%s', (note, said) => {
    expect(unconfirmedNote(note)).toBe(said);
    expect(unconfirmedNote(note)).not.toMatch(/brief/i);
  });
});
