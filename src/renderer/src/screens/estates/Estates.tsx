// Estates (issue 14): the open estates of deceased guarantors with their claim deadlines, days left
// and reminders (closed ones on request), and an estate's page: the record and the deadline with the
// dates weighed (PR-01/PR-02), the accounts with their balances, last illness (PR-04) and the 501(r)
// gate (ECA-04, a supervisor's release), what can be done next (refer, file, follow up, record the
// court's answer, a payment, the closing), the events, and the documents printed, each reprinted
// byte for byte.
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import { daysBetween, formatLongDate, formatServiceDates, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { roleAtLeast } from '../../../../shared/roles';
import {
  DEATH_SOURCE_LABELS,
  FILED_WITH_LABELS,
  UNFILED_ESTATE_STATUSES,
  type EstateStatus,
} from '../../../../shared/rules/estates';
import { DOCUMENT_LANGUAGE_NAMES } from '../../../../shared/rules/documentLanguage';
import { PAYER_CLASS_LABELS } from '../../../../shared/schemas/accounts';
import { ESTATE_DOCUMENT_LABELS, type EstateDetail } from '../../../../shared/schemas/estates';
import type { FileHandle } from '../../../../shared/schemas/files';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { showServerError } from '../../components/formErrors';
import { PdfViewer } from '../../components/PdfViewer';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { estateHref, hrefOf, openGuarantor, useEstateId } from '../../routes';
import { useWorkspace } from '../../session';
import { Notice } from '../agencies/common';
import { DASH, DaysLeft, DeadlineExplained, EstateStatusBadge, OPEN_ESTATE } from './common';
import {
  AllowedDialog,
  CallDialog,
  CloseEstateDialog,
  DetailsDialog,
  DisallowedDialog,
  EstateNoteDialog,
  EstatePaymentDialog,
  FileDialog,
  FollowUpDialog,
  ReferDialog,
  ReleaseDialog,
} from './EstateDialogs';
import './estates.css';

function EstateList() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const estates = useChannelQuery('estates:list', {});
  const [showClosed, setShowClosed] = useState(false);
  const all = estates.value ?? [];
  const open = all.filter((e) => OPEN_ESTATE.has(e.status));
  const rows = showClosed ? all : open;
  return (
    <section className="estates">
      <div className="page-head">
        <h1>Estates</h1>
        <div className="page-actions">
          <a href={hrefOf('probateRules')}>Probate rules: claim deadlines and priority by state</a>
        </div>
      </div>
      <p className="muted">
        A death is recorded from the guarantor’s account screen (or comes in with the billing system’s extract). Each
        death opens an estate: its claim must be presented by the deadline, and followed until it is paid or closed.
      </p>
      <section className="ws-section" aria-labelledby="estates-open">
        <div className="section-head">
          <h2 id="estates-open">Estates {estates.value && <span className="count">{open.length} open</span>}</h2>
          <label className="checkbox-inline">
            <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} /> Show closed
            and withdrawn estates too
          </label>
        </div>
        <FormAlert message={estates.error} />
        {!estates.value && !estates.error && (
          <p className="muted" role="status">
            Loading the estates…
          </p>
        )}
        {estates.value && (
          <DataTable
            caption={showClosed ? 'Estates' : 'Open estates'}
            rows={rows}
            rowKey={(e) => e.id}
            stale={estates.loading}
            empty={showClosed ? 'No death has been recorded.' : 'No estate is open.'}
            columns={[
              {
                header: 'Guarantor',
                rowHeader: true,
                cell: (e) => <a href={estateHref(e.id)}>{e.guarantorName}</a>,
              },
              { header: 'Died', className: 'nowrap', cell: (e) => formatShortDate(e.dateOfDeath) },
              { header: 'Status', cell: (e) => <EstateStatusBadge status={e.status} /> },
              {
                header: 'Claim deadline',
                className: 'nowrap',
                cell: (e) => (
                  <>
                    {formatShortDate(e.deadline)} <span className="muted">{e.state}</span>
                  </>
                ),
              },
              {
                header: 'Days left',
                className: 'nowrap',
                cell: (e) =>
                  (UNFILED_ESTATE_STATUSES as readonly EstateStatus[]).includes(e.status) ? (
                    <DaysLeft today={today} due={e.deadline} />
                  ) : (
                    DASH
                  ),
              },
              { header: 'Owed', className: 'num', cell: (e) => formatCents(e.owedCents) },
              {
                header: 'Reminder',
                className: 'prose-cell',
                cell: (e) => (
                  <>
                    {e.releaseNeeded && (
                      <div>
                        <span className="badge bad">Release needed</span>
                      </div>
                    )}
                    {e.reminder ? e.reminder.text : DASH}
                  </>
                ),
              },
            ]}
          />
        )}
      </section>
    </section>
  );
}

