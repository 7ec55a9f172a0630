// One account of the guarantor: the encounter (service dates, type, payer, Medicare amounts, the
// first statement that starts the 501(r) and Medicare clocks), its next collection step, and its
// immutable ledger with the running balance. Mistakes are reversed, never edited: reversed entries
// are marked, reversals say what they reverse (a reversal made by mistake is reversed in turn). One
// part of a payment split over several accounts is not reversed alone: the whole payment is.
import { useEffect, useRef, type ReactNode } from 'react';
import { formatServiceDates, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { PAYER_CLASS_LABELS, SERVICE_TYPE_LABELS, type AccountView } from '../../../../shared/schemas/accounts';
import {
  ADJUSTMENT_REASONS,
  LEDGER_TYPE_LABELS,
  MATTER_ADJUSTMENT_REASONS,
  type LedgerLine,
} from '../../../../shared/schemas/ledger';
import { formatInstant } from '../../format';
import { isAdjustmentReason } from './AdjustmentDialog';

const isMedicare = (a: AccountView) => a.payerClass === 'medicare' || a.payerClass === 'medicare_advantage';

function reasonLabel(code: string | null): string | null {
  if (!code) return null;
  if (isAdjustmentReason(code)) return ADJUSTMENT_REASONS[code].label;
  // The reasons a matter's own step posts (a court judgment, an estate closed): never the raw code.
  if (Object.hasOwn(MATTER_ADJUSTMENT_REASONS, code))
    return MATTER_ADJUSTMENT_REASONS[code as keyof typeof MATTER_ADJUSTMENT_REASONS];
  return code;
}

/** What the memo column says: the adjustment reason, the memo, and for a reversal what it undoes. */
function Memo({ line, byId }: { line: LedgerLine; byId: Map<number, LedgerLine> }) {
  if (line.reversesId !== null) {
    const original = byId.get(line.reversesId);
    return (
      <>
        <span className="reverses">
          Reverses #{line.reversesId}
          {original && `: ${LEDGER_TYPE_LABELS[original.type]} of ${formatCents(original.amountCents)}`}
        </span>
        {line.memo && <span className="reason">Reason: {line.memo}</span>}
      </>
    );
  }
  const reason = reasonLabel(line.reasonCode);
  return <>{[reason, line.memo].filter(Boolean).join(' — ')}</>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Who posted the entry, whether it came with the billing extract, and who approved an adjustment. */
function PostedBy({ line }: { line: LedgerLine }) {
  return (
    <>
      {line.postedBy ?? <span className="muted">—</span>}
      {line.imported && <span className="badge imported">imported</span>}
      {line.approvedBy && (
        <span className="approved-by">
          approved by <span className="nowrap">{line.approvedBy}</span>
        </span>
      )}
    </>
  );
}

/** Payments whose parts lie on more than one ledger line (over several accounts): reversed whole. */
export function splitPaymentIds(accounts: AccountView[]): ReadonlySet<number> {
  const parts = new Map<number, number>();
  for (const a of accounts)
    for (const l of a.ledger)
      if (l.paymentId !== null && l.type !== 'reversal') parts.set(l.paymentId, (parts.get(l.paymentId) ?? 0) + 1);
  return new Set([...parts].filter(([, n]) => n > 1).map(([id]) => id));
}

interface AccountLedgerProps {
  account: AccountView;
  /** From splitPaymentIds over all of the guarantor's accounts. */
  splitPayments: ReadonlySet<number>;
  /** A deceased guarantor's estate, as it stands for this account (issue 14). */
  estateLine?: ReactNode;
  onAdjust: () => void;
  onReverse: (entry: LedgerLine) => void;
}

export function AccountLedger({ account: a, splitPayments, estateLine, onAdjust, onReverse }: AccountLedgerProps) {
  const byId = new Map(a.ledger.map((l) => [l.id, l]));
  const headingId = `account-${a.id}`;
  // A long ledger scrolls inside its box; it opens at the newest entries, the ones worked on.
  const scroller = useRef<HTMLDivElement>(null);
  const entries = a.ledger.length;
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [entries]);
  return (
    <article className="account" aria-labelledby={headingId}>
      <div className="account-head">
        <h3 id={headingId}>Account {a.accountNumber}</h3>
        <p className="account-balance">
          <span className="muted">Balance</span> <strong>{formatCents(a.balanceCents)}</strong>
        </p>
        <button
          type="button"
          className="small"
          onClick={onAdjust}
          aria-label={`Adjustment to account ${a.accountNumber}`}
        >
          Adjustment…
        </button>
      </div>
      {estateLine}
      <dl className="account-facts">
        <Fact label="Patient">{a.patientName || '—'}</Fact>
        <Fact label="Service">{formatServiceDates(a.serviceFrom, a.serviceTo)}</Fact>
        <Fact label="Type">{SERVICE_TYPE_LABELS[a.serviceType]}</Fact>
        <Fact label="Payer">{PAYER_CLASS_LABELS[a.payerClass]}</Fact>
        <Fact label="First statement">{a.firstStatementDate ? formatShortDate(a.firstStatementDate) : 'Not yet'}</Fact>
        <Fact label="Final notice">{a.finalNoticeDate ? formatShortDate(a.finalNoticeDate) : 'Not sent'}</Fact>
        {isMedicare(a) && (
          <>
            <Fact label="MBI">
              <span className="mono">{a.mbi ?? '—'}</span>
            </Fact>
            <Fact label="Deductible">{formatCents(a.deductibleCents)}</Fact>
            <Fact label="Coinsurance">{formatCents(a.coinsuranceCents)}</Fact>
          </>
        )}
      </dl>
      <p className="account-next">
        <span className="account-next-label">Where it stands</span>
        <span>{a.nextStep}</span>
      </p>
      {a.ledger.length === 0 ? (
        <p className="muted">No ledger entries.</p>
      ) : (
        <div className="table-scroll ledger-scroll" ref={scroller}>
          <table className="table ledger">
            <caption className="visually-hidden">Ledger of account {a.accountNumber}</caption>
            <colgroup>
              <col className="c-id" />
              <col className="c-date" />
              <col className="c-type" />
              <col className="c-ref" />
              <col className="c-memo" />
              <col className="c-money" />
              <col className="c-money" />
              <col className="c-by" />
              <col className="c-action" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col">Reference</th>
                <th scope="col">Memo / reason</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col">Posted by</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {a.ledger.map((l) => {
                const reversed = l.reversedById !== null;
                const splitPart = l.paymentId !== null && splitPayments.has(l.paymentId);
                return (
                  <tr key={l.id} className={reversed ? 'reversed' : l.reversesId !== null ? 'reversal' : undefined}>
                    <td className="num muted">{l.id}</td>
                    <td className="nowrap">{formatShortDate(l.effectiveDate)}</td>
                    <td>
                      {LEDGER_TYPE_LABELS[l.type]}
                      {reversed && <span className="badge bad">Reversed by #{l.reversedById}</span>}
                    </td>
                    <td className="wrap">{l.reference}</td>
                    <td className="wrap">
                      <Memo line={l} byId={byId} />
                      {splitPart && !reversed && l.reversesId === null && (
                        <span className="reason muted">Part of a split payment: use Reverse payment… below.</span>
                      )}
                    </td>
                    <td className="num">{formatCents(l.amountCents)}</td>
                    <td className="num">{formatCents(l.runningBalanceCents)}</td>
                    <td title={`Posted ${formatInstant(l.postedAt)}`}>
                      <PostedBy line={l} />
                    </td>
                    <td className="row-actions">
                      {!reversed && !splitPart && (
                        <button
                          type="button"
                          className="small quiet"
                          aria-label={`Reverse entry ${l.id}`}
                          onClick={() => onReverse(l)}
                        >
                          Reverse…
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
