// A modal dialog on the native <dialog> element: it traps focus, Escape closes it, and the page
// behind is inert while it is open. Mount it to open it; unmount it to close it.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useWorkspace } from '../session';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Room for tables and documents (a payment split, a PDF). */
  wide?: boolean;
  /** A class of its own, for a dialog laid out differently (the plan form and its preview). */
  className?: string;
}

export function Dialog({ title, onClose, children, wide, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A modal dialog makes everything else inert, the lock screen included; so while the session
  // is locked the dialog is closed (its form keeps what was typed) and it opens again on unlock.
  const locked = useWorkspace((s) => s.session?.locked ?? false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || locked) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, [locked]);
  return (
    <dialog
      ref={ref}
      className={['dialog', wide ? 'wide' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
