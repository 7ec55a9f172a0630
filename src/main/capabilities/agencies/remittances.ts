// An agency's remittance, checked line by line and posted all-or-nothing (issue 12 item 4): each
// line's account must be placed with the agency (the open placement, or else the latest returned
// one: the agency may remit what it collected just before a recall); its fee is the one the agency
// states, else the contract's rate on the placement; what it remits must add up with the agency's
// method (gross: all it collected; net: collected less the fee). The patient's balance falls by
// what the patient paid, never by the fee (the fee is the hospital's cost). A negative line takes
// back an earlier line with the same agency transaction id (a payment that bounced): its ledger
// entry is reversed. The same remittance number, or the same file, is never posted twice.
// The only writer of agency_remittances and agency_remittance_lines.
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import { formatShortDate } from '../../../shared/dates';
import { plural } from '../../../shared/plural';
import { agencyFee, remittedCents } from '../../../shared/rules/agencyFees';
import type {
  ReconciliationView,
  RemittanceInput,
  RemittanceLineProblem,
  RemittanceMethod,
  RemittancePreview,
} from '../../../shared/schemas/agencies';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { AgenciesRow, AgencyRemittancesRow, PlacementsRow } from '../../store/schema';
import { changeLedger, entryStandsSql } from '../ledger';
import { agencyRow } from './agencies';
import { fieldName, remittanceSource, type LineField, type RemittanceSource } from './remittanceFile';
import { reconciliationOf } from './reconciliation';

/** A line that passed every check: what it posts. */
export interface CheckedLine {
  line: number;
  accountId: number;
  placementId: number;
  paidOn: string;
  collectedCents: number;
  feeCents: number;
  remittedCents: number;
  agencyReference: string;
  /** A negative line: the ledger entry of the earlier line it takes back. */
  reversesEntryId: number | null;
}

interface Checked {
  agency: Pick<AgenciesRow, 'id' | 'name' | 'remittance_method'>;
  source: RemittanceSource;
  lines: CheckedLine[];
  problems: RemittanceLineProblem[];
  totals: { collected: number; fee: number; remitted: number };
  alreadyPosted:
    | (Pick<
        AgencyRemittancesRow,
        'id' | 'reference' | 'received_on' | 'posted_at' | 'line_count' | 'collected_cents'
      > & {
        agency_name: string;
      })
    | null;
}

type PlacementFound = Pick<PlacementsRow, 'id' | 'account_id' | 'status' | 'placed_on' | 'returned_on' | 'fee_rate_bp'>;

interface EarlierLine {
  agency_reference: string;
  reference: string;
  line_no: number;
  account_id: number;
  placement_id: number;
  collected_cents: number;
  fee_cents: number;
  ledger_entry_id: number;
  reversed: number;
}

/** The remittance this one repeats (the same number from the agency, or the same file), if any. */
function earlierPosting(db: Db, agencyId: number, reference: string, sha256: string | null): Checked['alreadyPosted'] {
  const cols = `SELECT r.id, r.reference, r.received_on, r.posted_at, r.line_count, r.collected_cents, ag.name AS agency_name
    FROM agency_remittances r JOIN agencies ag ON ag.id = r.agency_id`;
  return (
    prepared<[number, string], NonNullable<Checked['alreadyPosted']>>(
      db,
      `${cols} WHERE r.agency_id = ? AND r.reference = ?`,
    ).get(agencyId, reference) ??
    (sha256 === null
      ? undefined
      : prepared<[string], NonNullable<Checked['alreadyPosted']>>(
          db,
          `${cols} WHERE r.file_sha256 = ? ORDER BY r.id LIMIT 1`,
        ).get(sha256)) ??
    null
  );
}

const json = (values: Iterable<unknown>) => JSON.stringify([...values]);

/**
 * The agency's earlier lines with the transaction ids of this remittance: an index probe each
 * (migration 020); CROSS JOIN keeps SQLite from walking every line of the agency's remittances instead.
 */
