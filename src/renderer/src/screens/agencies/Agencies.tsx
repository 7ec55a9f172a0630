// Collection agencies (issue 12): the list (active or not, the business associate agreement, the
// fees in force today, what each holds now) and an agency's page: its contract, its fee history,
// its file layouts and its history. Supervisors add and change agencies; nothing is deleted.
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { roleAtLeast } from '../../../../shared/roles';
import {
  AGENCY_FILE_FIELDS,
  AGENCY_FILES,
  CSV_DELIMITER_CHARS,
  PLACEMENT_KIND_LABELS,
  REMITTANCE_METHOD_LABELS,
  type AgencyDetail,
  type AgencyFile,
  type AgencyView,
} from '../../../../shared/schemas/agencies';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { formatInstant } from '../../format';
import { useChannelQuery } from '../../queries';
import { agencyHref, hrefOf, useAgencyId } from '../../routes';
import { useWorkspace } from '../../session';
import { ActiveDialog, AgencyDialog, FeeDialog, LayoutDialog } from './AgencyDialogs';
import { feesLine, Notice, percent } from './common';
import './agencies.css';

const DASH = <span className="muted">—</span>;

function useCanChange(): boolean {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  return roleAtLeast(role, 'supervisor');
}

function Baa({ agency }: { agency: AgencyView }) {
  if (!agency.baaSignedOn) return <span className="badge bad">No BAA: cannot place</span>;
  return <>Signed {formatShortDate(agency.baaSignedOn)}</>;
}

function AgencyList() {
  const agencies = useChannelQuery('agencies:list', {});
  const canChange = useCanChange();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = agencies.value ?? [];
  return (
    <section className="agencies">
      <div className="page-head">
        <h1>Collection agencies</h1>
        {canChange && (
          <div className="page-actions">
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              Add an agency…
            </button>
          </div>
        )}
      </div>
      <p className="muted">
        The agencies the hospital places delinquent accounts with, their contracts and what each holds today.
        {canChange ? '' : ' A supervisor adds and changes agencies.'}
      </p>
      <FormAlert message={agencies.error} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {agencies.value && (
        <DataTable
          caption="Collection agencies"
          rows={list}
          rowKey={(a) => a.id}
          stale={agencies.loading}
          empty="No agency has been added yet."
          columns={[
            { header: 'Agency', rowHeader: true, cell: (a) => <a href={agencyHref(a.id)}>{a.name}</a> },
            {
              header: 'Status',
              cell: (a) => (
                <span className={`badge ${a.active ? 'ok' : 'warn'}`}>{a.active ? 'Active' : 'Inactive'}</span>
              ),
            },
            {
              header: 'Business associate agreement',
              cell: (a) => (
                <>
                  <Baa agency={a} />
                  {a.cannotPlace && a.baaSignedOn && <div className="muted">{a.cannotPlace}</div>}
                </>
              ),
            },
            { header: 'Fees today', className: 'wrap', cell: (a) => feesLine(a.feesToday) },
            { header: 'Accounts placed', className: 'num', cell: (a) => a.placedCount.toLocaleString('en-US') },
            { header: 'Dollars placed', className: 'num', cell: (a) => formatCents(a.placedCents) },
          ]}
        />
      )}
      {adding && (
        <AgencyDialog
          agency={null}
          onClose={() => setAdding(false)}
          onDone={(message, agencyId) => {
            setAdding(false);
            setNotice(message);
            window.location.hash = agencyHref(agencyId);
          }}
        />
      )}
    </section>
  );
}

function layoutSummary(a: AgencyDetail, file: AgencyFile): string {
  const l = a.layouts[file].layout;
  const amounts = l.amounts === 'dollars' ? 'amounts in dollars' : 'amounts in cents';
  if (l.format === 'fixed') return `Fixed-width; dates ${l.dateFormat}; ${amounts}.`;
  const delimiter = l.delimiter === 'tab' ? 'tab' : `“${CSV_DELIMITER_CHARS[l.delimiter]}”`;
  return `CSV separated by ${delimiter}, ${l.header ? 'with' : 'without'} a heading line; dates ${l.dateFormat}; ${amounts}.`;
}

