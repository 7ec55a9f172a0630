// The daily work queue: lapsed and defaulted plans, broken promises, follow-ups due and the accounts
// that need a person (final notices passed, no payment since the statement, high balances, and for
// supervisors pending assistance applications), ranked by money at stake and urgency (main's score). The clerk filters it, works it from the top ("Work
// next"), prints the day's lapse letters (and opens earlier batches again), and may run the day's
// plan check by hand (it also runs by itself at the first log-in of the day).
import { useEffect, useId, useRef, useState } from 'react';
import type { DailyRunSummary } from '../../../../shared/contract';
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { FileHandle } from '../../../../shared/schemas/files';
import {
  QUEUE_KIND_INFO,
  QUEUE_KINDS,
  QUEUE_PAGE_SIZE,
  type QueueItem,
  type QueueKind,
} from '../../../../shared/schemas/queue';
import { messageOf } from '../../api';
import { FormAlert, FormNotice } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { DataTable, type Column } from '../../components/DataTable';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { LetterBatches } from './LetterBatches';
import { listInput, useQueueWork, workNext, workOn, type QueueFilter } from './queueWork';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const ALREADY_RAN = 'Today’s check had already run (at the first log-in of the day)';

export function runSummary(r: DailyRunSummary): string {
  const changes = [r.lapsed, r.cured, r.defaulted, r.completed, r.lettersQueued, r.promisesKept, r.promisesBroken];
  if (!r.firstRunToday && changes.every((n) => n === 0)) return `${ALREADY_RAN}; nothing new was found.`;
  const found =
    `${count(r.plansChecked, 'plan')} checked — ${r.lapsed} lapsed, ` +
    `${r.cured} current again, ${r.defaulted} defaulted, ${r.completed} paid in full; ` +
    `${count(r.lettersQueued, 'lapse letter')} queued; promises to pay: ${r.promisesKept} kept, ${r.promisesBroken} broken.`;
  return r.firstRunToday
    ? `Today’s check (${formatShortDate(r.runOn)}): ${found}`
    : `${ALREADY_RAN}; checked again: ${found}`;
}