export const EARLIER_LINES_SQL = `SELECT l.agency_reference, r.reference, l.line_no, l.account_id, l.placement_id, l.collected_cents, l.fee_cents,
            l.ledger_entry_id, EXISTS (SELECT 1 FROM ledger_entries x WHERE x.reverses_id = l.ledger_entry_id) AS reversed
       FROM agency_remittance_lines l CROSS JOIN agency_remittances r ON r.id = l.remittance_id
      WHERE l.agency_reference <> '' AND l.agency_reference IN (SELECT value FROM json_each(@refs)) AND r.agency_id = @agency
      ORDER BY l.collected_cents > 0, l.id`;

/**
 * The agency's placements of the remittance's accounts, placed or returned, the one a line belongs
 * to last for each account: an index probe per account (placements_account), not a walk through
 * every placement the agency ever had (placements_agency), which grows with the years.
 */
export const PLACEMENTS_OF_LINES_SQL = `SELECT p.id, p.account_id, p.status, p.placed_on, p.returned_on, p.fee_rate_bp
       FROM json_each(@accounts) j CROSS JOIN placements p ON p.account_id = j.value
      WHERE p.agency_id = @agency AND p.status IN ('placed','returned')
      ORDER BY p.account_id, p.status = 'placed', p.returned_on, p.id`;

/**
 * The agency's earlier payments (lines collecting money, their entries still standing) on the
 * remittance's accounts, in the order of the remittance numbers and their lines (a later one wins
 * in samePayment). Reached through the accounts' placements with the agency (every line is on a
 * placement of its account with its agency: checkLines gives it that placement, or the one of the
 * line it takes back, which is on the same account), so an index probe per account and placement,
 * not a walk through every line the agency ever remitted.
 */
export const SAME_PAYMENTS_SQL = `SELECT l.account_id, l.paid_on, l.collected_cents, r.reference, l.line_no, l.agency_reference
       FROM json_each(@accounts) j CROSS JOIN placements p ON p.account_id = j.value
       CROSS JOIN agency_remittance_lines l ON l.placement_id = p.id
       JOIN agency_remittances r ON r.id = l.remittance_id
       JOIN ledger_entries e ON e.id = l.ledger_entry_id
      WHERE p.agency_id = @agency AND r.agency_id = @agency AND l.account_id = p.account_id AND l.collected_cents > 0
        AND ${entryStandsSql('e')}
      ORDER BY r.reference, l.line_no`;

