// The small-claims documents' channels: the demand letter, the court packet, the testimony sheet.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

export type DocumentChannels = 'smallClaims:demand' | 'smallClaims:packet' | 'smallClaims:testimony';

const notYet = (): never => {
  throw new AppError('not_found', 'Not built yet.');
};

export const documentHandlers: Pick<HandlerMap<'smallClaims'>, DocumentChannels> = {
  'smallClaims:demand': notYet,
  'smallClaims:packet': notYet,
  'smallClaims:testimony': notYet,
};
