// Small claims (issue 13): the cases (open ones first; closed ones on request), the hearings of a
// week, the outcomes with the money recovered against the costs (smallClaims:reports), and a case's
// page: its accounts and balances, the claim and any waiver, where it stands and the next step, the
// steps a clerk records, the timeline, the actions after judgment with the gate's answers, and the
// check as it stands.
import { useId, useState } from 'react';
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents, formatDecimal } from '../../../../shared/money';
import { LIMITATION_BASIS_LABELS } from '../../../../shared/rules/smallClaims';
import { ECA_KIND_LABELS } from '../../../../shared/rules/ecaClock';
import {
  CASE_STATUS_LABELS,
  OPEN_CASE_STATUSES,
  SERVICE_METHOD_LABELS,
  type CaseDetail,
  type CaseStatus,
} from '../../../../shared/schemas/smallClaims';
import type { FileHandle } from '../../../../shared/schemas/files';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { formatInstant } from '../../format';
import { useChannelQuery } from '../../queries';
import { hrefOf, openGuarantor, useCaseId } from '../../routes';
import { useWorkspace } from '../../session';
import { Notice } from '../agencies/common';
import {
  CloseDialog,
  ContinuedDialog,
  DemandDialog,
  FiledDialog,
  HearingDialog,
  JudgmentDialog,
  NoteDialog,
  PacketDialog,
  PaymentDialog,
  PostJudgmentDialog,
  ServedDialog,
} from './CaseDialogs';
import { CaseTable, DASH, DecisionLines, StatusBadge } from './common';
import './smallClaims.css';

const OPEN: ReadonlySet<CaseStatus> = new Set(OPEN_CASE_STATUSES);

function CaseList() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const cases = useChannelQuery('smallClaims:cases', {});
  const [weekOf, setWeekOf] = useState('');
  const reports = useChannelQuery('smallClaims:reports', weekOf ? { weekOf } : {});
  const [showClosed, setShowClosed] = useState(false);
  const weekId = useId();
  const all = cases.value ?? [];
  const rows = showClosed ? all : all.filter((c) => OPEN.has(c.status));
  const r = reports.value;
  return (
    <section className="small-claims">
      <div className="page-head">
        <h1>Small claims</h1>
        <div className="page-actions">
          <a href={hrefOf('courtRules')}>Rules: court limits and statutes of limitation</a>
        </div>
      </div>
      <p className="muted">
        A case starts from a guarantor&apos;s account screen (“Should we sue?”). Here are the cases, the week&apos;s
        hearings and what the cases brought in against what they cost.
      </p>

      <section className="ws-section" aria-labelledby="sc-cases">
        <div className="section-head">
          <h2 id="sc-cases">
            Cases {cases.value && <span className="count">{all.filter((c) => OPEN.has(c.status)).length} open</span>}
          </h2>
          <label className="checkbox-inline">
            <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} /> Show closed
            cases too
          </label>
        </div>
        <FormAlert message={cases.error} />
        {cases.value && (
          <CaseTable
            caption={showClosed ? 'Small-claims cases' : 'Open small-claims cases'}
            rows={rows}
            stale={cases.loading}
            empty={showClosed ? 'No case has been opened.' : 'No case is open.'}
          />
        )}
      </section>

      <section className="ws-section" aria-labelledby="sc-hearings">
        <div className="section-head">
          <h2 id="sc-hearings">
            Hearings{' '}
            {r && (
              <span className="count">
                {formatShortDate(r.weekOf)} – {formatShortDate(r.weekTo)}
              </span>
            )}
          </h2>
          <div className="field inline">
            <label htmlFor={weekId}>Week from</label>
            <input
              id={weekId}
              type="date"
              value={weekOf || today}
              onChange={(e) => setWeekOf(e.target.value === today ? '' : e.target.value)}
            />
          </div>
        </div>
        <FormAlert message={reports.error} />
        {r && (
          <CaseTable
            caption="Hearings this week"
            rows={r.hearings}
            stale={reports.loading}
            hearing
            empty={`No hearing from ${formatLongDate(r.weekOf)} to ${formatLongDate(r.weekTo)}.`}
          />
        )}
      </section>

      <section className="ws-section" aria-labelledby="sc-outcomes">
        <h2 id="sc-outcomes">Outcomes: money recovered against costs</h2>
        {r && (
          <>
            <dl className="facts">
              <dt>Claimed in all</dt>
              <dd>{formatCents(r.outcomes.claimCents)}</dd>
              <dt>Recovered since filing</dt>
              <dd>{formatCents(r.outcomes.recoveredCents)}</dd>
              <dt>Filing and service fees paid</dt>
              <dd>{formatCents(r.outcomes.costCents)}</dd>
              <dt>Court costs awarded</dt>
              <dd>{formatCents(r.outcomes.costsAwardedCents)}</dd>
              <dt>Recovered less fees paid</dt>
              <dd>
                <strong>{formatCents(r.outcomes.recoveredCents - r.outcomes.costCents)}</strong>
              </dd>
            </dl>
            <DataTable
              caption="Outcomes by status"
              rows={r.outcomes.byStatus}
              rowKey={(o) => o.status}
              stale={reports.loading}
              empty="No case yet."
              columns={[
                { header: 'Status', rowHeader: true, cell: (o) => CASE_STATUS_LABELS[o.status] },
                { header: 'Cases', className: 'num', cell: (o) => o.cases.toLocaleString('en-US') },
                { header: 'Claimed', className: 'num', cell: (o) => formatCents(o.claimCents) },
                { header: 'Recovered', className: 'num', cell: (o) => formatCents(o.recoveredCents) },
                { header: 'Fees paid', className: 'num', cell: (o) => formatCents(o.costCents) },
              ]}
            />
          </>
        )}
      </section>
    </section>
  );
}

