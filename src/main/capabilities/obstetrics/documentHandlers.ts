// Documents (helper DOCS): the OB financial agreement, the monthly OB statements (a run, alone or
// after the monthly statement run, or one now), the true-up letter.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

export type DocumentChannels =
  | 'ob:agreement'
  | 'ob:statement'
  | 'ob:statementRunPreview'
  | 'ob:statementRun'
  | 'ob:statementRuns'
  | 'ob:statementRunPdf'
  | 'ob:trueUpLetter';

const notReady = (): never => {
  throw new AppError('not_allowed', 'Not ready yet.');
};

export const documentHandlers: Pick<HandlerMap<'obstetrics'>, DocumentChannels> = {
  'ob:agreement': notReady,
  'ob:statement': notReady,
  'ob:statementRunPreview': notReady,
  'ob:statementRun': notReady,
  'ob:statementRuns': notReady,
  'ob:statementRunPdf': notReady,
  'ob:trueUpLetter': notReady,
};
