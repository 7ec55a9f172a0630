// The roster, the matches, the wage floor and the arrangements (helper ROSTER).
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';
import type { DocumentChannels } from './documentHandlers';
import type { RunChannels } from './runHandlers';

const notReady = (): never => {
  throw new AppError('not_allowed', 'Not ready yet.');
};

export const payrollHandlers: Omit<HandlerMap<'payroll'>, DocumentChannels | RunChannels> = {
  'payroll:rosterInspect': notReady,
  'payroll:rosterPreview': notReady,
  'payroll:rosterImport': notReady,
  'payroll:employees': notReady,
  'payroll:employee': notReady,
  'payroll:confirmMatch': notReady,
  'payroll:rejectMatch': notReady,
  'payroll:unmatch': notReady,
  'payroll:terminate': notReady,
  'payroll:wageFloors': notReady,
  'payroll:setWageFloor': notReady,
  'payroll:limit': notReady,
  'payroll:guarantor': notReady,
  'payroll:arrangements': notReady,
  'payroll:arrangement': notReady,
  'payroll:createArrangement': notReady,
  'payroll:recordSignature': notReady,
  'payroll:end': notReady,
};
