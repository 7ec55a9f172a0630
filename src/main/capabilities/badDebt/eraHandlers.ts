// The X12 835 channels: one line of glue each; the services decide.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

const notYet = (): never => {
  throw new AppError('not_allowed', 'Remittance import is not ready yet.');
};

export type EraChannels = 'era:preview' | 'era:import' | 'era:files' | 'era:file';

export const eraHandlers: Pick<HandlerMap<'badDebt'>, EraChannels> = {
  'era:preview': notYet,
  'era:import': notYet,
  'era:files': notYet,
  'era:file': notYet,
};
