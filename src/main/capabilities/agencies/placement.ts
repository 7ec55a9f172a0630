// Placement: who may be placed (placementExclusions, one rule in src/shared, with the reason for
// each account left out), a draft batch a clerk builds (by agency share, by the scorecard, or by
// hand) and reviews, and its release by a supervisor: each account checked again, placed with the
// fee of the day, held from statements ("placed with agency": the statement run, the work queue
// and the 501(r) gate all honour the hold), and the placement file written in the agency's layout
// with only the minimum necessary (HP-02), kept in the encrypted store for reprints. A referral is
// not an extraordinary collection action (ECA-03), so placement does not pass the gate; an
// agency's own ECAs do (ecaRequests.ts).
import { AppError } from '../../../shared/errors';
import { sortedName } from '../../../shared/names';
import { feeRateOn } from '../../../shared/rules/agencyFees';
import { DEFAULT_ECA_POLICY } from '../../../shared/rules/ecaClock';
import {
  PLACEMENT_EXCLUSION_LABELS,
  placementExclusions,
  recallDueOn,
  splitByWeight,
  type AgencyPolicy,
} from '../../../shared/rules/agencyPlacement';
import type { HoldReason } from '../../../shared/rules/statementCycle';
import {
  PLACEMENT_EXCLUSIONS,
  type AccountPlacementView,
  type BuildBatchInput,
  type EligibleView,
  type PlacementBatchDetail,
  type PlacementBatchView,
  type PlacementCandidateView,
  type PlacementExclusion,
  type PlacementKind,
  type PlacementRowView,
} from '../../../shared/schemas/agencies';
import { storeDocument } from '../../platform/documents';
import { agencyPolicy } from '../../platform/settings';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { addDays } from '../../../shared/dates';
import type { AgenciesRow } from '../../store/schema';
import { guarantorsOwedRefund, placeHold } from '../compliance';
import { activePlanSql } from '../plans';
import { agencyRow, cannotPlace, feeRates, layoutOf } from './agencies';
import { writeLayout, type LayoutRow } from './layouts';
import {
  cancelBatchRow,
  dropProposed,
  insertBatch,
  insertProposed,
  markPlaced,
  releaseBatchRow,
} from './placementRows';

interface FactsRow {
  id: number;
  account_number: string;
  guarantor_id: number;
  balance_cents: number;
  payer_class: string;
  first_statement_date: string | null;
  final_notice_date: string | null;
  last_name: string;
  first_name: string;
  middle_name: string;
  state: string;
  deceased: number;
  bankruptcy: number;
  fap_status: string;
  holds: string | null;
  on_plan: number;
  placed_in: number | null;
}

const FACTS_SQL = `
  SELECT a.id, a.account_number, a.guarantor_id, a.balance_cents, a.payer_class, a.first_statement_date, a.final_notice_date,
         g.last_name, g.first_name, g.middle_name, g.state, g.deceased, g.bankruptcy, g.fap_status,
         (SELECT group_concat(h.reason) FROM holds h
           WHERE h.guarantor_id = a.guarantor_id AND (h.account_id IS NULL OR h.account_id = a.id)
             AND h.released_on IS NULL AND (h.until IS NULL OR h.until >= @today)) AS holds,
         EXISTS (SELECT 1 FROM plan_accounts pa JOIN plans p ON p.id = pa.plan_id
                  WHERE pa.account_id = a.id AND ${activePlanSql('p')}) AS on_plan,
         (SELECT pl.batch_id FROM placements pl WHERE pl.account_id = a.id AND pl.status IN ('proposed','placed')) AS placed_in
    FROM accounts a JOIN guarantors g ON g.id = a.guarantor_id`;

function exclusionsOf(
  r: FactsRow,
  today: string,
  policy: AgencyPolicy,
  owedRefund: ReadonlySet<number>,
  ownBatch: number | null = null,
  licensed?: boolean,
): PlacementExclusion[] {
  return placementExclusions(
    {
      balanceCents: r.balance_cents,
      firstStatementDate: r.first_statement_date,
      finalNoticeDate: r.final_notice_date,
      holds: r.holds ? (r.holds.split(',') as HoldReason[]) : [],
      onActivePlan: r.on_plan === 1,
      fapPending: r.fap_status === 'pending',
      deceased: r.deceased === 1,
      bankruptcy: r.bankruptcy === 1,
      refundOwed: owedRefund.has(r.guarantor_id),
      placedNow: r.placed_in !== null && r.placed_in !== ownBatch,
      licensed,
    },
    today,
    policy,
  );
}

