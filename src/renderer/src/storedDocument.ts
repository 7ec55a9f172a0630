// Opening a file main makes or keeps, from a row of a list: which row is opening, the error if it
// fails, and the file handed to the viewer. Stored documents (documents:get) come back exactly as
// they were printed, never regenerated; statements and runs are drawn again from their records
// and checked against the recorded hashes.
import { useState } from 'react';
import type { FileHandle } from '../../shared/schemas/files';
import { call, messageOf } from './api';

export function useOpenFile(fetchFile: (id: number) => Promise<FileHandle>, onOpen: (file: FileHandle) => void) {
  const [opening, setOpening] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (id: number) => {
    setError(null);
    setOpening(id);
    try {
      onOpen(await fetchFile(id));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setOpening(null);
    }
  };
  return { opening, error, open };
}

export function useOpenStoredDocument(onOpen: (file: FileHandle) => void) {
  return useOpenFile((documentId) => call('documents:get', { documentId }), onOpen);
}
