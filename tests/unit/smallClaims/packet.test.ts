// Issue 13 item 3 (rules §3.3): the court packet, one PDF with bookmarks and numbered exhibits. Its
// text is read back (pdftotext) and checked against the ledger and the recorded notices to the cent;
// the recorded documents must draw again byte for byte (a tampered record refuses the packet); a
// case whose check fails is refused with the reason; the declaration's Texas Rule 185 wording.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeSnapshot } from '../../../src/main/store/snapshotCodec';
import { courtWorld, STATEMENT_DATES, type CourtWorld } from './fixtures';
import { bookmarks, openCase, pdfText } from './docSupport';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function packetOf(caseId: number, declaration: 'standard' | 'tx_rule_185' = 'standard') {
  const { t, clerk } = w!;
  const bytes = await t.file(await t.call('smallClaims:packet', { caseId, declaration }, clerk));
  const pages = pdfText(bytes).split('\f').slice(0, -1);
  return { bytes, pages, text: flat(pages.join(' ')) };
}

describe('smallClaims:packet', () => {
  it('José García Ruiz’s packet: index, six exhibits each behind its divider, every page marked, bookmarks', async () => {
    w = await courtWorld();
    const { t, clerk } = w;
    const caseId = openCase(w, 'G1', ['C1', 'C2']);
    await t.call('smallClaims:demand', { caseId }, clerk);
    const { bytes, pages, text } = await packetOf(caseId);

    // The index names each exhibit and the page it starts on; the pages are where it says.
    const index = flat(pages[0]!);
    expect(index).toContain('Small-claims court packet');
    expect(index).toContain('Saint Brigid Regional Medical Center v. José García Ruiz');
    const exhibits = [
      'Filing checklist',
      'Plaintiff’s claim worksheet',
      'Itemised statement of account',
      'Declaration of the account',
      'Statements and final notice, as mailed',
      'Demand letter',
    ];
    const starts = exhibits.map((title, i) => {
      const m = new RegExp(`${i + 1} ${title.replace(/[()]/g, '\\$&')} (\\d+) (\\d+)`).exec(index);
      expect(m, title).not.toBeNull();
      return { start: Number(m![1]), count: Number(m![2]) };
    });
    expect(starts[0]!.start).toBe(2);
    expect(starts.at(-1)!.start + starts.at(-1)!.count - 1).toBe(pages.length);
    starts.forEach(({ start, count }, i) => {
      // The divider, then every page of the exhibit marked "Exhibit N — page x of y".
      expect(flat(pages[start - 1]!)).toContain(`Exhibit ${i + 1} ${exhibits[i]}`);
      for (let x = 1; x <= count; x++) {
        const page = flat(pages[start - 2 + x]!);
        expect(page).toContain(`Exhibit ${i + 1} — page ${x} of ${count}`);
        expect(page).toContain(`packet page ${start - 1 + x} of ${pages.length}`);
      }
    });

    // Bookmarks: the index, each exhibit (at its divider), and each document inside the exhibits.
    const marks = await bookmarks(bytes);
    expect(marks.map((m) => [m.title, m.page])).toEqual([
      ['Index', 1],
      ...exhibits.map((title, i) => [`Exhibit ${i + 1} — ${title}`, starts[i]!.start]),
    ]);
    expect(marks[5]!.items.map((m) => m.title)).toEqual([
      'Statement 1, 02/02/2026',
      'Statement 2, 03/04/2026',
      'Statement 3, 04/03/2026',
      'Final notice, 05/03/2026',
    ]);
    expect(marks[6]!.items.map((m) => [m.title, m.page])).toEqual([['Demand letter, 05/20/2026', pages.length]]);

    // The statements as mailed: the recorded ones, each page the recorded statement's own.
    const db = t.app.store.db;
    const recorded = db
      .prepare(
        'SELECT statement_date, due_date, amount_due_cents, sha256, kind FROM statements WHERE guarantor_id = ? ORDER BY statement_date',
      )
      .all(w.gid('G1')) as {
      statement_date: string;
      due_date: string;
      amount_due_cents: number;
      sha256: string;
      kind: string;
    }[];
    expect(recorded.map((s) => s.statement_date)).toEqual([...STATEMENT_DATES]);
    expect(text).toContain('Statement 1 02/02/2026 02/23/2026 $1,950.00');
    expect(text).toContain('Statement 2 03/04/2026 03/25/2026 $1,950.00');
    expect(text).toContain('Statement 3 04/03/2026 04/24/2026 $1,950.00');
    expect(text).toContain('Final notice (501(r) 30-day notice) 05/03/2026 06/02/2026 $1,950.00');
    for (const s of recorded)
      expect(text).toContain(`${s.statement_date.slice(5, 7)}/${s.statement_date.slice(8)}/2026 ${s.sha256}`);
    // Each statement's bookmark opens its own first page, in Spanish as José received it.
    const firstPages = marks[5]!.items.map((m) => flat(pages[m.page - 1]!));
    ['2 feb 2026', '4 mar 2026', '3 abr 2026', '3 may 2026'].forEach((date, i) => {
      expect(firstPages[i]).toContain(`Fecha de emisión ${date}`);
      // ECA-06 on each; the final notice is the 501(r) 30-day notice with the plain-language summary.
      expect(firstPages[i]).toContain(i < 3 ? 'Ofrecemos asistencia financiera' : 'Aviso final: asistencia financiera');
    });
    expect(flat(pages[marks[6]!.page - 2]!)).toContain('Asistencia financiera: resumen en lenguaje sencillo');
  });

  it('the itemised statement: every entry with its running balance, reconciled to the ledger to the cent', async () => {
    w = await courtWorld();
    const { t, clerk, acct, gid } = w;
    const db = t.app.store.db;
    // A check on C2 returned (its payment reversed) and paid again: every entry shows; the balance is the ledger's.
    const pay = (amountCents: number, effectiveDate: string, reference: string) =>
      t.call(
        'payments:post',
        {
          guarantorId: gid('G1'),
          amountCents,
          method: 'check',
          reference,
          effectiveDate,
          allocations: [{ accountId: acct('C2'), amountCents }],
        },
        clerk,
      );
    const bounced = await pay(10_000, '2026-05-12', '1001');
    await t.call(
      'payments:reverse',
      { paymentId: bounced.paymentId, reason: 'Check returned', effectiveDate: '2026-05-15' },
      clerk,
    );
    await pay(10_000, '2026-05-18', '1002');
    const caseId = openCase(w, 'G1', ['C1', 'C2']);
    const { text } = await packetOf(caseId);
    const ledger = db
      .prepare('SELECT sum(amount_cents) FROM ledger_entries WHERE account_id IN (?, ?)')
      .pluck()
      .get(acct('C1'), acct('C2')) as number;
    expect(ledger).toBe(185_000);
    expect(text).toContain('01/05/2026 Charge: outpatient services $2,400.00 $2,400.00');
    expect(text).toContain('01/05/2026 Insurance payment $600.00 $1,800.00');
    expect(text).toContain('01/05/2026 Contractual adjustment $300.00 $1,500.00');
    expect(text).toContain('Account C1 Balance owed $1,500.00');
    expect(text).toContain('01/20/2026 Charge: emergency visit $450.00 $450.00');
    expect(text).toContain('05/12/2026 Patient payment $100.00 $350.00');
    expect(text).toContain('05/15/2026 Reversal of patient payment of 05/12/2026 $100.00 $450.00');
    expect(text).toContain('05/18/2026 Patient payment $100.00 $350.00');
    expect(text).toContain('Account C2 Balance owed $350.00');
    expect(text).toContain('Charges $2,850.00');
    expect(text).toContain('Insurance payments -$600.00');
    expect(text).toContain('Payments by or for the patient -$100.00');
    expect(text).toContain('Balance owed, all accounts $1,850.00');
    // The worksheet and the declaration state the same balance.
    expect(text).toContain('Balance owed today $1,850.00 (Exhibit 3)');
    expect(text).toContain('$1,850.00 remains unpaid');
  });

  it('refuses a packet when a recorded statement no longer draws as it was sent', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const db = t.app.store.db;
    const caseId = openCase(w, 'G1', ['C1', 'C2']);
    const s = db
      .prepare('SELECT id, snapshot FROM statements WHERE guarantor_id = ? ORDER BY statement_date LIMIT 1 OFFSET 1')
      .get(gid('G1')) as { id: number; snapshot: string };
    const snapshot = decodeSnapshot(s.snapshot);
    // Someone edits what the second statement said (the store's trigger forbids it; go round it).
    db.exec('DROP TRIGGER statements_no_update');
    db.prepare('UPDATE statements SET snapshot = ? WHERE id = ?').run(
      JSON.stringify({ ...snapshot, amountDueCents: 100 }),
      s.id,
    );
    await expect(t.call('smallClaims:packet', { caseId }, clerk)).rejects.toThrow(
      /The statement of 2026-03-04 no longer reprints exactly as it was sent/,
    );
  });

  it('refuses a packet when the recorded demand letter was altered', async () => {
    w = await courtWorld();
    const { t, clerk } = w;
    const db = t.app.store.db;
    const caseId = openCase(w, 'G1', ['C1', 'C2']);
    await t.call('smallClaims:demand', { caseId }, clerk);
    const snapshot = JSON.parse(db.prepare('SELECT snapshot FROM court_demand_letters').pluck().get() as string);
    db.prepare('UPDATE court_demand_letters SET snapshot = ?').run(
      JSON.stringify({ ...snapshot, fileAfter: '2026-05-21' }),
    );
    await expect(t.call('smallClaims:packet', { caseId }, clerk)).rejects.toThrow(
      /The demand letter of 2026-05-20 no longer draws exactly as it was sent/,
    );
  });

  it('refuses a packet for a suit the statute of limitations bars, and says so', async () => {
    w = await courtWorld();
    const caseId = openCase(w, 'G3', ['N1']);
    await expect(w.t.call('smallClaims:packet', { caseId }, w.clerk)).rejects.toThrow(
      /The court packet is not prepared: Inside the statute of limitations: .*2025/,
    );
  });

  it('prints 王 小明’s name on every page, with the plain declaration; refuses Rule 185 outside Texas', async () => {
    w = await courtWorld();
    const caseId = openCase(w, 'G2', ['C3'], { claimCents: 625_000, waiverNote: 'Excess over the limit waived.' });
    const { pages, text } = await packetOf(caseId);
    expect(text).toMatch(/Saint Brigid Regional Medical Center v\. 王 ?小明/);
    // Every page's stamp reads right beside pages drawn with the Chinese font.
    pages.forEach((page, i) =>
      expect(flat(page)).toContain(`Small-claims case #${caseId} · packet page ${i + 1} of ${pages.length}`),
    );
    expect(text).toContain('Excess waived $750.00 above the court’s limit: Excess over the limit waived.');
    expect(text).toContain('I declare under penalty of perjury under the laws of the State of California');
    expect(text).not.toContain('Rule 185');
    await expect(w.t.call('smallClaims:packet', { caseId, declaration: 'tx_rule_185' }, w.clerk)).rejects.toThrow(
      'The Texas Rule 185 sworn-account affidavit is for a Texas court; this case is in CA: choose the plain declaration.',
    );
  });

  it('a Texas case: the Rule 185 sworn-account affidavit when chosen (rules §3.3)', async () => {
    w = await courtWorld();
    const caseId = openCase(w, 'G4', ['X1']);
    const { text } = await packetOf(caseId, 'tx_rule_185');
    expect(text).toContain('Affidavit of sworn account (Tex. R. Civ. P. 185)');
    expect(text).toContain('STATE OF TEXAS');
    expect(text).toContain(
      'is, within the knowledge of affiant, just and true, it is due, and all just and lawful offsets, payments and credits have been allowed',
    );
    expect(text).toContain('systematic, itemized statement of the account attached as Exhibit 3');
    expect(text).toContain('The balance due is $1,200.00; the plaintiff claims $1,200.00');
    expect(text).not.toContain('under penalty of perjury');
  });
});

