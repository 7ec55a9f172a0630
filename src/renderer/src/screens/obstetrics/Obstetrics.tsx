// Obstetric prepayment (issue 17, PP-04): the cases (with a status filter), a case's page, the
// pre-delivery interview, and the monthly OB statement run. A pregnant patient's care never depends
// on any of these payments (EMTALA): nothing here speaks of deferring care.
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { DELIVERY_KIND_LABELS } from '../../../../shared/rules/obstetrics';
import { OB_STATUSES, OB_STATUS_LABELS, type ObStatus } from '../../../../shared/schemas/obstetrics';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { useChannelQuery } from '../../queries';
import { PLACES, useObView } from '../../routes';
import { Tabs } from '../payroll/common';
import '../payroll/payroll.css';
import { CasePage } from './CasePage';
import { DASH, obCaseHref, ObStatusBadge, openInterview } from './common';
import { Interview } from './Interview';
import { ObStatementRuns } from './StatementRuns';
import './obstetrics.css';

const TABS = [
  ['cases', 'Cases'],
  ['statements', 'Monthly OB statements'],
] as const;
type Tab = (typeof TABS)[number][0];

export function Obstetrics() {
  const view = useObView();
  if (view.kind === 'case') return <CasePage key={view.caseId} caseId={view.caseId} />;
  if (view.kind === 'interview') return <Interview key={view.guarantorId ?? 0} guarantorId={view.guarantorId} />;
  return <ObstetricsHome />;
}

function ObstetricsHome() {
  const [tab, setTab] = useState<Tab>('cases');
  return (
    <section className="payroll obstetrics">
      <h1 tabIndex={-1}>Obstetrics</h1>
      <p className="muted">
        Before a planned delivery the clerk interviews the patient, estimates her share, and agrees a schedule of
        payments that ends before the expected delivery date (PP-04). Deposits wait until the delivery account arrives
        in the extract; after the payer decides, the true-up refunds any overpayment or bills the rest.
      </p>
      <Tabs tabs={TABS} tab={tab} onTab={setTab} label="Obstetrics" idPrefix="ob" />
      <div role="tabpanel" id={`ob-panel-${tab}`} aria-labelledby={`ob-tab-${tab}`}>
        {tab === 'cases' && <Cases />}
        {tab === 'statements' && <ObStatementRuns />}
      </div>
    </section>
  );
}

type Filter = 'open' | 'all' | ObStatus;

function Cases() {
  const [status, setStatus] = useState<Filter>('open');
  const list = useChannelQuery('ob:cases', { status });
  return (
    <>
      <div className="section-head">
        <h2 id="ob-cases">Cases</h2>
        <button type="button" className="primary" onClick={() => openInterview()}>
          New OB interview
        </button>
      </div>
      <div className="payroll-filters">
        <div className="field">
          <label htmlFor="ob-status">Status</label>
          <select id="ob-status" value={status} onChange={(e) => setStatus(e.target.value as Filter)}>
            <option value="open">Open (awaiting signature, paying, delivered)</option>
            {OB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {OB_STATUS_LABELS[s]}
              </option>
            ))}
            <option value="all">All</option>
          </select>
        </div>
      </div>
      <FormAlert message={list.error} />
      {!list.value && !list.error && (
        <p className="muted" role="status">
          Loading the cases…
        </p>
      )}
      {list.value && <DepositsHeld cases={list.value} />}
      {list.value && (
        <DataTable
          caption="OB cases"
          rows={list.value}
          rowKey={(c) => c.id}
          stale={list.loading}
          empty="No OB case here."
          columns={[
            {
              header: 'Case',
              className: 'mono nowrap',
              rowHeader: true,
              cell: (c) => <a href={obCaseHref(c.id)}>{c.reference}</a>,
            },
            {
              header: 'Patient',
              cell: (c) => <a href={`#${PLACES.account.path}/${c.guarantorId}`}>{c.guarantorName}</a>,
            },
            { header: 'Status', cell: (c) => <ObStatusBadge status={c.status} /> },
            { header: 'Expected delivery', className: 'nowrap', cell: (c) => formatShortDate(c.expectedDelivery) },
            { header: 'Kind', cell: (c) => DELIVERY_KIND_LABELS[c.deliveryKind] },
            { header: 'Estimate', className: 'num', cell: (c) => formatCents(c.estimateCents) },
            { header: 'Received', className: 'num', cell: (c) => formatCents(c.heldCents + c.appliedCents) },
            {
              header: 'Next due',
              className: 'nowrap',
              cell: (c) =>
                c.nextDue ? `${formatCents(c.nextDue.cents)} on ${formatShortDate(c.nextDue.dueDate)}` : DASH,
            },
            {
              header: 'Past due',
              className: 'num',
              cell: (c) => (c.pastDueCents > 0 ? formatCents(c.pastDueCents) : DASH),
            },
          ]}
        />
      )}
    </>
  );
}

/** The deposits the hospital holds for the listed patients before delivery (PP-04): the sum of the cases'
 *  held deposits, each case's own figure (received, not applied, refunded or reversed). */
function DepositsHeld({ cases }: { cases: { guarantorId: number; heldCents: number }[] }) {
  const holding = cases.filter((c) => c.heldCents > 0);
  const cents = holding.reduce((sum, c) => sum + c.heldCents, 0);
  const patients = new Set(holding.map((c) => c.guarantorId)).size;
  return (
    <p className="ob-deposits-held">
      <strong>Deposits held: {formatCents(cents)}</strong>
      {patients > 0 && ` for ${patients} ${patients === 1 ? 'patient' : 'patients'}`}
      <span className="muted"> (money held for patients before delivery, in the cases listed)</span>
    </p>
  );
}
