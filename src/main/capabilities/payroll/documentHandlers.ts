// The authorization forms (PD-03), kept among the guarantor's documents (helper DOCS).
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

export type DocumentChannels = 'payroll:authorization';

export const documentHandlers: Pick<HandlerMap<'payroll'>, DocumentChannels> = {
  'payroll:authorization': () => {
    throw new AppError('not_allowed', 'Not ready yet.');
  },
};