describe('smallClaims:packet, a plan that failed', () => {
  it('holds the plan agreement and the default letter as printed, each drawn again and verified', async () => {
    w = await courtWorld();
    const { t, clerk, acct, gid } = w;
    const db = t.app.store.db;
    // 2026-05-20: a plan for $1,950.00 in 4 monthly payments from 2026-06-01; its agreement printed.
    const plan = await t.call(
      'plans:create',
      {
        guarantorId: gid('G1'),
        accountIds: [acct('C1'), acct('C2')],
        fapAnswer: 'declined',
        downPaymentCents: 0,
        frequency: 'monthly',
        firstDueDate: '2026-06-01',
        installmentCount: 4,
      },
      clerk,
    );
    await t.call('plans:agreement', { planId: plan.id }, clerk);
    // Nothing paid: the plan lapses, its letter prints (and keeps what it said), then it defaults.
    t.clock.setToday('2026-06-20');
    await t.call('plans:runDaily', {}, clerk);
    const batch = await t.call('letters:lapseBatch', {}, clerk);
    expect(batch.count).toBe(1);
    const letter = db.prepare('SELECT printed_on, printed_letter FROM plan_letters WHERE plan_id = ?').get(plan.id) as {
      printed_on: string;
      printed_letter: string;
    };
    expect(letter.printed_on).toBe('2026-06-20');
    expect(JSON.parse(letter.printed_letter)).toMatchObject({
      version: 1,
      date: '2026-06-20',
      letter: { planId: plan.id },
    });
    t.clock.setToday('2026-07-20');
    await t.call('plans:runDaily', {}, clerk);
    expect(db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(plan.id)).not.toBe('current');

    const caseId = openCase(w, 'G1', ['C1', 'C2']);
    const { bytes, pages, text } = await packetOf(caseId);
    const marks = await bookmarks(bytes);
    expect(marks.map((m) => m.title)).toEqual([
      'Index',
      'Exhibit 1 — Filing checklist',
      'Exhibit 2 — Plaintiff’s claim worksheet',
      'Exhibit 3 — Itemised statement of account',
      'Exhibit 4 — Declaration of the account',
      'Exhibit 5 — Statements and final notice, as mailed',
      'Exhibit 6 — Payment plan agreement and default letter',
    ]);
    const inside = marks[6]!.items;
    expect(inside.map((m) => m.title)).toEqual([
      `Plan #${plan.id} agreement, 05/20/2026`,
      `Plan #${plan.id} default (lapse) letter, 06/20/2026`,
    ]);
    const agreementPage = flat(pages[inside[0]!.page - 1]!);
    expect(agreementPage).toContain('Exhibit 6 — page 2 of');
    expect(agreementPage).toMatch(/Acuerdo|acuerdo/);
    expect(agreementPage).toContain('$1,950.00');
    const letterPage = flat(pages[inside[1]!.page - 1]!);
    expect(letterPage).toContain('Su plan de pagos requiere su atención');
    expect(letterPage).toContain('20 de junio de 2026');
    // The story's plan is in the testimony as well as the packet.
    expect(text).toContain('Payment plan agreement and default letter');

    // A kept agreement altered (its bytes no longer match the fingerprint kept with them) refuses the packet.
    db.exec('DROP TRIGGER IF EXISTS documents_no_update');
    db.prepare("UPDATE documents SET sha256 = 'x' WHERE kind = 'plan_agreement'").run();
    await expect(t.call('smallClaims:packet', { caseId }, clerk)).rejects.toThrow(
      new RegExp(`Payment plan agreement #${plan.id} \\(document #\\d+\\) no longer matches the fingerprint`),
    );
  });
});