function candidateOf(r: FactsRow, reasons: PlacementExclusion[]): PlacementCandidateView {
  return {
    accountId: r.id,
    accountNumber: r.account_number,
    guarantorId: r.guarantor_id,
    guarantorName: sortedName({ firstName: r.first_name, middleName: r.middle_name, lastName: r.last_name }),
    guarantorState: r.state,
    payerClass: r.payer_class,
    balanceCents: r.balance_cents,
    finalNoticeDate: r.final_notice_date,
    reasons,
  };
}

/**
 * The delinquent book as placement sees it: every account with a balance whose collection cycle
 * reached the final notice, eligible or left out with its reasons (largest balances first).
 */
function assess(
  db: Db,
  today: string,
  guarantorId: number | undefined,
): { eligible: PlacementCandidateView[]; leftOut: PlacementCandidateView[] } {
  const policy = agencyPolicy(db);
  const owed = guarantorsOwedRefund(db);
  const rows = db
    .prepare(
      `${FACTS_SQL} WHERE a.balance_cents > 0 AND a.final_notice_date IS NOT NULL
         ${guarantorId === undefined ? '' : 'AND a.guarantor_id = @guarantorId'}
       ORDER BY a.balance_cents DESC, a.id`,
    )
    .all(guarantorId === undefined ? { today } : { today, guarantorId }) as FactsRow[];
  const eligible: PlacementCandidateView[] = [];
  const leftOut: PlacementCandidateView[] = [];
  for (const r of rows) {
    const reasons = exclusionsOf(r, today, policy, owed);
    (reasons.length === 0 ? eligible : leftOut).push(candidateOf(r, reasons));
  }
  return { eligible, leftOut };
}

/**
 * The eligible accounts, largest balance first, at most `max` of them, for a batch. The accounts
 * that cannot pass the rule's dates and minimum are left out in SQL first (the rule still decides
 * every account it is given; the minimum is the same whatever the payer, BD-06), read from the
 * index of the accounts with a final notice in the batch's order (accounts_placeable, migration
 * 029) a slice at a time, and each account's expensive facts (guarantor, holds, plans,
 * placements) are read only until `max` are found: a batch of 20,000 reads about 20,000 accounts'
 * facts, not those of every account that owes.
 */
function eligibleFirst(db: Db, today: string, max: number): PlacementCandidateView[] {
  const policy = agencyPolicy(db);
  const owed = guarantorsOwedRefund(db);
  // The next slice after (balance, id), in the index's order: a range of the index from the
  // balance down, the accounts of that same balance already seen left out.
  const slice = prepared(
    db,
    `SELECT a.id, a.balance_cents FROM accounts a
      WHERE a.balance_cents >= @minimum AND a.final_notice_date <= @noticeBy AND a.first_statement_date <= @firstBy
        AND a.balance_cents <= @balance AND (a.balance_cents < @balance OR a.id > @id)
      ORDER BY a.balance_cents DESC, a.id LIMIT @limit`,
  );
  const facts = prepared(db, `${FACTS_SQL} WHERE a.id = @id`);
  const where = {
    minimum: Math.max(1, policy.minimumBalanceCents),
    noticeBy: addDays(today, -policy.daysAfterFinalNotice),
    firstBy: addDays(today, -DEFAULT_ECA_POLICY.notificationDays),
  };
  const out: PlacementCandidateView[] = [];
  let after = { balance: Number.MAX_SAFE_INTEGER, id: 0 };
  while (out.length < max) {
    const ids = slice.all({ ...where, ...after, limit: SLICE }) as { id: number; balance_cents: number }[];
    for (const { id } of ids) {
      if (out.length >= max) break;
      const r = facts.get({ today, id }) as FactsRow;
      if (exclusionsOf(r, today, policy, owed).length === 0) out.push(candidateOf(r, []));
    }
    const last = ids[ids.length - 1];
    if (ids.length < SLICE || last === undefined) break;
    after = { balance: last.balance_cents, id: last.id };
  }
  return out;
}

/** The accounts read from the index at a time by eligibleFirst. */
const SLICE = 4096;

