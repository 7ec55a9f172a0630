// Import the billing system's extract: choose and upload the file(s), map the columns, preview
// (every problem listed, nothing written), then import. The import is all-or-nothing and
// re-importable: records are updated in place and transactions are never doubled.
import { useId, useState } from 'react';
import type { ImportMapping } from '../../../../shared/schemas/import';
import { call, messageOf } from '../../api';
import { FormAlert } from '../../components/Field';
import type { ProgressEvent } from '../../../../shared/contract';
import { ChooseFiles } from './ChooseFiles';
import { ColumnMapping } from './ColumnMapping';
import { HeldChanges } from './HeldChanges';
import { ImportReportView, importedSentence } from './ImportReportView';
import { LAYOUT_LABELS, missingRequired, type MappedFile } from './importFiles';
import { useImportRun, type ImportRun } from './useImportRun';

type Step = 'files' | 'columns' | 'preview';

const STEPS: { step: Step | 'import'; label: string }[] = [
  { step: 'files', label: '1. Files' },
  { step: 'columns', label: '2. Columns' },
  { step: 'preview', label: '3. Preview' },
  { step: 'import', label: '4. Import' },
];

function RunProgress({ run, what }: { run: ImportRun; what: string }) {
  const id = useId();
  const p: ProgressEvent | null = run.progress;
  const percent = p && p.total > 0 ? Math.min(100, Math.floor((p.count / p.total) * 100)) : 0;
  return (
    <div className="run-progress" role="group" aria-label={what}>
      <div className="progress-row">
        <label htmlFor={id}>{p ? `${what} — ${p.phase}` : `${what}: starting…`}</label>
        <progress id={id} max={100} value={percent} />
        <span className="progress-figure">{percent}%</span>
      </div>
      <button type="button" onClick={run.cancel}>
        Cancel
      </button>
    </div>
  );
}

function unmappedMessage(files: MappedFile[]): string | null {
  const lines = files.flatMap((f) => {
    const missing = missingRequired(f);
    return missing.length
      ? [`${LAYOUT_LABELS[f.layout]}: ${missing.map((m) => m.label.toLowerCase()).join(', ')}`]
      : [];
  });
  return lines.length ? `Choose a column for every required field. ${lines.join('. ')}.` : null;
}

export function ImportWizard() {
  const [step, setStep] = useState<Step>('files');
  const [files, setFiles] = useState<MappedFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  // A new key starts the wizard over with empty file pickers.
  const [round, setRound] = useState(0);
  const preview = useImportRun('preview');
  const commit = useImportRun('commit');

  const updateMapping = async (index: number, mapping: ImportMapping) => {
    const file = files[index];
    if (!file) return;
    setError(null);
    setFiles((all) => all.map((f, i) => (i === index ? { ...f, mapping } : f)));
    // Another encoding may read the header line differently: ask main again. A file that is not
    // UTF-8 text is read as Windows-1252 whatever was chosen (a profile may say UTF-8), and the
    // mapping follows main.
    if (mapping.encoding !== file.mapping.encoding) {
      try {
        const inspection = await call('import:inspect', {
          uploadId: file.uploadId,
          layout: file.layout,
          encoding: mapping.encoding,
        });
        setFiles((all) =>
          all.map((f, i) =>
            i === index
              ? {
                  ...f,
                  headers: inspection.headers,
                  notUtf8: mapping.encoding === 'utf-8' ? inspection.encoding !== 'utf-8' : f.notUtf8,
                  mapping: { ...f.mapping, encoding: inspection.encoding },
                }
              : f,
          ),
        );
      } catch (e) {
        setError(messageOf(e));
      }
    }
  };

  const runPreview = () => {
    const unmapped = unmappedMessage(files);
    setError(unmapped);
    if (unmapped) return;
    commit.clear();
    setStep('preview');
    void preview.start(files);
  };

  const startOver = () => {
    preview.clear();
    commit.clear();
    setFiles([]);
    setError(null);
    setStep('files');
    setRound((r) => r + 1);
  };

  const report = preview.report;
  const committed = commit.report?.committed ? commit.report : null;
  const canImport = !!report && !report.cancelled && report.errorCount === 0;
  const current: Step | 'import' = commit.running || commit.report ? 'import' : step;

  return (
    <section className="import">
      <div className="page-head">
        <h1>Import</h1>
        {step !== 'files' && !preview.running && !commit.running && !committed && (
          <button type="button" onClick={startOver}>
            Start over
          </button>
        )}
      </div>
      <p className="lead">
        Bring in the billing system&rsquo;s extract. Nothing is written until the preview shows no problems and you
        choose Import; importing the same extract again updates records and never doubles a transaction.
      </p>
      <ol className="steps" aria-label="Import steps">
        {STEPS.map((s) => (
          <li key={s.step} aria-current={s.step === current ? 'step' : undefined}>
            {s.label}
          </li>
        ))}
      </ol>

      {step === 'files' && (
        <>
          <ChooseFiles
            key={round}
            onReady={(ready) => {
              setFiles(ready);
              setStep('columns');
            }}
          />
          <HeldChanges />
        </>
      )}

      {step === 'columns' && (
        <>
          {files.map((f, i) => (
            <ColumnMapping key={f.layout} file={f} onChange={(m) => void updateMapping(i, m)} />
          ))}
          <FormAlert message={error} />
          <div className="actions start">
            <button type="button" className="primary" onClick={runPreview}>
              Preview the import
            </button>
          </div>
        </>
      )}

      {step === 'preview' && committed && commit.jobId && (
        <section aria-labelledby="import-result">
          <h2 id="import-result">Imported</h2>
          <div className="form-notice" role="status">
            {importedSentence(committed)}
          </div>
          <ImportReportView report={committed} jobId={commit.jobId} />
          <div className="actions start">
            <button type="button" className="primary" onClick={startOver}>
              Import another extract
            </button>
          </div>
        </section>
      )}

      {step === 'preview' && !committed && (
        <section aria-labelledby="import-preview">
          <h2 id="import-preview">Preview</h2>
          <FormAlert message={preview.error} />
          {preview.running && <RunProgress run={preview} what="Preview" />}
          {report?.cancelled && (
            <p className="note" role="status">
              The preview was cancelled. Nothing was written.
            </p>
          )}
          {report && !report.cancelled && preview.jobId && (
            <>
              <p className="muted">
                What the import would do. Nothing has been written yet.
                {report.errorCount === 0 && ' No problems were found.'}
              </p>
              <ImportReportView report={report} jobId={preview.jobId} />
            </>
          )}
          <FormAlert message={commit.error} />
          {commit.running && <RunProgress run={commit} what="Import" />}
          {commit.report?.cancelled && (
            <p className="note" role="status">
              The import was cancelled. Nothing was written.
            </p>
          )}
          {commit.report && !commit.report.cancelled && commit.jobId && (
            <>
              <p>Nothing was imported: the import found these problems.</p>
              <ImportReportView report={commit.report} jobId={commit.jobId} />
            </>
          )}
          {!preview.running && !commit.running && (
            <div className="actions start">
              <button type="button" onClick={() => setStep('columns')}>
                Back to the columns
              </button>
              <button type="button" onClick={runPreview}>
                Preview again
              </button>
              <button type="button" className="primary" disabled={!canImport} onClick={() => void commit.start(files)}>
                Import
              </button>
            </div>
          )}
          {report && report.errorCount > 0 && (
            <p className="muted after-actions">Import stays off until a preview shows no problems.</p>
          )}
        </section>
      )}
    </section>
  );
}
