// The scorecard channels: per agency and placement month, on screen, as a PDF and as a CSV.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

type ScorecardChannels = 'agencies:scorecard' | 'agencies:scorecardPdf' | 'agencies:scorecardCsv';

const later = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const scorecardHandlers: Pick<HandlerMap<'agencies'>, ScorecardChannels> = {
  'agencies:scorecard': later,
  'agencies:scorecardPdf': later,
  'agencies:scorecardCsv': later,
};