describe('smallClaims:packet through the case’s own steps', () => {
  it('after filing (the case’s litigation holds no bar) and after a judgment with costs, agreeing with the case screen', async () => {
    w = await courtWorld();
    const { t, clerk, acct, gid } = w;
    const courtId = t.app.store.db
      .prepare("SELECT id FROM court_limits WHERE state = 'CA' ORDER BY entity_limit_cents DESC")
      .pluck()
      .get() as number;
    const { caseId } = await t.call(
      'smallClaims:open',
      {
        guarantorId: gid('G1'),
        accountIds: [acct('C1'), acct('C2')],
        courtId,
        basis: 'open_account',
        courtName: 'Superior Court of California, County of Los Angeles',
        courtAddress: '111 N Hill St, Los Angeles, CA 90012',
        county: 'Los Angeles',
        waiverNote: '',
      },
      clerk,
    );
    await t.call('smallClaims:demand', { caseId }, clerk);
    t.clock.setToday('2026-06-04');
    await t.call(
      'smallClaims:record',
      { event: 'filed', caseId, on: '2026-06-04', caseNumber: '26SMCV00412', filingFeeCents: 7_500 },
      clerk,
    );
    await t.call(
      'smallClaims:record',
      { event: 'hearing', caseId, on: '2026-06-25', time: '9:00 AM', place: 'Department 77' },
      clerk,
    );
    const filed = await packetOf(caseId);
    expect(filed.text).toContain('Case number 26SMCV00412');
    expect(filed.text).toContain(
      'Filed June 4, 2026, case number 26SMCV00412, filing fee $75.00 paid. Record the service in Recoup once the defendant is served. Hearing June 25, 2026 at 9:00 AM, Department 77.',
    );
    expect(filed.text).toContain('Balance owed, all accounts $1,950.00');
    const detail = await t.call('smallClaims:case', { caseId }, clerk);
    expect(detail.status).toBe('filed');
    expect(detail.balanceCents).toBe(195_000);
    const sheet = flat(pdfText(await t.file(await t.call('smallClaims:testimony', { caseId }, clerk))));
    expect(sheet).toContain('Hearing June 25, 2026 at 9:00 AM, Department 77');
    expect(sheet).toContain('Filed June 4, 2026, case number 26SMCV00412');
    // ECA-05's day (the final notice of 2026-05-03 + 30), not the day the gate was last asked.
    expect(sheet).toContain('Earliest day to sue (501(r)) June 2, 2026');
    expect(sheet).toContain(`Balance owed today (the ledger) $1,950.00`);

    // Judgment for the hospital: $1,950.00 and $85.00 costs (posted as court costs).
    t.clock.setToday('2026-06-25');
    await t.call(
      'smallClaims:record',
      {
        event: 'judgment',
        caseId,
        on: '2026-06-25',
        outcome: 'plaintiff',
        amountCents: 195_000,
        costsCents: 8_500,
        interestRateBp: 1000,
      },
      clerk,
    );
    const after = await t.call('smallClaims:case', { caseId }, clerk);
    const judged = await packetOf(caseId);
    expect(judged.text).toContain('06/25/2026 Court costs awarded $85.00');
    expect(judged.text).toContain('Court costs awarded $85.00');
    expect(judged.text).toContain(`Balance owed, all accounts $2,035.00`);
    expect(judged.text).toContain(
      'Judgment of June 25, 2026: $1,950.00, and costs of $85.00 (posted above as court costs awarded); interest at 10.00% a year is awarded but not computed here.',
    );
    expect(after.balanceCents).toBe(203_500);
    expect(after.judgmentOwedCents).toBe(203_500);
  });
});
