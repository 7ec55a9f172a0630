// The small-claims channels but the documents' (documentHandlers.ts): one line of glue each.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';
import type { DocumentChannels } from './documentHandlers';
import { suitCheck } from './check';

const notYet = (): never => {
  throw new AppError('not_found', 'Not built yet.');
};

export const caseHandlers: Omit<HandlerMap<'smallClaims'>, DocumentChannels> = {
  'smallClaims:check': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return suitCheck(ctx.app.store.db, input, ctx.app.clock.today());
  },
  'smallClaims:open': notYet,
  'smallClaims:cases': notYet,
  'smallClaims:case': notYet,
  'smallClaims:ofGuarantor': notYet,
  'smallClaims:record': notYet,
  'smallClaims:payment': notYet,
  'smallClaims:postJudgment': notYet,
  'smallClaims:reports': notYet,
  'smallClaims:rules': notYet,
  'smallClaims:setLimit': notYet,
  'smallClaims:setLimitation': notYet,
};