const FILE_HEADINGS: Record<AgencyFile, string> = {
  placement: 'Placement file',
  recall: 'Recall file',
  remittance: 'Remittance file',
};

function LayoutSection({
  agency,
  file,
  canChange,
  onEdit,
}: {
  agency: AgencyDetail;
  file: AgencyFile;
  canChange: boolean;
  onEdit: () => void;
}) {
  const { layout, recordedAt, recordedBy } = agency.layouts[file];
  const label = (name: string) => AGENCY_FILE_FIELDS[file].find((f) => f.name === name)?.label ?? name;
  const id = `layout-${file}`;
  return (
    <section className="ws-section" aria-labelledby={id}>
      <div className="section-head">
        <h3 id={id}>{FILE_HEADINGS[file]}</h3>
        {canChange && (
          <button type="button" onClick={onEdit}>
            Edit the {FILE_HEADINGS[file].toLowerCase()} layout…
          </button>
        )}
      </div>
      <p className="muted">
        {layoutSummary(agency, file)}{' '}
        {recordedAt
          ? `Recorded ${formatInstant(recordedAt)}${recordedBy ? ` by ${recordedBy}` : ''}.`
          : 'The standard layout: none has been recorded for this agency.'}
      </p>
      <DataTable
        caption={`${FILE_HEADINGS[file]} columns`}
        rows={layout.columns.map((c, i) => ({
          i,
          field: c.field,
          heading: 'heading' in c ? c.heading : '',
          start: 'start' in c ? c.start : 0,
          width: 'width' in c ? c.width : 0,
        }))}
        rowKey={(c) => c.i}
        empty="No columns."
        columns={[
          { header: '#', className: 'num', cell: (c) => c.i + 1 },
          { header: 'Field', cell: (c) => label(c.field) },
          ...(layout.format === 'csv'
            ? [{ header: 'Heading', className: 'mono', cell: (c: { heading: string }) => c.heading }]
            : [
                { header: 'Start', className: 'num', cell: (c: { start: number }) => c.start },
                { header: 'Width', className: 'num', cell: (c: { width: number }) => c.width },
              ]),
        ]}
      />
    </section>
  );
}

type PageDialog = 'edit' | 'fee' | 'active' | AgencyFile | null;