type EstateDialog =
  | 'details'
  | 'refer'
  | 'release'
  | 'file'
  | 'followUp'
  | 'allowed'
  | 'disallowed'
  | 'call'
  | 'payment'
  | 'close'
  | 'note'
  | null;

const UNFILED: ReadonlySet<EstateStatus> = new Set(UNFILED_ESTATE_STATUSES);

/** The last day to present the claim is behind us and nothing was filed. */
function deadlineLapsed(d: EstateDetail, today: string): boolean {
  return UNFILED.has(d.status) && today !== '' && d.deadline < today;
}

/** "1 day ago", "40 days ago". */
function daysAgo(today: string, day: string): string {
  const n = daysBetween(day, today);
  return n === 1 ? '1 day ago' : `${n} days ago`;
}

/** The 501(r) gate's answer for one account, in words that cannot be read as the court's "allowed". */
function ecaBadge(eca: EstateDetail['accounts'][number]['eca'], filed: boolean) {
  if (eca.released) return <span className="badge ok">Released (ECA-04)</span>;
  // Filing asks the gate: a filed claim went through it (the answer is in the ECA register).
  if (filed) return <span className="badge ok">Through the gate at filing</span>;
  if (eca.allowed) return <span className="badge ok">May file now</span>;
  return (
    <span className="badge warn">
      {eca.allowedFrom ? `Waits for the clock: ${formatShortDate(eca.allowedFrom)}` : 'Waits for the clock'}
    </span>
  );
}

/** The buttons for what can be done next, in the order an estate goes. */
function stepsFor(
  d: EstateDetail,
  supervisor: boolean,
  today: string,
): { dialog: Exclude<EstateDialog, null>; label: string; primary?: boolean }[] {
  const s = d.status;
  const steps: { dialog: Exclude<EstateDialog, null>; label: string; primary?: boolean }[] = [];
  // The deadline has passed with no claim filed: closing is what is left to do (refer and file stay offered).
  const lapsed = deadlineLapsed(d, today);
  if (UNFILED.has(s)) {
    steps.push({ dialog: 'details', label: 'Edit the estate record…' });
    steps.push({
      dialog: 'refer',
      label: s === 'referred' ? 'Refer to legal again…' : 'Refer to legal…',
      primary: s === 'watching' && !lapsed,
    });
    if (d.releaseNeeded && supervisor) steps.push({ dialog: 'release', label: 'Release the claim (supervisor)…' });
    steps.push({ dialog: 'file', label: 'File the claim…', primary: s === 'referred' && !lapsed });
  }
  if (s === 'filed') steps.push({ dialog: 'allowed', label: 'The claim is allowed…', primary: true });
  if (s === 'filed' || s === 'allowed') steps.push({ dialog: 'disallowed', label: 'The claim is disallowed…' });
  if (s === 'filed' || s === 'allowed' || s === 'paid_part' || s === 'disallowed')
    steps.push({ dialog: 'payment', label: 'Money from the estate…', primary: s === 'allowed' || s === 'paid_part' });
  if (s === 'filed' || s === 'allowed' || s === 'paid_part')
    steps.push({ dialog: 'followUp', label: 'Follow-up letter to the clerk of court…' });
  if (s === 'filed' || s === 'allowed' || s === 'paid_part' || s === 'disallowed')
    steps.push({ dialog: 'call', label: 'Record a call to the clerk of court…' });
  if (OPEN_ESTATE.has(s)) steps.push({ dialog: 'close', label: 'Close with nothing more…', primary: lapsed });
  steps.push({ dialog: 'note', label: 'Add a note…' });
  return steps;
}

