// Issue 13 item 5: the testimony sheet. Its figures are the ledger's (the itemised statement's, the
// packet's) to the cent; the story is in date order; each common question points at the packet's own
// exhibit number (which moves when the packet has no demand letter yet).
import { afterEach, describe, expect, it } from 'vitest';
import { insertEvent } from '../../../src/main/capabilities/smallClaims/rows';
import { courtWorld, type CourtWorld } from './fixtures';
import { openCase, pdfText } from './docSupport';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function sheet(caseId: number): Promise<string> {
  const { t, clerk } = w!;
  return flat(pdfText(await t.file(await t.call('smallClaims:testimony', { caseId }, clerk))));
}

describe('smallClaims:testimony', () => {
  it('gives the figures to state, equal to the ledger, the story in date order, and where each answer is', async () => {
    w = await courtWorld();
    const { t, clerk, acct, gid } = w;
    const db = t.app.store.db;
    await t.call(
      'activity:log',
      {
        guarantorId: gid('G1'),
        kind: 'call',
        direction: 'outbound',
        outcome: 'left_message',
        note: 'Asked him to call about the balance.',
        occurredOn: '2026-04-10',
      },
      clerk,
    );
    await t.call(
      'payments:post',
      {
        guarantorId: gid('G1'),
        amountCents: 12_345,
        method: 'cash',
        reference: '',
        effectiveDate: '2026-05-12',
        allocations: [{ accountId: acct('C1'), amountCents: 12_345 }],
      },
      clerk,
    );
    const caseId = openCase(w, 'G1', ['C1', 'C2']);
    // The case service words each event and notes it in the activity log too: told once.
    const opened = 'Case opened in Superior Court of California, County of Los Angeles: claim $1,826.55.';
    insertEvent(db, caseId, 'opened', '2026-05-20', { text: opened }, t.app.nowIso(), null);
    await t.call(
      'activity:log',
      {
        guarantorId: gid('G1'),
        kind: 'note',
        outcome: 'noted',
        note: `Small-claims case #${caseId}: ${opened}`,
        occurredOn: '2026-05-20',
      },
      clerk,
    );
    await t.call('smallClaims:demand', { caseId }, clerk);
    const text = await sheet(caseId);
    const ledger = db
      .prepare('SELECT sum(amount_cents) FROM ledger_entries WHERE account_id IN (?, ?)')
      .pluck()
      .get(acct('C1'), acct('C2')) as number;
    expect(ledger).toBe(182_655); // $1,950.00 − $123.45
    expect(text).toContain('Testimony sheet');
    expect(text).toContain('Amount claimed $1,826.55');
    expect(text).toContain('Balance owed today (the ledger) $1,826.55');
    expect(text).toContain('Total charges $2,850.00');
    expect(text).toContain('Insurance paid $600.00');
    expect(text).toContain('Adjustments $300.00');
    expect(text).toContain('Paid by or for the patient $123.45');
    expect(text).toContain('First statement mailed February 2, 2026');
    expect(text).toContain('Final notice mailed May 3, 2026');
    expect(text).toContain('Earliest day to sue (501(r)) June 2, 2026');
    expect(text).toContain('Demand said: files after June 3, 2026');
    // The same balance the packet's itemised statement prints.
    const packet = flat(pdfText(await t.file(await t.call('smallClaims:packet', { caseId }, clerk))));
    expect(packet).toContain('Balance owed, all accounts $1,826.55');

    // The questions, each with the packet's exhibit.
    expect(text).toContain(
      'How much is owed, and how did you arrive at it? $1,826.55: the charges of $2,850.00 less everything credited, entry by entry, in the itemised statement. Packet: Exhibit 3.',
    );
    expect(text).toContain('Are these records kept in the regular course of business?');
    expect(text).toMatch(
      /Did the defendant receive bills\? When\? Statements were mailed from February 2, 2026; the final notice on May 3, 2026\..* Packet: Exhibit 5\./,
    );
    expect(text).toMatch(
      /Did the hospital ask for payment before suing\? Yes: a demand letter on May 20, 2026 said the hospital would file after June 3, 2026\. Packet: Exhibit 6\./,
    );
    expect(text).toContain('No payment plan was made on these accounts.');

    // The story, in date order.
    const story = [
      '01/05/2026 José García Ruiz was treated (account C1, outpatient).',
      '01/05/2026 Charge posted: $2,400.00 on account C1; balance $2,400.00. Exhibit 3',
      '01/05/2026 Insurance paid: $600.00 on account C1; balance $1,800.00. Exhibit 3',
      '01/20/2026 José García Ruiz was treated (account C2, emergency).',
      '02/02/2026 Statement 1 mailed: $1,950.00 due by 02/23/2026, with the financial-assistance notice. Exhibit 5',
      '04/10/2026 Call to the guarantor: Left a message: Asked him to call about the balance.',
      '05/03/2026 Final notice mailed',
      '05/12/2026 Payment received: $123.45 on account C1; balance $1,376.55. Exhibit 3',
      `05/20/2026 ${opened}`,
      '05/20/2026 Demand letter sent (in Spanish): the hospital will file after June 3, 2026. Exhibit 6',
    ];
    let at = -1;
    for (const line of story) {
      const found = text.indexOf(line);
      expect(found, line).toBeGreaterThan(at);
      at = found;
    }
    expect(text.split(opened)).toHaveLength(2);
    expect(text).not.toContain('Small-claims demand letter (case');
  });

  it('points at the packet as it stands: before the demand letter there is no Exhibit 6', async () => {
    w = await courtWorld();
    const caseId = openCase(w, 'G2', ['C3'], { claimCents: 625_000, waiverNote: 'Excess over the limit waived.' });
    const text = await sheet(caseId);
    expect(text).toMatch(/王 ?小明/);
    expect(text).toContain('Amount claimed $6,250.00');
    expect(text).toContain('Balance owed today (the ledger) $7,000.00');
    expect(text).toContain('Excess over the limit, waived $750.00');
    expect(text).toContain(
      'Did the hospital ask for payment before suing? Not yet: send the demand letter before filing.',
    );
    expect(text).not.toContain('Exhibit 6');
  });
});
