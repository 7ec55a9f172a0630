// Where the cursor goes when the page changes under it (WCAG 2.4.3): the work area's heading,
// made focusable for the purpose, or the work area itself. The skip link, a new session and a
// dialog whose opener is gone all send it here.
export function focusMainHeading(): void {
  const heading = document.querySelector<HTMLElement>('#main-content h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  } else document.getElementById('main-content')?.focus();
}

/** True when nothing has the focus (it fell to the page): only then is it moved for the person. */
export function focusIsLost(): boolean {
  const now = document.activeElement;
  return !now || now === document.body;
}
