// The bad-debt documents' channels: the listing exported (PDF, xlsx, CSV), the auditor's packet for
// an account (BD-08), the collection-effort evidence (BD-06).
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

const notYet = (): never => {
  throw new AppError('not_allowed', 'Bad-debt documents are not ready yet.');
};

export type DocumentChannels =
  'badDebt:exportListing' | 'badDebt:listings' | 'badDebt:auditPacket' | 'badDebt:effortEvidence';

export const documentHandlers: Pick<HandlerMap<'badDebt'>, DocumentChannels> = {
  'badDebt:exportListing': notYet,
  'badDebt:listings': notYet,
  'badDebt:auditPacket': notYet,
  'badDebt:effortEvidence': notYet,
};
