// Accounts: guarantors and their accounts as stored, finding anyone, the activity log and
// follow-ups, and the aging report. Other capabilities use what is exported here, nothing else.
import type { Capability } from '../../platform/capability';
import { accountsHandlers } from './handlers';
import { followUpQueueSource } from './queueSource';

export const accounts: Capability<'accounts'> = {
  name: 'accounts',
  handlers: accountsHandlers,
  queueSources: [followUpQueueSource],
};

export {
  accountRows,
  applyApprovedGuarantorChange,
  setDeceased,
  extractWriter,
  guarantorName,
  guarantorRow,
  insertGuarantorByHand,
  mailingAddress,
  moveBalance,
  setCollectionClock,
  setFapStatus,
  setMailingAddress,
  setRemittanceDate,
  type AccountFromExtract,
  type AccountRow,
  type GuarantorByHand,
  type GuarantorFromExtract,
  type GuarantorRow,
  type HeldGuarantorField,
  type RemittanceDateField,
} from './rows';
export {
  addFollowUp,
  addressFromExtract,
  closeFollowUp,
  logActivity,
  recordLetterSent,
  followUpsOf,
  releaseReturnedMail,
} from './activity';
export { addNameTokens, replaceNameTokens, search } from './search';
export { agingAccounts, agingReport } from './aging';
