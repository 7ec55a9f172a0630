// Payment plans: the effective-dated policy, plans and their agreements, the lapse engine (a daily
// job, and a step after every ledger change touching a plan's guarantor), promises to pay, lapse
// letters, and what plans put in the work queue.
import type { Capability } from '../../platform/capability';
import { plansHandlers } from './handlers';
import { lapseCheck, refreshAfterLedgerChange } from './lapseEngine';
import { planPaymentPriority } from './progress';
import { plansQueueSource } from './queueSource';

export const plans: Capability<'plans'> = {
  name: 'plans',
  handlers: plansHandlers,
  afterLedgerChange: refreshAfterLedgerChange,
  paymentPriority: planPaymentPriority,
  dailyJobs: [lapseCheck],
  queueSources: [plansQueueSource],
};

export { runDaily } from './lapseEngine';
export { policyOn } from './policy';
export {
  activePlanAccounts,
  activePlanSql,
  currentPlanAccounts,
  openPlanSql,
  paymentAskedOf,
  planOfAccount,
  plansAskingOf,
  type PlanRow,
} from './progress';
export {
  recordedAgreement,
  recordedLapseLetter,
  type KeptOnlyPaper,
  type RecordedAgreement,
  type RecordedPaper,
} from './printing';
export { endSuspendedForDeath, resumePlan, resumePromise, suspendForDeath, type Suspended } from './suspension';