/** Checks every line against the accounts, the agency's placements and its earlier lines (a few set queries). */
function checkLines(db: Db, agency: Checked['agency'], source: RemittanceSource, receivedOn: string) {
  const method: RemittanceMethod = agency.remittance_method;
  const problems: RemittanceLineProblem[] = [...source.problems];
  const problem = (line: number, field: LineField | null, reason: string) =>
    problems.push({ line, field: field === null ? null : fieldName(source.source, field), reason });

  const numbers = new Set(source.lines.map((l) => l.accountNumber.toUpperCase()).filter((n) => n !== ''));
  const accounts = new Map<string, number>();
  for (const a of prepared<[string], { id: number; account_number: string }>(
    db,
    'SELECT id, account_number FROM accounts WHERE account_number IN (SELECT value FROM json_each(?))',
  ).iterate(json(numbers)))
    accounts.set(a.account_number.toUpperCase(), a.id);
  // Matching is case-blind (account numbers are stored COLLATE NOCASE); json_each compares exactly,
  // so a number in another case is looked up again one by one (rare).
  for (const n of numbers)
    if (!accounts.has(n)) {
      const a = prepared<[string], { id: number }>(db, 'SELECT id FROM accounts WHERE account_number = ?').get(n);
      if (a) accounts.set(n, a.id);
    }

  // The placement each account's line belongs to: the open one, else the latest returned.
  const placementOf = new Map<number, PlacementFound>();
  for (const p of prepared<[{ agency: number; accounts: string }], PlacementFound>(db, PLACEMENTS_OF_LINES_SQL).iterate(
    { agency: agency.id, accounts: json(accounts.values()) },
  ))
    placementOf.set(p.account_id, p); // ordered so that the one to use comes last

  const references = new Set(source.lines.map((l) => l.agencyReference).filter((r) => r !== ''));
  const earlier = new Map<string, EarlierLine>();
  for (const e of prepared<[{ agency: number; refs: string }], EarlierLine>(db, EARLIER_LINES_SQL).iterate({
    agency: agency.id,
    refs: json(references),
  }))
    earlier.set(e.agency_reference, e); // a positive line last: the one a negative line takes back

  // The agency's earlier payments on these accounts that still stand, by account, day and amount: a
  // line that repeats one (and cannot be told apart by transaction ids) is the same payment again,
  // sent under a new remittance number.
  const samePayment = new Map<string, { reference: string; line_no: number; agency_reference: string }>();
  const paymentKey = (accountId: number, paidOn: string, cents: number) => `${accountId}/${paidOn}/${cents}`;
  for (const e of prepared<
    [{ agency: number; accounts: string }],
    {
      account_id: number;
      paid_on: string;
      collected_cents: number;
      reference: string;
      line_no: number;
      agency_reference: string;
    }
  >(db, SAME_PAYMENTS_SQL).iterate({ agency: agency.id, accounts: json(accounts.values()) }))
    samePayment.set(paymentKey(e.account_id, e.paid_on, e.collected_cents), e);

  const lines: CheckedLine[] = [];
  const seenReference = new Map<string, number>();
  const seenPayment = new Map<string, { line: number; agencyReference: string }>();
  const takenBack = new Map<string, number>();
  for (const l of source.lines) {
    const before = problems.length;
    const accountId = l.accountNumber === '' ? undefined : accounts.get(l.accountNumber.toUpperCase());
    if (l.accountNumber !== '' && accountId === undefined)
      problem(l.line, 'account', `There is no account ${l.accountNumber}.`);
    const placement = accountId === undefined ? undefined : placementOf.get(accountId);
    if (accountId !== undefined && placement === undefined)
      problem(l.line, 'account', `Account ${l.accountNumber} has never been placed with ${agency.name}.`);
    if (l.paidOn !== null && l.paidOn > receivedOn)
      problem(l.line, 'paidOn', `Paid on ${formatShortDate(l.paidOn)}, after the remittance was received.`);
    if (l.paidOn !== null && placement?.placed_on && l.paidOn < placement.placed_on)
      problem(
        l.line,
        'paidOn',
        `Paid on ${formatShortDate(l.paidOn)}, before account ${l.accountNumber} was placed with ${agency.name} on ${formatShortDate(placement.placed_on)}.`,
      );
    if (
      l.paidOn !== null &&
      placement?.status === 'returned' &&
      placement.returned_on &&
      l.paidOn > placement.returned_on
    )
      problem(
        l.line,
        'paidOn',
        `Paid on ${formatShortDate(l.paidOn)}, after account ${l.accountNumber} came back from ${agency.name} on ${formatShortDate(placement.returned_on)}.`,
      );
    if (accountId !== undefined && l.paidOn !== null && l.collectedCents !== null && l.collectedCents > 0) {
      const key = paymentKey(accountId, l.paidOn, l.collectedCents);
      // Two transaction ids tell payments apart (the same id twice is refused by its own check below).
      const distinct = (ref: string) => l.agencyReference !== '' && ref !== '';
      const before = samePayment.get(key);
      const inFile = seenPayment.get(key);
      if (before && !distinct(before.agency_reference))
        problem(
          l.line,
          'collected',
          `${formatCents(l.collectedCents)} paid on ${formatShortDate(l.paidOn)} on account ${l.accountNumber} was already posted in remittance ${before.reference}, line ${before.line_no}. Give each payment the agency's transaction id to post a second one of the same amount that day.`,
        );
      else if (inFile && !distinct(inFile.agencyReference))
        problem(
          l.line,
          'collected',
          `The same payment (${formatCents(l.collectedCents)} on ${formatShortDate(l.paidOn)}) is on line ${inFile.line} too. Give each payment the agency's transaction id to post both.`,
        );
      if (!inFile) seenPayment.set(key, { line: l.line, agencyReference: l.agencyReference });
    }
    const prior = l.agencyReference === '' ? undefined : earlier.get(l.agencyReference);
    const collected = l.collectedCents;
    let reversesEntryId: number | null = null;
    let placementId = placement?.id;
    let contractFee: number | null = null;
    if (collected !== null && collected > 0 && l.agencyReference !== '') {
      const again = seenReference.get(l.agencyReference);
      if (again !== undefined)
        problem(
          l.line,
          'agencyReference',
          `Transaction id ${l.agencyReference} is also on line ${again} of this remittance.`,
        );
      else if (prior)
        problem(
          l.line,
          'agencyReference',
          `Transaction id ${l.agencyReference} was already posted in remittance ${prior.reference}, line ${prior.line_no}.`,
        );
      seenReference.set(l.agencyReference, l.line);
    }
    if (collected !== null && collected < 0) {
      // A payment the agency takes back: the earlier line with the same transaction id is reversed.
      if (l.agencyReference === '')
        problem(
          l.line,
          'agencyReference',
          'A negative line needs the agency transaction id of the payment it takes back.',
        );
      else if (!prior || prior.collected_cents < 0)
        problem(
          l.line,
          'agencyReference',
          `No earlier line of ${agency.name} has transaction id ${l.agencyReference}.`,
        );
      else if (takenBack.has(l.agencyReference))
        problem(
          l.line,
          'agencyReference',
          `Transaction id ${l.agencyReference} is taken back on line ${takenBack.get(l.agencyReference)} of this remittance already.`,
        );
      else if (prior.reversed)
        problem(
          l.line,
          'agencyReference',
          `Transaction id ${l.agencyReference} (remittance ${prior.reference}, line ${prior.line_no}) was already taken back.`,
        );
      else if (accountId !== undefined && prior.account_id !== accountId)
        problem(l.line, 'account', `Transaction id ${l.agencyReference} was posted to another account.`);
      else if (prior.collected_cents !== -collected)
        problem(
          l.line,
          'collected',
          `Takes back ${formatCents(-collected)}, but transaction id ${l.agencyReference} collected ${formatCents(prior.collected_cents)}; a take-back is the whole payment.`,
        );
      else {
        takenBack.set(l.agencyReference, l.line);
        reversesEntryId = prior.ledger_entry_id;
        placementId = prior.placement_id;
        contractFee = -prior.fee_cents;
      }
    }
    if (collected !== null && placement && contractFee === null) {
      if (placement.fee_rate_bp === null)
        problem(l.line, 'account', `The placement of ${l.accountNumber} has no fee rate.`);
      else contractFee = agencyFee(collected, placement.fee_rate_bp);
    }
    const fee = l.feeCents === undefined ? contractFee : l.feeCents;
    if (collected !== null && fee !== null && l.feeCents !== undefined && l.feeCents !== null) {
      if (Math.sign(fee) * Math.sign(collected) < 0 || Math.abs(fee) > Math.abs(collected))
        problem(
          l.line,
          'fee',
          `The fee ${formatCents(fee)} does not fit what was collected (${formatCents(collected)}).`,
        );
    }
    const remitted =
      collected !== null && fee !== null ? remittedCents(agency.remittance_method, collected, fee) : null;
    if (remitted !== null && l.remittedCents !== undefined && l.remittedCents !== null && l.remittedCents !== remitted)
      problem(
        l.line,
        'remitted',
        method === 'gross'
          ? `Remitted ${formatCents(l.remittedCents)} does not add up: ${agency.name} remits gross, so it sends all it collected, ${formatCents(collected ?? 0)}.`
          : `Remitted ${formatCents(l.remittedCents)} does not add up: ${agency.name} remits net, so it sends what it collected less its fee, ${formatCents(collected ?? 0)} − ${formatCents(fee ?? 0)} = ${formatCents(remitted)}.`,
      );
    if (
      problems.length === before &&
      accountId !== undefined &&
      placementId !== undefined &&
      l.paidOn !== null &&
      collected !== null &&
      fee !== null &&
      remitted !== null
    )
      lines.push({
        line: l.line,
        accountId,
        placementId,
        paidOn: l.paidOn,
        collectedCents: collected,
        feeCents: fee,
        remittedCents: remitted,
        agencyReference: l.agencyReference,
        reversesEntryId,
      });
  }
  problems.sort((a, b) => a.line - b.line);
  return { lines, problems };
}

