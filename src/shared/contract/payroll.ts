// Employee-patients (issue 16): the hospital's roster and its matches to guarantors, the wage-floor
// table (PD-01), payroll-deduction and automatic-bank-transfer arrangements with their signed
// authorizations (PD-02, PD-03), each pay period's file to payroll or the bank and what came back,
// reconciled and posted.
import type { FileHandle } from '../schemas/files';
import {
  arrangementInput,
  arrangementsInput,
  authorizationInput,
  confirmationInput,
  confirmMatchInput,
  createArrangementInput,
  createRunInput,
  employeeInput,
  employeesInput,
  endArrangementInput,
  guarantorPayrollInput,
  limitInput,
  profileIdInput,
  profilesInput,
  recordSignatureInput,
  resolveLineInput,
  rosterImportInput,
  rosterInspectInput,
  runInput,
  runPreviewInput,
  runsInput,
  saveProfileInput,
  setWageFloorInput,
  settleInput,
  terminateInput,
  unmatchInput,
  type ArrangementDetail,
  type ArrangementSummary,
  type ConfirmationPreview,
  type EmployeeDetail,
  type EmployeeSummary,
  type GuarantorPayroll,
  type PayrollProfile,
  type RosterInspection,
  type RosterReport,
  type RunDetail,
  type RunPreview,
  type RunSummary,
  type WageFloorView,
} from '../schemas/payroll';
import type { DeductionLimit } from '../rules/payroll';
import { channel, none } from './channel';

export const payrollChannels = {
  // --- mapping profiles for payroll's files (roster, deduction file, confirmation)
  'payroll:profiles': channel<typeof profilesInput, PayrollProfile[]>({
    input: profilesInput,
    access: 'clerk',
    audit: false,
  }),
  'payroll:saveProfile': channel<typeof saveProfileInput, PayrollProfile>({
    input: saveProfileInput,
    access: 'clerk',
    audit: 'change',
  }),
  'payroll:deleteProfile': channel<typeof profileIdInput, { done: true }>({
    input: profileIdInput,
    access: 'clerk',
    audit: 'change',
  }),

  // --- the roster (uploaded first by import:upload)
  'payroll:rosterInspect': channel<typeof rosterInspectInput, RosterInspection>({
    input: rosterInspectInput,
    access: 'clerk',
    audit: false,
  }),
  'payroll:rosterPreview': channel<typeof rosterImportInput, RosterReport>({
    input: rosterImportInput,
    access: 'clerk',
    audit: 'read',
  }),
  'payroll:rosterImport': channel<typeof rosterImportInput, RosterReport>({
    input: rosterImportInput,
    access: 'clerk',
    audit: 'change',
  }),
  'payroll:employees': channel<typeof employeesInput, EmployeeSummary[]>({
    input: employeesInput,
    access: 'clerk',
    audit: 'read',
  }),
  'payroll:employee': channel<typeof employeeInput, EmployeeDetail>({
    input: employeeInput,
    access: 'clerk',
    audit: 'read',
  }),
  'payroll:confirmMatch': channel<typeof confirmMatchInput, EmployeeDetail>({
    input: confirmMatchInput,
    access: 'clerk',
    audit: 'change',
  }),
  'payroll:rejectMatch': channel<typeof confirmMatchInput, EmployeeDetail>({
    input: confirmMatchInput,
    access: 'clerk',
    audit: 'change',
  }),
  'payroll:unmatch': channel<typeof unmatchInput, EmployeeDetail>({
    input: unmatchInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'payroll:terminate': channel<typeof terminateInput, EmployeeDetail>({
    input: terminateInput,
    access: 'clerk',
    audit: 'change',
  }),

  // --- the wage floor (PD-01; a change is a new row from a date)
  'payroll:wageFloors': channel<typeof none, WageFloorView[]>({ input: none, access: 'clerk', audit: false }),
  'payroll:setWageFloor': channel<typeof setWageFloorInput, WageFloorView[]>({
    input: setWageFloorInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'payroll:limit': channel<typeof limitInput, DeductionLimit>({ input: limitInput, access: 'clerk', audit: 'read' }),

  // --- arrangements
  'payroll:guarantor': channel<typeof guarantorPayrollInput, GuarantorPayroll>({
    input: guarantorPayrollInput,
    access: 'clerk',
    audit: 'read',
  }),
  'payroll:arrangements': channel<typeof arrangementsInput, ArrangementSummary[]>({
    input: arrangementsInput,
    access: 'clerk',
    audit: 'read',
  }),
  'payroll:arrangement': channel<typeof arrangementInput, ArrangementDetail>({
    input: arrangementInput,
    access: 'clerk',
    audit: 'read',
  }),
  'payroll:createArrangement': channel<typeof createArrangementInput, ArrangementDetail>({
    input: createArrangementInput,
    access: 'clerk',
    audit: 'change',
  }),
  'payroll:authorization': channel<typeof authorizationInput, FileHandle>({
    input: authorizationInput,
    access: 'clerk',
    audit: 'print',
  }),
  'payroll:recordSignature': channel<typeof recordSignatureInput, ArrangementDetail>({
    input: recordSignatureInput,
    access: 'clerk',
    audit: 'change',
  }),
  'payroll:end': channel<typeof endArrangementInput, ArrangementDetail>({
    input: endArrangementInput,
    access: 'clerk',
    audit: 'change',
  }),

  // --- each pay period: the file out, what came back, reconciled and posted
  'payroll:runPreview': channel<typeof runPreviewInput, RunPreview>({
    input: runPreviewInput,
    access: 'clerk',
    audit: 'read',
  }),
  'payroll:createRun': channel<typeof createRunInput, FileHandle>({
    input: createRunInput,
    access: 'clerk',
    audit: 'export',
  }),
  'payroll:runFile': channel<typeof runInput, FileHandle>({ input: runInput, access: 'clerk', audit: 'export' }),
  'payroll:runs': channel<typeof runsInput, RunSummary[]>({ input: runsInput, access: 'clerk', audit: 'read' }),
  'payroll:run': channel<typeof runInput, RunDetail>({ input: runInput, access: 'clerk', audit: 'read' }),
  'payroll:confirmPreview': channel<typeof confirmationInput, ConfirmationPreview>({
    input: confirmationInput,
    access: 'clerk',
    audit: 'read',
  }),
  'payroll:confirm': channel<typeof confirmationInput, RunDetail>({
    input: confirmationInput,
    access: 'clerk',
    audit: 'change',
  }),
  'payroll:settle': channel<typeof settleInput, RunDetail>({ input: settleInput, access: 'clerk', audit: 'change' }),
  'payroll:resolveLine': channel<typeof resolveLineInput, RunDetail>({
    input: resolveLineInput,
    access: 'clerk',
    audit: 'change',
  }),
} as const;
