// The account workspace's section on collection agencies (issue 12): where each of the guarantor's
// accounts stands with agencies, now and before: the agency, when and for how much it was placed,
// the day it comes back unless paid, when it came back and why, and what the agency collected.
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import {
  PLACEMENT_KIND_LABELS,
  RETURN_REASON_LABELS,
  type AccountPlacementView,
} from '../../../../shared/schemas/agencies';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { useChannelQuery } from '../../queries';
import { agencyHref } from '../../routes';

const DASH = <span className="muted">—</span>;

function where(p: AccountPlacementView) {
  if (p.status === 'placed')
    return (
      <>
        <span className="badge warn">With the agency</span>
        {p.recallDueOn && <div className="muted">comes back {formatShortDate(p.recallDueOn)} unless paid</div>}
      </>
    );
  if (p.status === 'proposed') return <span className="badge">In a draft batch</span>;
  if (p.status === 'returned')
    return (
      <>
        Came back {p.returnedOn ? formatShortDate(p.returnedOn) : ''}
        {p.returnReason && <div className="muted">{RETURN_REASON_LABELS[p.returnReason]}</div>}
      </>
    );
  return (
    <>
      Not placed
      {p.returnReason && <div className="muted">{RETURN_REASON_LABELS[p.returnReason]}</div>}
    </>
  );
}

export function AccountAgencies({ guarantorId }: { guarantorId: number }) {
  const placements = useChannelQuery('placements:ofGuarantor', { guarantorId });
  const rows = placements.value ?? [];
  const now = rows.filter((p) => p.status === 'placed').length;
  return (
    <section className="ws-section" aria-labelledby="ws-agencies">
      <h2 id="ws-agencies">
        Collection agencies <span className="count">{now === 0 ? 'none placed now' : `${now} placed now`}</span>
      </h2>
      <FormAlert message={placements.error} />
      {placements.value && (
        <DataTable
          caption="Collection agencies"
          rows={rows}
          rowKey={(p) => p.placementId}
          stale={placements.loading}
          empty="No account of this guarantor has been placed with an agency."
          columns={[
            { header: 'Account', rowHeader: true, className: 'mono', cell: (p) => p.accountNumber },
            {
              header: 'Agency',
              cell: (p) => (
                <>
                  <a href={agencyHref(p.agencyId)}>{p.agencyName}</a>
                  <div className="muted">{PLACEMENT_KIND_LABELS[p.kind]}</div>
                </>
              ),
            },
            {
              header: 'Placed on',
              className: 'nowrap',
              cell: (p) => (p.placedOn ? formatShortDate(p.placedOn) : DASH),
            },
            {
              header: 'Placed for',
              className: 'num',
              cell: (p) => (p.placedCents === null ? DASH : formatCents(p.placedCents)),
            },
            { header: 'Where it stands', cell: where },
            {
              header: 'Last payment',
              className: 'nowrap',
              cell: (p) => (p.lastPaymentOn ? formatShortDate(p.lastPaymentOn) : DASH),
            },
            { header: 'Collected by the agency', className: 'num', cell: (p) => formatCents(p.collectedCents) },
          ]}
        />
      )}
    </section>
  );
}
