// Collection agencies (issue 12): agencies and their contracts, placement batches, recalls, an
// agency's ECA requests through the 501(r) gate, remittances and their reconciliation, the scorecard.
import type { Capability } from '../../platform/capability';
import { placementsAfterLedger } from './afterLedger';
import { agenciesHandlers } from './handlers';
import { agencyRecallJob } from './recall';

export const agencies: Capability<'agencies'> = {
  name: 'agencies',
  handlers: agenciesHandlers,
  afterLedgerChange: placementsAfterLedger,
  dailyJobs: [agencyRecallJob],
};

export { saveAgency, setFee } from './agencies';
export { buildBatches, releaseBatch } from './placement';
export { scoreWeights } from './scoreWeights';
export { postRemittance } from './remittances';
export { agencyScorecard } from './scorecard';
export { recallForDeath } from './recall';
