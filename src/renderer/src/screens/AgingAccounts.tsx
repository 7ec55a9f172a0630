// The aging report's drill-down: the accounts behind one figure of the report (a column, a payer
// class row, or one cell), a page at a time, largest balance first; each opens the account
// workspace. The list's total is main's, read from the report's own definition, so it equals the
// figure selected. What is selected stays while the clerk works an account and comes back.
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { AGING_COLUMN_LABELS, type AgingBasis } from '../../../shared/rules/aging';
import { PAYER_CLASS_LABELS, type PayerClass } from '../../../shared/schemas/accounts';
import { AGING_PAGE_SIZE, type AgingAccount, type AgingColumn } from '../../../shared/schemas/reports';
import { DataTable, type Column } from '../components/DataTable';
import { FormAlert } from '../components/Field';
import { useChannelQuery } from '../queries';
import { openGuarantor } from '../routes';
import { useWorkspace } from '../session';

/** One figure of the report: a column, a payer class, both (a cell), or neither (the total). */
export interface AgingFigure {
  column?: AgingColumn;
  payerClass?: PayerClass;
}

interface AgingState {
  basis: AgingBasis;
  /** '' is today. */
  asOf: string;
  figure: AgingFigure | null;
  offset: number;
  setBasis(basis: AgingBasis): void;
  setAsOf(asOf: string): void;
  show(figure: AgingFigure | null): void;
  setOffset(offset: number): void;
}

export const useAgingReport = create<AgingState>()((set) => ({
  basis: 'service_date',
  asOf: '',
  figure: null,
  offset: 0,
  // "Not yet billed" is a column only by first-statement date.
  setBasis: (basis) =>
    set((s) => ({
      basis,
      offset: 0,
      figure: basis === 'service_date' && s.figure?.column === 'not_yet_billed' ? null : s.figure,
    })),
  setAsOf: (asOf) => set({ asOf, offset: 0 }),
  show: (figure) => set({ figure, offset: 0 }),
  setOffset: (offset) => set({ offset }),
}));

// A new session starts with the report as it first opens.
useWorkspace.subscribe((state, previous) => {
  if (previous.sessionId && state.sessionId !== previous.sessionId)
    useAgingReport.setState({ basis: 'service_date', asOf: '', figure: null, offset: 0 });
});

/** The figure in words: "Self-pay, 180+ days", "All payer classes, 0–30 days", "Medicare, total". */
export function figureName(f: AgingFigure): string {
  const payer = f.payerClass ? PAYER_CLASS_LABELS[f.payerClass] : 'All payer classes';
  return `${payer}, ${f.column ? AGING_COLUMN_LABELS[f.column] : 'total'}`;
}

const COLUMNS: Column<AgingAccount>[] = [
  {
    header: 'Guarantor',
    rowHeader: true,
    cell: (a) => (
      <button
        type="button"
        className="link"
        aria-label={`Open ${a.guarantorName}, account ${a.accountNumber}`}
        onClick={() => openGuarantor(a.guarantorId)}
      >
        {a.guarantorName}
      </button>
    ),
  },
  { header: 'Account', className: 'mono nowrap', cell: (a) => a.accountNumber },
  { header: 'Payer class', className: 'nowrap', cell: (a) => PAYER_CLASS_LABELS[a.payerClass] },
  { header: 'Balance', className: 'num', cell: (a) => formatCents(a.balanceCents) },
  {
    header: 'Age (days)',
    className: 'num',
    cell: (a) =>
      a.ageDays === null ? <span className="muted">Not yet billed</span> : a.ageDays.toLocaleString('en-US'),
  },
  {
    header: 'Aged from',
    className: 'nowrap',
    cell: (a) => (a.agingDate ? formatShortDate(a.agingDate) : <span className="muted">—</span>),
  },
  {
    header: 'Last payment',
    className: 'nowrap',
    cell: (a) => (a.lastPaymentDate ? formatShortDate(a.lastPaymentDate) : <span className="muted">None</span>),
  },
];

/** The list of the figure selected, under the report. Close gives the focus back to the report (onClose). */
export function AgingAccounts({ onClose }: { onClose: () => void }) {
  const { basis, asOf, figure, offset, setOffset } = useAgingReport();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = { basis, asOf: asOf || undefined, ...figure, offset, limit: AGING_PAGE_SIZE };
  const page = useChannelQuery('reports:agingAccounts', input);
  const name = figure ? figureName(figure) : '';
  // A figure chosen: the clerk is taken to its list.
  useEffect(() => {
    if (figure) heading.current?.focus();
  }, [figure]);
  if (!figure) return null;
  const value = page.value;
  const shown = value?.accounts.length ?? 0;
  return (
    <section className="aging-accounts" aria-labelledby="aging-accounts-title">
      <div className="table-head">
        <h2 id="aging-accounts-title" tabIndex={-1} ref={heading}>
          Accounts: {name}
        </h2>
        <button type="button" className="small" onClick={onClose}>
          Close the list
        </button>
      </div>
      <FormAlert message={page.error} />
      {value && (
        <>
          <div className="table-head">
            <p className="muted" aria-live="polite">
              {value.accountCount === 0
                ? 'No accounts.'
                : `Accounts ${offset + 1}–${offset + shown} of ${value.accountCount.toLocaleString('en-US')}, largest balance first. Together they owe ${formatCents(value.totalCents)}, the report’s figure.`}
            </p>
            <div className="pager">
              <button
                type="button"
                className="small"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - AGING_PAGE_SIZE))}
              >
                Previous {AGING_PAGE_SIZE}
              </button>
              <button
                type="button"
                className="small"
                disabled={offset + AGING_PAGE_SIZE >= value.accountCount}
                onClick={() => setOffset(offset + AGING_PAGE_SIZE)}
              >
                Next {AGING_PAGE_SIZE}
              </button>
            </div>
          </div>
          <DataTable
            key={`${offset} ${name}`}
            caption={`Accounts: ${name}`}
            className="aging-list"
            rows={value.accounts}
            rowKey={(a) => a.accountId}
            columns={COLUMNS}
            stale={page.loading}
            empty="No account makes up this figure."
          />
        </>
      )}
    </section>
  );
}
