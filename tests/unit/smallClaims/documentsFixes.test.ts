// The small-claims documents after review (issue 13): the claim every document states is the one
// definition (views.ts currentClaimCents); once filed, the packet is judged by the checks made on the
// filing date, never refused on today's; a plan agreement that no longer draws as printed is named
// for attaching, not a refusal; the testimony's "how much" counts court costs; the itemised
// statement reads what a reversal reverses from the entries it has.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { businessDateOf } from '../../../src/shared/dates';
import { caseRecord } from '../../../src/main/capabilities/smallClaims/caseRecord';
import { itemisedStatement } from '../../../src/main/capabilities/smallClaims/itemised';
import { caseAccounts, caseCheck, caseRow } from '../../../src/main/capabilities/smallClaims/views';
import { demandRecorded, openG1 } from './caseSupport';
import { openCase, pdfText } from './docSupport';
import { courtWorld, COURT_TODAY, GATE_OPENS, type CourtWorld } from './fixtures';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function packet(caseId: number, declaration: 'standard' | 'tx_rule_185' = 'standard', keep?: string) {
  const { t, clerk } = w!;
  return flat(pdfText(await t.file(await t.call('smallClaims:packet', { caseId, declaration }, clerk)), keep));
}

async function sheet(caseId: number, keep?: string) {
  const { t, clerk } = w!;
  return flat(pdfText(await t.file(await t.call('smallClaims:testimony', { caseId }, clerk)), keep));
}

/** Every money figure that follows `label` in the text. */
const after = (text: string, label: RegExp) =>
  [...text.matchAll(new RegExp(`${label.source} (-?\\$[\\d,]+\\.\\d\\d)`, 'g'))].map((m) => m[1]);

/** G1's case opened, its demand recorded, filed on the day the 501(r) gate opens (2026-06-02). */
async function filedG1(world: CourtWorld): Promise<number> {
  const caseId = await openG1(world);
  demandRecorded(world, caseId, COURT_TODAY, '2026-06-01');
  world.t.clock.setToday(GATE_OPENS);
  await world.t.call(
    'smallClaims:record',
    { event: 'filed', caseId, on: GATE_OPENS, caseNumber: '26SC0099', filingFeeCents: 7_500 },
    world.clerk,
  );
  return caseId;
}

describe('the claim the documents state (currentClaimCents)', () => {
  it('a $500.00 payment before filing: every document claims $1,450.00, the balance owed', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const caseId = await openG1(w); // $1,950.00 claimed at the opening
    await t.call(
      'payments:post',
      { guarantorId: gid('G1'), amountCents: 50_000, method: 'check', reference: '501', effectiveDate: COURT_TODAY },
      clerk,
    );
    const demand = flat(pdfText(await t.file((await t.call('smallClaims:demand', { caseId }, clerk)).file)));
    // José's letter is in Spanish: it owes $1,450.00 and the suit will be for $1,450.00.
    expect(demand).toContain('hay un saldo pendiente de $1,450.00');
    expect(demand).toContain('presentará una demanda en su contra por $1,450.00');

    const text = await packet(caseId, 'standard', process.env.RECOUP_KEEP_CLAIM);
    // Index, worksheet, itemised note: "Amount claimed"; the declaration: "The plaintiff claims".
    expect(after(text, /Amount claimed:?/)).toEqual(['$1,450.00', '$1,450.00', '$1,450.00']);
    expect(after(text, /The plaintiff claims/)).toEqual(['$1,450.00']);
    expect(text).toContain('Balance owed today $1,450.00 (Exhibit 3)');
    expect(text).toContain('Balance owed, all accounts $1,450.00');
    expect(text).toContain('$1,450.00 remains unpaid. The plaintiff claims $1,450.00.');
    expect(text).not.toContain('$1,950.00 (');

    const s = await sheet(caseId);
    expect(after(s, /Amount claimed/)).toEqual(['$1,450.00']);
    expect(s).toContain('Balance owed today (the ledger) $1,450.00');
  });

  it('the Texas Rule 185 affidavit claims what is owed after a payment ($1,200.00 − $200.00)', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const caseId = openCase(w, 'G4', ['X1']);
    await t.call(
      'payments:post',
      { guarantorId: gid('G4'), amountCents: 20_000, method: 'cash', reference: '', effectiveDate: COURT_TODAY },
      clerk,
    );
    const text = await packet(caseId, 'tx_rule_185');
    expect(text).toContain('The balance due is $1,000.00; the plaintiff claims $1,000.00.');
    expect(after(text, /Amount claimed:?/)).toEqual(['$1,000.00', '$1,000.00', '$1,000.00']);
  });

  it('a waived excess shrinks with payments: $7,000.00 owed, $6,250.00 claimed; after $500.00 paid, $250.00 waived', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const caseId = openCase(w, 'G2', ['C3'], { claimCents: 625_000, waiverNote: 'Excess over the limit waived.' });
    await t.call(
      'payments:post',
      { guarantorId: gid('G2'), amountCents: 50_000, method: 'cash', reference: '', effectiveDate: COURT_TODAY },
      clerk,
    );
    const text = await packet(caseId);
    expect(text).toContain('Excess waived $250.00 above the court’s limit');
    expect(text).toContain('Amount claimed: $6,250.00, the court’s limit; the $250.00 above it is waived.');
    const s = await sheet(caseId);
    expect(s).toContain('Excess over the limit, waived $250.00');
  });
});

