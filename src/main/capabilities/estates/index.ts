// Deceased guarantors and their estates (issue 14): recording a death stops the dunning at once
// (statements, letters, plan reminders), suspends plans and promises, recalls placements and puts
// the estate in the work queue; the estate record and its claim deadline (one rule, PR-01/PR-02);
// the referral to legal, the claim filed through the 501(r) gate (ECA-04) with its statement of
// claim (PR-03, PR-04) and cover letter, follow-ups with the clerk of court, money from the estate,
// and the closing (the remainder written off; a Medicare deductible or coinsurance balance left
// for the bad-debt listing). A death the extract raises (or a supervisor's approval of its
// lowering) comes in through afterDeathChange, with the same effects. An account that comes to owe
// something after the estate opened joins it (afterLedgerChange); a daily job records a death for
// every guarantor flagged deceased with none (a store from before estates were kept).
import type { Capability } from '../../platform/capability';
import { estateBackfillJob } from './backfill';
import { claimAccountsAfterLedgerChange } from './claimAccounts';
import { deathFromExtract } from './deaths';
import { documentHandlers } from './documentHandlers';
import { estateHandlers } from './handlers';
import { estatesQueueSource } from './queueSource';

export const estates: Capability<'estates'> = {
  name: 'estates',
  handlers: { ...estateHandlers, ...documentHandlers },
  afterLedgerChange: claimAccountsAfterLedgerChange,
  afterDeathChange: deathFromExtract,
  dailyJobs: [estateBackfillJob],
  queueSources: [estatesQueueSource],
};

export { estatesQueueSource } from './queueSource';
export { estateClosings, estateDetail, estateSummaries, guarantorEstate } from './views';
export { recordDeath } from './deaths';
