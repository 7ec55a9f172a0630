// Employee-patients (issue 16): the hospital's employee roster (imported by a mapping profile,
// matched to guarantors only when a person confirms it, never by name alone), the wage-floor table
// (PD-01), payroll-deduction and automatic-bank-transfer arrangements (one rule refuses a deduction
// that could bring pay below the minimum wage or into overtime; nothing is deducted before the
// signed authorization, PD-02; its form, PD-03), and each pay period: the file for payroll (or the
// bank), what came back posted all-or-nothing and reconciled, a missed deduction in the work queue,
// a termination or a revocation ending the arrangement and returning the balance to statements.
import type { Capability } from '../../platform/capability';
import { payrollAfterDeathChange, payrollAfterLedgerChange } from './arrangements';
import { documentHandlers } from './documentHandlers';
import { payrollHandlers } from './handlers';
import { payrollQueueSource } from './queueSource';
import { runHandlers } from './runHandlers';

export const payroll: Capability<'payroll'> = {
  name: 'payroll',
  handlers: { ...payrollHandlers, ...runHandlers, ...documentHandlers },
  // An arrangement whose accounts owe nothing is paid, its holds released (same transaction).
  afterLedgerChange: payrollAfterLedgerChange,
  // A deceased guarantor's live arrangement stops.
  afterDeathChange: payrollAfterDeathChange,
  queueSources: [payrollQueueSource],
};

// For the runs (RUNS) and the documents (DOCS).
export { endArrangement } from './arrangements';

// For the benchmarks (src/bench): the roster, the runs, the confirmation and the queue source as
// the handlers call them.
export { runRoster } from './roster';
export { confirmMatch } from './matching';
export { createArrangement } from './arrangements';
// The signature recorded without its printed form (the bench's set-up only; recordSignature checks the form).
export { markSigned } from './arrangementRows';
export { accountEligibility } from './eligibility';
export { runPreview, createRun } from './runs';
export { confirmRun } from './confirmation';
export { payrollQueueSource } from './queueSource';
export { employeeList } from './views';
