// Medicare bad debt (issue 15): X12 835 remittances posted without a keystroke (payments and
// contractual adjustments, the remittance dates, the deductible and coinsurance of each claim);
// every Medicare account's bad-debt clock (one rule, BD-01..BD-11); the write-off a clerk proposes
// and a supervisor approves (a bad-debt ledger entry, BD-09); recoveries (BD-12); the Exhibit 2A
// listing for a cost-reporting period and CCN, inpatient and outpatient apart, checked before it
// exports (BD-14); and the documentation an auditor asks for (BD-06, BD-08).
import type { Capability } from '../../platform/capability';
import { documentHandlers } from './documentHandlers';
import { eraHandlers } from './eraHandlers';
import { badDebtHandlers } from './handlers';
import { badDebtQueueSource } from './queueSource';

export const badDebt: Capability<'badDebt'> = {
  name: 'badDebt',
  handlers: { ...eraHandlers, ...badDebtHandlers, ...documentHandlers },
  queueSources: [badDebtQueueSource],
};

export { fileDetail as eraFileDetail, importEra, listFiles as eraFiles, previewEra } from './era';
export { read835 } from './x12';
export { write835, type Write835Claim, type Write835Transaction } from './x12Write';
// What the benchmark (src/bench) uses.
export { candidates } from './candidates';
export { buildListing } from './listing';
export { listingXlsx } from './listingFiles';
export { drawListingPdf } from './listingPdf';
export { insertApprovedWriteOffs } from './rows';
// What the workspace shows of an account (BD-01: one definition of the deductible and coinsurance).
export { medicareCostSharing } from './costSharing';