export function eligibleAccounts(db: Db, today: string, guarantorId: number | undefined, limit: number): EligibleView {
  const { eligible, leftOut } = assess(db, today, guarantorId);
  const byReason = Object.fromEntries(PLACEMENT_EXCLUSIONS.map((r) => [r, 0])) as Record<PlacementExclusion, number>;
  for (const c of leftOut) for (const r of c.reasons) byReason[r]++;
  return {
    eligibleCount: eligible.length,
    eligibleCents: eligible.reduce((t, c) => t + c.balanceCents, 0),
    eligible: eligible.slice(0, limit),
    leftOutCount: leftOut.length,
    leftOutByReason: byReason,
    leftOut: leftOut.slice(0, limit),
  };
}

/** The agencies that can take a placement of this kind today (active, a BAA, a fee in force). */
function placeableAgencies(db: Db, kind: PlacementKind, today: string): AgenciesRow[] {
  return (db.prepare('SELECT * FROM agencies WHERE active = 1 ORDER BY id').all() as AgenciesRow[]).filter(
    (a) => cannotPlace(db, a, kind, today) === null,
  );
}

/**
 * Deals accounts (largest first) to agencies by their quotas, interleaved so that each agency gets
 * its share of large and small balances alike: each account goes to the agency furthest behind its
 * quota among those that can take it (licensed where the guarantor lives). An account no agency
 * with room can take then goes to the least loaded agency (by weight) that can take it; one no
 * agency can take waits for another batch.
 */
function deal<T>(
  items: readonly T[],
  quotas: readonly number[],
  weights: readonly number[],
  canTake: (item: T, i: number) => boolean,
): T[][] {
  const out: T[][] = quotas.map(() => []);
  const given = quotas.map(() => 0);
  const pick = (item: T, score: (i: number) => number | null): number => {
    let best = -1;
    let bestScore = -Infinity;
    quotas.forEach((_q, i) => {
      if (!canTake(item, i)) return;
      const sc = score(i);
      if (sc !== null && sc > bestScore) {
        bestScore = sc;
        best = i;
      }
    });
    return best;
  };
  for (const item of items) {
    let best = pick(item, (i) => {
      const q = quotas[i] ?? 0;
      return (given[i] ?? 0) < q ? 1 - (given[i] ?? 0) / q : null;
    });
    if (best === -1) best = pick(item, (i) => ((weights[i] ?? 0) > 0 ? -(given[i] ?? 0) / (weights[i] ?? 1) : null));
    if (best === -1) continue;
    out[best]?.push(item);
    given[best] = (given[best] ?? 0) + 1;
  }
  return out;
}

export type ScoreWeights = (db: Db, kind: PlacementKind, agencyIds: readonly number[], today: string) => number[];

/**
 * Builds draft batches: by share (the agencies' contracted shares), by score (weights given by the
 * scorecard: net-back per dollar placed), or by hand (the accounts and agency the clerk chose,
 * each checked; any that cannot be placed refuses the build, naming it and why).
 */
