// Small-claims court (issue 13): should we sue (one rule, explained line by line), the case from the
// demand letter to satisfaction, the court packet and the testimony sheet, payments after judgment,
// post-judgment actions through the 501(r) gate, the reports, and the limit and limitation tables a
// supervisor keeps.
import { guarantorInput } from '../schemas/accounts';
import type { FileHandle } from '../schemas/files';
import {
  caseEventInput,
  caseInput,
  demandInput,
  judgmentPaymentInput,
  openCaseInput,
  packetInput,
  postJudgmentInput,
  reportsInput,
  setLimitationInput,
  setLimitInput,
  suitCheckInput,
  type CaseDetail,
  type CaseSummary,
  type SmallClaimsReports,
  type SmallClaimsRules,
  type SuitCheckView,
} from '../schemas/smallClaims';
import { channel, none } from './channel';

export const smallClaimsChannels = {
  // --- should we sue?
  'smallClaims:check': channel<typeof suitCheckInput, SuitCheckView>({
    input: suitCheckInput,
    access: 'clerk',
    audit: 'read',
  }),

  // --- the case
  'smallClaims:open': channel<typeof openCaseInput, { caseId: number }>({
    input: openCaseInput,
    access: 'clerk',
    audit: 'change',
  }),
  'smallClaims:cases': channel<typeof none, CaseSummary[]>({ input: none, access: 'clerk', audit: 'read' }),
  'smallClaims:case': channel<typeof caseInput, CaseDetail>({ input: caseInput, access: 'clerk', audit: 'read' }),
  'smallClaims:ofGuarantor': channel<typeof guarantorInput, CaseSummary[]>({
    input: guarantorInput,
    access: 'clerk',
    audit: 'read',
  }),
  'smallClaims:record': channel<typeof caseEventInput, CaseDetail>({
    input: caseEventInput,
    access: 'clerk',
    audit: 'change',
  }),
  'smallClaims:payment': channel<typeof judgmentPaymentInput, CaseDetail>({
    input: judgmentPaymentInput,
    access: 'clerk',
    audit: 'change',
  }),
  'smallClaims:postJudgment': channel<typeof postJudgmentInput, CaseDetail>({
    input: postJudgmentInput,
    access: 'clerk',
    audit: 'change',
  }),

  // --- documents
  'smallClaims:demand': channel<typeof demandInput, { documentId: number; file: FileHandle }>({
    input: demandInput,
    access: 'clerk',
    audit: 'print',
  }),
  'smallClaims:packet': channel<typeof packetInput, FileHandle>({
    input: packetInput,
    access: 'clerk',
    audit: 'print',
  }),
  'smallClaims:testimony': channel<typeof caseInput, FileHandle>({ input: caseInput, access: 'clerk', audit: 'print' }),

  // --- reports
  'smallClaims:reports': channel<typeof reportsInput, SmallClaimsReports>({
    input: reportsInput,
    access: 'clerk',
    audit: 'read',
  }),

  // --- the limit and limitation tables (a change is a new row from a date; nothing is deleted)
  'smallClaims:rules': channel<typeof none, SmallClaimsRules>({ input: none, access: 'clerk', audit: false }),
  'smallClaims:setLimit': channel<typeof setLimitInput, { done: true }>({
    input: setLimitInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'smallClaims:setLimitation': channel<typeof setLimitationInput, { done: true }>({
    input: setLimitationInput,
    access: 'supervisor',
    audit: 'change',
  }),
} as const;