function Filters({
  filter,
  counts,
  onChange,
}: {
  filter: QueueFilter;
  /** The items of each kind under the Whose filter (queue:list's counts), once read. */
  counts: Record<QueueKind, number> | undefined;
  onChange: (f: QueueFilter) => void;
}) {
  const kindId = useId();
  const counted = (n: number) => (counts ? ` (${n.toLocaleString('en-US')})` : '');
  const every = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="queue-filters">
      <fieldset className="segmented">
        <legend>Whose</legend>
        {(['me', 'all'] as const).map((a) => (
          <label key={a}>
            <input
              type="radio"
              name="queue-assignee"
              value={a}
              checked={filter.assignee === a}
              onChange={() => onChange({ ...filter, assignee: a })}
            />
            {a === 'me' ? 'Mine' : 'Everyone'}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={kindId}>Kind</label>
        <select
          id={kindId}
          value={filter.kind ?? ''}
          onChange={(e) => onChange({ ...filter, kind: (e.target.value || undefined) as QueueKind | undefined })}
        >
          <option value="">All kinds{counted(every)}</option>
          {QUEUE_KINDS.map((k) => (
            <option key={k} value={k}>
              {QUEUE_KIND_INFO[k].filterLabel}
              {counted(counts?.[k] ?? 0)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

const QUEUE_COLUMNS: Column<QueueItem>[] = [
  { header: 'Score', className: 'num', width: '5rem', cell: (item) => item.score.toFixed(2) },
  {
    header: 'What',
    className: 'nowrap',
    width: '10.5rem',
    cell: (item) => (
      <span className={`badge ${QUEUE_KIND_INFO[item.kind].tone}`}>{QUEUE_KIND_INFO[item.kind].label}</span>
    ),
  },
  {
    header: 'Guarantor',
    width: '12rem',
    cell: (item) => (
      <button
        type="button"
        className="link"
        aria-label={`Work ${item.guarantorName}: ${QUEUE_KIND_INFO[item.kind].label}`}
        onClick={() => workOn(item)}
      >
        {item.guarantorName}
      </button>
    ),
  },
  { header: 'Summary', className: 'wrap', cell: (item) => item.summary },
  { header: 'Amount', className: 'num', width: '7.5rem', cell: (item) => formatCents(item.amountCents) },
  { header: 'Date', className: 'nowrap', width: '6.5rem', cell: (item) => formatShortDate(item.date) },
  {
    header: 'Assigned to',
    width: '9rem',
    cell: (item) => item.assignee ?? <span className="muted">Nobody</span>,
  },
];

export function WorkQueue() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const filter = useQueueWork((s) => s.filter);
  const setFilter = useQueueWork((s) => s.setFilter);
  const offset = useQueueWork((s) => s.offset);
  const setOffset = useQueueWork((s) => s.setOffset);
  const queue = useChannelQuery('queue:list', listInput(filter, offset));
  const previousRef = useRef<HTMLButtonElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const pending = useChannelQuery('letters:pending', {});
  const batches = useChannelQuery('letters:batches', {});
  const lapseBatch = useChannelMutation('letters:lapseBatch');
  const runDaily = useChannelMutation('plans:runDaily');
  const [busy, setBusy] = useState<'next' | 'letters' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [letters, setLetters] = useState<FileHandle | null>(null);

  const act = async (what: 'next' | 'letters' | 'run', work: () => Promise<void>) => {
    setError(null);
    setBusy(what);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const printLetters = () =>
    act('letters', async () => {
      const file = await lapseBatch.mutateAsync({});
      setLetters(file);
      setNotice(`${count(file.count, 'lapse letter')} printed into one PDF, sorted by ZIP code.`);
    });
  const runCheck = () =>
    act('run', async () => {
      setNotice(runSummary(await runDaily.mutateAsync({})));
    });

  const value = queue.value;
  // Items worked since (by this clerk or another) can leave the page past the end: show the last one.
  const lastPage = value && value.total > 0 ? Math.floor((value.total - 1) / QUEUE_PAGE_SIZE) * QUEUE_PAGE_SIZE : 0;
  useEffect(() => {
    if (value && offset > lastPage) setOffset(lastPage);
  }, [value, offset, lastPage, setOffset]);
  const lettersToPrint = pending.value?.count ?? 0;
  return (
    <section>
      <div className="page-head">
        <h1>Work queue</h1>
        <div className="page-actions">
          <button type="button" onClick={() => void runCheck()} disabled={busy !== null}>
            {busy === 'run' ? 'Checking…' : 'Run today’s check now'}
          </button>
          {lettersToPrint > 0 && (
            <button type="button" onClick={() => void printLetters()} disabled={busy !== null}>
              {busy === 'letters' ? 'Preparing…' : `Print today’s lapse letters (${lettersToPrint})`}
            </button>
          )}
          <button
            type="button"
            className="primary"
            disabled={busy !== null || !value || value.total === 0}
            onClick={() => void act('next', async () => void (await workNext()))}
          >
            Work next
          </button>
        </div>
      </div>
      <p className="muted queue-lead">
        {today && `${formatLongDate(today)}. `}Plans, promises, follow-ups and the accounts that need a person, highest
        score first: money at stake times urgency. Done writes your outcome on the guarantor&rsquo;s activity; the item
        leaves the queue for the rest of the day and comes back tomorrow if it still needs work. The day&rsquo;s check
        of plans and promises runs by itself at the first log-in of the day.
      </p>
      <div className="queue-bar">
        <Filters filter={filter} counts={value?.counts} onChange={setFilter} />
        {value && (
          <p className="worked-today" role="status">
            <strong>{value.workedToday}</strong> worked today
            <span className="muted">{filter.assignee === 'me' ? ' by you' : ' by everyone'}</span>
          </p>
        )}
      </div>
      <FormAlert message={queue.error ?? error} />
      <FormNotice message={notice} />
      {value && (
        <>
          {value.total > 0 && (
            <div className="table-head">
              <p className="muted" aria-live="polite">
                {count(value.total, 'item')} waiting.
                {value.total > value.items.length &&
                  ` Items ${(offset + 1).toLocaleString('en-US')}–${(offset + value.items.length).toLocaleString('en-US')} of ${value.total.toLocaleString('en-US')}.`}
              </p>
              {value.total > QUEUE_PAGE_SIZE && (
                <div className="pager">
                  <button
                    type="button"
                    className="small"
                    ref={previousRef}
                    disabled={offset === 0}
                    onClick={() => {
                      const to = Math.max(0, offset - QUEUE_PAGE_SIZE);
                      setOffset(to);
                      // The first page has no previous one: the focus goes where the clerk can go on.
                      if (to === 0) nextRef.current?.focus();
                    }}
                  >
                    Previous {QUEUE_PAGE_SIZE}
                  </button>
                  <button
                    type="button"
                    className="small"
                    ref={nextRef}
                    disabled={offset + QUEUE_PAGE_SIZE >= value.total}
                    onClick={() => {
                      const to = offset + QUEUE_PAGE_SIZE;
                      setOffset(to);
                      if (to + QUEUE_PAGE_SIZE >= value.total) previousRef.current?.focus();
                    }}
                  >
                    Next {QUEUE_PAGE_SIZE}
                  </button>
                </div>
              )}
            </div>
          )}
          <DataTable
            caption="The work queue, highest score first"
            className="queue"
            scrollClassName="queue-scroll"
            virtual
            rowHeight={40}
            rows={value.items}
            rowKey={(item) => item.key}
            columns={QUEUE_COLUMNS}
            stale={queue.loading}
            empty={
              value.total > 0
                ? 'No items on this page: the queue has fewer now.'
                : `Nothing waiting${filter.kind ? ' of this kind' : ''}. The queue is clear.`
            }
          />
        </>
      )}
      <LetterBatches batches={batches.value} error={batches.error} onOpen={setLetters} />
      {letters && <PdfViewer file={letters} onClose={() => setLetters(null)} />}
    </section>
  );
}
