// Cases (helper CASES): the interview and its estimate, revisions, the signature, cancellation and
// the deposits. Each handler is one line of glue over the services.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

export type CaseChannels =
  | 'ob:cases'
  | 'ob:case'
  | 'ob:guarantor'
  | 'ob:estimate'
  | 'ob:interview'
  | 'ob:revisePreview'
  | 'ob:revise'
  | 'ob:recordSignature'
  | 'ob:cancel'
  | 'ob:deposit'
  | 'ob:reverseDeposit'
  | 'ob:refundDeposits';

const notReady = (): never => {
  throw new AppError('not_allowed', 'Not ready yet.');
};

export const caseHandlers: Pick<HandlerMap<'obstetrics'>, CaseChannels> = {
  'ob:cases': notReady,
  'ob:case': notReady,
  'ob:guarantor': notReady,
  'ob:estimate': notReady,
  'ob:interview': notReady,
  'ob:revisePreview': notReady,
  'ob:revise': notReady,
  'ob:recordSignature': notReady,
  'ob:cancel': notReady,
  'ob:deposit': notReady,
  'ob:reverseDeposit': notReady,
  'ob:refundDeposits': notReady,
};
