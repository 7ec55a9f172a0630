// Statements (ST-01..03, ECA-05, ECA-06): the monthly run, drawn in worker threads, each statement
// recorded with its snapshot and hash so it reprints byte for byte; final notices; past runs.
import type { Capability } from '../../platform/capability';
import { statementsHandlers } from './handlers';
import { returnedMailQueueSource } from './queueSource';

export const statements: Capability<'statements'> = {
  name: 'statements',
  handlers: statementsHandlers,
  // Issue 11: returned mail asks for a new address.
  queueSources: [returnedMailQueueSource],
};

export { planRun } from './runPlan';
export { recordedStatement, type RecordedStatement } from './pastRuns';
export { prepareRun } from './prepare';
export { runFingerprint } from './preparedRun';
export { releaseRun } from './release';
export { renderThreads } from './renderPool';
export { renderForBatch, statementDocument } from './statementPdf';
