// The auditor's documents: the packet for an account (BD-08) and the collection-effort evidence
// (BD-06). The listing's exports are in handlers.ts.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

const notYet = (): never => {
  throw new AppError('not_allowed', 'Bad-debt documents are not ready yet.');
};

export type DocumentChannels = 'badDebt:auditPacket' | 'badDebt:effortEvidence';

export const documentHandlers: Pick<HandlerMap<'badDebt'>, DocumentChannels> = {
  'badDebt:auditPacket': notYet,
  'badDebt:effortEvidence': notYet,
};