type CaseDialog =
  | 'demand'
  | 'packet'
  | 'filed'
  | 'served'
  | 'hearing'
  | 'continued'
  | 'judgment'
  | 'payment'
  | 'action'
  | 'close'
  | 'note'
  | null;

/** The buttons for what can be done next, in the order a case goes. */
function stepsFor(d: CaseDetail): { dialog: Exclude<CaseDialog, null>; label: string; primary?: boolean }[] {
  const s = d.status;
  const steps: { dialog: Exclude<CaseDialog, null>; label: string; primary?: boolean }[] = [];
  if (s === 'open') steps.push({ dialog: 'demand', label: 'Send the demand letter…', primary: true });
  if (s === 'demand_sent') steps.push({ dialog: 'filed', label: 'Record the filing…', primary: true });
  if (s === 'filed') steps.push({ dialog: 'served', label: 'Record service…', primary: true });
  if ((s === 'filed' || s === 'served') && !d.hearingOn) steps.push({ dialog: 'hearing', label: 'Set the hearing…' });
  if ((s === 'filed' || s === 'served') && d.hearingOn)
    steps.push({ dialog: 'continued', label: 'Continue the hearing…' });
  if (s === 'filed' || s === 'served') steps.push({ dialog: 'judgment', label: 'Record the judgment…' });
  if (s === 'filed' || s === 'served' || s === 'judgment')
    steps.push({ dialog: 'payment', label: 'Record a payment…', primary: s === 'judgment' });
  if (s === 'judgment') steps.push({ dialog: 'action', label: 'Garnishment, levy or lien…' });
  if (s !== 'open' && OPEN.has(s)) steps.push({ dialog: 'packet', label: 'Print the court packet…' });
  if (OPEN.has(s)) steps.push({ dialog: 'close', label: 'Close the case…' });
  steps.push({ dialog: 'note', label: 'Add a note…' });
  return steps;
}

