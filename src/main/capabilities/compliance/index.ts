// Compliance: the 501(r) gate every extraordinary collection action passes (attemptEca, ECA-01..05),
// holds, financial assistance, the compliance issue log and the monthly registers.
import type { Capability } from '../../platform/capability';
import { complianceHandlers } from './handlers';
import { creditsQueueSource } from './credits';

export const compliance: Capability<'compliance'> = {
  name: 'compliance',
  handlers: complianceHandlers,
  queueSources: [creditsQueueSource],
};

export {
  attemptEca,
  attemptEcaForEvery,
  checkEca,
  releaseEstateClaim,
  revokeEstateRelease,
  type EcaAsker,
} from './ecaGate';
export {
  activeAccountHolds,
  activePlacedHolds,
  automaticHoldReasons,
  placedHoldsSql,
  correctAddress,
  holdsOf,
  placeHold,
  releaseHold,
} from './holds';
export { lastFapHistoryDate, recordFapFromExtract } from './financialAssistance';
export { credits, guarantorsOwedRefund } from './credits';
export { monthlyRegisters } from './registers';
