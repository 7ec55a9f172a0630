// Payroll deductions and automatic bank transfers (issue 16, semantics 4): the list, and one
// arrangement: its accounts, amount, dates, the wage-floor check (PD-01), each period's outcome,
// and its steps: print the authorization (PD-03), record the signature (PD-02: nothing is deducted
// before), end it (revoked, stopped, or cancelled before signing).
import { useId, useState } from 'react';
import { businessDateOf, formatLongDate, formatShortDate } from '../../../../shared/dates';
import {
  DOCUMENT_LANGUAGE_NAMES,
  DOCUMENT_LANGUAGES,
  documentLanguage,
  type DocumentLanguage,
} from '../../../../shared/rules/documentLanguage';
import { formatCents } from '../../../../shared/money';
import { PAY_FREQUENCY_LABELS } from '../../../../shared/rules/payroll';
import {
  ARRANGEMENT_METHOD_LABELS,
  type ArrangementDetail,
  type ArrangementSummary,
} from '../../../../shared/schemas/payroll';
import type { FileHandle } from '../../../../shared/schemas/files';
import { endArrangementForm, signatureForm } from '../../../../shared/schemas/payrollForms';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { useSchemaForm } from '../../forms';
import { invalidateAfter, useChannelMutation, useChannelQuery } from '../../queries';
import { PLACES } from '../../routes';
import { useWorkspace } from '../../session';
import { Notice } from '../agencies/common';
import { ArrangementStatusBadge, DASH, LimitLines, OutcomeBadge, plural } from './common';

type Method = 'all' | 'payroll' | 'bank';
type Status = 'live' | 'ended' | 'all';