export function buildBatches(
  db: Db,
  input: BuildBatchInput,
  today: string,
  at: string,
  by: number,
  scoreWeights: ScoreWeights,
): number[] {
  if (input.method === 'hand') {
    const agency = agencyRow(db, input.agencyId as number);
    const why = cannotPlace(db, agency, input.kind, today);
    if (why) throw new AppError('not_allowed', why, { agencyId: why });
    const ids = [...new Set(input.accountIds ?? [])];
    const policy = agencyPolicy(db);
    const owed = guarantorsOwedRefund(db);
    const facts = db.prepare(`${FACTS_SQL} WHERE a.id = @id`);
    const chosen: FactsRow[] = [];
    const refused: string[] = [];
    for (const id of ids) {
      const r = facts.get({ today, id }) as FactsRow | undefined;
      if (!r) throw new AppError('not_found', 'One of the accounts chosen does not exist.');
      const reasons = exclusionsOf(r, today, policy, owed, null, licensedFor(agency, r.state)).map(exclusionLabel);
      if (reasons.length > 0) refused.push(`${r.account_number}: ${reasons.join('; ')}`);
      else chosen.push(r);
    }
    if (refused.length > 0)
      throw new AppError('not_allowed', `These accounts cannot be placed: ${refused.join('. ')}.`, {
        accountIds: 'Take out the accounts that cannot be placed.',
      });
    return [
      db.transaction(() => {
        const batchId = insertBatch(db, { agencyId: agency.id, kind: input.kind, method: 'hand', today, at, by });
        insertProposed(db, batchId, agency.id, input.kind, chosen.map(proposedOf));
        return batchId;
      })(),
    ];
  }
  const agencies = placeableAgencies(db, input.kind, today);
  if (agencies.length === 0)
    throw new AppError(
      'not_allowed',
      'No agency can take these accounts: an agency needs to be active, with a business associate agreement on file and a fee for this kind.',
    );
  const eligible = eligibleFirst(db, today, input.maxAccounts ?? Number.MAX_SAFE_INTEGER);
  if (eligible.length === 0) throw new AppError('not_allowed', 'No account can be placed today.');
  const weights =
    input.method === 'share'
      ? agencies.map((a) => a.share_percent)
      : scoreWeights(
          db,
          input.kind,
          agencies.map((a) => a.id),
          today,
        );
  if (weights.every((w) => w <= 0))
    throw new AppError(
      'not_allowed',
      input.method === 'share'
        ? 'No agency that can take these accounts has a share: give the agencies their shares first.'
        : 'No agency has collected anything yet: build this batch by share instead.',
    );
  const dealt = deal(eligible, splitByWeight(eligible.length, weights), weights, (c, i) =>
    licensedFor(agencies[i] as AgenciesRow, c.guarantorState),
  );
  if (dealt.every((d) => d.length === 0))
    throw new AppError(
      'not_allowed',
      'No agency that can take these accounts is licensed where their guarantors live.',
    );
  return db.transaction(() => {
    const ids: number[] = [];
    agencies.forEach((a, i) => {
      const rows = dealt[i] ?? [];
      if (rows.length === 0) return;
      const batchId = insertBatch(db, { agencyId: a.id, kind: input.kind, method: input.method, today, at, by });
      insertProposed(
        db,
        batchId,
        a.id,
        input.kind,
        rows.map((c) => ({ accountId: c.accountId, guarantorId: c.guarantorId, balanceCents: c.balanceCents })),
      );
      ids.push(batchId);
    });
    return ids;
  })();
}

/**
 * An agency collects only where it is licensed (its licence states): a guarantor living elsewhere
 * is not placed with it. A guarantor without a state on file (no address) may go to any agency.
 */
function licensedFor(agency: AgenciesRow, state: string): boolean {
  if (state.trim() === '') return true;
  return (JSON.parse(agency.licence_states) as string[]).includes(state.trim().toUpperCase());
}

function proposedOf(r: FactsRow) {
  return { accountId: r.id, guarantorId: r.guarantor_id, balanceCents: r.balance_cents };
}

function exclusionLabel(e: PlacementExclusion): string {
  return PLACEMENT_EXCLUSION_LABELS[e].toLowerCase();
}

interface BatchRow {
  id: number;
  agency_id: number;
  agency_name: string;
  kind: PlacementKind;
  method: PlacementBatchView['method'];
  status: PlacementBatchView['status'];
  built_on: string;
  built_by: string | null;
  released_on: string | null;
  released_by: string | null;
  approved_by: string | null;
  file_document_id: number | null;
  count: number;
  cents: number;
}

const BATCH_SQL = `
  SELECT b.id, b.agency_id, ag.name AS agency_name, b.kind, b.method, b.status, b.built_on, bu.full_name AS built_by,
         b.released_on, ru.full_name AS released_by, au.full_name AS approved_by, b.file_document_id,
         (SELECT count(*) FROM placements p WHERE p.batch_id = b.id AND p.status <> 'dropped') AS count,
         (SELECT coalesce(sum(coalesce(p.placed_cents, p.proposed_cents)), 0) FROM placements p
           WHERE p.batch_id = b.id AND p.status <> 'dropped') AS cents
    FROM placement_batches b JOIN agencies ag ON ag.id = b.agency_id
    LEFT JOIN users bu ON bu.id = b.built_by LEFT JOIN users ru ON ru.id = b.released_by
    LEFT JOIN users au ON au.id = b.approved_by`;

function batchView(r: BatchRow): PlacementBatchView {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    kind: r.kind,
    method: r.method,
    status: r.status,
    builtOn: r.built_on,
    builtBy: r.built_by,
    releasedOn: r.released_on,
    releasedBy: r.released_by,
    approvedBy: r.approved_by,
    accountCount: r.count,
    totalCents: r.cents,
    hasFile: r.file_document_id !== null,
  };
}

