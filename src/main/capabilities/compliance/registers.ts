// The monthly compliance registers an auditor reads: every statement and final notice sent, every
// ECA attempt allowed or refused with the clock's reasons, and every hold placed or released.
import { csvText } from '../../platform/csv';
import { formatShortDate } from '../../../shared/dates';
import { formatDecimal } from '../../../shared/money';
import type { FapStatus } from '../../../shared/schemas/accounts';
import type { MonthlyRegisters, RegisterKind } from '../../../shared/schemas/registers';
import type { Db } from '../../store/database';
import { guarantorName } from '../accounts';

function range(month: string): [string, string] {
  return [`${month}-01`, `${month}-31`];
}

export function monthlyRegisters(db: Db, month: string): MonthlyRegisters {
  const [from, to] = range(month);
  const statements = (
    db
      .prepare(
        `SELECT s.statement_date, g.first_name, g.middle_name, g.last_name, g.external_id, s.kind, s.number_in_cycle, s.amount_due_cents,
                (SELECT group_concat(a.account_number || CASE sa.step WHEN 'final_notice' THEN ' (final notice)'
                                                               WHEN 'after_notice' THEN ' (after final notice)'
                                                               ELSE ' (' || sa.number || ')' END, ', ')
                   FROM statement_accounts sa JOIN accounts a ON a.id = sa.account_id WHERE sa.statement_id = s.id) AS accounts
           FROM statements s JOIN guarantors g ON g.id = s.guarantor_id
          WHERE s.statement_date BETWEEN ? AND ? ORDER BY s.statement_date, g.last_name, g.first_name, s.id`,
      )
      .all(from, to) as {
      statement_date: string;
      first_name: string;
      middle_name: string;
      last_name: string;
      external_id: string | null;
      kind: 'regular' | 'final_notice';
      number_in_cycle: number;
      amount_due_cents: number;
      accounts: string | null;
    }[]
  ).map((r) => ({
    accounts: r.accounts ?? '',
    date: r.statement_date,
    guarantor: guarantorName(r),
    guarantorNumber: r.external_id,
    kind: r.kind,
    numberInCycle: r.number_in_cycle,
    amountDueCents: r.amount_due_cents,
  }));
  const ecaAttempts = (
    db
      .prepare(
        `SELECT e.attempted_on, a.account_number, g.first_name, g.middle_name, g.last_name, a.first_statement_date,
                a.final_notice_date, e.kind, e.allowed, e.allowed_from, e.reasons, u.full_name AS by_name
           FROM eca_attempts e JOIN accounts a ON a.id = e.account_id JOIN guarantors g ON g.id = a.guarantor_id
           LEFT JOIN users u ON u.id = e.by
          WHERE e.attempted_on BETWEEN ? AND ? ORDER BY e.attempted_on, e.id`,
      )
      .all(from, to) as {
      attempted_on: string;
      account_number: string;
      first_name: string;
      middle_name: string;
      last_name: string;
      first_statement_date: string | null;
      final_notice_date: string | null;
      kind: string;
      allowed: number;
      allowed_from: string | null;
      reasons: string;
      by_name: string | null;
    }[]
  ).map((r) => {
    const reasons = JSON.parse(r.reasons) as string[];
    // An allowed action shows the notices that allowed it; a refused one, the clock's reasons.
    const why =
      r.allowed === 1
        ? `Notices complete: first statement ${r.first_statement_date ? formatShortDate(r.first_statement_date) : '—'}, final notice ${r.final_notice_date ? formatShortDate(r.final_notice_date) : '—'}; allowed from ${r.allowed_from ? formatShortDate(r.allowed_from) : '—'} (ECA-05).`
        : reasons.join(' ');
    return {
      date: r.attempted_on,
      accountNumber: r.account_number,
      guarantor: guarantorName(r),
      kind: r.kind,
      allowed: r.allowed === 1,
      allowedFrom: r.allowed_from,
      reasons,
      why,
      by: r.by_name,
    };
  });
  const holds = (
    db
      .prepare(
        `SELECT h.placed_on AS date, 'placed' AS event, g.first_name, g.middle_name, g.last_name, a.account_number, h.reason, h.note, pu.full_name AS by_name
           FROM holds h JOIN guarantors g ON g.id = h.guarantor_id LEFT JOIN accounts a ON a.id = h.account_id
           LEFT JOIN users pu ON pu.id = h.placed_by WHERE h.placed_on BETWEEN @from AND @to
         UNION ALL
         SELECT h.released_on, 'released', g.first_name, g.middle_name, g.last_name, a.account_number, h.reason, coalesce(h.release_note, ''), ru.full_name
           FROM holds h JOIN guarantors g ON g.id = h.guarantor_id LEFT JOIN accounts a ON a.id = h.account_id
           LEFT JOIN users ru ON ru.id = h.released_by WHERE h.released_on BETWEEN @from AND @to
         ORDER BY 1, 2`,
      )
      .all({ from, to }) as {
      date: string;
      event: 'placed' | 'released';
      first_name: string;
      middle_name: string;
      last_name: string;
      account_number: string | null;
      reason: string;
      note: string;
      by_name: string | null;
    }[]
  ).map((r) => ({
    date: r.date,
    event: r.event,
    guarantor: guarantorName(r),
    accountNumber: r.account_number,
    reason: r.reason,
    note: r.note,
    by: r.by_name,
  }));
  // Financial-assistance applications and decisions: a pending application suspends every ECA (ECA-05).
  const assistance = (
    db
      .prepare(
        `SELECT f.status_date, g.first_name, g.middle_name, g.last_name, g.external_id, f.status, f.note, u.full_name AS by_name
           FROM fap_history f JOIN guarantors g ON g.id = f.guarantor_id LEFT JOIN users u ON u.id = f.recorded_by
          WHERE f.status_date BETWEEN ? AND ? ORDER BY f.status_date, f.id`,
      )
      .all(from, to) as {
      status_date: string;
      first_name: string;
      middle_name: string;
      last_name: string;
      external_id: string | null;
      status: FapStatus;
      note: string;
      by_name: string | null;
    }[]
  ).map((r) => ({
    date: r.status_date,
    guarantor: guarantorName(r),
    guarantorNumber: r.external_id,
    status: r.status,
    note: r.note,
    by: r.by_name,
  }));
  return { month, statements, ecaAttempts, holds, assistance };
}

