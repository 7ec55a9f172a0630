// One OB arrangement (issue 17, PP-04): the summary, the estimate with its arithmetic, the schedule
// with each payment's state, the history of versions, the deposits with their receipts, and every
// step the case takes: print the agreement and record the signature, record (or reverse) a
// deposit, move the date or revise the estimate, record the delivery, match the delivery account,
// the true-up and its letter, an OB statement now, cancel and refund. Every figure is main's.
import { useEffect, useState } from 'react';
import { focusIsLost, focusMainHeading } from '../../focus';
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import {
  DOCUMENT_LANGUAGE_NAMES,
  DOCUMENT_LANGUAGES,
  type DocumentLanguage,
} from '../../../../shared/rules/documentLanguage';
import { DELIVERY_KIND_LABELS } from '../../../../shared/rules/obstetrics';
import { roleAtLeast } from '../../../../shared/roles';
import type { FileHandle } from '../../../../shared/schemas/files';
import { PAYMENT_METHOD_LABELS } from '../../../../shared/schemas/ledger';
import {
  FAP_SCREENING_LABELS,
  OB_VERSION_REASON_LABELS,
  type ObCaseDetail,
} from '../../../../shared/schemas/obstetrics';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { invalidateAfter, useChannelQuery } from '../../queries';
import { hrefOf, PLACES } from '../../routes';
import { useWorkspace } from '../../session';
import { useOpenStoredDocument } from '../../storedDocument';
import { Notice } from '../agencies/common';
import {
  CancelDialog,
  DeliveryDialog,
  DepositDialog,
  MatchDialog,
  RefundDialog,
  ReverseDepositDialog,
  ReviseDialog,
  SignatureDialog,
  TrueUpDialog,
} from './CaseDialogs';
import { DASH, EmtalaNote, EstimateLines, ObStatusBadge, ProgressTable, ScheduleLines } from './common';
import './obstetrics.css';

type Step =
  | 'sign'
  | 'deposit'
  | 'revise'
  | 'delivery'
  | 'match'
  | 'trueUp'
  | 'cancel'
  | 'refund'
  | { reverse: number }
  | { pdf: FileHandle };

const DEPOSIT_STATUS_LABELS = {
  held: 'Held for her',
  applied: 'Applied to the delivery account',
  refunded: 'Refunded',
  reversed: 'Reversed (a mistake)',
} as const;