/** PR-04: the clerk confirms which accounts are the last illness's care (one box each). */
function LastIllnessForm({ detail: d, onDone }: { detail: EstateDetail; onDone: (message: string) => void }) {
  const save = useChannelMutation('estates:lastIllness');
  const initial = Object.fromEntries(d.accounts.map((a) => [`a${a.accountId}`, a.lastIllness]));
  const form = useSchemaForm(z.object({ chosen: z.record(z.string(), z.boolean()) }), { chosen: initial });
  const [error, setError] = useState<string | null>(null);
  const editable = OPEN_ESTATE.has(d.status) && d.accounts.length > 0;
  const submit = form.handleSubmit(async ({ chosen }) => {
    setError(null);
    try {
      await save.mutateAsync({
        estateId: d.id,
        accounts: d.accounts.map((a) => ({ accountId: a.accountId, lastIllness: chosen[`a${a.accountId}`] === true })),
      });
      form.reset({ chosen });
      onDone('Last illness saved: the priority classes follow.');
    } catch (e) {
      setError(showServerError(e, form.setError, ['chosen']));
    }
  });
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DataTable
          caption="The estate's accounts"
          rows={d.accounts}
          rowKey={(a) => a.accountId}
          empty="The guarantor owed nothing when the death was recorded."
          columns={[
            {
              header: 'Account',
              rowHeader: true,
              cell: (a) => (
                <>
                  {a.accountNumber}
                  <div className="muted">{a.patientName}</div>
                </>
              ),
            },
            {
              header: 'Service',
              className: 'nowrap',
              cell: (a) => (
                <>
                  {formatServiceDates(a.serviceFrom, a.serviceTo)}
                  <div className="muted">
                    {PAYER_CLASS_LABELS[a.payerClass as keyof typeof PAYER_CLASS_LABELS] ?? a.payerClass}
                  </div>
                </>
              ),
            },
            { header: 'Owed today', className: 'num', cell: (a) => formatCents(a.balanceCents) },
            {
              header: 'Claimed',
              className: 'num',
              cell: (a) => (a.claimCents === null ? DASH : formatCents(a.claimCents)),
            },
            {
              header: 'Last illness',
              cell: (a) => (
                <label className="checkbox-inline">
                  <input
                    type="checkbox"
                    disabled={!editable}
                    aria-label={`Account ${a.accountNumber} is the last illness's care`}
                    {...form.register(`chosen.a${a.accountId}`)}
                  />{' '}
                  {a.suggestedLastIllness ? 'Suggested' : ''}
                </label>
              ),
            },
            {
              header: 'Priority (PR-04)',
              className: 'brief',
              cell: (a) => (
                <>
                  Class {a.priority.classNumber}
                  <div className="muted">{a.priority.label}</div>
                </>
              ),
            },
            {
              header: '501(r)',
              className: 'brief',
              cell: (a) => ecaBadge(a.eca, d.filedOn !== null),
            },
            {
              header: 'Recovered / written off',
              className: 'num',
              cell: (a) => (
                <>
                  {formatCents(a.recoveredCents)}
                  {(a.writtenOffCents > 0 || a.badDebtCents > 0) && (
                    <div className="muted">
                      {formatCents(a.writtenOffCents)} written off
                      {a.badDebtCents > 0 ? `; ${formatCents(a.badDebtCents)} to the bad-debt listing` : ''}
                    </div>
                  )}
                </>
              ),
            },
          ]}
        />
        <FormAlert message={error} />
        {editable && (
          <div className="actions start">
            <button type="submit" disabled={!form.formState.isDirty || form.formState.isSubmitting}>
              Save the last illness
            </button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}

function EstatePage({ estateId }: { estateId: number }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const supervisor = roleAtLeast(role, 'supervisor');
  const detail = useChannelQuery('estates:estate', { estateId });
  const [dialog, setDialog] = useState<EstateDialog>(null);
  const [pdf, setPdf] = useState<FileHandle | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [noticeWarn, setNoticeWarn] = useState(false);
  const [printing, setPrinting] = useState<number | null>(null);
  const [printError, setPrintError] = useState<string | null>(null);
  const close = () => setDialog(null);
  const done = (message: string, warn = false) => {
    setDialog(null);
    setNotice(message);
    setNoticeWarn(warn);
  };
  const printed = (file: FileHandle, message: string) => {
    done(message);
    setPdf(file);
  };
  const d = detail.value;
  if (!d)
    return (
      <section>
        <p className="path">
          <a href={hrefOf('estates')}>All estates</a>
        </p>
        <FormAlert message={detail.error} />
        {!detail.error && (
          <p className="muted" role="status">
            Opening the estate…
          </p>
        )}
      </section>
    );
  const reprint = async (estateDocumentId: number) => {
    setPrintError(null);
    setPrinting(estateDocumentId);
    try {
      setPdf(await call('estates:document', { estateDocumentId }));
    } catch (e) {
      setPrintError(messageOf(e));
    } finally {
      setPrinting(null);
    }
  };
  const open = OPEN_ESTATE.has(d.status);
  const lapsed = deadlineLapsed(d, today);
  const mayFileNow = d.accounts.length > 0 && d.accounts.every((a) => a.eca.allowed || a.eca.released);
  // Why the 501(r) gate holds the claim back today, each reason once (the accounts share most).
  const reasons = [...new Set(d.accounts.filter((a) => !a.eca.allowed).flatMap((a) => a.eca.reasons))];
  return (
    <section className="estate-page">
      <p className="path">
        <a href={hrefOf('estates')}>All estates</a>
      </p>
      <div className="page-head">
        <h1>
          Estate of {d.guarantorName} <EstateStatusBadge status={d.status} />
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
      {lapsed && (
        <div className="form-alert estate-lapsed" role="alert">
          <strong>
            The last day to present the claim was {formatLongDate(d.deadline)} ({daysAgo(today, d.deadline)}), and no
            claim was filed.
          </strong>{' '}
          A claim presented now is late: close the estate with nothing more, unless legal says a late claim can still be
          made (refer it to legal).
        </div>
      )}
      <Notice message={notice} warn={noticeWarn} onDismiss={() => setNotice(null)} />

      {open && (
        <section className="case-next" aria-labelledby="estate-next">
          <h2 id="estate-next">Next</h2>
          {d.reminder ? (
            <p>
              <span className="badge warn">In the work queue</span> {d.reminder.text}
            </p>
          ) : (
            <p>Nothing is due today.</p>
          )}
          {d.releaseNeeded && (
            <p>
              <span className="badge bad">Release needed</span> The claim deadline, {formatLongDate(d.deadline)}, comes
              before the 501(r) clock allows a claim
              {d.ecaAllowedFrom ? ` (${formatLongDate(d.ecaAllowedFrom)})` : ''}: a supervisor releases the claim before
              it is filed (ECA-04).
            </p>
          )}
        </section>
      )}

      <div className="case-actions" role="group" aria-label="What to do on the estate">
        {stepsFor(d, supervisor, today).map((s) => (
          <button
            key={s.dialog}
            type="button"
            className={s.primary ? 'primary' : undefined}
            onClick={() => setDialog(s.dialog)}
          >
            {s.label}
          </button>
        ))}
      </div>

      <div className="estate-columns">
        <section className="ws-section" aria-labelledby="estate-deadline">
          <h2 id="estate-deadline">The claim deadline</h2>
          <DeadlineExplained detail={d} today={today} />
          {d.suitDeadline && (
            <p>
              <strong>Suit deadline (PR-03):</strong> {formatLongDate(d.suitDeadline)}, {d.deadlineInfo.rule.suitDays}{' '}
              days after the disallowance of {d.disallowedOn ? formatLongDate(d.disallowedOn) : ''}.
            </p>
          )}
        </section>

        <section className="ws-section" aria-labelledby="estate-record">
          <h2 id="estate-record">The estate record</h2>
          <dl className="facts">
            <dt>Date of death</dt>
            <dd>
              {formatLongDate(d.dateOfDeath)}
              <div className="muted">
                Reported by: {DEATH_SOURCE_LABELS[d.death.source]}; recorded {formatShortDate(d.death.recordedOn)}
                {d.death.recordedBy ? ` by ${d.death.recordedBy}` : ''}
                {d.death.note ? `. ${d.death.note}` : ''}
              </div>
            </dd>
            <dt>State and county</dt>
            <dd>
              {d.state}
              {d.county ? `, ${d.county} County` : ''}
            </dd>
            <dt>Probate court</dt>
            <dd>
              {d.courtName || DASH}
              {d.courtAddress && <div className="prewrap muted">{d.courtAddress}</div>}
            </dd>
            <dt>Case number</dt>
            <dd>{d.caseNumber || DASH}</dd>
            <dt>Personal representative</dt>
            <dd>
              {d.prName || DASH}
              {d.prAddress && <div className="prewrap muted">{d.prAddress}</div>}
            </dd>
            <dt>Attorney</dt>
            <dd>
              {d.attorneyName || DASH}
              {d.attorneyAddress && <div className="prewrap muted">{d.attorneyAddress}</div>}
            </dd>
            <dt>Notice first published</dt>
            <dd>{d.firstPublishedOn ? formatLongDate(d.firstPublishedOn) : 'Not known'}</dd>
            <dt>Notice mailed to the hospital</dt>
            <dd>{d.mailedNoticeOn ? formatLongDate(d.mailedNoticeOn) : 'None known'}</dd>
            <dt>Letters in</dt>
            <dd>{DOCUMENT_LANGUAGE_NAMES[d.letterLanguage]}</dd>
          </dl>
        </section>
      </div>

      <section className="ws-section" aria-labelledby="estate-claim">
        <h2 id="estate-claim">The claim</h2>
        <dl className="facts">
          <dt>Owed today</dt>
          <dd>
            <strong>{formatCents(d.owedCents)}</strong>
          </dd>
          <dt>Referred to legal</dt>
          <dd>{d.referredOn ? formatLongDate(d.referredOn) : 'Not yet'}</dd>
          <dt>501(r)</dt>
          <dd>
            {d.released
              ? `Released by a supervisor (ECA-04)${d.filedOn ? '.' : ': the claim may be filed now.'}`
              : d.filedOn
                ? 'Through the gate: the claim was filed after the 501(r) clock allowed it.'
                : mayFileNow
                  ? 'May file now: the 501(r) clock has run on every account.'
                  : d.ecaAllowedFrom
                    ? `Waits for the clock: the claim may be filed from ${formatLongDate(d.ecaAllowedFrom)}.`
                    : 'Waits for the clock: the gate cannot say yet when the claim may be filed.'}
            {!d.released && reasons.length > 0 && (
              <ul className="muted">
                {reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Filed</dt>
          <dd>
            {d.filedOn ? (
              <>
                {formatLongDate(d.filedOn)}: {formatCents(d.claimCents ?? 0)}
                <div className="muted">
                  {d.filedWith ? FILED_WITH_LABELS[d.filedWith] : ''}
                  {d.sworn ? '; sworn' : ''}; contingency: {d.contingency || 'none'}; security: {d.security || 'none'}
                </div>
              </>
            ) : (
              'Not filed'
            )}
          </dd>
          <dt>Allowed</dt>
          <dd>{d.allowedOn ? `${formatLongDate(d.allowedOn)}: ${formatCents(d.allowedCents ?? 0)}` : DASH}</dd>
          <dt>Disallowed</dt>
          <dd>{d.disallowedOn ? formatLongDate(d.disallowedOn) : DASH}</dd>
          <dt>Recovered from the estate</dt>
          <dd>{formatCents(d.recoveredCents)}</dd>
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

      <section className="ws-section" aria-labelledby="estate-accounts">
        <h2 id="estate-accounts">Accounts</h2>
        <p className="muted">
          The last illness’s expenses come before other claims (PR-04).{' '}
          {open &&
            'Care that ended within the setting’s days before the death is suggested as the last illness; tick or clear each box to confirm.'}
        </p>
        <LastIllnessForm
          key={d.accounts.map((a) => `${a.accountId}:${a.lastIllness}`).join()}
          detail={d}
          onDone={done}
        />
      </section>

      <section className="ws-section" aria-labelledby="estate-events">
        <h2 id="estate-events">Events</h2>
        <DataTable
          caption="The estate's events"
          rows={d.events}
          rowKey={(e) => e.id}
          stale={detail.loading}
          empty="Nothing recorded yet."
          columns={[
            { header: 'Date', className: 'nowrap', rowHeader: true, cell: (e) => formatShortDate(e.on) },
            { header: 'What happened', className: 'prose-cell', cell: (e) => e.text },
            { header: 'By', cell: (e) => e.by ?? 'Recoup' },
          ]}
        />
      </section>

      <section className="ws-section" aria-labelledby="estate-documents">
        <h2 id="estate-documents">Documents</h2>
        <DataTable
          caption="The estate's documents"
          rows={d.documents}
          rowKey={(doc) => doc.id}
          empty="No document printed yet."
          columns={[
            { header: 'Document', rowHeader: true, cell: (doc) => ESTATE_DOCUMENT_LABELS[doc.kind] },
            { header: 'Made on', className: 'nowrap', cell: (doc) => formatShortDate(doc.madeOn) },
            { header: 'Language', cell: (doc) => DOCUMENT_LANGUAGE_NAMES[doc.language] },
            {
              header: 'Open',
              cell: (doc) => (
                <button
                  type="button"
                  className="small"
                  disabled={printing !== null}
                  aria-label={`Reprint the ${ESTATE_DOCUMENT_LABELS[doc.kind].toLowerCase()} of ${formatShortDate(doc.madeOn)}`}
                  onClick={() => void reprint(doc.id)}
                >
                  {printing === doc.id ? 'Opening…' : 'Reprint'}
                </button>
              ),
            },
          ]}
        />
        <FormAlert message={printError} />
      </section>

      {dialog === 'details' && <DetailsDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'refer' && <ReferDialog detail={d} onClose={close} onPrinted={printed} />}
      {dialog === 'release' && <ReleaseDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'file' && <FileDialog detail={d} onClose={close} onPrinted={printed} />}
      {dialog === 'followUp' && <FollowUpDialog detail={d} onClose={close} onPrinted={printed} />}
      {dialog === 'allowed' && <AllowedDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'disallowed' && <DisallowedDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'call' && <CallDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'payment' && <EstatePaymentDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'close' && <CloseEstateDialog detail={d} onClose={close} onDone={done} />}
      {dialog === 'note' && <EstateNoteDialog detail={d} onClose={close} onDone={done} />}
      {pdf && <PdfViewer file={pdf} onClose={() => setPdf(null)} />}
    </section>
  );
}

export function Estates() {
  const estateId = useEstateId();
  return estateId === null ? <EstateList /> : <EstatePage key={estateId} estateId={estateId} />;
}
