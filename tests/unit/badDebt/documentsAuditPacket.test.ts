// BD-08: the auditor's packet for one account, through its channel, on the book of documentsWorld.ts
// (figures and dates there, worked by hand). Read back with pdftotext (layout) and pdfjs (scripts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPacket } from '../../../src/main/capabilities/badDebt/auditPacket';
import { recordedStatement } from '../../../src/main/capabilities/statements';
import { formatShortDate } from '../../../src/shared/dates';
import { pdfPages as pdfjsPages } from '../pdfText';
import { pdfPages, pdfText } from '../smallClaims/docSupport';
import { docsWorld, DOC_STATEMENT_DATES, type DocsWorld } from './documentsWorld';

let w: DocsWorld;
let packet: Buffer;
let text: string;
const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  w = await docsWorld();
  const file = await w.t.call('badDebt:auditPacket', { accountId: w.acct('M1') }, w.clerk);
  packet = await w.t.file(file);
  text = flat(pdfText(packet));
}, 90_000);
afterAll(() => w.t.cleanup());

describe('the audit packet (BD-08)', () => {
  it('ends with a copy of each bill as mailed, drawn again and verified against its recorded hash', async () => {
    const db = w.t.app.store.db;
    const ids = db
      .prepare(
        `SELECT s.id FROM statements s JOIN statement_accounts sa ON sa.statement_id = s.id
          WHERE sa.account_id = ? ORDER BY s.statement_date`,
      )
      .pluck()
      .all(w.acct('M1')) as number[];
    const copies = await Promise.all(ids.map((id) => recordedStatement(db, id)));
    const pages = pdfPages(packet);
    const copyPages = copies.reduce((n, c) => n + c.pages.length, 0);
    const tail = pages.slice(pages.length - copyPages);
    // Each copy's pages are the statement's own (its due date, its amount), in the order mailed.
    let at = 0;
    for (const c of copies) {
      const first = flat(tail[at]!);
      expect(first).toContain('M1');
      expect(first).toContain(formatShortDate(c.dueDate));
      at += c.pages.length;
    }
    expect(flat(tail[tail.length - copies[copies.length - 1]!.pages.length]!)).toMatch(/final notice/i);
    expect(text).toContain('The copies follow the last page of this packet');
  });

  it('names the account and the beneficiary', () => {
    expect(text).toContain('Medicare bad debt: account M1');
    expect(text).toContain('Beneficiary (patient) José Ángel Núñez-García');
    expect(text).toContain('MBI or HICN 1EG4TE5MK73');
    expect(text).toContain('Medicaid number None (not dual eligible)');
    expect(text).toContain('Dates of service 01/10/2025 – 01/14/2025');
    expect(text).toContain('Deductible and coinsurance $400.00 and $100.00 (from the Medicare 835 remittances)');
    expect(text).toContain('Paid by others (col. 22) $50.00');
  });

  it('judges the clock on the write-off date, with what the account owed before it', () => {
    expect(text).toContain('The bad-debt criteria on September 15, 2025, the day it was written off');
    expect(text).toContain('Every criterion is met');
    // $400.00 + $100.00 − $50.00 paid; BD-05: the payment of 03/20 + 120 days = 07/18; BD-07: back 08/01.
    expect(text).toContain('Allowable bad debt (BD-01): $450.00');
    expect(text).toContain('First date it can be written off: 08/01/2025');
    expect(text).toContain('A payment on March 20, 2025 started a new 120 days: they end July 18, 2025.');
    expect(text).toContain('Back from the agency on August 1, 2025.');
  });

  it('dates every bill, letter, call and contact, oldest first', () => {
    const history = text.slice(
      text.indexOf('History: every bill'),
      text.indexOf('Bills sent (statements as recorded)'),
    );
    // Each history row begins with its date (pdftotext keeps the rows as lines).
    const raw = pdfText(packet);
    const rows = raw.slice(raw.indexOf('History: every bill'), raw.indexOf('Bills sent (statements as recorded)'));
    const dates = [...rows.matchAll(/^\s*(\d\d)\/(\d\d)\/(\d{4})\s/gm)].map((m) => `${m[3]}-${m[1]}-${m[2]}`);
    expect(dates.length).toBeGreaterThan(10);
    expect([...dates].sort()).toEqual(dates);
    for (const d of DOC_STATEMENT_DATES) expect(dates).toContain(d);
    expect(history).toMatch(/03\/01\/2025 Call \(outbound\) left message · Reminded of the balance after Medicare/);
    expect(history).toMatch(/04\/20\/2025 Letter \(outbound\) reached · Letter about all accounts/);
    expect(history).toMatch(/03\/20\/2025 Patient payment .*-\$50\.00/);
    expect(history).toMatch(/06\/15\/2025 Agency Placed with Harbor Recovery/);
    expect(history).toMatch(/08\/01\/2025 Agency Returned by Harbor Recovery: No payment within the recall days/);
    expect(history).toMatch(/05\/11\/2025 Bill Final notice mailed/);
    expect(history).toMatch(/09\/11\/2025 Write-off proposed Collection effort ceased 09\/10\/2025/);
    // Plain words: the statement row, the "By" column, and a proposal's amount in its words (not
    // in the Amount column, where it would read like a charge).
    expect(history).toMatch(/Statement mailed; recorded as statement #\d+/);
    expect(history).not.toContain('(the account at');
    expect(history).toContain('$450.00 proposed');
    const p = auditPacket(w.t.app.store.db, w.acct('M1'), '2025-10-01', 'Test clerk');
    const by = new Set(p.history.map((e) => e.by));
    expect(by).toContain('Recoup statement run');
    expect(by).toContain('Insurance remittance (835)');
    expect(by).not.toContain('835');
    expect(by).not.toContain('Statement run');
    const proposal = p.history.find((e) => e.kind === 'Write-off proposed')!;
    expect(proposal.amountCents).toBeNull();
    expect(proposal.detail).toMatch(/^Collection effort ceased 09\/10\/2025; \$450\.00 proposed for write-off/);
    const bill = p.history.find((e) => e.kind === 'Bill')!;
    expect(bill.detail).toMatch(/^Statement mailed; recorded as statement #\d+ \(the account owed \$500\.00\)$/);
    expect(bill.amountCents).toBeNull();
    expect(history).toMatch(/09\/15\/2025 Write-off approved Collection effort exhausted/);
  });

  it('lists the bills as recorded, each with the fingerprint it was recorded under', () => {
    const db = w.t.app.store.db;
    const recorded = db
      .prepare(
        `SELECT s.id, s.statement_date, s.sha256 FROM statements s JOIN statement_accounts sa ON sa.statement_id = s.id
          WHERE sa.account_id = ? ORDER BY s.statement_date`,
      )
      .all(w.acct('M1')) as { id: number; statement_date: string; sha256: string }[];
    expect(recorded.map((r) => r.statement_date)).toEqual([...DOC_STATEMENT_DATES]);
    for (const r of recorded) expect(text).toContain(`#${r.id} · ${r.sha256.slice(0, 16)}`);
  });

  it('shows the 835 claim with its CAS adjustments, the ledger, the write-off and the policy', () => {
    expect(text).toMatch(
      /02\/01\/2025 Medicare Part A .*ICN-55501 .*\$1,500\.00 \$400\.00 \$100\.00 PR-1 \$400\.00 \(claim\)/,
    );
    expect(text).toContain('PR-2 $100.00 (claim)');
    expect(text).toMatch(/09\/15\/2025 Bad-debt write-off Medicare bad debt -\$450\.00 \$0\.00/);
    expect(text).toContain('Proposed 09/11/2025 by Test clerk: Back from the agency with nothing paid');
    expect(text).toContain('Approved 09/15/2025 by Avery Admin: Collection effort exhausted');
    expect(text).toContain('Medicare write-off date 09/15/2025');
    expect(text).toContain('Nothing has been recovered since.');
    expect(text).toContain('a statement every 30 days');
    expect(text).toContain(
      'An account owing $50.00 or more, 30 days or more after its final notice'.replace('An', 'an'),
    );
    expect(text).toContain('none of them has a payer class');
    // The packet's own pages are numbered over the whole file, the bills' copies included.
    const pages = pdfPages(packet);
    const own = pages.filter((p) => p.includes('Medicare bad debt audit packet · account M1'));
    expect(own.length).toBeGreaterThanOrEqual(3);
    own.forEach((p, i) => expect(flat(p)).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('is kept among the guarantor’s documents, and the print is audited', () => {
    const db = w.t.app.store.db;
    const kept = db
      .prepare(`SELECT guarantor_id, title, bytes FROM documents WHERE kind = 'bad_debt_audit_packet'`)
      .all() as { guarantor_id: number; title: string; bytes: Buffer }[];
    expect(kept).toHaveLength(1);
    expect(kept[0]!.guarantor_id).toBe(w.gid('G1'));
    expect(kept[0]!.title).toBe('Medicare bad debt audit packet, account M1 (10/01/2025)');
    expect(Buffer.compare(kept[0]!.bytes, packet)).toBe(0);
    const event = db
      .prepare(`SELECT kind, records FROM audit_events WHERE channel = 'badDebt:auditPacket' ORDER BY id DESC LIMIT 1`)
      .get() as { kind: string; records: string };
    expect(event.kind).toBe('print');
    expect(event.records).toContain(`account:${w.acct('M1')}`);
  });

  it("lists the billing system's first bill the clock may rely on, in Bills and in the history", async () => {
    // M3's extract says the billing system sent its first bill on 2025-01-30; Recoup's first
    // statement is of 2025-02-10: the packet shows both, the billing system's first.
    const db = w.t.app.store.db;
    const before = db.prepare(`SELECT first_statement_date FROM accounts WHERE account_number = 'M3'`).pluck().get();
    db.prepare(`UPDATE accounts SET first_statement_date = '2025-01-30' WHERE account_number = 'M3'`).run();
    try {
      const m3 = flat(
        pdfText(await w.t.file(await w.t.call('badDebt:auditPacket', { accountId: w.acct('M3') }, w.clerk))),
      );
      const history = m3.slice(m3.indexOf('History: every bill'), m3.indexOf('Bills sent (statements as recorded)'));
      const bills = m3.slice(m3.indexOf('Bills sent (statements as recorded)'), m3.indexOf('Remittances (X12 835)'));
      expect(history).toMatch(/01\/30\/2025 Bill First bill \(sent by the billing system; no copy kept in/);
      const p = auditPacket(db, w.acct('M3'), '2025-10-01', 'Test clerk');
      expect(p.history[0]).toEqual({
        date: '2025-01-30',
        kind: 'Bill',
        detail: 'First bill (sent by the billing system; no copy kept in Recoup)',
        by: 'Billing system',
        amountCents: null,
      });
      expect(p.bills[0]).toMatchObject({ source: 'billing_system', statementId: null, date: '2025-01-30' });
      expect(bills).toMatch(/01\/30\/2025 First bill sent by the billing — — No copy kept in Recoup system 02\/10/);
      expect(bills.indexOf('01/30/2025')).toBeLessThan(bills.indexOf('02/10/2025'));
    } finally {
      db.prepare(`UPDATE accounts SET first_statement_date = ? WHERE account_number = 'M3'`).run(before);
    }
  });

  it('prints names in any script', async () => {
    // M2 王小明, M3 अनिल शर्मा, C1 Ирина Петрова, S1 محمد عبد الله (packets for any account draw).
    const read = async (n: string) =>
      (await pdfjsPages(await w.t.file(await w.t.call('badDebt:auditPacket', { accountId: w.acct(n) }, w.clerk)))).join(
        ' ',
      );
    expect(await read('M2')).toContain('小明');
    expect(await read('M2')).toContain('Medicaid number MCD-88 (dual eligible)');
    const m3 = await read('M3');
    const letters = (s: string) => [...s].sort().join('');
    const words = new Set(m3.split(/\s+/).map(letters));
    expect(words).toContain(letters('शर्मा'));
    expect(words).toContain(letters('अनिल'));
    const c1 = await read('C1');
    expect(c1).toContain('Ирина');
    expect(c1).toContain('Петрова');
    const s1 = await read('S1');
    expect(s1).toContain('محمد');
    expect(s1).toContain('عبد الله');
  });

  it('refuses an account that does not exist, and keeps nothing', async () => {
    const before = w.t.app.store.db.prepare('SELECT count(*) FROM documents').pluck().get();
    await expect(w.t.call('badDebt:auditPacket', { accountId: 999_999 }, w.clerk)).rejects.toThrow(/not_found/);
    expect(w.t.app.store.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(before);
  });
});
