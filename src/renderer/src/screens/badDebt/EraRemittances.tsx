// Insurance remittances (issue 15 item 1): an X12 835 file (electronic remittance advice) uploaded
// like every other file, previewed (each payer's payment and every claim, matched to its account or
// not, with what would post), then imported all-or-nothing; a file is imported once. The files
// imported, and each file's page.
import { useId, useState } from 'react';
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { plural } from '../../../../shared/plural';
import {
  CLAIM_OUTCOME_LABELS,
  type EraClaimView,
  type EraPreview,
  type EraTotals,
  type EraTransactionView,
  claimRoleText,
} from '../../../../shared/schemas/badDebt';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { formatInstant } from '../../format';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { uploadFile } from '../import/upload';
import { Notice } from '../agencies/common';
import './badDebt.css';

const DASH = <span className="muted">—</span>;

function outcomeBadge(c: EraClaimView) {
  const cls = c.outcome === 'unmatched' || c.outcome === 'duplicate' ? 'bad' : c.outcome === 'recorded' ? 'warn' : 'ok';
  return <span className={`badge ${cls}`}>{CLAIM_OUTCOME_LABELS[c.outcome]}</span>;
}

function TotalsLine({ totals, label }: { totals: EraTotals; label: string }) {
  return (
    <ul className="import-counts" aria-label={label}>
      <li>
        <strong>{totals.claims.toLocaleString('en-US')}</strong> {totals.claims === 1 ? 'claim' : 'claims'}
      </li>
      <li>
        <strong>{totals.posted.toLocaleString('en-US')}</strong> to post
      </li>
      <li>
        <strong>{totals.recorded.toLocaleString('en-US')}</strong> recorded only
      </li>
      <li>
        <strong>{totals.reversals.toLocaleString('en-US')}</strong> {totals.reversals === 1 ? 'reversal' : 'reversals'}
      </li>
      <li className={totals.unmatched > 0 ? 'count-bad' : undefined}>
        <strong>{totals.unmatched.toLocaleString('en-US')}</strong> not matched
      </li>
      <li className={totals.duplicates > 0 ? 'count-bad' : undefined}>
        <strong>{totals.duplicates.toLocaleString('en-US')}</strong> already posted
      </li>
      <li>
        <strong>{formatCents(totals.paidCents)}</strong> insurance payments
      </li>
      <li>
        <strong>{formatCents(totals.contractualCents)}</strong> contractual adjustments
      </li>
    </ul>
  );
}

/** One payer's payment (an 835 transaction) and its claims. */
function TransactionView({ t, index }: { t: EraTransactionView; index: number }) {
  return (
    <section className="era-transaction" aria-labelledby={`era-t-${index}`}>
      <h3 id={`era-t-${index}`}>
        {t.payerName || 'Payer'} — {formatCents(t.paymentCents)}
      </h3>
      <dl className="facts">
        <dt>Payer</dt>
        <dd>
          {t.payerName}
          {t.payerId ? ` (${t.payerId})` : ''}
        </dd>
        <dt>Paid to</dt>
        <dd>
          {t.payeeName}
          {t.payeeId ? ` (${t.payeeId})` : ''}
        </dd>
        <dt>Trace number</dt>
        <dd className="mono">{t.traceNumber || DASH}</dd>
        <dt>Payment</dt>
        <dd>
          {formatCents(t.paymentCents)}
          {t.paymentMethod ? ` by ${t.paymentMethod}` : ''}
          {t.paidOn ? `, ${formatLongDate(t.paidOn)}` : ''}
        </dd>
        <dt>Remittance date</dt>
        <dd>{formatLongDate(t.remittanceDate)}</dd>
      </dl>
      <DataTable
        caption={`Claims paid by ${t.payerName || 'the payer'} (trace ${t.traceNumber || index + 1})`}
        showCaption
        rows={t.claims}
        rowKey={(c) => c.seq}
        rowClassName={(c) => (c.outcome === 'unmatched' || c.outcome === 'duplicate' ? 'row-problem' : undefined)}
        virtual={t.claims.length > 100}
        scrollClassName={t.claims.length > 100 ? 'register-scroll' : undefined}
        empty="No claims in this payment."
        columns={[
          { header: 'Patient control no.', rowHeader: true, className: 'mono', cell: (c) => c.patientControl },
          { header: 'Account', className: 'mono', cell: (c) => c.accountNumber ?? DASH },
          { header: 'Patient', cell: (c) => c.patientName || DASH },
          {
            header: 'Status',
            cell: (c) => claimRoleText(c),
          },
          { header: 'Paid', className: 'num', cell: (c) => formatCents(c.paidCents) },
          { header: 'Deductible', className: 'num', cell: (c) => formatCents(c.deductibleCents) },
          { header: 'Coinsurance', className: 'num', cell: (c) => formatCents(c.coinsuranceCents) },
          { header: 'Copay', className: 'num', cell: (c) => formatCents(c.copayCents) },
          { header: 'Contractual', className: 'num', cell: (c) => formatCents(c.contractualCents) },
          {
            header: 'Outcome',
            className: 'prose-cell',
            cell: (c) => (
              <>
                {outcomeBadge(c)}
                {c.reason && <span className="era-reason"> {c.reason}</span>}
              </>
            ),
          },
        ]}
      />
      {t.providerAdjustments.length > 0 && (
        <DataTable
          caption="Provider-level adjustments (recorded, not posted to any account)"
          showCaption
          rows={t.providerAdjustments}
          rowKey={(p, i) => `${p.reference}-${i}`}
          empty="None."
          columns={[
            { header: 'Provider', className: 'mono', cell: (p) => p.providerId },
            { header: 'Fiscal date', className: 'nowrap', cell: (p) => formatShortDate(p.fiscalDate) },
            { header: 'Reason', className: 'mono', cell: (p) => p.reasonCode },
            { header: 'Reference', className: 'mono', cell: (p) => p.reference || DASH },
            { header: 'Amount', className: 'num', cell: (p) => formatCents(p.amountCents) },
          ]}
        />
      )}
    </section>
  );
}