export function listBatches(db: Db): PlacementBatchView[] {
  return (db.prepare(`${BATCH_SQL} ORDER BY b.id DESC LIMIT 500`).all() as BatchRow[]).map(batchView);
}

function batchRow(db: Db, batchId: number): BatchRow {
  const r = db.prepare(`${BATCH_SQL} WHERE b.id = ?`).get(batchId) as BatchRow | undefined;
  if (!r) throw new AppError('not_found', 'There is no such placement batch.');
  return r;
}

interface PlacementRow {
  id: number;
  account_id: number;
  account_number: string;
  guarantor_id: number;
  last_name: string;
  first_name: string;
  middle_name: string;
  payer_class: string;
  status: PlacementRowView['status'];
  proposed_cents: number;
  placed_on: string | null;
  placed_cents: number | null;
  balance_cents: number;
  fee_rate_bp: number | null;
  returned_on: string | null;
  return_reason: PlacementRowView['returnReason'];
  return_note: string;
  last_payment_on: string | null;
  recall_days: number | null;
}

export const PLACEMENT_ROW_SQL = `
  SELECT p.id, p.account_id, a.account_number, p.guarantor_id, g.last_name, g.first_name, g.middle_name, a.payer_class,
         p.status, p.proposed_cents, p.placed_on, p.placed_cents, a.balance_cents, p.fee_rate_bp, p.returned_on,
         p.return_reason, p.return_note, p.last_payment_on, p.recall_days
    FROM placements p JOIN accounts a ON a.id = p.account_id JOIN guarantors g ON g.id = p.guarantor_id`;

export function placementRowView(r: PlacementRow): PlacementRowView {
  return {
    id: r.id,
    accountId: r.account_id,
    accountNumber: r.account_number,
    guarantorId: r.guarantor_id,
    guarantorName: sortedName({ firstName: r.first_name, middleName: r.middle_name, lastName: r.last_name }),
    payerClass: r.payer_class,
    status: r.status,
    proposedCents: r.proposed_cents,
    placedOn: r.placed_on,
    placedCents: r.placed_cents,
    balanceCents: r.balance_cents,
    feeRateBp: r.fee_rate_bp,
    returnedOn: r.returned_on,
    returnReason: r.return_reason,
    returnNote: r.return_note,
    lastPaymentOn: r.last_payment_on,
    recallDueOn:
      r.status === 'placed' && r.placed_on !== null && r.recall_days !== null
        ? recallDueOn(r.placed_on, r.last_payment_on, r.recall_days)
        : null,
  };
}
export type { PlacementRow };

export function batchDetail(db: Db, batchId: number): PlacementBatchDetail {
  const b = batchRow(db, batchId);
  const rows = db
    .prepare(
      `${PLACEMENT_ROW_SQL} WHERE p.batch_id = ? ORDER BY p.status = 'dropped', coalesce(p.placed_cents, p.proposed_cents) DESC, p.id`,
    )
    .all(batchId) as PlacementRow[];
  return { ...batchView(b), rows: rows.map(placementRowView) };
}

function draft(db: Db, batchId: number): BatchRow {
  const b = batchRow(db, batchId);
  if (b.status !== 'draft')
    throw new AppError(
      'not_allowed',
      `Batch ${batchId} was ${b.status === 'released' ? 'released' : 'cancelled'}; it cannot change.`,
    );
  return b;
}

export function removeFromBatch(
  db: Db,
  batchId: number,
  placementIds: readonly number[],
  today: string,
  by: number,
): number[] {
  draft(db, batchId);
  const accounts: number[] = [];
  const row = prepared(db, `SELECT status, account_id FROM placements WHERE id = ? AND batch_id = ?`);
  db.transaction(() => {
    for (const id of placementIds) {
      const p = row.get(id, batchId) as { status: string; account_id: number } | undefined;
      if (!p || p.status !== 'proposed')
        throw new AppError('not_found', 'One of the accounts chosen is not in this draft batch.', {
          placementIds: 'Choose accounts of this batch.',
        });
      dropProposed(db, id, 'removed', '', today, by);
      accounts.push(p.account_id);
    }
  })();
  return accounts;
}

export function cancelBatch(db: Db, batchId: number, today: string, by: number): void {
  draft(db, batchId);
  db.transaction(() => {
    for (const { id } of db
      .prepare(`SELECT id FROM placements WHERE batch_id = ? AND status = 'proposed'`)
      .all(batchId) as {
      id: number;
    }[])
      dropProposed(db, id, 'cancelled', '', today, by);
    cancelBatchRow(db, batchId, today, by);
  })();
}