function AgencyPage({ agencyId }: { agencyId: number }) {
  const agency = useChannelQuery('agencies:get', { agencyId });
  const canChange = useCanChange();
  const [dialog, setDialog] = useState<PageDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  const a = agency.value;
  if (!a)
    return (
      <section>
        <p>
          <a href={hrefOf('agencies')}>All agencies</a>
        </p>
        <FormAlert message={agency.error} />
        {!agency.error && (
          <p className="muted" role="status">
            Opening the agency…
          </p>
        )}
      </section>
    );
  return (
    <section className="agency-page">
      <p className="path">
        <a href={hrefOf('agencies')}>All agencies</a>
      </p>
      <div className="page-head">
        <h1>
          {a.name} <span className={`badge ${a.active ? 'ok' : 'warn'}`}>{a.active ? 'Active' : 'Inactive'}</span>
        </h1>
        {canChange && (
          <div className="page-actions">
            <button type="button" onClick={() => setDialog('edit')}>
              Edit…
            </button>
            <button type="button" onClick={() => setDialog('fee')}>
              Set a fee…
            </button>
            <button type="button" className={a.active ? 'danger' : undefined} onClick={() => setDialog('active')}>
              {a.active ? 'Deactivate…' : 'Reactivate…'}
            </button>
          </div>
        )}
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {a.cannotPlace && (
        <p className="form-alert" role="note">
          Nothing can be placed with this agency today: {a.cannotPlace}
        </p>
      )}
      <section className="ws-section" aria-labelledby="agency-contract">
        <h2 id="agency-contract">Contract</h2>
        <dl className="facts">
          <dt>Contact</dt>
          <dd>{[a.contactName, a.contactPhone, a.contactEmail].filter(Boolean).join(' · ') || DASH}</dd>
          <dt>Address</dt>
          <dd className="prewrap">{a.address || DASH}</dd>
          <dt>Licensed in</dt>
          <dd>{a.licenceStates.length ? a.licenceStates.join(', ') : DASH}</dd>
          <dt>Business associate agreement</dt>
          <dd>
            <Baa agency={a} />
          </dd>
          <dt>Recall after</dt>
          <dd>{a.recallDays.toLocaleString('en-US')} days without a payment</dd>
          <dt>Remits</dt>
          <dd>{REMITTANCE_METHOD_LABELS[a.remittanceMethod]}</dd>
          <dt>Share of placements</dt>
          <dd>{a.sharePercent}%</dd>
          <dt>Fees today</dt>
          <dd>{feesLine(a.feesToday)}</dd>
          <dt>With the agency now</dt>
          <dd>
            {a.placedCount.toLocaleString('en-US')} {a.placedCount === 1 ? 'account' : 'accounts'},{' '}
            {formatCents(a.placedCents)}
          </dd>
        </dl>
      </section>
      <section className="ws-section" aria-labelledby="agency-fees">
        <h2 id="agency-fees">Fee history</h2>
        <DataTable
          caption="Fee history"
          rows={a.fees}
          rowKey={(f, i) => `${f.kind}-${f.effectiveFrom}-${i}`}
          empty="No fee has been recorded: set one before placing accounts."
          columns={[
            { header: 'Kind', cell: (f) => PLACEMENT_KIND_LABELS[f.kind] },
            { header: 'Fee', className: 'num', cell: (f) => percent(f.rateBp) },
            { header: 'Applies from', className: 'nowrap', cell: (f) => formatShortDate(f.effectiveFrom) },
            {
              header: 'Recorded',
              cell: (f) => (
                <>
                  {formatInstant(f.recordedAt)}
                  {f.recordedBy && <div className="muted">{f.recordedBy}</div>}
                </>
              ),
            },
          ]}
        />
      </section>
      <section className="ws-section" aria-labelledby="agency-layouts">
        <h2 id="agency-layouts">File layouts</h2>
        {AGENCY_FILES.map((file) => (
          <LayoutSection key={file} agency={a} file={file} canChange={canChange} onEdit={() => setDialog(file)} />
        ))}
      </section>
      <section className="ws-section" aria-labelledby="agency-history">
        <h2 id="agency-history">History</h2>
        <DataTable
          caption="The agency's history"
          rows={a.history}
          rowKey={(h, i) => `${h.at}-${i}`}
          empty="Nothing recorded yet."
          columns={[
            { header: 'When', className: 'nowrap', cell: (h) => formatInstant(h.at) },
            { header: 'Who', cell: (h) => h.by ?? 'Recoup' },
            { header: 'What', className: 'prose-cell', cell: (h) => h.what },
          ]}
        />
      </section>
      {dialog === 'edit' && <AgencyDialog agency={a} onClose={() => setDialog(null)} onDone={(m) => done(m)} />}
      {dialog === 'fee' && <FeeDialog agency={a} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'active' && <ActiveDialog agency={a} onClose={() => setDialog(null)} onDone={done} />}
      {(dialog === 'placement' || dialog === 'recall' || dialog === 'remittance') && (
        <LayoutDialog agency={a} file={dialog} onClose={() => setDialog(null)} onDone={done} />
      )}
    </section>
  );
}

export function Agencies() {
  const agencyId = useAgencyId();
  // A fresh page per agency: nothing of one agency's dialogs or notices carries to the next.
  return agencyId === null ? <AgencyList /> : <AgencyPage key={agencyId} agencyId={agencyId} />;
}