describe('a filed case’s packet: judged on the filing date', () => {
  it('still prints when payments since the filing leave $100.00 owed ("Worth the cost" would fail today)', async () => {
    w = await courtWorld();
    const { t, clerk } = w;
    const caseId = await filedG1(w);
    await t.call(
      'smallClaims:payment',
      { caseId, receivedOn: GATE_OPENS, amountCents: 185_000, method: 'cash', reference: '' },
      clerk,
    );
    // Today's check would refuse: $100.00 is not worth a suit.
    const db = t.app.store.db;
    const today = caseCheck(db, caseRow(db, caseId), caseAccounts(db, caseId), GATE_OPENS);
    expect(today.lines.find((l) => l.key === 'economics')?.state).toBe('fail');

    const text = await packet(caseId, 'standard', process.env.RECOUP_KEEP_NOLINES);
    // The filed claim stands; the balance is the ledger's.
    expect(after(text, /Amount claimed:?/)).toEqual(['$1,950.00', '$1,950.00', '$1,950.00']);
    expect(text).toContain('Balance owed, all accounts $100.00');
    // The filing kept its checks as judged that day: the checklist prints them, not today's.
    expect(text).toContain('Checks made on June 2, 2026');
    expect(text).toContain('As judged on the filing date');
    expect(text).toMatch(/Worth the cost Passed Expected back: 40% of \$1,950\.00/);
    // A filing recorded before the checks were kept with it: the checklist says where they are.
    db.prepare("UPDATE court_case_events SET detail = json_remove(detail, '$.lines') WHERE kind = 'filed'").run();
    const older = await packet(caseId);
    expect(older).toContain('The checks were made when the claim was filed on June 2, 2026');
    expect(older).toContain('the ECA register (Compliance › ECA register) holds the gate’s answers');
    expect(older).not.toContain('Worth the cost');
    const s = await sheet(caseId);
    expect(s).toContain('The claim was filed on June 2, 2026, and both were checked that day (the filing checklist)');
  });

  it('prints the checks the filing kept, as made that day, after the statute of limitations has run', async () => {
    w = await courtWorld();
    const { t } = w;
    const db = t.app.store.db;
    const caseId = await filedG1(w);
    // The filing keeps its check's lines in the 'filed' event (cases.ts); as judged on 2026-06-02.
    const lines = caseCheck(db, caseRow(db, caseId), caseAccounts(db, caseId), GATE_OPENS).lines;
    const event = db
      .prepare("SELECT id, detail FROM court_case_events WHERE case_id = ? AND kind = 'filed'")
      .get(caseId) as { id: number; detail: string };
    db.prepare('UPDATE court_case_events SET detail = ? WHERE id = ?').run(
      JSON.stringify({ ...JSON.parse(event.detail), lines }),
      event.id,
    );
    // Years later the limitation has run; and the guarantor has moved to New York.
    t.clock.setToday('2031-03-02');
    db.prepare("UPDATE guarantors SET state = 'NY' WHERE id = ?").run(w.gid('G1'));
    const late = caseCheck(db, caseRow(db, caseId), caseAccounts(db, caseId), '2031-03-02');
    expect(late.lines.find((l) => l.key === 'limitation')?.state).toBe('fail');

    const text = await packet(caseId, 'standard', process.env.RECOUP_KEEP_FILED);
    expect(text).toContain('Checks made on June 2, 2026');
    expect(text).not.toContain('Checks made on March 2, 2031');
    const limitation = lines.find((l) => l.key === 'limitation')!;
    expect(limitation.state).toBe('pass');
    // CA open account: 4 years from the last item (C1's charge of 2026-01-05): the last day was 2030-01-04.
    expect(text).toContain(
      'Inside the statute of limitations Passed The earliest last day to file among the accounts is January 4, 2030.',
    );
    expect(text).toContain(`Statute of limitations Filed June 2, 2026; checked that day: ${flat(limitation.detail)}`);
    expect(text).toContain('Worth the cost Passed');
    const s = await sheet(caseId);
    expect(s).toContain(
      `The claim was filed on June 2, 2026, and both were checked that day: ${flat(lines[0]!.detail)}`,
    );
    expect(s).not.toContain('Last day to file');
  });

  it('before filing, today’s check still refuses (a payment leaving $100.00 owed is not worth suing)', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const caseId = await openG1(w);
    await t.call(
      'payments:post',
      { guarantorId: gid('G1'), amountCents: 185_000, method: 'cash', reference: '', effectiveDate: COURT_TODAY },
      clerk,
    );
    await expect(t.call('smallClaims:packet', { caseId, declaration: 'standard' }, clerk)).rejects.toThrow(
      /The court packet is not prepared: Worth the cost/,
    );
  });
});

