// The itemised statement of account (rules §3.3): every ledger entry of the case's accounts — each
// charge, insurance credit, adjustment, payment, refund, reversal and court costs — with its date and
// the running balance, reconciled to the balance the ledger keeps. The ONE definition of the case's
// figures: the packet's exhibit, its declaration, and the testimony sheet's figures all read it.
// The statement of claim against an estate (estates/claim.ts) reads it too, through the index.
// HP-02 (minimum necessary): an entry is described by its kind and the account's kind of visit, never
// by its memo (which may carry clinical words).
import { formatShortDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { LEDGER_TYPE_LABELS, type LedgerType } from '../../../shared/schemas/ledger';
import type { Db } from '../../store/database';
import { entriesAsCounted } from '../ledger';
import type { CaseAccount } from './caseRecord';

/** How an entry counts in the totals (a reversal counts with the entry it reverses). */
export type FigureKind = 'charges' | 'insurance' | 'adjustments' | 'patientPayments' | 'refunds' | 'courtCosts';
export const FIGURE_LABELS: Record<FigureKind, string> = {
  charges: 'Charges',
  insurance: 'Insurance payments',
  adjustments: 'Adjustments (contractual, financial assistance, administrative)',
  patientPayments: 'Payments by or for the patient',
  refunds: 'Refunds to the patient',
  courtCosts: 'Court costs awarded',
};
const FIGURE_ORDER: FigureKind[] = ['charges', 'insurance', 'adjustments', 'patientPayments', 'refunds', 'courtCosts'];

const KIND_OF: Record<Exclude<LedgerType, 'reversal'>, FigureKind> = {
  charge: 'charges',
  court_costs: 'courtCosts',
  insurance_payment: 'insurance',
  contractual_adjustment: 'adjustments',
  charity_adjustment: 'adjustments',
  administrative_adjustment: 'adjustments',
  bad_debt_writeoff: 'adjustments',
  patient_payment: 'patientPayments',
  payroll_deduction: 'patientPayments',
  agency_remittance: 'patientPayments',
  court_recovery: 'patientPayments',
  estate_recovery: 'patientPayments',
  refund: 'refunds',
};

const SERVICE_WORDS: Record<string, string> = {
  inpatient: 'inpatient stay',
  outpatient: 'outpatient services',
  emergency: 'emergency visit',
  obstetric: 'obstetric care',
};

export interface ItemisedLine {
  entryId: number;
  date: string;
  description: string;
  kind: FigureKind;
  /** Signed: a charge raises the balance (positive), a credit lowers it (negative). */
  amountCents: number;
  /** The account's balance after this entry. */
  balanceCents: number;
}

export type Figures = Record<FigureKind, number>;

/** What the statement needs of an account (a case's account, an estate's claimed account). */
export type ItemisedSource = Pick<CaseAccount, 'accountId' | 'accountNumber' | 'serviceType' | 'balanceCents'>;

export interface ItemisedAccount<A extends ItemisedSource = CaseAccount> {
  account: A;
  lines: ItemisedLine[];
  figures: Figures;
  balanceCents: number;
}

export interface ItemisedStatement<A extends ItemisedSource = CaseAccount> {
  accounts: ItemisedAccount<A>[];
  figures: Figures;
  /** What the case's accounts owe: the sum of their ledgers, equal to the balances kept with them. */
  balanceCents: number;
  /** The kinds with an entry, in the statement's order (for the summary table). */
  kinds: FigureKind[];
}

const noFigures = (): Figures => ({
  charges: 0,
  insurance: 0,
  adjustments: 0,
  patientPayments: 0,
  refunds: 0,
  courtCosts: 0,
});

/** Every entry of the case's accounts, as the ledger has them (all dates), reconciled to each balance. */
export function itemisedStatement<A extends ItemisedSource>(db: Db, accounts: readonly A[]): ItemisedStatement<A> {
  const figures = noFigures();
  const seen = new Set<FigureKind>();
  const out: ItemisedAccount<A>[] = accounts.map((account) => {
    const entries = entriesAsCounted(db, account.accountId, '9999-12-31');
    const byId = new Map(entries.map((e) => [e.id, e]));
    const own = noFigures();
    let running = 0;
    const lines = entries.map((e): ItemisedLine => {
      const kind = KIND_OF[e.counts_as as Exclude<LedgerType, 'reversal'>];
      running += e.amount_cents;
      own[kind] += e.amount_cents;
      seen.add(kind);
      let description =
        e.type === 'charge'
          ? `Charge: ${SERVICE_WORDS[account.serviceType] ?? 'hospital services'}`
          : LEDGER_TYPE_LABELS[e.type];
      if (e.type === 'reversal') {
        // What it reverses is in the entries already read (entriesAsCounted keeps reverses_id).
        const original = e.reverses_id === null ? undefined : byId.get(e.reverses_id);
        description = `Reversal of ${LEDGER_TYPE_LABELS[original?.type ?? e.counts_as].toLowerCase()}${
          original ? ` of ${formatShortDate(original.effective_date)}` : ''
        }`;
      }
      return {
        entryId: e.id,
        date: e.effective_date,
        description,
        kind,
        amountCents: e.amount_cents,
        balanceCents: running,
      };
    });
    // The ledger is the record: the balance kept with the account must be the sum of its entries.
    if (running !== account.balanceCents)
      throw new AppError(
        'internal',
        `The ledger of account ${account.accountNumber} does not add up to its balance; run the integrity check before printing for court.`,
      );
    for (const k of FIGURE_ORDER) figures[k] += own[k];
    return { account, lines, figures: own, balanceCents: running };
  });
  return {
    accounts: out,
    figures,
    balanceCents: out.reduce((t, a) => t + a.balanceCents, 0),
    kinds: FIGURE_ORDER.filter((k) => seen.has(k)),
  };
}
