// Find a guarantor from anywhere in the workspace: the search box in the header (Ctrl+K focuses it).
// A name (any words, any order), an account number, an MRN or its beginning, a phone number or its
// last four digits, or a date of birth. Typing asks search:query after a short pause; the list
// shows just enough to pick the right person (HP-02 minimum necessary); arrow keys and Enter, or a
// click, open the account workspace. The list is a listbox of at most 25 people, all in the page:
// the option the arrow keys reach is named by aria-activedescendant, so it must exist to be read.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { SearchResult } from '../../../shared/schemas/accounts';
import { useChannelQuery } from '../queries';
import { openGuarantor } from '../routes';

export const SEARCH_INPUT_ID = 'guarantor-search';
const PAUSE_MS = 250;
const MIN_CHARS = 2;
/** search:query answers with at most this many people. */
const MAX_RESULTS = 25;

/** Puts the cursor in the header's search box (Ctrl+K, the Search links). */
export function focusSearch(): void {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

function matchedText(r: SearchResult): string {
  switch (r.matchedOn) {
    case 'account_number':
      return r.matchedDetail ? `Account ${r.matchedDetail}` : 'Account number';
    case 'mrn':
      return `MRN ${r.mrn ?? ''}`.trim();
    case 'phone':
      return 'Phone';
    case 'date_of_birth':
      return 'Date of birth';
    case 'name':
      return 'Name';
  }
}

/** The value as it was `ms` ago without change: what is typed, once the clerk pauses. */
function usePaused(value: string, ms: number): string {
  const [paused, setPaused] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setPaused(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return paused;
}

export function GuarantorSearch() {
  const listId = useId();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const trimmed = query.trim();

  const paused = usePaused(trimmed, PAUSE_MS);
  const search = useChannelQuery('search:query', { query: paused }, { enabled: paused.length >= MIN_CHARS });
  // Only the answer for what is typed now is offered: Enter never opens someone an older search found.
  const fresh = trimmed.length >= MIN_CHARS && paused === trimmed && !search.loading;
  const results = fresh ? (search.value ?? []) : [];
  const error = fresh ? search.error : null;
  const showList = open && trimmed.length > 0;
  const listRef = useRef<HTMLUListElement>(null);

  // The option the arrow keys reach is scrolled into the list's view.
  useEffect(() => {
    if (!showList) return;
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, showList]);

  const choose = (r: SearchResult) => {
    setOpen(false);
    setQuery('');
    // The account workspace takes the focus (its heading), so the clerk reads on from there.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    openGuarantor(r.guarantorId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && results.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % results.length);
    } else if (e.key === 'ArrowUp' && results.length) {
      e.preventDefault();
      setActive((i) => (i - 1 + results.length) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const r = results[Math.min(active, results.length - 1)];
      if (r) choose(r);
    } else if (e.key === 'Escape') {
      if (showList) setOpen(false);
      else setQuery('');
    }
  };

  let statusText: string | null = null;
  if (trimmed.length < MIN_CHARS)
    statusText = `Type at least ${MIN_CHARS} characters: a name, an account number, an MRN or its beginning, a phone number or its last four digits, or a date of birth.`;
  else if (!fresh) statusText = 'Searching…';
  else if (error) statusText = null;
  else if (results.length === 0) statusText = `Nobody found for “${trimmed}”.`;
  else if (results.length >= MAX_RESULTS)
    statusText = `Showing the first ${MAX_RESULTS} — type more to narrow the search.`;

  return (
    <div
      className="search"
      ref={boxRef}
      onBlur={(e) => {
        if (!boxRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        Find a guarantor
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Name, account #, MRN, phone, DOB"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby={hintId}
        aria-activedescendant={showList && results[active] ? `${listId}-${active}` : undefined}
        value={query}
        maxLength={100}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-key" id={hintId} aria-label="Shortcut: Control K" hidden={query !== ''}>
        Ctrl+K
      </kbd>
      <div className="search-results" hidden={!showList}>
        {statusText && (
          <p className="search-status" role="status">
            {statusText}
          </p>
        )}
        {error && (
          <p className="search-status error" role="alert">
            {error}
          </p>
        )}
        <ul ref={listRef} id={listId} role="listbox" aria-label="Guarantors found" hidden={results.length === 0}>
          {results.map((r, i) => (
            <li
              key={r.guarantorId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="search-result"
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== active && setActive(i)}
              onClick={() => choose(r)}
            >
              <div className="search-who">
                <div className="search-line">
                  <strong>{r.name}</strong>
                  {r.deceased && <span className="badge bad">Deceased</span>}
                  <span className="search-matched">Matched: {matchedText(r)}</span>
                </div>
                <div className="search-line muted">
                  <span>{r.dateOfBirth ? `Born ${formatShortDate(r.dateOfBirth)}` : 'No birth date'}</span>
                  {r.cityState && <span>{r.cityState}</span>}
                  {r.mrn && <span>MRN {r.mrn}</span>}
                  {r.phoneLast4 && <span>Phone …{r.phoneLast4}</span>}
                </div>
              </div>
              <div className="search-owes">
                <span className="search-balance">{formatCents(r.balanceCents)}</span>
                <span className="muted">
                  {r.accountCount} account{r.accountCount === 1 ? '' : 's'}
                </span>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
