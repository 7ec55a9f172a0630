// Remittances as the clerk reads them: the list (newest first) and one remittance with its lines
// and its reconciliation.
import { AppError } from '../../../shared/errors';
import { fullName } from '../../../shared/names';
import type { RemittanceDetail, RemittanceLineView, RemittanceView } from '../../../shared/schemas/agencies';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { AgencyRemittancesRow } from '../../store/schema';
import { reconciliationOf } from './reconciliation';

type Row = Pick<
  AgencyRemittancesRow,
  | 'id'
  | 'agency_id'
  | 'reference'
  | 'method'
  | 'received_on'
  | 'source'
  | 'line_count'
  | 'collected_cents'
  | 'fee_cents'
  | 'remitted_cents'
  | 'posted_at'
  | 'cheque_cents'
  | 'invoice_cents'
  | 'reconciled_on'
> & { agency_name: string; posted_by_name: string | null };

const SELECT = `SELECT r.id, r.agency_id, r.reference, r.method, r.received_on, r.source, r.line_count, r.collected_cents,
       r.fee_cents, r.remitted_cents, r.posted_at, r.cheque_cents, r.invoice_cents, r.reconciled_on,
       ag.name AS agency_name, u.full_name AS posted_by_name
  FROM agency_remittances r JOIN agencies ag ON ag.id = r.agency_id LEFT JOIN users u ON u.id = r.posted_by`;

function view(r: Row): RemittanceView {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    reference: r.reference,
    method: r.method,
    receivedOn: r.received_on,
    source: r.source,
    lineCount: r.line_count,
    collectedCents: r.collected_cents,
    feeCents: r.fee_cents,
    remittedCents: r.remitted_cents,
    postedAt: r.posted_at,
    postedBy: r.posted_by_name,
    chequeCents: r.cheque_cents,
    invoiceCents: r.invoice_cents,
    reconciledOn: r.reconciled_on,
  };
}

export function listRemittances(db: Db): RemittanceView[] {
  return prepared<[], Row>(db, `${SELECT} ORDER BY r.received_on DESC, r.id DESC`).all().map(view);
}

export function remittanceDetail(db: Db, remittanceId: number, today: string): RemittanceDetail {
  const r = prepared<[number], Row>(db, `${SELECT} WHERE r.id = ?`).get(remittanceId);
  if (!r) throw new AppError('not_found', 'There is no such remittance.');
  const lines = prepared<
    [number],
    {
      line_no: number;
      account_number: string;
      first_name: string;
      middle_name: string;
      last_name: string;
      paid_on: string;
      collected_cents: number;
      fee_cents: number;
      remitted_cents: number;
      agency_reference: string;
    }
  >(
    db,
    `SELECT l.line_no, a.account_number, g.first_name, g.middle_name, g.last_name, l.paid_on, l.collected_cents,
            l.fee_cents, l.remitted_cents, l.agency_reference
       FROM agency_remittance_lines l JOIN accounts a ON a.id = l.account_id JOIN guarantors g ON g.id = a.guarantor_id
      WHERE l.remittance_id = ? ORDER BY l.line_no`,
  )
    .all(remittanceId)
    .map((l): RemittanceLineView => ({
      lineNo: l.line_no,
      accountNumber: l.account_number,
      guarantorName: fullName({ firstName: l.first_name, middleName: l.middle_name, lastName: l.last_name }),
      paidOn: l.paid_on,
      collectedCents: l.collected_cents,
      feeCents: l.fee_cents,
      remittedCents: l.remitted_cents,
      agencyReference: l.agency_reference,
    }));
  return { ...view(r), lines, reconciliation: reconciliationOf(db, remittanceId, today) };
}