function totalsOf(checked: readonly CheckedLine[]) {
  let collected = 0;
  let fee = 0;
  let remitted = 0;
  for (const l of checked) {
    collected += l.collectedCents;
    fee += l.feeCents;
    remitted += l.remittedCents;
  }
  return { collected, fee, remitted };
}

/** Where an uploaded file's bytes come from: the user's upload ('import:upload'), or the bench's own. */
export type UploadSource = (uploadId: string) => { fileName: string; bytes: Buffer };

function check(app: RecoupApp, input: RemittanceInput, upload: UploadSource): Checked {
  const db = app.store.db;
  const agency = agencyRow(db, input.agencyId);
  if (input.receivedOn > app.clock.today())
    throw new AppError('invalid_input', 'The remittance cannot be received after today.', {
      receivedOn: 'The remittance cannot be received after today.',
    });
  const source = remittanceSource(db, input, upload);
  const { lines, problems } = checkLines(db, agency, source, input.receivedOn);
  return {
    agency,
    source,
    lines,
    problems,
    totals: totalsOf(lines),
    alreadyPosted: earlierPosting(db, agency.id, input.reference, source.sha256),
  };
}

/** What posting would do: totals of the good lines, every line's problem, and whether it was posted before. Writes nothing. */
export function previewRemittance(app: RecoupApp, userId: number, input: RemittanceInput): RemittancePreview {
  const c = check(app, input, (uploadId) => app.uploads.bytes(userId, uploadId));
  return {
    agencyName: c.agency.name,
    method: c.agency.remittance_method,
    lineCount: c.source.lines.length,
    collectedCents: c.totals.collected,
    feeCents: c.totals.fee,
    remittedCents: c.totals.remitted,
    problems: c.problems,
    alreadyPosted: c.alreadyPosted ? { remittanceId: c.alreadyPosted.id, reference: c.alreadyPosted.reference } : null,
  };
}

