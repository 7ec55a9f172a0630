// What the agency screens share: a fee as a percentage, the kinds and methods as choices, a file
// main makes saved where the clerk chooses (a placement, recall or remittance file, a CSV), and a
// dismissible notice.
import { useState } from 'react';
import { formatDecimal } from '../../../../shared/money';
import { PLACEMENT_KIND_LABELS, PLACEMENT_KINDS, type PlacementKind } from '../../../../shared/schemas/agencies';
import { PAYER_CLASS_LABELS, type PayerClass } from '../../../../shared/schemas/accounts';
import type { FileHandle } from '../../../../shared/schemas/files';
import { messageOf } from '../../api';
import { saveFile } from '../../files';

/** 2550 basis points -> "25.50%". */
export function percent(bp: number): string {
  return `${formatDecimal(bp)}%`;
}

export const KIND_OPTIONS = PLACEMENT_KINDS.map((k) => ({ value: k, label: PLACEMENT_KIND_LABELS[k] }));

/** "self_pay" -> "Self-pay": the payer class as the account screen says it. */
export function payerLabel(payerClass: string): string {
  return PAYER_CLASS_LABELS[payerClass as PayerClass] ?? payerClass;
}

/** The fee in force today per kind, in one line: "Primary 25.00% · Secondary 30.00% · Legal none". */
export function feesLine(fees: Record<PlacementKind, number | null>): string {
  return PLACEMENT_KINDS.map((k) => `${PLACEMENT_KIND_LABELS[k]} ${fees[k] === null ? 'none' : percent(fees[k])}`).join(
    ' · ',
  );
}

/**
 * Fetches a file main makes and saves it (the system save dialog in the desktop app, a download in
 * a browser): which one is on its way, and the refusal if it fails.
 */
export function useSaveFile<T>(fetchFile: (what: T) => Promise<FileHandle>) {
  const [busy, setBusy] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (what: T) => {
    setError(null);
    setBusy(what);
    try {
      await saveFile(await fetchFile(what));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, save };
}

/**
 * A quiet confirmation with a Dismiss button (role="status"); `warn` for an answer that refuses
 * (the 501(r) gate's), which is news, not a failure of what the clerk did.
 */
export function Notice({
  message,
  onDismiss,
  warn,
}: {
  message: string | null;
  onDismiss: () => void;
  warn?: boolean;
}) {
  if (!message) return null;
  return (
    <div className={`${warn ? 'form-alert' : 'form-notice'} notice-row`} role="status">
      <span>{message}</span>
      <button type="button" className="small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