/** One of the month's registers as CSV (docs/export-format.md), through the one CSV writer. */
export function registerCsv(r: MonthlyRegisters, register: RegisterKind): string {
  switch (register) {
    case 'assistance':
      return csvText(
        ['date', 'guarantor', 'guarantor_number', 'status', 'note', 'by'],
        r.assistance.map((a) => [a.date, a.guarantor, a.guarantorNumber, a.status, a.note, a.by]),
      );
    case 'statements':
      return csvText(
        ['date', 'guarantor', 'guarantor_number', 'kind', 'number_in_cycle', 'accounts', 'amount_due'],
        r.statements.map((s) => [
          s.date,
          s.guarantor,
          s.guarantorNumber,
          s.kind,
          s.numberInCycle,
          s.accounts,
          formatDecimal(s.amountDueCents),
        ]),
      );
    case 'eca_attempts':
      return csvText(
        ['date', 'guarantor', 'account', 'action', 'allowed', 'allowed_from', 'why', 'by'],
        r.ecaAttempts.map((e) => [
          e.date,
          e.guarantor,
          e.accountNumber,
          e.kind,
          e.allowed ? 'Y' : 'N',
          e.allowedFrom,
          e.why,
          e.by,
        ]),
      );
    case 'holds':
      return csvText(
        ['date', 'event', 'guarantor', 'account', 'reason', 'note', 'by'],
        r.holds.map((h) => [h.date, h.event, h.guarantor, h.accountNumber ?? 'all', h.reason, h.note, h.by]),
      );
  }
}