export function Arrangements() {
  const [method, setMethod] = useState<Method>('all');
  const [status, setStatus] = useState<Status>('live');
  const list = useChannelQuery('payroll:arrangements', { method, status });
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <>
      <div className="section-head">
        <h2 id="payroll-arrangements">Arrangements</h2>
      </div>
      <p className="muted">
        An arrangement is set up from the guarantor&apos;s account screen (Payroll deduction or bank transfer).
      </p>
      <div className="payroll-filters">
        <div className="field">
          <label htmlFor="arr-method">Kind</label>
          <select id="arr-method" value={method} onChange={(e) => setMethod(e.target.value as Method)}>
            <option value="all">Both</option>
            <option value="payroll">Payroll deductions</option>
            <option value="bank">Automatic bank transfers</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="arr-status">Status</label>
          <select id="arr-status" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            <option value="live">Live (awaiting signature or active)</option>
            <option value="ended">Ended</option>
            <option value="all">All</option>
          </select>
        </div>
      </div>
      <FormAlert message={list.error} />
      {!list.value && !list.error && (
        <p className="muted" role="status">
          Loading the arrangements…
        </p>
      )}
      {list.value && (
        <ArrangementTable rows={list.value} stale={list.loading} onOpen={setOpenId} caption="Arrangements" />
      )}
      {openId !== null && <ArrangementDialog arrangementId={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

export function ArrangementTable({
  rows,
  stale,
  onOpen,
  caption,
}: {
  rows: readonly ArrangementSummary[];
  stale?: boolean;
  onOpen: (id: number) => void;
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(a) => a.id}
      stale={stale}
      empty="No arrangement here."
      columns={[
        { header: 'Reference', className: 'mono nowrap', rowHeader: true, cell: (a) => a.reference },
        {
          header: 'Guarantor',
          cell: (a) => <a href={`#${PLACES.account.path}/${a.guarantorId}`}>{a.guarantorName}</a>,
        },
        { header: 'Kind', cell: (a) => ARRANGEMENT_METHOD_LABELS[a.method] },
        { header: 'Status', cell: (a) => <ArrangementStatusBadge status={a.status} /> },
        { header: 'Each period', className: 'num', cell: (a) => formatCents(a.amountCents) },
        { header: 'How often', cell: (a) => PAY_FREQUENCY_LABELS[a.frequency] },
        { header: 'Owed', className: 'num', cell: (a) => formatCents(a.owedCents) },
        { header: 'Next', className: 'nowrap', cell: (a) => (a.nextDate ? formatShortDate(a.nextDate) : DASH) },
        {
          header: 'Open',
          headerHidden: true,
          className: 'row-actions',
          cell: (a) => (
            <button type="button" className="small" aria-label={`Open ${a.reference}`} onClick={() => onOpen(a.id)}>
              Open…
            </button>
          ),
        },
      ]}
    />
  );
}

/** The details of an arrangement, as the dialog and the guarantor's panel show them. */
export function ArrangementFacts({ a }: { a: ArrangementDetail }) {
  return (
    <div className="payroll-detail">
      <dl className="facts">
        <dt>Reference</dt>
        <dd className="mono">{a.reference}</dd>
        <dt>Kind</dt>
        <dd>{ARRANGEMENT_METHOD_LABELS[a.method]}</dd>
        <dt>Status</dt>
        <dd>
          <ArrangementStatusBadge status={a.status} />
          {a.endedOn && ` on ${formatLongDate(a.endedOn)}`}
          {a.endNote && `: ${a.endNote}`}
        </dd>
        <dt>Amount</dt>
        <dd>
          {formatCents(a.amountCents)} {PAY_FREQUENCY_LABELS[a.frequency].toLowerCase()}, from{' '}
          {formatLongDate(a.firstDate)}
        </dd>
        <dt>Owed now</dt>
        <dd>
          {formatCents(a.owedCents)} (was {formatCents(a.totalCents)} when set up)
        </dd>
        {a.nextDate && (
          <>
            <dt>Next</dt>
            <dd>
              {formatLongDate(a.nextDate)}; {plural(a.periods, 'period', 'periods')} to pay
              {a.lastDate ? `, the last on ${formatLongDate(a.lastDate)}` : ''}
            </dd>
          </>
        )}
        <dt>Signature</dt>
        <dd>
          <SignatureState a={a} />
        </dd>
        {a.bank && (
          <>
            <dt>Bank account</dt>
            <dd>
              {a.bank.holderName}, routing <span className="mono">{a.bank.routingNumber}</span>, {a.bank.accountType}{' '}
              <span className="mono">{a.bank.accountMasked}</span>
            </dd>
          </>
        )}
      </dl>
      <DataTable
        caption={`Accounts ${a.reference} covers`}
        showCaption
        rows={a.accounts}
        rowKey={(x) => x.accountId}
        empty="No account."
        columns={[
          { header: 'Account', className: 'mono', rowHeader: true, cell: (x) => x.accountNumber },
          { header: 'Service', className: 'nowrap', cell: (x) => x.serviceDates },
          { header: 'Owed', className: 'num', cell: (x) => formatCents(x.owedCents) },
        ]}
      />
      {a.method === 'payroll' && a.limitToday && (a.status === 'active' || a.status === 'awaiting_signature') && (
        <LimitLines limit={a.limitToday} amountCents={a.amountCents} title="The wage floor today (PD-01)" />
      )}
      {a.history.length > 0 && (
        <DataTable
          caption="Each period"
          showCaption
          rows={a.history}
          rowKey={(h) => h.runId}
          empty=""
          columns={[
            { header: 'Date', className: 'nowrap', rowHeader: true, cell: (h) => formatShortDate(h.runDate) },
            { header: 'Expected', className: 'num', cell: (h) => formatCents(h.expectedCents) },
            {
              header: 'Deducted',
              className: 'num',
              cell: (h) => (h.deductedCents === null ? DASH : formatCents(h.deductedCents)),
            },
            { header: 'Outcome', cell: (h) => <OutcomeBadge outcome={h.outcome} /> },
          ]}
        />
      )}
    </div>
  );
}

/** The guarantor's recorded language and documents (the account page's own read, cached). */
function useGuarantorPapers(guarantorId: number) {
  return useChannelQuery('accounts:open', { guarantorId }).value?.guarantor ?? null;
}

/** Where the signature stands, in words: signed on a date, or the form printed (on a date) and awaited. */
function SignatureState({ a }: { a: ArrangementDetail }) {
  const workspace = useChannelQuery('accounts:open', { guarantorId: a.guarantorId }, { enabled: !a.signedOn });
  if (a.signedOn) return <>Signed on {formatLongDate(a.signedOn)}</>;
  if (!a.authorizationDocumentId) return <>The authorization form is not printed yet</>;
  const doc = workspace.value?.documents.find((d) => d.id === a.authorizationDocumentId);
  return (
    <>
      Awaiting the signed form
      {doc ? ` printed on ${formatLongDate(businessDateOf(new Date(doc.createdAt)))}` : ' (printed)'}
    </>
  );
}

/** "Print the authorization" with the language beside it (LANG-01: the guarantor's recorded one first). */
function PrintAuthorization({
  a,
  printing,
  onPrint,
}: {
  a: ArrangementDetail;
  printing: boolean;
  onPrint: (language: DocumentLanguage) => void;
}) {
  const id = useId();
  const guarantor = useGuarantorPapers(a.guarantorId);
  const [chosen, setChosen] = useState<DocumentLanguage | null>(null);
  const language = chosen ?? documentLanguage(guarantor?.language);
  return (
    <span className="print-with-language">
      <label htmlFor={id}>Language</label>
      <select id={id} value={language} onChange={(e) => setChosen(e.target.value as DocumentLanguage)}>
        {DOCUMENT_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {DOCUMENT_LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-print-authorization={a.id}
        className={a.status === 'awaiting_signature' && !a.authorizationDocumentId ? 'primary' : undefined}
        disabled={printing}
        onClick={() => onPrint(language)}
      >
        {printing ? 'Printing…' : 'Print the authorization'}
      </button>
    </span>
  );
}

/** The steps an arrangement takes, as buttons, each its own dialog; used by the dialog and the panel. */
export function useArrangementSteps(onNotice: (m: string) => void) {
  const [step, setStep] = useState<
    { kind: 'sign' | 'end'; a: ArrangementDetail } | { kind: 'pdf'; file: FileHandle } | null
  >(null);
  const [printing, setPrinting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const print = async (a: ArrangementDetail, language: DocumentLanguage) => {
    setPrinting(true);
    setError(null);
    try {
      const file = await call('payroll:authorization', { arrangementId: a.id, language });
      await invalidateAfter('payroll:authorization');
      setStep({ kind: 'pdf', file });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPrinting(false);
    }
  };
  const buttons = (a: ArrangementDetail) => {
    const live = a.status === 'active' || a.status === 'awaiting_signature';
    return (
      <>
        {live && <PrintAuthorization a={a} printing={printing} onPrint={(language) => void print(a, language)} />}
        {a.status === 'awaiting_signature' && (
          <button
            type="button"
            className={a.authorizationDocumentId ? 'primary' : undefined}
            onClick={() => setStep({ kind: 'sign', a })}
          >
            Record the signature…
          </button>
        )}
        {live && (
          <button type="button" onClick={() => setStep({ kind: 'end', a })}>
            {a.status === 'awaiting_signature' ? 'Cancel it…' : 'End it…'}
          </button>
        )}
      </>
    );
  };
  const dialogs = (
    <>
      {step?.kind === 'pdf' && <PdfViewer file={step.file} onClose={() => setStep(null)} />}
      {step?.kind === 'sign' && (
        <SignatureDialog
          a={step.a}
          onClose={() => setStep(null)}
          onDone={(m) => {
            setStep(null);
            onNotice(m);
          }}
        />
      )}
      {step?.kind === 'end' && (
        <EndDialog
          a={step.a}
          onClose={() => setStep(null)}
          onDone={(m) => {
            setStep(null);
            onNotice(m);
          }}
        />
      )}
    </>
  );
  return { buttons, dialogs, error, open: step !== null };
}

export function ArrangementDialog({ arrangementId, onClose }: { arrangementId: number; onClose: () => void }) {
  const arrangement = useChannelQuery('payroll:arrangement', { arrangementId });
  const [notice, setNotice] = useState<string | null>(null);
  const steps = useArrangementSteps(setNotice);
  const a = arrangement.value;
  if (steps.open) return steps.dialogs;
  return (
    <Dialog title={a ? `${a.reference}: ${a.guarantorName}` : 'Arrangement'} onClose={onClose} wide>
      <FormAlert message={arrangement.error ?? steps.error} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {!a && !arrangement.error && <p role="status">Reading…</p>}
      {a && <ArrangementFacts a={a} />}
      <div className="actions">
        {a && steps.buttons(a)}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function SignatureDialog({
  a,
  onClose,
  onDone,
}: {
  a: ArrangementDetail;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const record = useChannelMutation('payroll:recordSignature');
  const form = useSchemaForm(signatureForm(today), { signedOn: today });
  return (
    <DialogForm
      title="Record the signature"
      form={form}
      fields={['signedOn']}
      submitLabel="Record the signature"
      onClose={onClose}
      onSubmit={async (v) => {
        const done = await record.mutateAsync({ arrangementId: a.id, ...v });
        onDone(
          `${done.reference} is active${done.nextDate ? `: the first ${a.method === 'payroll' ? 'deduction' : 'debit'} is on ${formatLongDate(done.nextDate)}` : ''}. Its accounts are held out of the statement cycle.`,
        );
      }}
    >
      <p>
        The signed authorization for {a.reference} came back (PD-02: nothing is{' '}
        {a.method === 'payroll' ? 'deducted' : 'debited'} before). Keep the hospital&apos;s copy with the
        guarantor&apos;s papers.
        {a.method === 'payroll' && ' The wage floor is checked again for the next pay date.'}
      </p>
      {!a.authorizationDocumentId && (
        <p className="form-alert" role="note">
          The authorization has not been printed yet: print it first.
        </p>
      )}
      <TextField name="signedOn" label="Signed on" type="date" max={today} />
    </DialogForm>
  );
}

function EndDialog({ a, onClose, onDone }: { a: ArrangementDetail; onClose: () => void; onDone: (m: string) => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const end = useChannelMutation('payroll:end');
  const awaiting = a.status === 'awaiting_signature';
  const form = useSchemaForm(endArrangementForm(today), {
    reason: awaiting ? 'cancelled' : 'revoked',
    on: today,
    note: '',
  });
  return (
    <DialogForm
      title={awaiting ? `Cancel ${a.reference}` : `End ${a.reference}`}
      form={form}
      fields={['reason', 'on', 'note']}
      submitLabel={awaiting ? 'Cancel the arrangement' : 'End the arrangement'}
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        const done = await end.mutateAsync({ arrangementId: a.id, ...v });
        onDone(`${done.reference} ended. Its accounts are back in the statement cycle.`);
      }}
    >
      <p>
        {awaiting
          ? 'Before signing, the arrangement is cancelled.'
          : 'A revocation stops with the next period after it was received; nothing already sent is taken back.'}
      </p>
      <div className="form-grid">
        <SelectField
          name="reason"
          label="Why it ends"
          className="span-3"
          options={
            awaiting
              ? [{ value: 'cancelled', label: 'Cancelled before signing' }]
              : [
                  { value: 'revoked', label: 'Revoked by the employee (in writing)' },
                  { value: 'stopped', label: 'Stopped by the hospital' },
                ]
          }
        />
        <TextField
          name="on"
          label={awaiting ? 'Cancelled on' : 'Received on'}
          type="date"
          max={today}
          className="span-3"
        />
        <TextAreaField name="note" label="Note" rows={2} className="span-6" />
      </div>
    </DialogForm>
  );
}