/** The placement file's row for a placed account: only the fields HP-02 allows (PLACEMENT_FILE_FIELDS). */
function placementFileRows(db: Db, batchId: number): LayoutRow[] {
  return (
    db
      .prepare(
        `SELECT a.account_number, g.external_id AS guarantor_id, g.mrn, g.last_name, g.first_name, g.middle_name,
                g.date_of_birth, g.address_line1, g.address_line2, g.city, g.state, g.zip, g.phone, a.patient_name,
                a.service_from, a.service_to, p.placed_cents AS balance, a.payer_class, a.first_statement_date,
                a.final_notice_date, p.kind AS placement_kind, p.placed_on
           FROM placements p JOIN accounts a ON a.id = p.account_id JOIN guarantors g ON g.id = p.guarantor_id
          WHERE p.batch_id = ? AND p.status = 'placed' ORDER BY a.account_number`,
      )
      .all(batchId) as Record<string, string | number | null>[]
  ).map((r) => r);
}

export interface Released {
  placed: number;
  placedCents: number;
  dropped: { accountNumber: string; reasons: PlacementExclusion[] }[];
  documentId: number;
  accountIds: number[];
}

/**
 * Releases a draft (the caller has checked the supervisor): every account checked again; those no
 * longer eligible are dropped with their reasons; the rest are placed with the day's fee and held
 * from statements; the file is written and kept. All of it in one transaction. Nothing left to
 * place refuses the release and changes nothing.
 */
export function releaseBatch(
  db: Db,
  batchId: number,
  r: { today: string; at: string; by: number; approvedBy: number | null },
): Released {
  const b = draft(db, batchId);
  const agency = agencyRow(db, b.agency_id);
  const why = cannotPlace(db, agency, b.kind, r.today);
  if (why) throw new AppError('not_allowed', why);
  const rate = feeRateOn(feeRates(db, agency.id), b.kind, r.today) as number;
  const policy = agencyPolicy(db);
  const owed = guarantorsOwedRefund(db);
  // The batch's own rows first (by its index), then each account's facts by its id.
  const proposed = db
    .prepare(`SELECT id, account_id FROM placements WHERE batch_id = ? AND status = 'proposed'`)
    .all(batchId) as { id: number; account_id: number }[];
  const facts = prepared(db, `${FACTS_SQL} WHERE a.id = @id`);
  const rows = proposed.map((p) => ({
    placementId: p.id,
    ...(facts.get({ today: r.today, id: p.account_id }) as FactsRow),
  }));
  const dropped: Released['dropped'] = [];
  const droppedIds = new Map<number, PlacementExclusion[]>();
  const placed: FactsRow[] = [];
  for (const row of rows) {
    const reasons = exclusionsOf(row, r.today, policy, owed, batchId, licensedFor(agency, row.state));
    if (reasons.length > 0) {
      dropped.push({ accountNumber: row.account_number, reasons });
      droppedIds.set(row.placementId, reasons);
    } else placed.push(row);
  }
  dropped.sort((a, b) => a.accountNumber.localeCompare(b.accountNumber));
  if (placed.length === 0)
    throw new AppError(
      'not_allowed',
      `Nothing in batch ${batchId} can be placed today: ${dropped.map((d) => `${d.accountNumber} (${d.reasons.map(exclusionLabel).join('; ')})`).join(', ')}. Cancel the batch.`,
    );
  return db.transaction(() => {
    for (const row of rows) {
      const id = row.placementId;
      const reasons = droppedIds.get(id);
      if (reasons) {
        dropProposed(db, id, 'not_eligible', reasons.map(exclusionLabel).join('; '), r.today, r.by);
        continue;
      }
      const holdId = placeHold(
        db,
        {
          guarantorId: row.guarantor_id,
          accountId: row.id,
          reason: 'placed_with_agency',
          note: `Placed with ${agency.name} (batch ${batchId}).`,
        },
        r.today,
        r.by,
      );
      // The contract's fee and recall days of the day placed stay with the placement.
      markPlaced(db, id, {
        placedOn: r.today,
        placedCents: row.balance_cents,
        feeRateBp: rate,
        recallDays: agency.recall_days,
        holdId,
      });
    }
    const layout = layoutOf(db, agency.id, 'placement');
    const bytes = writeLayout('placement', layout, placementFileRows(db, batchId));
    const documentId = storeDocument(db, {
      guarantorId: null,
      kind: 'agency_placement_file',
      title: `Placement file: ${agency.name}, batch ${batchId}`,
      fileName: agencyFileName('placement', agency.name, batchId, r.today, layout.format),
      mimeType: layout.format === 'csv' ? 'text/csv' : 'text/plain',
      bytes,
      at: r.at,
      by: r.by,
    });
    releaseBatchRow(db, batchId, { ...r, documentId });
    return {
      placed: placed.length,
      placedCents: placed.reduce((t, p) => t + p.balance_cents, 0),
      dropped,
      documentId,
      accountIds: placed.map((p) => p.id),
    };
  })();
}