function PreviewView({ preview }: { preview: EraPreview }) {
  return (
    <div className="era-preview" aria-label="Preview of the 835 file">
      <h3>Preview of {preview.fileName}</h3>
      {preview.interchange && (
        <p>
          Interchange {preview.interchange.control} from {preview.interchange.senderId} to{' '}
          {preview.interchange.receiverId}, dated {formatLongDate(preview.interchange.date)}.
        </p>
      )}
      {preview.alreadyImported && (
        <p className="form-alert" role="alert">
          This file was imported on {formatInstant(preview.alreadyImported.importedAt)} (file{' '}
          {preview.alreadyImported.fileId}): importing it again would post nothing.
        </p>
      )}
      {preview.problems.length > 0 && (
        <>
          <p className="form-alert" role="alert">
            {plural(preview.problems.length, 'problem', 'problems')} reading the file: nothing can be imported until the
            payer sends a file Recoup can read.
          </p>
          <DataTable
            caption="Problems reading the file"
            showCaption
            rows={preview.problems}
            rowKey={(p, i) => `${p.segment}-${i}`}
            empty="No problems."
            columns={[
              { header: 'Segment', className: 'num', cell: (p) => p.segment },
              { header: 'Problem', className: 'prose-cell', cell: (p) => p.message },
            ]}
          />
        </>
      )}
      <TotalsLine totals={preview.totals} label="What the import would do" />
      {preview.transactions.map((t, i) => (
        <TransactionView key={`${t.controlNumber}-${i}`} t={t} index={i} />
      ))}
    </div>
  );
}

