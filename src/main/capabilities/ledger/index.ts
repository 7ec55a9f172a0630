// The ledger: immutable entries and the balances kept with them; payments, adjustments, reversals
// and receipts. Every change goes through changeLedger (or, for the import's bulk writes,
// beginLedgerChange + settleLedgerChange), which runs each capability's afterLedgerChange inside
// the same transaction.
import type { Capability } from '../../platform/capability';
import { ledgerHandlers } from './handlers';

export const ledger: Capability<'ledger'> = { name: 'ledger', handlers: ledgerHandlers };

export { beginLedgerChange, changeLedger, settleLedgerChange, LedgerChangeWriter, type LedgerWhen } from './changes';
export {
  accountLedger,
  entriesAsCounted,
  entryByExternalId,
  insertImportedEntries,
  verifyBalances,
  type CountedEntry,
  type ImportedEntry,
} from './entries';
