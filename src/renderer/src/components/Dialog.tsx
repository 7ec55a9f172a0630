// A modal dialog on the native <dialog> element: it traps focus, Escape closes it, and the page
// behind is inert while it is open. Mount it to open it; unmount it to close it.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { focusIsLost, focusMainHeading } from '../focus';
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

/** Each open dialog's opener, so that a dialog drawn in place of another (a form after its
 * "Reading…") hands the focus back to the button that opened the first. */
const OPENERS = new WeakMap<HTMLDialogElement, Element>();

/** The element that last took the focus. A button disabled while it works (a Reprint's "Opening…",
 * a form's "Working…") drops the focus to the page; the dialog that opens next (the PDF viewer)
 * still goes back to it. */
let lastFocused: Element | null = null;
if (typeof document !== 'undefined')
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof Element) lastFocused = e.target;
  });

function openerNow(): Element | null {
  let active = document.activeElement;
  if ((!active || active === document.body) && lastFocused?.isConnected) active = lastFocused;
  const host = active?.closest('dialog');
  return (host && OPENERS.get(host)) ?? active;
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
  // WCAG 2.4.3: focus goes back where it came from when the dialog closes — the button that opened
  // it, or, if a change removed that button (a reversed line loses its Reverse button), the page's
  // heading — never to the top of the page. The opener is what had the focus when the dialog was
  // first drawn (before showModal moved it in); this effect is declared after the one that shows
  // the dialog, so its clean-up runs after the dialog has closed (nothing outside a modal dialog
  // takes focus while it is open).
  const opener = useRef<Element | null>(openerNow());
  useEffect(() => {
    const back = opener.current;
    if (ref.current && back) OPENERS.set(ref.current, back);
    const label = back instanceof HTMLElement ? back.textContent : null;
    return () => {
      if (back instanceof HTMLElement && back.isConnected) {
        back.focus();
        return;
      }
      // The opener was drawn again (or is gone): once React has drawn what the change altered, the
      // button with the same words, else the page's heading — unless the person has already put
      // the cursor somewhere.
      requestAnimationFrame(() => {
        if (!focusIsLost()) return;
        const again = label
          ? [...document.querySelectorAll<HTMLElement>('main button')].find((b) => b.textContent === label)
          : undefined;
        if (again) again.focus();
        else focusMainHeading();
      });
    };
  }, []);
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