function UploadEra({ onImported }: { onImported: (message: string, fileId: number) => void }) {
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [previewed, setPreviewed] = useState<{ uploadId: string; preview: EraPreview } | null>(null);
  const importIt = useChannelMutation('era:import');

  const preview = async () => {
    setError(null);
    if (!file) {
      setFileError('Choose an 835 file.');
      return;
    }
    setBusy('preview');
    try {
      const uploadId = await uploadFile(file, () => undefined);
      setPreviewed({ uploadId, preview: await call('era:preview', { uploadId }) });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const doImport = async () => {
    if (!previewed) return;
    setError(null);
    setBusy('import');
    try {
      const detail = await importIt.mutateAsync({ uploadId: previewed.uploadId });
      setPreviewed(null);
      setFile(null);
      setFileKey((k) => k + 1);
      const t = detail.totals;
      onImported(
        `${detail.file.fileName} imported: ${plural(t.posted, 'claim', 'claims')} posted (${formatCents(t.paidCents)} paid, ${formatCents(t.contractualCents)} contractual), ${t.unmatched} not matched.`,
        detail.file.id,
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const canImport =
    previewed !== null && previewed.preview.problems.length === 0 && previewed.preview.alreadyImported === null;
  return (
    <section className="ws-section" aria-labelledby="era-upload">
      <h2 id="era-upload">Import an 835 file</h2>
      <p className="muted">
        The electronic remittance advice a payer sends (X12 835). Each claim is matched to its account by the patient
        control number; payments and contractual adjustments post to the accounts, and the remittance dates, deductible
        and coinsurance are recorded for the Medicare bad-debt clock. Nothing posts until you import, and a file is
        imported only once.
      </p>
      <form
        noValidate
        aria-label="Import an 835 file"
        onSubmit={(e) => {
          e.preventDefault();
          void preview();
        }}
      >
        <div className="field">
          <label htmlFor={fileId}>835 file</label>
          <input
            key={fileKey}
            id={fileId}
            type="file"
            accept=".835,.txt,.edi,.x12,text/plain"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(null);
              setPreviewed(null);
            }}
          />
          {fileError && (
            <p id={`${fileId}-error`} className="field-error" role="alert">
              {fileError}
            </p>
          )}
        </div>
        <FormAlert message={error} />
        <div className="actions start">
          <button type="submit" className={previewed ? undefined : 'primary'} disabled={busy !== null}>
            {busy === 'preview' ? 'Reading…' : 'Upload and preview'}
          </button>
          <button
            type="button"
            className={previewed ? 'primary' : undefined}
            disabled={!canImport || busy !== null}
            onClick={() => void doImport()}
          >
            {busy === 'import' ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {previewed && <PreviewView preview={previewed.preview} />}
    </section>
  );
}

function EraFilePage({ fileId, onClose }: { fileId: number; onClose: () => void }) {
  const detail = useChannelQuery('era:file', { fileId });
  const d = detail.value;
  return (
    <section className="ws-section" aria-labelledby="era-file">
      <div className="section-head">
        <h2 id="era-file">{d ? `835 file ${d.file.fileName}` : `835 file #${fileId}`}</h2>
        <button type="button" onClick={onClose}>
          Close the file
        </button>
      </div>
      <FormAlert message={detail.error} />
      {d && (
        <>
          <dl className="facts">
            <dt>Imported</dt>
            <dd>
              {formatInstant(d.file.importedAt)}
              {d.file.importedBy ? ` by ${d.file.importedBy}` : ''}
            </dd>
            <dt>Interchange date</dt>
            <dd>{formatLongDate(d.file.interchangeDate)}</dd>
            <dt>Payers</dt>
            <dd>{d.file.payers.join(', ') || DASH}</dd>
          </dl>
          <TotalsLine totals={d.totals} label="What the import did" />
          {d.transactions.map((t, i) => (
            <TransactionView key={`${t.controlNumber}-${i}`} t={t} index={i} />
          ))}
        </>
      )}
    </section>
  );
}

function EraFileList({ onOpen }: { onOpen: (id: number) => void }) {
  const files = useChannelQuery('era:files', {});
  return (
    <section className="ws-section" aria-labelledby="era-files">
      <h2 id="era-files">835 files imported</h2>
      <FormAlert message={files.error} />
      {files.value && (
        <DataTable
          caption="835 files imported"
          rows={files.value}
          rowKey={(f) => f.id}
          stale={files.loading}
          empty="No 835 file has been imported yet."
          columns={[
            { header: 'Imported', className: 'nowrap', cell: (f) => formatInstant(f.importedAt) },
            { header: 'File', rowHeader: true, className: 'wrap', cell: (f) => f.fileName },
            { header: 'Payers', className: 'payers-cell', cell: (f) => f.payers.join(', ') || DASH },
            { header: 'Claims', className: 'num', cell: (f) => f.claims.toLocaleString('en-US') },
            { header: 'Posted', className: 'num', cell: (f) => f.posted.toLocaleString('en-US') },
            {
              header: 'Not matched',
              className: 'num',
              cell: (f) =>
                f.unmatched > 0 ? <span className="badge bad">{f.unmatched.toLocaleString('en-US')}</span> : '0',
            },
            { header: 'Paid', className: 'num', cell: (f) => formatCents(f.paidCents) },
            { header: 'Adjusted', className: 'num', cell: (f) => formatCents(f.adjustedCents) },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (f) => (
                <button type="button" className="small" aria-label={`Open ${f.fileName}`} onClick={() => onOpen(f.id)}>
                  Open
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

export function EraRemittances() {
  const [open, setOpen] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="era">
      <h1>Insurance payments (835)</h1>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {open !== null && <EraFilePage key={open} fileId={open} onClose={() => setOpen(null)} />}
      <UploadEra
        onImported={(message, id) => {
          setNotice(message);
          setOpen(id);
        }}
      />
      <EraFileList onOpen={setOpen} />
    </section>
  );
}
