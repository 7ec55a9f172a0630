// Progress of long work (statement runs, imports) pushed by main, for a progress bar. No screen
// starts long work yet; this is the one way a screen will listen when one does.
import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../shared/contract';
import { subscribeToEvents } from './api';

/** The latest progress event of one task, or null until the first arrives. */
export function useProgress(jobId: string | null): ProgressEvent | null {
  const [latest, setLatest] = useState<ProgressEvent | null>(null);
  useEffect(() => {
    if (!jobId) return;
    return subscribeToEvents((event) => {
      if (event.type === 'progress' && event.jobId === jobId) setLatest(event);
    });
  }, [jobId]);
  return latest?.jobId === jobId ? latest : null;
}
