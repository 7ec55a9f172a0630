// Obstetric prepayment (issue 17, PP-04): the pre-delivery interview (an existing guarantor or a new
// patient), the estimate of her share computed by one rule with its arithmetic, monthly payments
// that all fall due before the expected delivery date (recomputed with their history when the date
// moves), deposits held for her off the ledger (nothing before delivery starts the 501(r) clock) and
// applied to the delivery account once the extract brings it and a clerk confirms it, the monthly
// OB statements, and the true-up after adjudication (a refund or the remainder into the ordinary
// cycle). EMTALA: nothing here can block or delay admission or care, and no OB status is ever a
// reason to defer care (that would itself be an ECA, ECA-02).
import type { Capability } from '../../platform/capability';
import type { Db } from '../../store/database';
import { obstetricsAfterLedgerChange } from './afterLedger';
import { markSigned } from './caseRows';
import { currentVersion } from './reads';
import { caseHandlers } from './handlers';
import { deliveryHandlers } from './deliveryHandlers';
import { documentHandlers } from './documentHandlers';
import { obstetricsQueueSource } from './queueSource';

export const obstetrics: Capability<'obstetrics'> = {
  name: 'obstetrics',
  handlers: { ...caseHandlers, ...deliveryHandlers, ...documentHandlers },
  // Unsigned agreements, late payments, deliveries to record and link, true-ups due, refunds of a
  // cancelled case's deposits: requests about money only (EMTALA).
  queueSources: [obstetricsQueueSource],
  // A deposit's ledger payment reversed: the deposit is reversed too (same transaction).
  afterLedgerChange: obstetricsAfterLedgerChange,
};

export { caseDetail, caseSummary, guarantorCases } from './views';
// For the benchmark (src/bench): the services as the handlers call them.
export { interview } from './interview';
export { recordDeposit } from './deposits';
// The signature recorded on the current version without its printed form (the bench's set-up only;
// recordSignature checks the form).
export function markSignedForBench(db: Db, caseId: number, signedOn: string, by: number): void {
  markSigned(db, caseId, signedOn, currentVersion(db, caseId).id, by);
}
export { deliveryCandidates, linkDelivery } from './delivery';
export { statementRun, statementRunPreview } from './statementRun';
export { caseList } from './views';
export { obstetricsQueueSource } from './queueSource';
