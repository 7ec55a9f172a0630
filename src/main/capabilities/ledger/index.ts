// The ledger: immutable entries and the balances kept with them; payments, adjustments, reversals
// and receipts. Every change goes through changeLedger (or, for the import's bulk writes, a
// LedgerChangeWriter settled with settleLedgerChange before its transaction commits), which runs
// each capability's afterLedgerChange inside the same transaction.
import type { Capability } from '../../platform/capability';
import { ledgerHandlers } from './handlers';

export const ledger: Capability<'ledger'> = { name: 'ledger', handlers: ledgerHandlers };

export { changeLedger, settleLedgerChange, LedgerChangeWriter, type LedgerWhen } from './changes';
export {
  paymentHow,
  postAccountPayment,
  postPaymentParts,
  checkPayment,
  postOldestFirst,
  postRecovery,
  postRefund,
  writeOffApprovedBy,
} from './posting';
export {
  accountLedger,
  entriesAsCounted,
  entryStandsSql,
  patientPaid,
  patientPaidLongChainsSql,
  patientPaidSql,
  entryByExternalId,
  insertImportedEntries,
  verifyBalances,
  type CountedEntry,
  type ImportedEntry,
} from './entries';
