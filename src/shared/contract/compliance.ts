// Compliance: the 501(r) gate, holds, financial assistance, the issue log and the monthly registers.
import type { EcaDecision } from '../rules/ecaClock';
import { guarantorInput } from '../schemas/accounts';
import type { ComplianceIssueView } from '../schemas/compliance';
import { assignIssueInput, reportIssueInput, resolveIssueInput } from '../schemas/compliance';
import { ecaCheckInput, ecaReleaseInput } from '../schemas/eca';
import {
  decideFapInput,
  creditsInput,
  fapLetterInput,
  postRefundInput,
  previewFapInput,
  type CreditView,
  recordFapApplicationInput,
  type FapDecisionResult,
  type FapHistoryItem,
  type FapPreview,
} from '../schemas/fap';
import type { FileHandle } from '../schemas/files';
import type { HoldView } from '../schemas/holds';
import { newAddressInput, placeHoldInput, releaseHoldInput } from '../schemas/holds';
import type { MonthlyRegisters } from '../schemas/registers';
import { registerCsvInput, registerMonthInput } from '../schemas/registers';
import { channel, none } from './channel';

export const complianceChannels = {
  'eca:check': channel<typeof ecaCheckInput, EcaDecision>({ input: ecaCheckInput, access: 'clerk', audit: 'read' }),
  'eca:releaseEstateClaim': channel<typeof ecaReleaseInput, { done: true }>({
    input: ecaReleaseInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'fap:record': channel<typeof recordFapApplicationInput, { historyId: number; completeBy: string | null }>({
    input: recordFapApplicationInput,
    access: 'clerk',
    audit: 'change',
  }),
  'fap:decide': channel<typeof decideFapInput, FapDecisionResult>({
    input: decideFapInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'fap:history': channel<typeof guarantorInput, FapHistoryItem[]>({
    input: guarantorInput,
    access: 'clerk',
    audit: 'read',
  }),
  'holds:list': channel<typeof guarantorInput, HoldView[]>({ input: guarantorInput, access: 'clerk', audit: 'read' }),
  'holds:place': channel<typeof placeHoldInput, { id: number }>({
    input: placeHoldInput,
    access: 'clerk',
    audit: 'change',
  }),
  'holds:release': channel<typeof releaseHoldInput, { done: true }>({
    input: releaseHoldInput,
    access: 'clerk',
    audit: 'change',
  }),
  'compliance:report': channel<typeof reportIssueInput, { id: number }>({
    input: reportIssueInput,
    access: 'clerk',
    audit: 'change',
  }),
  // HP-01: the issues name accounts and describe what happened to a patient: who read them is recorded.
  'compliance:list': channel<typeof none, ComplianceIssueView[]>({ input: none, access: 'clerk', audit: 'read' }),
  'compliance:assign': channel<typeof assignIssueInput, { done: true }>({
    input: assignIssueInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'compliance:resolve': channel<typeof resolveIssueInput, { done: true }>({
    input: resolveIssueInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'registers:month': channel<typeof registerMonthInput, MonthlyRegisters>({
    input: registerMonthInput,
    access: 'supervisor',
    audit: 'read',
  }),
  'registers:pdf': channel<typeof registerMonthInput, FileHandle>({
    input: registerMonthInput,
    access: 'supervisor',
    audit: 'print',
  }),
  'registers:csv': channel<typeof registerCsvInput, FileHandle>({
    input: registerCsvInput,
    access: 'supervisor',
    audit: 'export',
  }),
  // ECA-05: what a decision would post, account by account, before anything posts (read-only).
  'fap:preview': channel<typeof previewFapInput, FapPreview>({
    input: previewFapInput,
    access: 'supervisor',
    audit: 'read',
  }),
  // 1.501(r)-6(c): the notice of what is missing, or the written determination; printing is audited.
  'fap:letter': channel<typeof fapLetterInput, FileHandle>({
    input: fapLetterInput,
    access: 'clerk',
    audit: 'print',
  }),
  // ECA-05: accounts in credit and the refunds they are owed, with their due dates.
  'credits:list': channel<typeof creditsInput, CreditView[]>({ input: creditsInput, access: 'clerk', audit: 'read' }),
  'credits:refund': channel<typeof postRefundInput, { entryId: number; approvedBy: number | null }>({
    input: postRefundInput,
    access: 'clerk',
    audit: 'change',
  }),
  // Issue 11: returned mail: the corrected address ends the hold.
  'holds:newAddress': channel<typeof newAddressInput, { done: true }>({
    input: newAddressInput,
    access: 'clerk',
    audit: 'change',
  }),
} as const;
