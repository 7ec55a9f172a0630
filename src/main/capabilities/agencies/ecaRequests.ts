// An agency's request for an extraordinary collection action (a credit report, a suit, a
// garnishment …) on an account it holds. ECA-01: the agency's ECAs are the hospital's own, so each
// request passes the 501(r) gate (attemptEca), which writes the ECA register either way; the
// request and the gate's answer are kept here, allowed or refused with the date it becomes allowed.
import { AppError } from '../../../shared/errors';
import type { AgencyEcaRequestView } from '../../../shared/schemas/agencies';
import type { EcaKind } from '../../../shared/rules/ecaClock';
import type { Db } from '../../store/database';
import { attemptEca } from '../compliance';

/**
 * Asks the gate, which records the attempt in the register, and records the request with its answer. Refused: the request and the register's row are kept
 * (attemptEca's refusal keeps what was written) and the refusal names why and from when.
 */
export function requestEca(
  db: Db,
  input: { placementId: number; kind: EcaKind; note: string },
  w: { today: string; now: string; by: number },
  onAccount: (accountId: number) => void = () => undefined,
): { accountId: number } {
  const p = db
    .prepare(
      `SELECT p.account_id, p.status, a.account_number, ag.name FROM placements p JOIN accounts a ON a.id = p.account_id
         JOIN agencies ag ON ag.id = p.agency_id WHERE p.id = ?`,
    )
    .get(input.placementId) as { account_id: number; status: string; account_number: string; name: string } | undefined;
  if (!p) throw new AppError('not_found', 'There is no such placement.');
  onAccount(p.account_id);
  if (p.status !== 'placed')
    throw new AppError('not_allowed', `Account ${p.account_number} is not with ${p.name} now: it cannot act on it.`);
  attemptEca(db, p.account_id, input.kind, w.today, w.now, w.by, {
    byPlacingAgency: true,
    onDecided: (decision) =>
      db
        .prepare(
          `INSERT INTO agency_eca_requests (placement_id, account_id, kind, requested_on, note, allowed, allowed_from, reasons, at, by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.placementId,
          p.account_id,
          input.kind,
          w.today,
          input.note,
          decision.allowed ? 1 : 0,
          decision.allowedFrom,
          JSON.stringify(decision.reasons),
          w.now,
          w.by,
        ),
  });
  return { accountId: p.account_id };
}

export function ecaRequests(db: Db): AgencyEcaRequestView[] {
  return (
    db
      .prepare(
        `SELECT r.id, r.placement_id, a.account_number, ag.name, r.kind, r.requested_on, r.allowed, r.allowed_from, r.reasons, r.note
           FROM agency_eca_requests r JOIN placements p ON p.id = r.placement_id JOIN accounts a ON a.id = r.account_id
           JOIN agencies ag ON ag.id = p.agency_id ORDER BY r.id DESC LIMIT 500`,
      )
      .all() as {
      id: number;
      placement_id: number;
      account_number: string;
      name: string;
      kind: EcaKind;
      requested_on: string;
      allowed: number;
      allowed_from: string | null;
      reasons: string;
      note: string;
    }[]
  ).map((r) => ({
    id: r.id,
    placementId: r.placement_id,
    accountNumber: r.account_number,
    agencyName: r.name,
    kind: r.kind,
    requestedOn: r.requested_on,
    allowed: r.allowed === 1,
    allowedFrom: r.allowed_from,
    reasons: JSON.parse(r.reasons) as string[],
    note: r.note,
  }));
}