function describeProblem(p: RemittanceLineProblem): string {
  return `line ${p.line}${p.field ? ` (${p.field})` : ''}: ${p.reason}`;
}

/**
 * Posts the remittance, every line in one ledger change, or nothing: a remittance posted before
 * (the same number or the same file) is refused naming it; any line's problem refuses them all.
 */
export function postRemittance(
  app: RecoupApp,
  by: number,
  input: RemittanceInput,
  upload: UploadSource = (uploadId) => app.uploads.bytes(by, uploadId),
): number {
  const c = check(app, input, upload);
  if (c.alreadyPosted) {
    const p = c.alreadyPosted;
    const what =
      p.reference === input.reference
        ? `Remittance ${p.reference} from ${p.agency_name} was already posted`
        : `This file was already posted as remittance ${p.reference} from ${p.agency_name}`;
    throw new AppError(
      'conflict',
      `${what} on ${formatShortDate(p.posted_at.slice(0, 10))} (received ${formatShortDate(p.received_on)}, ${plural(p.line_count, 'line', 'lines')}, ${formatCents(p.collected_cents)} collected). Nothing was posted again.`,
    );
  }
  if (c.problems.length > 0) {
    const fields: Record<string, string> = {};
    for (const p of c.problems) {
      const key = `line ${p.line}${p.field ? `.${p.field}` : ''}`;
      fields[key] = fields[key] ? `${fields[key]} ${p.reason}` : p.reason;
    }
    const shown = c.problems.slice(0, 5).map(describeProblem).join('; ');
    throw new AppError(
      'invalid_input',
      `Nothing was posted: ${plural(c.problems.length, 'problem', 'problems')} in the remittance. ${shown}${c.problems.length > 5 ? `; and ${c.problems.length - 5} more` : ''}. Correct the file (or the lines) and post it again.`,
      fields,
    );
  }
  const db = app.store.db;
  const remittanceId = changeLedger(app, by, (ledger) => {
    const id = Number(
      prepared(
        db,
        `INSERT INTO agency_remittances (agency_id, reference, method, received_on, source, file_name, file_sha256, line_count,
                                         collected_cents, fee_cents, remitted_cents, posted_at, posted_by)
         VALUES (@agency, @reference, @method, @received, @source, @fileName, @sha, @count, @collected, @fee, @remitted, @at, @by)`,
      ).run({
        agency: c.agency.id,
        reference: input.reference,
        method: c.agency.remittance_method,
        received: input.receivedOn,
        source: c.source.source,
        fileName: c.source.fileName,
        sha: c.source.sha256,
        count: c.lines.length,
        collected: c.totals.collected,
        fee: c.totals.fee,
        remitted: c.totals.remitted,
        at: ledger.when.now,
        by,
      }).lastInsertRowid,
    );
    // The patient paid what the agency collected: each line lowers the balance by that, never by
    // the fee. Payments in one multi-row write; a take-back reverses its earlier entry.
    const payments = c.lines.filter((l) => l.reversesEntryId === null);
    const paymentIds = ledger.postMany(
      payments.map((l) => ({
        accountId: l.accountId,
        type: 'agency_remittance' as const,
        amountCents: -l.collectedCents,
        effectiveDate: l.paidOn,
        reference: input.reference,
        memo: `${c.agency.name}, line ${l.line}${l.agencyReference ? `, transaction ${l.agencyReference}` : ''}`,
      })),
    );
    const entryOf = new Map<CheckedLine, number>(payments.map((l, i) => [l, paymentIds[i]!]));
    for (const l of c.lines)
      if (l.reversesEntryId !== null)
        entryOf.set(
          l,
          ledger.reverse(l.reversesEntryId, {
            reason: `${c.agency.name} took back transaction ${l.agencyReference} (remittance ${input.reference}, line ${l.line})`,
            effectiveDate: l.paidOn,
          }),
        );
    insertLines(db, id, c.lines, entryOf);
    return id;
  });
  // The file's bytes (patients' payments) are not kept in memory once posted.
  if (input.source === 'file') app.uploads?.discard(input.uploadId);
  return remittanceId;
}