function CasePage({ caseId }: { caseId: number }) {
  const detail = useChannelQuery('smallClaims:case', { caseId });
  const [dialog, setDialog] = useState<CaseDialog>(null);
  const [pdf, setPdf] = useState<FileHandle | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [noticeWarn, setNoticeWarn] = useState(false);
  const [printing, setPrinting] = useState<string | null>(null);
  const [printError, setPrintError] = useState<string | null>(null);
  const close = () => setDialog(null);
  const done = (message: string, warn = false) => {
    setDialog(null);
    setNotice(message);
    setNoticeWarn(warn);
  };
  const printed = (file: FileHandle, message: string) => {
    setDialog(null);
    setNotice(message);
    setNoticeWarn(false);
    setPdf(file);
  };
  const d = detail.value;
  if (!d)
    return (
      <section>
        <p className="path">
          <a href={hrefOf('smallClaims')}>All small-claims cases</a>
        </p>
        <FormAlert message={detail.error} />
        {!detail.error && (
          <p className="muted" role="status">
            Opening the case…
          </p>
        )}
      </section>
    );
  const open = async (what: string, fetch: () => Promise<FileHandle>) => {
    setPrintError(null);
    setPrinting(what);
    try {
      setPdf(await fetch());
    } catch (e) {
      setPrintError(messageOf(e));
    } finally {
      setPrinting(null);
    }
  };
  const testimonyReady = d.status !== 'open' && OPEN.has(d.status);
  // Until the judgment the check says whether the case may go on; after it, it says nothing new.
  const checkShown = OPEN.has(d.status) && d.status !== 'judgment';
  return (
    <section className="case-page">
      <p className="path">
        <a href={hrefOf('smallClaims')}>All small-claims cases</a>
      </p>
      <div className="page-head">
        <h1>
          Case #{d.caseId}: {d.guarantorName} <StatusBadge status={d.status} />
        </h1>
      </div>
      <p>
        <a
          href={`#/accounts/${d.guarantorId}`}
          onClick={(e) => {
            e.preventDefault();
            openGuarantor(d.guarantorId);
          }}
        >
          Open {d.guarantorName}’s accounts
        </a>
      </p>
      <Notice message={notice} warn={noticeWarn} onDismiss={() => setNotice(null)} />

      <section className="case-next" aria-labelledby="case-next">
        <h2 id="case-next">Next step</h2>
        <p>{d.next}</p>
        {d.reminder && (
          <p>
            <span className="badge warn">In the work queue</span> {d.reminder.text}
          </p>
        )}
      </section>

      <div className="case-actions" role="group" aria-label="What to do on the case">
        {stepsFor(d).map((s) => (
          <button
            key={s.dialog}
            type="button"
            className={s.primary ? 'primary' : undefined}
            onClick={() => setDialog(s.dialog)}
          >
            {s.label}
          </button>
        ))}
        {d.demandDocumentId !== null && (
          <button
            type="button"
            disabled={printing !== null}
            onClick={() => void open('demand', () => call('documents:get', { documentId: d.demandDocumentId! }))}
          >
            {printing === 'demand' ? 'Opening…' : 'Open the demand letter'}
          </button>
        )}
        {testimonyReady && (
          <button
            type="button"
            disabled={printing !== null}
            onClick={() => void open('testimony', () => call('smallClaims:testimony', { caseId: d.caseId }))}
          >
            {printing === 'testimony' ? 'Printing…' : 'Print the testimony sheet'}
          </button>
        )}
      </div>
      <FormAlert message={printError} />

      <section className="ws-section" aria-labelledby="case-claim">
        <h2 id="case-claim">The claim</h2>
        <dl className="facts">
          <dt>Court</dt>
          <dd>
            {d.courtName}, {d.county} County, {d.state}
            {d.courtAddress && <div className="prewrap muted">{d.courtAddress}</div>}
          </dd>
          <dt>Case number</dt>
          <dd>{d.caseNumber ?? DASH}</dd>
          <dt>The claim rests on</dt>
          <dd>{LIMITATION_BASIS_LABELS[d.basis]}</dd>
          <dt>Claim</dt>
          <dd>
            <strong>{formatCents(d.claimCents)}</strong>{' '}
            <span className="muted">
              (the court&apos;s limit {formatCents(d.court.entityLimitCents)}; owed when opened{' '}
              {formatCents(d.balanceAtOpenCents)})
            </span>
          </dd>
          {d.waivedCents > 0 && (
            <>
              <dt>Excess waived</dt>
              <dd>
                {formatCents(d.waivedCents)}: {d.waiverNote}
              </dd>
            </>
          )}
          <dt>The accounts owe today</dt>
          <dd>{formatCents(d.balanceCents)}</dd>
          <dt>Opened</dt>
          <dd>{formatLongDate(d.openedOn)}</dd>
          <dt>Demand letter</dt>
          <dd>
            {d.demandSentOn
              ? `Sent ${formatLongDate(d.demandSentOn)}; the hospital may file after ${d.fileAfter ? formatLongDate(d.fileAfter) : '—'}`
              : 'Not sent yet'}
          </dd>
          <dt>Filed</dt>
          <dd>
            {d.filedOn ? `${formatLongDate(d.filedOn)}; filing fee ${formatCents(d.filingFeeCents)}` : 'Not filed'}
          </dd>
          <dt>Served</dt>
          <dd>
            {d.servedOn
              ? `${formatLongDate(d.servedOn)}, ${d.serviceMethod ? SERVICE_METHOD_LABELS[d.serviceMethod].toLowerCase() : ''}; service fee ${formatCents(d.serviceFeeCents)}`
              : 'Not served'}
          </dd>
          <dt>Hearing</dt>
          <dd>
            {d.hearingOn ? (
              <>
                {formatLongDate(d.hearingOn)}
                {d.hearingTime && ` at ${d.hearingTime}`}
                {d.hearingPlace && <div className="prewrap muted">{d.hearingPlace}</div>}
              </>
            ) : (
              'Not set'
            )}
          </dd>
          <dt>Judgment</dt>
          <dd>
            {d.judgmentOn
              ? d.status === 'lost'
                ? `${formatLongDate(d.judgmentOn)}: for the defendant`
                : `${formatLongDate(d.judgmentOn)}: ${formatCents(d.judgmentCents ?? 0)}, costs ${formatCents(d.costsCents ?? 0)}, interest ${formatDecimal(d.interestRateBp ?? 0)}% a year (recorded; Recoup does not compute interest)`
              : 'None yet'}
          </dd>
          <dt>Recovered since filing</dt>
          <dd>{formatCents(d.recoveredCents)}</dd>
          {d.judgmentOn && d.status !== 'lost' && (
            <>
              <dt>Still owed on the judgment</dt>
              <dd>
                <strong>{formatCents(d.judgmentOwedCents)}</strong>
              </dd>
            </>
          )}
          {d.closedOn && (
            <>
              <dt>Closed</dt>
              <dd>
                {formatLongDate(d.closedOn)}
                {d.closeNote && `: ${d.closeNote}`}
              </dd>
            </>
          )}
        </dl>
      </section>

      <section className="ws-section" aria-labelledby="case-accounts">
        <h2 id="case-accounts">Accounts</h2>
        <DataTable
          caption="The case's accounts"
          rows={d.accounts}
          rowKey={(a) => a.accountId}
          stale={detail.loading}
          empty="No account."
          columns={[
            { header: 'Account', rowHeader: true, className: 'mono', cell: (a) => a.accountNumber },
            { header: 'Patient', cell: (a) => a.patientName },
            {
              header: 'Service',
              className: 'nowrap',
              cell: (a) =>
                a.serviceFrom === a.serviceTo
                  ? formatShortDate(a.serviceFrom)
                  : `${formatShortDate(a.serviceFrom)} – ${formatShortDate(a.serviceTo)}`,
            },
            { header: 'Owed when opened', className: 'num', cell: (a) => formatCents(a.openedBalanceCents) },
            { header: 'Owed today', className: 'num', cell: (a) => formatCents(a.balanceCents) },
          ]}
        />
      </section>

      <section className="ws-section" aria-labelledby="case-timeline">
        <h2 id="case-timeline">Timeline</h2>
        <DataTable
          caption="The case's timeline"
          rows={d.events}
          rowKey={(e) => e.id}
          stale={detail.loading}
          empty="Nothing recorded yet."
          columns={[
            { header: 'Date', className: 'nowrap', rowHeader: true, cell: (e) => formatShortDate(e.on) },
            { header: 'What happened', className: 'prose-cell', cell: (e) => e.text },
            {
              header: 'Recorded',
              cell: (e) => (
                <>
                  {formatInstant(e.at)}
                  <div className="muted">{e.by ?? 'Recoup'}</div>
                </>
              ),
            },
          ]}
        />
      </section>

      {(d.status === 'judgment' || d.actions.length > 0) && (
        <section className="ws-section" aria-labelledby="case-actions">
          <h2 id="case-actions">Actions after judgment</h2>
          <DataTable
            caption="Actions after judgment and the 501(r) gate's answers"
            rows={d.actions}
            rowKey={(a) => a.id}
            empty="None asked for."
            columns={[
              { header: 'Action', rowHeader: true, cell: (a) => ECA_KIND_LABELS[a.kind] },
              { header: 'Asked on', className: 'nowrap', cell: (a) => formatShortDate(a.requestedOn) },
              {
                header: 'The gate',
                cell: (a) => (
                  <span className={`badge ${a.allowed ? 'ok' : 'bad'}`}>{a.allowed ? 'Allowed' : 'Refused'}</span>
                ),
              },
              {
                header: 'Why',
                className: 'prose-cell',
                cell: (a) => [a.reasons.join(' '), a.note].filter(Boolean).join(' — ') || DASH,
              },
            ]}
          />
        </section>
      )}

      {checkShown && (
        <section className="ws-section" aria-labelledby="case-check">
          <h2 id="case-check">The check today</h2>
          <p className="muted">
            {d.filedOn
              ? 'For the record: the check as it stands today.'
              : 'What the filing will be judged on (the filing itself is judged on its own date).'}{' '}
            {d.check.ecaAllowedFrom && `501(r): a civil action allowed from ${formatLongDate(d.check.ecaAllowedFrom)}.`}
          </p>
          <DecisionLines decision={d.check} caption="The check today" />
        </section>
      )}

      {dialog === 'demand' && <DemandDialog detail={d} onClose={close} onPrinted={printed} />}
      {dialog === 'packet' && <PacketDialog detail={d} onClose={close} onPrinted={printed} />}
      {dialog === 'filed' && <FiledDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'served' && <ServedDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'hearing' && <HearingDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'continued' && <ContinuedDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'judgment' && <JudgmentDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'payment' && <PaymentDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'action' && <PostJudgmentDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'close' && <CloseDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'note' && <NoteDialog detail={d} onClose={close} onDone={done} />}
      {pdf && <PdfViewer file={pdf} onClose={() => setPdf(null)} />}
    </section>
  );
}

export function SmallClaims() {
  const caseId = useCaseId();
  return caseId === null ? <CaseList /> : <CasePage key={caseId} caseId={caseId} />;
}