/** "placement-acme-recovery-12-2026-12-06.csv": the agency's name made safe for a file name. */
export function agencyFileName(
  file: string,
  agency: string,
  id: number,
  date: string,
  format: 'csv' | 'fixed',
): string {
  const slug =
    agency
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-')
      .slice(0, 40) || 'agency';
  return `${file}-${slug}-${id}-${date}.${format === 'csv' ? 'csv' : 'txt'}`;
}

/** The batch's kept placement file, and the accounts it carries (for the export's audit event). */
export function batchFileDocument(db: Db, batchId: number): { documentId: number; accountIds: number[] } {
  const b = batchRow(db, batchId);
  if (b.file_document_id === null)
    throw new AppError(
      'not_allowed',
      `Batch ${batchId} has no placement file: it is written when the batch is released.`,
    );
  const accountIds = db
    .prepare(`SELECT account_id FROM placements WHERE batch_id = ? AND placed_on IS NOT NULL ORDER BY id`)
    .pluck()
    .all(batchId) as number[];
  return { documentId: b.file_document_id, accountIds };
}

/** Accounts with an agency now (or back from one), largest balance first. */
export function listPlacements(
  db: Db,
  q: { agencyId?: number; status: 'placed' | 'returned'; limit: number },
): PlacementRowView[] {
  const rows = db
    .prepare(
      `${PLACEMENT_ROW_SQL} WHERE p.status = @status ${q.agencyId === undefined ? '' : 'AND p.agency_id = @agencyId'}
       ORDER BY ${q.status === 'placed' ? 'a.balance_cents DESC' : 'p.returned_on DESC'}, p.id LIMIT @limit`,
    )
    .all(q.agencyId === undefined ? { status: q.status, limit: q.limit } : q) as PlacementRow[];
  return rows.map(placementRowView);
}

/** Where each of a guarantor's accounts stands with agencies: every placement made, newest first. */
export function placementsOfGuarantor(db: Db, guarantorId: number): AccountPlacementView[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.account_id, a.account_number, p.agency_id, ag.name, p.recall_days, p.kind, p.status, p.placed_on,
              p.placed_cents, p.returned_on, p.return_reason, p.last_payment_on,
              (SELECT coalesce(sum(l.collected_cents), 0) FROM agency_remittance_lines l WHERE l.placement_id = p.id) AS collected
         FROM placements p JOIN accounts a ON a.id = p.account_id JOIN agencies ag ON ag.id = p.agency_id
        WHERE p.guarantor_id = ? AND p.status <> 'dropped' ORDER BY p.id DESC`,
    )
    .all(guarantorId) as {
    id: number;
    account_id: number;
    account_number: string;
    agency_id: number;
    name: string;
    recall_days: number;
    kind: PlacementKind;
    status: AccountPlacementView['status'];
    placed_on: string | null;
    placed_cents: number | null;
    returned_on: string | null;
    return_reason: AccountPlacementView['returnReason'];
    last_payment_on: string | null;
    collected: number;
  }[];
  return rows.map((r) => ({
    placementId: r.id,
    accountId: r.account_id,
    accountNumber: r.account_number,
    agencyId: r.agency_id,
    agencyName: r.name,
    kind: r.kind,
    status: r.status,
    placedOn: r.placed_on,
    placedCents: r.placed_cents,
    returnedOn: r.returned_on,
    returnReason: r.return_reason,
    lastPaymentOn: r.last_payment_on,
    recallDueOn:
      r.status === 'placed' && r.placed_on !== null ? recallDueOn(r.placed_on, r.last_payment_on, r.recall_days) : null,
    collectedCents: r.collected,
  }));
}
