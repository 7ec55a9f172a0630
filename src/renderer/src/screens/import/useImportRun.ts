// One run of the importer (a preview or a commit): a fresh task id, progress pushed by main for that
// task, a cancel, and the report. Main rolls back a cancelled run, so nothing is half-written.
import { useState } from 'react';
import type { ImportReport, ImportMapping } from '../../../../shared/schemas/import';
import { call, messageOf } from '../../api';
import { useProgress } from '../../progress';
import type { MappedFile } from './importFiles';

export interface ImportRun {
  jobId: string | null;
  running: boolean;
  report: ImportReport | null;
  error: string | null;
  progress: ReturnType<typeof useProgress>;
  start: (files: MappedFile[]) => Promise<ImportReport | null>;
  cancel: () => void;
  clear: () => void;
}

export function useImportRun(mode: 'preview' | 'commit'): ImportRun {
  const [jobId, setJobId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const progress = useProgress(running ? jobId : null);

  const start = async (files: MappedFile[]) => {
    const id = crypto.randomUUID();
    setJobId(id);
    setRunning(true);
    setReport(null);
    setError(null);
    const mappings: Partial<Record<MappedFile['layout'], ImportMapping>> = {};
    for (const f of files) mappings[f.layout] = f.mapping;
    try {
      const result = await call(mode === 'preview' ? 'import:preview' : 'import:commit', {
        files: files.map((f) => ({ uploadId: f.uploadId, layout: f.layout })),
        mappings,
        jobId: id,
      });
      setReport(result);
      return result;
    } catch (e) {
      setError(messageOf(e));
      return null;
    } finally {
      setRunning(false);
    }
  };

  const cancel = () => {
    if (!jobId) return;
    call('jobs:cancel', { jobId }).catch((e: unknown) => setError(messageOf(e)));
  };

  const clear = () => {
    setJobId(null);
    setReport(null);
    setError(null);
  };

  return { jobId, running, report, error, progress, start, cancel, clear };
}
