// Mapping profiles and each pay period's run: the file out, what came back, reconciled and posted
// (helper RUNS).
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

export type RunChannels =
  | 'payroll:profiles'
  | 'payroll:saveProfile'
  | 'payroll:deleteProfile'
  | 'payroll:runPreview'
  | 'payroll:createRun'
  | 'payroll:runFile'
  | 'payroll:runs'
  | 'payroll:run'
  | 'payroll:confirmPreview'
  | 'payroll:confirm'
  | 'payroll:settle'
  | 'payroll:resolveLine';

const notReady = (): never => {
  throw new AppError('not_allowed', 'Not ready yet.');
};

export const runHandlers: Pick<HandlerMap<'payroll'>, RunChannels> = {
  'payroll:profiles': notReady,
  'payroll:saveProfile': notReady,
  'payroll:deleteProfile': notReady,
  'payroll:runPreview': notReady,
  'payroll:createRun': notReady,
  'payroll:runFile': notReady,
  'payroll:runs': notReady,
  'payroll:run': notReady,
  'payroll:confirmPreview': notReady,
  'payroll:confirm': notReady,
  'payroll:settle': notReady,
  'payroll:resolveLine': notReady,
};