const LINES_PER_STATEMENT = 500;

function insertLines(db: Db, remittanceId: number, lines: readonly CheckedLine[], entryOf: Map<CheckedLine, number>) {
  for (let at = 0; at < lines.length; at += LINES_PER_STATEMENT) {
    const chunk = lines.slice(at, at + LINES_PER_STATEMENT);
    const args: (string | number)[] = [];
    for (const l of chunk)
      args.push(
        remittanceId,
        l.line,
        l.placementId,
        l.accountId,
        l.paidOn,
        l.collectedCents,
        l.feeCents,
        l.remittedCents,
        l.agencyReference,
        entryOf.get(l)!,
      );
    prepared(
      db,
      `INSERT INTO agency_remittance_lines (remittance_id, line_no, placement_id, account_id, paid_on, collected_cents,
                                            fee_cents, remitted_cents, agency_reference, ledger_entry_id)
       VALUES ${Array.from({ length: chunk.length }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    ).run(...args);
  }
}

export interface ReconcileFigures {
  remittanceId: number;
  chequeCents: number;
  chequeReference: string;
  invoiceCents: number;
  invoiceReference: string;
  note: string;
}

/** Records the cheque or transfer and the agency's invoice against a remittance; answers the reconciliation. */
export function reconcileRemittance(db: Db, r: ReconcileFigures, today: string, by: number): ReconciliationView {
  const done = prepared(
    db,
    `UPDATE agency_remittances SET cheque_cents = @cheque, cheque_reference = @chequeRef, invoice_cents = @invoice,
            invoice_reference = @invoiceRef, reconcile_note = @note, reconciled_on = @today, reconciled_by = @by
      WHERE id = @id`,
  ).run({
    id: r.remittanceId,
    cheque: r.chequeCents,
    chequeRef: r.chequeReference,
    invoice: r.invoiceCents,
    invoiceRef: r.invoiceReference === '' ? null : r.invoiceReference,
    note: r.note,
    today,
    by,
  });
  if (done.changes === 0) throw new AppError('not_found', 'There is no such remittance.');
  const view = reconciliationOf(db, r.remittanceId, today, true);
  prepared(db, 'UPDATE agency_remittances SET reconciliation = ? WHERE id = ?').run(
    JSON.stringify(view),
    r.remittanceId,
  );
  return view;
}
