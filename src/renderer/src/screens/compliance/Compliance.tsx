// Compliance: the issue log (anyone reports an issue with its category and, when it concerns one,
// the account; supervisors assign and resolve; nothing is deleted) and, for supervisors, the
// month's 501(r) registers (Registers.tsx).
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { roleAtLeast } from '../../../../shared/roles';
import { COMPLIANCE_CATEGORY_LABELS, type ComplianceIssueView } from '../../../../shared/schemas/compliance';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { AssignDialog, ReportDialog, ResolveDialog } from './ComplianceDialogs';
import { Registers } from './Registers';

const STATUS_LABELS: Record<ComplianceIssueView['status'], string> = {
  open: 'Open',
  in_review: 'In review',
  resolved: 'Resolved',
};

function IssueLog({ canReview }: { canReview: boolean }) {
  const issues = useChannelQuery('compliance:list', {});
  const [dialog, setDialog] = useState<
    { kind: 'report' } | { kind: 'assign' | 'resolve'; issue: ComplianceIssueView } | null
  >(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  const list = issues.value ?? [];
  return (
    <section className="ws-section" aria-labelledby="issue-log">
      <div className="section-head">
        <h2 id="issue-log">
          Issue log <span className="count">{list.filter((i) => i.status !== 'resolved').length} open</span>
        </h2>
        <button type="button" onClick={() => setDialog({ kind: 'report' })}>
          Report an issue…
        </button>
      </div>
      <p className="muted">
        {canReview
          ? 'Every issue reported. Assign each for review and resolve it with what was done; nothing is deleted.'
          : 'The issues you reported or were given to review. A supervisor assigns and resolves them.'}
      </p>
      <FormAlert message={issues.error} />
      {notice && (
        <p className="form-notice" role="status">
          {notice}
        </p>
      )}
      {issues.value && (
        <DataTable
          caption="Compliance issues"
          rows={list}
          rowKey={(i) => i.id}
          empty="No issue has been reported."
          columns={[
            { header: '#', className: 'num', cell: (i) => i.id },
            {
              header: 'Reported',
              className: 'nowrap',
              cell: (i) => (
                <>
                  {formatShortDate(i.reportedOn)}
                  {i.reportedBy && <div className="muted">{i.reportedBy}</div>}
                </>
              ),
            },
            { header: 'Category', cell: (i) => COMPLIANCE_CATEGORY_LABELS[i.category] },
            {
              header: 'What happened',
              className: 'prose-cell',
              cell: (i) => (
                <>
                  {i.description}
                  {i.resolution && (
                    <div className="muted">
                      Resolved {i.resolvedOn ? formatShortDate(i.resolvedOn) : ''}
                      {i.resolvedBy ? ` by ${i.resolvedBy}` : ''}: {i.resolution}
                    </div>
                  )}
                </>
              ),
            },
            { header: 'Account', cell: (i) => i.accountNumber ?? <span className="muted">—</span> },
            {
              header: 'Status',
              cell: (i) => (
                <>
                  <span className={`badge ${i.status === 'resolved' ? 'ok' : 'warn'}`}>{STATUS_LABELS[i.status]}</span>
                  {i.assignee && <div className="muted">{i.assignee}</div>}
                </>
              ),
            },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (i) =>
                canReview &&
                i.status !== 'resolved' && (
                  <>
                    <button
                      type="button"
                      className="small"
                      aria-label={`Assign issue ${i.id}`}
                      onClick={() => setDialog({ kind: 'assign', issue: i })}
                    >
                      Assign…
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={`Resolve issue ${i.id}`}
                      onClick={() => setDialog({ kind: 'resolve', issue: i })}
                    >
                      Resolve…
                    </button>
                  </>
                ),
            },
          ]}
        />
      )}
      {dialog?.kind === 'report' && <ReportDialog onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'assign' && <AssignDialog issue={dialog.issue} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'resolve' && (
        <ResolveDialog issue={dialog.issue} onClose={() => setDialog(null)} onDone={done} />
      )}
    </section>
  );
}

export function Compliance() {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const supervisor = roleAtLeast(role, 'supervisor');
  return (
    <section>
      <h1>Compliance</h1>
      <IssueLog canReview={supervisor} />
      {supervisor && <Registers />}
    </section>
  );
}
