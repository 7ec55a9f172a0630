// The estates channels but the documents': one line of glue each; the services decide.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';
import type { DocumentChannels } from './documentHandlers';

const notYet = (): never => {
  throw new AppError('not_allowed', 'Estates are not ready yet.');
};

export const estateHandlers: Omit<HandlerMap<'estates'>, DocumentChannels> = {
  'estates:recordDeath': notYet,
  'estates:undoDeath': notYet,
  'estates:list': notYet,
  'estates:estate': notYet,
  'estates:ofGuarantor': notYet,
  'estates:details': notYet,
  'estates:lastIllness': notYet,
  'estates:release': notYet,
  'estates:record': notYet,
  'estates:payment': notYet,
  'estates:close': notYet,
  'estates:rules': notYet,
  'estates:setRule': notYet,
};
