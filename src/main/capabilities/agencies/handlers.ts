// The agencies capability's channels: one line of glue each (no SQL), saying what the call touched.
// The remittance channels are in remittanceHandlers.ts, the scorecard's in scorecardHandlers.ts.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';
import { remittanceHandlers } from './remittanceHandlers';
import { scorecardHandlers } from './scorecardHandlers';

type Own = Omit<HandlerMap<'agencies'>, keyof typeof remittanceHandlers | keyof typeof scorecardHandlers>;

const later = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

const own: Own = {
  'agencies:list': later,
  'agencies:get': later,
  'agencies:save': later,
  'agencies:setActive': later,
  'agencies:setFee': later,
  'agencies:setLayout': later,
  'placements:eligible': later,
  'placements:build': later,
  'placements:batches': later,
  'placements:batch': later,
  'placements:remove': later,
  'placements:cancel': later,
  'placements:release': later,
  'placements:file': later,
  'placements:list': later,
  'placements:ofGuarantor': later,
  'placements:recall': later,
  'recalls:list': later,
  'recalls:file': later,
  'agencies:requestEca': later,
  'agencies:ecaRequests': later,
};

export const agenciesHandlers: HandlerMap<'agencies'> = { ...own, ...remittanceHandlers, ...scorecardHandlers };
