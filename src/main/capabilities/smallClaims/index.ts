// Small-claims court (issue 13): should we sue (one rule, explained line by line), the case from the
// demand letter to satisfaction, the court packet and the testimony sheet, payments after judgment,
// post-judgment actions through the 501(r) gate, the reminders in the work queue, and the reports.
import type { Capability } from '../../platform/capability';
import { documentHandlers } from './documentHandlers';
import { caseHandlers } from './handlers';
import { smallClaimsQueueSource } from './queueSource';

export const smallClaims: Capability<'smallClaims'> = {
  name: 'smallClaims',
  handlers: { ...caseHandlers, ...documentHandlers },
  queueSources: [smallClaimsQueueSource],
};

export { suitCheck } from './check';
export { insertCase, changeCase } from './rows';
export { smallClaimsReports } from './reports';
export { smallClaimsQueueSource } from './queueSource';
export { FIGURE_LABELS, itemisedStatement, type FigureKind, type ItemisedStatement } from './itemised';
