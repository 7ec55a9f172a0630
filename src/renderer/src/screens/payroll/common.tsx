// Pieces the payroll screens share (issue 16): the status of an arrangement, the wage floor's
// largest amount with its arithmetic (PD-01), the page's tabs, and a file chosen and uploaded.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatCents } from '../../../../shared/money';
import type { DeductionLimit } from '../../../../shared/rules/payroll';
import type { ChannelInput } from '../../../../shared/contract';
import {
  ARRANGEMENT_STATUS_LABELS,
  RUN_LINE_OUTCOME_LABELS,
  type ArrangementStatus,
  type PayrollProfile,
  type RunLineOutcome,
} from '../../../../shared/schemas/payroll';
import { messageOf } from '../../api';
import { uploadFile } from '../import/upload';

export const DASH = '—';

/** Saves a mapping under its name: the profile of that kind and name is updated, else one is made. */
export function saveNamedMapping(
  save: (input: ChannelInput<'payroll:saveProfile'>) => Promise<PayrollProfile>,
  profiles: readonly PayrollProfile[] | null | undefined,
  input: ChannelInput<'payroll:saveProfile'>,
): Promise<PayrollProfile> {
  const same = profiles?.find((p) => p.kind === input.kind && p.name === input.name.trim());
  return save(same ? { ...input, id: same.id } : input);
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

const STATUS_TONE: Record<ArrangementStatus, string> = {
  awaiting_signature: 'warn',
  active: 'ok',
  paid: 'ok',
  terminated: 'bad',
  revoked: 'bad',
  stopped: 'bad',
  cancelled: '',
};

export function ArrangementStatusBadge({ status }: { status: ArrangementStatus }) {
  return <span className={`badge ${STATUS_TONE[status]}`.trim()}>{ARRANGEMENT_STATUS_LABELS[status]}</span>;
}

export function OutcomeBadge({ outcome }: { outcome: RunLineOutcome | null }) {
  if (!outcome) return <span className="badge">Awaiting payroll</span>;
  return (
    <span className={`badge ${outcome === 'deducted' ? 'ok' : outcome === 'short' ? 'warn' : 'bad'}`}>
      {RUN_LINE_OUTCOME_LABELS[outcome]}
    </span>
  );
}

/**
 * The largest amount a period may take and the rule's arithmetic, one sentence per step (the same
 * sentences the clerk can read to the employee). `amountCents` typed: said whether it fits.
 */
export function LimitLines({
  limit,
  amountCents,
  title = 'Largest amount each pay period (PD-01)',
}: {
  limit: DeductionLimit | null;
  amountCents?: number | null;
  title?: string;
}) {
  if (!limit)
    return (
      <div className="limit-box over" role="status">
        <h3>{title}</h3>
        <p>
          The wage-floor table has no federal row for this date: no deduction can be checked, so none can be set up.
        </p>
      </div>
    );
  const typed = amountCents ?? null;
  const over = typed !== null && typed > limit.maxCents;
  return (
    <div className={`limit-box${over ? ' over' : ''}`} role="status" aria-live="polite">
      <h3>{title}</h3>
      <p>
        <strong>{formatCents(limit.maxCents)}</strong> at most.
        {typed !== null &&
          (over ? (
            <>
              {' '}
              <strong>{formatCents(typed)} is more than that:</strong> it would bring pay below the wage floor.
            </>
          ) : (
            <> {formatCents(typed)} fits.</>
          ))}
      </p>
      <ol aria-label="How the largest amount is worked out">
        {limit.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ol>
    </div>
  );
}

/** The page's sections as tabs (arrow keys, Home and End move between them: WAI-ARIA tabs). */
export function Tabs<K extends string>({
  tabs,
  tab,
  onTab,
  label,
  idPrefix,
}: {
  tabs: readonly (readonly [K, string])[];
  tab: K;
  onTab: (t: K) => void;
  label: string;
  idPrefix: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i + n - 1) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    onTab(tabs[next]![0]);
    refs.current[next]?.focus();
  };
  return (
    <div className="payroll-tabs" role="tablist" aria-label={label}>
      {tabs.map(([key, text], i) => (
        <button
          key={key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${key}`}
          aria-controls={`${idPrefix}-panel-${key}`}
          aria-selected={tab === key}
          tabIndex={tab === key ? 0 : -1}
          onClick={() => onTab(key)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

/** A CSV chosen and sent to main (import:upload): its upload id once received. */
export function FileChooser({
  label,
  onUploaded,
  disabled,
}: {
  label: string;
  onUploaded: (uploadId: string, fileName: string) => Promise<void> | void;
  disabled?: boolean;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field payroll-step file-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        disabled={disabled || busy}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setBusy(true);
          setError(null);
          try {
            const uploadId = await uploadFile(file, () => {});
            await onUploaded(uploadId, file.name);
          } catch (err) {
            setError(messageOf(err));
          } finally {
            setBusy(false);
          }
        }}
      />
      {busy && (
        <p className="muted" role="status">
          Reading the file…
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