export function CasePage({ caseId }: { caseId: number }) {
  const detail = useChannelQuery('ob:case', { caseId });
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const supervisor = roleAtLeast(role, 'supervisor');
  const [step, setStep] = useState<Step | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stored = useOpenStoredDocument((file) => setStep({ pdf: file }));
  const c = detail.value;
  // Arriving from the interview (or a link), the cursor starts at the case's heading once it is read.
  const loaded = c !== null;
  useEffect(() => {
    if (loaded && focusIsLost()) requestAnimationFrame(focusMainHeading);
  }, [loaded]);
  const [chosenLanguage, setLanguage] = useState<DocumentLanguage | null>(null);
  const language = chosenLanguage ?? c?.language ?? 'en';
  const done = (m: string) => {
    setStep(null);
    setNotice(m);
  };
  const print = async (what: string, make: () => Promise<FileHandle>, stale: Parameters<typeof invalidateAfter>[0]) => {
    setBusy(what);
    setError(null);
    try {
      const file = await make();
      await invalidateAfter(stale);
      setStep({ pdf: file });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  if (!c)
    return (
      <section className="obstetrics">
        <p>
          <a href={hrefOf('obstetrics')}>Obstetrics</a>
        </p>
        <h1 tabIndex={-1}>OB case</h1>
        <FormAlert message={detail.error} />
        {!detail.error && <p role="status">Reading the case…</p>}
      </section>
    );
  const live = c.status === 'awaiting_signature' || c.status === 'active';
  const linked = c.deliveryAccounts.length > 0;
  const heldDeposits = c.deposits.filter((d) => d.status === 'held');
  const canDeposit = live || (c.status === 'delivered' && !linked);
  return (
    <section className="obstetrics">
      <p>
        <a href={hrefOf('obstetrics')}>Obstetrics</a> › {c.reference}
      </p>
      <h1 tabIndex={-1}>
        {c.reference}: {c.guarantorName}
      </h1>
      <p>
        <ObStatusBadge status={c.status} />{' '}
        <a href={`#${PLACES.account.path}/${c.guarantorId}`}>Open her account workspace</a>
      </p>
      <EmtalaNote language={c.language} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <FormAlert message={error ?? stored.error} />

      <div className="ob-actions" role="group" aria-label="What to do next">
        {(live || c.status === 'closed') && (
          <span className="print-with-language">
            <label htmlFor="ob-papers-language">Her papers in</label>
            <select
              id="ob-papers-language"
              value={language}
              onChange={(e) => setLanguage(e.target.value as DocumentLanguage)}
            >
              {DOCUMENT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {DOCUMENT_LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </span>
        )}
        {live && (
          <PrintButton
            label="Print the agreement"
            primary={c.status === 'awaiting_signature' && c.agreementDocumentId === null}
            busy={busy === 'agreement'}
            onPrint={() =>
              void print('agreement', () => call('ob:agreement', { caseId: c.id, language }), 'ob:agreement')
            }
          />
        )}
        {c.status === 'awaiting_signature' && (
          <button
            type="button"
            className={c.agreementDocumentId !== null ? 'primary' : undefined}
            onClick={() => setStep('sign')}
          >
            Record the signature…
          </button>
        )}
        {canDeposit && (
          <button type="button" onClick={() => setStep('deposit')}>
            Record a deposit…
          </button>
        )}
        {live && (
          <button type="button" onClick={() => setStep('revise')}>
            Move the date or revise…
          </button>
        )}
        {live && (
          <button type="button" onClick={() => setStep('delivery')}>
            Record the delivery…
          </button>
        )}
        {(c.status === 'delivered' || c.status === 'active') && !linked && (
          <button
            type="button"
            className={c.status === 'delivered' ? 'primary' : undefined}
            onClick={() => setStep('match')}
          >
            Match the delivery account…
          </button>
        )}
        {c.status === 'delivered' && linked && (
          <button type="button" className="primary" onClick={() => setStep('trueUp')}>
            True-up…
          </button>
        )}
        {c.status === 'closed' && (
          <PrintButton
            label="Print the true-up letter"
            primary={c.trueUp?.letterDocumentId === null}
            busy={busy === 'letter'}
            onPrint={() =>
              void print('letter', () => call('ob:trueUpLetter', { caseId: c.id, language }), 'ob:trueUpLetter')
            }
          />
        )}
        {live && (
          <PrintButton
            label="Print an OB statement now"
            busy={busy === 'statement'}
            onPrint={() =>
              void print('statement', () => call('ob:statement', { caseId: c.id, language }), 'ob:statement')
            }
          />
        )}
        {live && (
          <button type="button" onClick={() => setStep('cancel')}>
            Cancel the arrangement…
          </button>
        )}
        {c.status === 'cancelled' && heldDeposits.length > 0 && supervisor && (
          <button type="button" className="primary" onClick={() => setStep('refund')}>
            Refund the deposits…
          </button>
        )}
      </div>
      {c.status === 'cancelled' && heldDeposits.length > 0 && !supervisor && (
        <p>{formatCents(c.heldCents)} received is still held for her: a supervisor refunds it from this page.</p>
      )}

      <Summary c={c} printing={language} />

      <section aria-labelledby="ob-current">
        <h2 id="ob-current">
          The estimate and the schedule (version {c.current.version}, {formatLongDate(c.current.madeOn)})
        </h2>
        <EstimateLines estimate={c.current.estimate} />
        <ScheduleLines
          installments={c.current.installments}
          lastAllowed={c.current.lastAllowed}
          daysBefore={c.current.daysBefore}
          expectedDelivery={c.current.expectedDelivery}
          heldCents={c.current.heldBeforeCents}
          scheduledCents={c.current.scheduledCents}
          emptyReason={c.current.emptyReason}
          listed={false}
        />
        <ProgressTable items={c.progress.items} closed={!live} />
        <p>
          Received toward this schedule: {formatCents(c.progress.paidCents)}; left of it:{' '}
          {formatCents(c.progress.remainingCents)}.
          {(c.status === 'delivered' || c.status === 'closed') &&
            ' The schedule closed with the delivery: what was not yet paid is settled at the true-up.'}
          {c.status === 'cancelled' && ' The schedule ended with the cancellation.'}
        </p>
      </section>

      <section aria-labelledby="ob-deposits">
        <h2 id="ob-deposits">Deposits</h2>
        <DataTable
          caption="Deposits"
          rows={c.deposits}
          rowKey={(d) => d.id}
          empty="No deposit received yet."
          columns={[
            { header: 'Receipt', className: 'mono nowrap', rowHeader: true, cell: (d) => d.receiptNumber },
            { header: 'Received', className: 'nowrap', cell: (d) => formatShortDate(d.receivedOn) },
            { header: 'Amount', className: 'num', cell: (d) => formatCents(d.amountCents) },
            {
              header: 'How',
              cell: (d) => `${PAYMENT_METHOD_LABELS[d.method]}${d.reference ? ` ${d.reference}` : ''}`,
            },
            {
              header: 'Status',
              cell: (d) =>
                d.status === 'applied'
                  ? `Applied ${d.appliedOn ? formatShortDate(d.appliedOn) : ''}${d.paymentReceipt ? ` (payment ${d.paymentReceipt})` : ''}`
                  : `${DEPOSIT_STATUS_LABELS[d.status]}${d.closedOn ? ` ${formatShortDate(d.closedOn)}` : ''}${d.closeNote ? `: ${d.closeNote}` : ''}`,
            },
            ...(supervisor
              ? [
                  {
                    header: 'Reverse',
                    headerHidden: true,
                    className: 'row-actions',
                    cell: (d: ObCaseDetail['deposits'][number]) =>
                      d.status === 'held' ? (
                        <button
                          type="button"
                          className="small"
                          aria-label={`Reverse deposit ${d.receiptNumber}`}
                          onClick={() => setStep({ reverse: d.id })}
                        >
                          Reverse…
                        </button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </section>

      {linked && (
        <section aria-labelledby="ob-delivery">
          <h2 id="ob-delivery">The delivery account</h2>
          <DataTable
            caption="Delivery accounts"
            rows={c.deliveryAccounts}
            rowKey={(a) => a.accountId}
            empty=""
            columns={[
              { header: 'Account', className: 'mono', rowHeader: true, cell: (a) => a.accountNumber },
              {
                header: 'Service',
                className: 'nowrap',
                cell: (a) => `${formatShortDate(a.serviceFrom)}–${formatShortDate(a.serviceTo)}`,
              },
              { header: 'Balance', className: 'num', cell: (a) => formatCents(a.balanceCents) },
              {
                header: 'Statements',
                cell: (a) => (a.held ? 'Held out of the statement cycle until the true-up' : 'In the statement cycle'),
              },
            ]}
          />
        </section>
      )}

      {c.trueUp && (
        <section aria-labelledby="ob-trueup">
          <h2 id="ob-trueup">The true-up</h2>
          <p>
            On {formatLongDate(c.trueUp.truedUpOn)}: her real share was {formatCents(c.trueUp.realShareCents)} (
            {c.trueUp.source}).{' '}
            {c.trueUp.outcome === 'refund'
              ? `She paid ${formatCents(c.trueUp.cents)} more: it is refunded (the credits worklist).`
              : c.trueUp.outcome === 'bill'
                ? `${formatCents(c.trueUp.cents)} is left for her to pay: it joins the ordinary statement cycle.`
                : 'She owes nothing and is owed nothing.'}
          </p>
          {c.trueUp.letterDocumentId !== null && (
            <button
              type="button"
              disabled={stored.opening === c.trueUp.letterDocumentId}
              onClick={() => void stored.open(c.trueUp!.letterDocumentId!)}
            >
              Open the letter as printed
            </button>
          )}
        </section>
      )}

      <section aria-labelledby="ob-history">
        <h2 id="ob-history">History of the estimate and the schedule</h2>
        <DataTable
          caption="Versions, newest first"
          rows={c.versions}
          rowKey={(v) => v.id}
          empty=""
          columns={[
            { header: 'Version', rowHeader: true, cell: (v) => `${v.version}` },
            { header: 'Made', className: 'nowrap', cell: (v) => `${formatShortDate(v.madeOn)} by ${v.madeBy}` },
            {
              header: 'Why',
              cell: (v) => `${OB_VERSION_REASON_LABELS[v.reason]}${v.note ? `: ${v.note}` : ''}`,
            },
            { header: 'Expected delivery', className: 'nowrap', cell: (v) => formatShortDate(v.expectedDelivery) },
            { header: 'Estimate', className: 'num', cell: (v) => formatCents(v.estimate.shareCents) },
            {
              header: 'Schedule',
              cell: (v) =>
                v.installments.length === 0
                  ? 'Nothing before delivery'
                  : `${v.installments.length} × from ${formatShortDate(v.installments[0]!.dueDate)}, ${formatCents(v.scheduledCents)}`,
            },
          ]}
        />
      </section>

      <section aria-labelledby="ob-papers">
        <h2 id="ob-papers">Papers</h2>
        <ul>
          <li>
            Agreement:{' '}
            {c.agreementDocumentId === null ? (
              'not printed yet'
            ) : (
              <button
                type="button"
                className="small"
                disabled={stored.opening === c.agreementDocumentId}
                onClick={() => void stored.open(c.agreementDocumentId!)}
              >
                Open the agreement as printed
              </button>
            )}
          </li>
          {c.statements.map((s) => (
            <li key={s.id}>
              OB statement of {formatLongDate(s.statementDate)}
              {s.documentId !== null && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="small"
                    disabled={stored.opening === s.documentId}
                    aria-label={`Open the OB statement of ${formatLongDate(s.statementDate)}`}
                    onClick={() => void stored.open(s.documentId!)}
                  >
                    Open
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      {step === 'sign' && <SignatureDialog c={c} onClose={() => setStep(null)} onDone={done} />}
      {step === 'deposit' && <DepositDialog c={c} onClose={() => setStep(null)} onDone={done} />}
      {step === 'revise' && <ReviseDialog c={c} onClose={() => setStep(null)} onDone={done} />}
      {step === 'delivery' && <DeliveryDialog c={c} onClose={() => setStep(null)} onDone={done} />}
      {step === 'match' && <MatchDialog c={c} onClose={() => setStep(null)} onDone={done} />}
      {step === 'trueUp' && <TrueUpDialog c={c} onClose={() => setStep(null)} onDone={done} />}
      {step === 'cancel' && <CancelDialog c={c} onClose={() => setStep(null)} onDone={done} />}
      {step === 'refund' && <RefundDialog c={c} onClose={() => setStep(null)} onDone={done} />}
      {typeof step === 'object' && step !== null && 'reverse' in step && (
        <ReverseDepositDialog c={c} depositId={step.reverse} onClose={() => setStep(null)} onDone={done} />
      )}
      {typeof step === 'object' && step !== null && 'pdf' in step && (
        <PdfViewer file={step.pdf} onClose={() => setStep(null)} />
      )}
    </section>
  );
}

function Summary({ c, printing }: { c: ObCaseDetail; printing: DocumentLanguage }) {
  return (
    <section aria-labelledby="ob-summary">
      <h2 id="ob-summary">Summary</h2>
      <dl className="facts">
        <dt>Patient</dt>
        <dd>
          {c.guarantorName}
          {c.guarantorOrigin === 'ob_interview' && ' (her record was made at the interview)'}
        </dd>
        <dt>Expected delivery</dt>
        <dd>
          {formatLongDate(c.expectedDelivery)}, {DELIVERY_KIND_LABELS[c.deliveryKind].toLowerCase()}
        </dd>
        <dt>Coverage</dt>
        <dd>{c.current.coverage.kind === 'self_pay' ? 'Self-pay' : `Insured: ${c.current.coverage.payerName}`}</dd>
        <dt>Estimated share</dt>
        <dd>{formatCents(c.estimateCents)}</dd>
        <dt>Received</dt>
        <dd>
          {formatCents(c.heldCents)} held for her
          {c.appliedCents > 0 && `; ${formatCents(c.appliedCents)} applied to the delivery account`}
        </dd>
        <dt>Next due</dt>
        <dd>{c.nextDue ? `${formatCents(c.nextDue.cents)} on ${formatLongDate(c.nextDue.dueDate)}` : DASH}</dd>
        {c.pastDueCents > 0 && (
          <>
            <dt>Past due</dt>
            <dd>{formatCents(c.pastDueCents)}: call her about the OB payment</dd>
          </>
        )}
        <dt>Agreement</dt>
        <dd>
          {c.signedOn
            ? `Signed on ${formatLongDate(c.signedOn)}`
            : c.agreementDocumentId !== null
              ? 'Printed; awaiting her signature'
              : 'Not printed yet'}
        </dd>
        <dt>Financial assistance</dt>
        <dd>{FAP_SCREENING_LABELS[c.fapScreening]}</dd>
        <dt>Her papers in</dt>
        <dd>
          {DOCUMENT_LANGUAGE_NAMES[c.language]}
          {/* The selector beside the actions starts on her language (LANG-01); a different one chosen there
              for this visit's prints is said here too, so the two never disagree silently. */}
          {printing !== c.language && `; printing now in ${DOCUMENT_LANGUAGE_NAMES[printing]}, as chosen above`}
        </dd>
        <dt>Interview</dt>
        <dd>{formatLongDate(c.createdOn)}</dd>
        {c.deliveredOn && (
          <>
            <dt>Delivered</dt>
            <dd>{formatLongDate(c.deliveredOn)}</dd>
          </>
        )}
        {c.cancelled && (
          <>
            <dt>Cancelled</dt>
            <dd>
              {formatLongDate(c.cancelled.on)}: {c.cancelled.note}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** A print button (the language is the one chosen beside the actions: LANG-01, the case's first). */
function PrintButton({
  label,
  primary,
  busy,
  onPrint,
}: {
  label: string;
  primary?: boolean;
  busy: boolean;
  onPrint: () => void;
}) {
  return (
    <button type="button" className={primary ? 'primary' : undefined} disabled={busy} onClick={onPrint}>
      {busy ? 'Printing…' : label}
    </button>
  );
}
