// Statements and the 501(r) clock for one guarantor: per account the first statement (D0), the
// final notice and the earliest day a collection action (a credit report) may be taken, or why
// not yet; the statements sent, each reprinted byte for byte; the holds that stop the cycle, the
// automatic ones kept by Recoup from the record, with "Place a hold…" and "Release…".
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { HOLD_REASON_LABELS, HOLD_REASONS } from '../../../../shared/rules/statementCycle';
import type { AccountView } from '../../../../shared/schemas/accounts';
import type { FileOut } from '../../../../shared/schemas/files';
import { placeHoldForm, releaseHoldForm, type HoldView } from '../../../../shared/schemas/holds';
import { call } from '../../api';
import { useOpenFile } from '../../storedDocument';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useChannel } from '../../components/useChannel';

const dash = <span className="muted">—</span>;
const dateOrDash = (d: string | null) => (d ? formatShortDate(d) : dash);

function EarliestCollectionAction({ accountId }: { accountId: number }) {
  const check = useChannel('eca:check', { accountId, kind: 'credit_report' });
  if (check.error) return <span className="error-text">{check.error}</span>;
  const d = check.value;
  if (!d) return <span className="muted">Reading…</span>;
  if (d.allowed) return <span>Allowed now</span>;
  return (
    <>
      {d.allowedFrom ? <strong>{formatShortDate(d.allowedFrom)}</strong> : <span>Not yet</span>}
      {!d.allowedFrom && d.reasons.length > 0 && (
        <ul className="plain-list muted">
          {d.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function PlaceHoldDialog({
  guarantorId,
  accounts,
  onClose,
  onDone,
}: {
  guarantorId: number;
  accounts: AccountView[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const form = useForm<z.input<typeof placeHoldForm>, unknown, z.output<typeof placeHoldForm>>({
    resolver: zodResolver(placeHoldForm),
    defaultValues: { reason: '', accountId: '', note: '', until: '' },
  });
  return (
    <DialogForm
      title="Place a hold"
      form={form}
      fields={['reason', 'accountId', 'note', 'until']}
      submitLabel="Place the hold"
      onClose={onClose}
      onSubmit={async (hold) => {
        await call('holds:place', { guarantorId, ...hold });
        onDone(`Hold placed: ${HOLD_REASON_LABELS[hold.reason]}.`);
      }}
    >
      <div className="form-grid">
        <SelectField
          name="reason"
          label="Reason"
          placeholder="Choose why the cycle stops"
          options={HOLD_REASONS.map((r) => ({ value: r, label: HOLD_REASON_LABELS[r] }))}
          className="span-3"
        />
        <SelectField
          name="accountId"
          label="Account"
          options={[
            { value: '', label: 'All accounts' },
            ...accounts.map((a) => ({ value: String(a.id), label: `Account ${a.accountNumber}` })),
          ]}
          className="span-3"
        />
        <TextField
          name="until"
          label="Until (optional)"
          type="date"
          hint="Open-ended when left empty."
          className="span-3"
        />
        <TextAreaField name="note" label="Note (optional)" className="span-6" />
      </div>
    </DialogForm>
  );
}

function ReleaseHoldDialog({
  hold,
  onClose,
  onDone,
}: {
  hold: HoldView & { id: number };
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const form = useForm<z.input<typeof releaseHoldForm>, unknown, z.output<typeof releaseHoldForm>>({
    resolver: zodResolver(releaseHoldForm),
    defaultValues: { note: '' },
  });
  return (
    <DialogForm
      title="Release the hold"
      form={form}
      fields={['note']}
      aliases={{ note: 'note' }}
      submitLabel="Release"
      onClose={onClose}
      onSubmit={async ({ note }) => {
        await call('holds:release', { holdId: hold.id, note });
        onDone(`Hold released: ${HOLD_REASON_LABELS[hold.reason]}.`);
      }}
    >
      <p>{HOLD_REASON_LABELS[hold.reason]}</p>
      <TextAreaField name="note" label="Why it is released" />
    </DialogForm>
  );
}

export function StatementCycle({
  guarantorId,
  accounts,
  onOpenPdf,
  onNotice,
}: {
  guarantorId: number;
  accounts: AccountView[];
  onOpenPdf: (file: FileOut) => void;
  onNotice: (message: string) => void;
}) {
  const statements = useChannel('statements:list', { guarantorId });
  const holds = useChannel('holds:list', { guarantorId });
  const [dialog, setDialog] = useState<{ kind: 'place' } | { kind: 'release'; hold: HoldView & { id: number } } | null>(
    null,
  );
  // A D0 before Recoup's first statement came with the billing extract (the billing system's statement).
  const firstSent = statements.value?.reduce<string | null>(
    (min, x) => (min === null || x.statementDate < min ? x.statementDate : min),
    null,
  );
  const accountNumber = (id: number | null) =>
    id === null ? 'All accounts' : `Account ${accounts.find((a) => a.id === id)?.accountNumber ?? id}`;
  const done = (message: string) => {
    setDialog(null);
    onNotice(message);
    holds.reload();
  };
  const { error: reprintError, open: reprint } = useOpenFile(
    (statementId) => call('statements:reprint', { statementId }),
    onOpenPdf,
  );

  return (
    <section className="ws-section" aria-labelledby="ws-statements">
      <h2 id="ws-statements">Statements and the 501(r) clock</h2>
      <FormAlert message={reprintError ?? statements.error ?? holds.error} />
      <div className="table-scroll">
        <table className="table" aria-label="501(r) clock">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">First statement (D0)</th>
              <th scope="col">Final notice</th>
              <th scope="col">Earliest collection action (credit report)</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.accountNumber}</th>
                <td>
                  {dateOrDash(a.firstStatementDate)}
                  {a.firstStatementDate && statements.value && (!firstSent || a.firstStatementDate < firstSent) && (
                    <div className="muted">from the billing system</div>
                  )}
                </td>
                <td>
                  {a.finalNoticeDate ? formatShortDate(a.finalNoticeDate) : <span className="muted">Not sent</span>}
                </td>
                <td>
                  {a.balanceCents > 0 ? (
                    <EarliestCollectionAction accountId={a.id} />
                  ) : (
                    <span className="muted">None: nothing owed</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>
        Statements sent <span className="count">{statements.value?.length ?? 0}</span>
      </h3>
      {statements.value?.length === 0 && <p className="muted">No statement has been sent to this guarantor yet.</p>}
      {statements.value && statements.value.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label="Statements sent">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Statement</th>
                <th scope="col">Due by</th>
                <th scope="col" className="num">
                  Amount due
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {statements.value.map((s) => (
                <tr key={s.id}>
                  <td className="nowrap">{formatShortDate(s.statementDate)}</td>
                  <td>{s.kind === 'final_notice' ? 'Final notice' : `Statement ${s.numberInCycle}`}</td>
                  <td className="nowrap">{formatShortDate(s.dueDate)}</td>
                  <td className="num">{formatCents(s.amountDueCents)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="small"
                      aria-label={`Reprint the statement of ${formatShortDate(s.statementDate)}`}
                      onClick={() => void reprint(s.id)}
                    >
                      Reprint
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="section-head">
        <h3>
          Holds <span className="count">{holds.value?.filter((h) => h.active).length ?? 0}</span>
        </h3>
        <button type="button" onClick={() => setDialog({ kind: 'place' })}>
          Place a hold…
        </button>
      </div>
      {holds.value?.length === 0 && <p className="muted">No hold stops the statement cycle.</p>}
      {holds.value && holds.value.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label="Holds">
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col">On</th>
                <th scope="col">Note</th>
                <th scope="col">Until</th>
                <th scope="col">Placed by</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holds.value.map((h, i) => (
                <tr key={h.id ?? `auto-${i}`} className={h.active ? undefined : 'muted'}>
                  <td>
                    {HOLD_REASON_LABELS[h.reason]}
                    {!h.active && h.releasedOn && (
                      <div className="muted">
                        Released {formatShortDate(h.releasedOn)}
                        {h.releasedBy ? ` by ${h.releasedBy}` : ''}
                        {h.releaseNote ? `: ${h.releaseNote}` : ''}
                      </div>
                    )}
                  </td>
                  <td>{accountNumber(h.accountId)}</td>
                  <td>{h.note || dash}</td>
                  <td className="nowrap">{h.until ? formatShortDate(h.until) : dash}</td>
                  <td>
                    {h.automatic ? (
                      <em>kept by Recoup</em>
                    ) : (
                      <>
                        {h.placedBy ?? dash}
                        {h.placedOn && <div className="muted">{formatShortDate(h.placedOn)}</div>}
                      </>
                    )}
                  </td>
                  <td className="row-actions">
                    {h.active && !h.automatic && h.id !== null && (
                      <button
                        type="button"
                        className="small"
                        onClick={() => setDialog({ kind: 'release', hold: { ...h, id: h.id as number } })}
                      >
                        Release…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'place' && (
        <PlaceHoldDialog guarantorId={guarantorId} accounts={accounts} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'release' && (
        <ReleaseHoldDialog hold={dialog.hold} onClose={() => setDialog(null)} onDone={done} />
      )}
    </section>
  );
}
