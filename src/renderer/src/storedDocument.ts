// Opening a document kept in the store (documents:get): the printed file comes back exactly as it
// was printed, never regenerated. Shared by every list of printed documents.
import { useState } from 'react';
import type { FileOut } from '../../shared/schemas/files';
import { call, messageOf } from './api';

export function useOpenStoredDocument(onOpen: (file: FileOut) => void) {
  const [opening, setOpening] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (documentId: number) => {
    setError(null);
    setOpening(documentId);
    try {
      onOpen(await call('documents:get', { documentId }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setOpening(null);
    }
  };
  return { opening, error, open };
}
