// The bad-debt channels but the 835's and the documents': one line of glue each; the services decide.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';
import type { DocumentChannels } from './documentHandlers';
import type { EraChannels } from './eraHandlers';

const notYet = (): never => {
  throw new AppError('not_allowed', 'Medicare bad debt is not ready yet.');
};

export const badDebtHandlers: Omit<HandlerMap<'badDebt'>, DocumentChannels | EraChannels> = {
  'badDebt:account': notYet,
  'badDebt:setFacts': notYet,
  'badDebt:indigence': notYet,
  'badDebt:candidates': notYet,
  'badDebt:propose': notYet,
  'badDebt:proposals': notYet,
  'badDebt:decide': notYet,
  'badDebt:reverse': notYet,
  'badDebt:recovery': notYet,
  'badDebt:listing': notYet,
  'badDebt:exportListing': notYet,
  'badDebt:listings': notYet,
};