describe('a plan agreement that no longer draws as printed', () => {
  it('is named on the plan exhibit’s divider (document, date printed, SHA-256 of the kept file); the packet prints', async () => {
    w = await courtWorld();
    const { t, clerk, acct, gid, admin } = w;
    const db = t.app.store.db;
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
    t.clock.setToday('2026-07-20');
    await t.call('plans:runDaily', {}, clerk);
    // The hospital's phone changes after the agreement was printed: it no longer draws the same.
    const s = await t.call('settings:get', {}, admin);
    await t.call('settings:update', { hospital: { ...s.hospital, phone: '3105559999' } }, admin);
    const caseId = openCase(w, 'G1', ['C1', 'C2']);
    const kept = db.prepare("SELECT id, bytes, created_at FROM documents WHERE kind = 'plan_agreement'").get() as {
      id: number;
      bytes: Buffer;
      created_at: string;
    };
    const sha = createHash('sha256').update(kept.bytes).digest('hex');
    const printed = businessDateOf(new Date(kept.created_at));

    const text = await packet(caseId, 'standard', process.env.RECOUP_KEEP_PLAN);
    expect(text).toContain('Exhibit 6 Payment plan agreement and default letter');
    expect(text).toContain(`Plan #${plan.id} agreement 05/20/2026 Attach the kept copy`);
    expect(text).toContain(
      `The agreement of plan #${plan.id} as it was printed is kept in Recoup: document #${kept.id}, printed ${printed.slice(5, 7)}/${printed.slice(8)}/${printed.slice(0, 4)}, fingerprint (SHA-256) of the kept file ${sha}.`,
    );
    expect(text).toContain('Print it from the guarantor’s documents in Recoup and attach it behind this divider.');
    expect(text).toContain(`Not reprinted here: the agreement of plan #${plan.id}.`);

    // A kept file altered (its bytes no longer its fingerprint) is still refused.
    db.prepare("UPDATE documents SET sha256 = 'x' WHERE kind = 'plan_agreement'").run();
    await expect(t.call('smallClaims:packet', { caseId, declaration: 'standard' }, clerk)).rejects.toThrow(
      new RegExp(`Payment plan agreement #${plan.id} \\(document #${kept.id}\\) no longer matches the fingerprint`),
    );
  });
});

describe('the testimony sheet after a judgment with costs', () => {
  it('says the charges plus court costs, less everything credited', async () => {
    w = await courtWorld();
    const { t, clerk } = w;
    const caseId = await filedG1(w);
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
        interestRateBp: 0,
      },
      clerk,
    );
    const s = await sheet(caseId, process.env.RECOUP_KEEP_SHEET);
    // $2,850.00 charged + $85.00 costs − $600.00 insurance − $300.00 adjustment = $2,035.00.
    expect(s).toContain(
      'How much is owed, and how did you arrive at it? $2,035.00: the charges of $2,850.00 plus court costs of $85.00 less everything credited',
    );
  });
});

describe('the itemised statement', () => {
  it('reads what each reversal reverses from the entries it has: no query per reversal', async () => {
    w = await courtWorld();
    const { t, clerk, gid, acct } = w;
    const db = t.app.store.db;
    const pay = (reference: string) =>
      t.call(
        'payments:post',
        {
          guarantorId: gid('G1'),
          amountCents: 1_000,
          method: 'check',
          reference,
          effectiveDate: '2026-05-12',
          allocations: [{ accountId: acct('C2'), amountCents: 1_000 }],
        },
        clerk,
      );
    const reverse = async (reference: string) =>
      t.call(
        'payments:reverse',
        { paymentId: (await pay(reference)).paymentId, reason: 'Check returned', effectiveDate: '2026-05-15' },
        clerk,
      );
    const caseId = openCase(w, 'G1', ['C1', 'C2']);
    const prepares = () => {
      const spy = vi.spyOn(db, 'prepare');
      const statement = itemisedStatement(db, caseRecord(db, caseId).accounts);
      const n = spy.mock.calls.length;
      spy.mockRestore();
      return { n, statement };
    };
    await reverse('1');
    const one = prepares();
    await reverse('2');
    await reverse('3');
    const three = prepares();
    expect(three.n).toBe(one.n);
    const reversals = three.statement.accounts[1]!.lines.filter((l) => l.description.startsWith('Reversal'));
    expect(reversals.map((l) => l.description)).toEqual([
      'Reversal of patient payment of 05/12/2026',
      'Reversal of patient payment of 05/12/2026',
      'Reversal of patient payment of 05/12/2026',
    ]);
  });
});
