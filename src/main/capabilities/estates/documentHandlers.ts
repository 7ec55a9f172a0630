// The estates documents' channels: the referral memo, the claim (statement of claim and cover
// letter), the follow-up letter, and a recorded document again. One line of glue each.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

export type DocumentChannels = 'estates:refer' | 'estates:file' | 'estates:followUp' | 'estates:document';

const notYet = (): never => {
  throw new AppError('not_allowed', 'Estates are not ready yet.');
};

export const documentHandlers: Pick<HandlerMap<'estates'>, DocumentChannels> = {
  'estates:refer': notYet,
  'estates:file': notYet,
  'estates:followUp': notYet,
  'estates:document': notYet,
};
