// Obstetric prepayment (issue 17, PP-04): the pre-delivery interview with its estimate and
// schedule (each revision kept), the signed OB financial agreement, deposits held before delivery
// and applied to the delivery account once the extract brings it, the monthly OB statements, and
// the true-up after adjudication. EMTALA: nothing here can block or delay admission or care.
import type { FileHandle } from '../schemas/files';
import {
  agreementInput,
  cancelInput,
  caseInput,
  casesInput,
  depositInput,
  estimateInput,
  guarantorObInput,
  interviewInput,
  linkDeliveryInput,
  recordDeliveryInput,
  recordSignatureInput,
  refundDepositsInput,
  reverseDepositInput,
  reviseInput,
  revisePreviewInput,
  singleStatementInput,
  statementRunIdInput,
  statementRunInput,
  statementRunPreviewInput,
  trueUpInput,
  trueUpLetterInput,
  trueUpPreviewInput,
  type DeliveryCandidate,
  type EstimatePreview,
  type ObCaseDetail,
  type ObCaseSummary,
  type ObStatementRunPreview,
  type ObStatementRunView,
  type TrueUpPreview,
} from '../schemas/obstetrics';
import { channel, none } from './channel';

export const obstetricsChannels = {
  // --- cases: the interview, the agreement, revisions, deposits
  'ob:cases': channel<typeof casesInput, ObCaseSummary[]>({ input: casesInput, access: 'clerk', audit: 'read' }),
  'ob:case': channel<typeof caseInput, ObCaseDetail>({ input: caseInput, access: 'clerk', audit: 'read' }),
  'ob:guarantor': channel<typeof guarantorObInput, ObCaseSummary[]>({
    input: guarantorObInput,
    access: 'clerk',
    audit: 'read',
  }),
  'ob:estimate': channel<typeof estimateInput, EstimatePreview>({
    input: estimateInput,
    access: 'clerk',
    audit: false,
  }),
  'ob:interview': channel<typeof interviewInput, ObCaseDetail>({
    input: interviewInput,
    access: 'clerk',
    audit: 'change',
  }),
  'ob:revisePreview': channel<typeof revisePreviewInput, EstimatePreview>({
    input: revisePreviewInput,
    access: 'clerk',
    audit: 'read',
  }),
  'ob:revise': channel<typeof reviseInput, ObCaseDetail>({ input: reviseInput, access: 'clerk', audit: 'change' }),
  'ob:recordSignature': channel<typeof recordSignatureInput, ObCaseDetail>({
    input: recordSignatureInput,
    access: 'clerk',
    audit: 'change',
  }),
  'ob:cancel': channel<typeof cancelInput, ObCaseDetail>({ input: cancelInput, access: 'clerk', audit: 'change' }),
  'ob:deposit': channel<typeof depositInput, ObCaseDetail>({ input: depositInput, access: 'clerk', audit: 'change' }),
  'ob:reverseDeposit': channel<typeof reverseDepositInput, ObCaseDetail>({
    input: reverseDepositInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'ob:refundDeposits': channel<typeof refundDepositsInput, ObCaseDetail>({
    input: refundDepositsInput,
    access: 'supervisor',
    audit: 'change',
  }),

  // --- delivery: recorded, the delivery account matched and the deposits applied, the true-up
  'ob:recordDelivery': channel<typeof recordDeliveryInput, ObCaseDetail>({
    input: recordDeliveryInput,
    access: 'clerk',
    audit: 'change',
  }),
  'ob:deliveryCandidates': channel<typeof caseInput, DeliveryCandidate[]>({
    input: caseInput,
    access: 'clerk',
    audit: 'read',
  }),
  'ob:linkDelivery': channel<typeof linkDeliveryInput, ObCaseDetail>({
    input: linkDeliveryInput,
    access: 'clerk',
    audit: 'change',
  }),
  'ob:trueUpPreview': channel<typeof trueUpPreviewInput, TrueUpPreview>({
    input: trueUpPreviewInput,
    access: 'clerk',
    audit: 'read',
  }),
  'ob:trueUp': channel<typeof trueUpInput, ObCaseDetail>({ input: trueUpInput, access: 'clerk', audit: 'change' }),

  // --- documents: the agreement, the monthly OB statements, the true-up letter
  'ob:agreement': channel<typeof agreementInput, FileHandle>({
    input: agreementInput,
    access: 'clerk',
    audit: 'print',
  }),
  'ob:statement': channel<typeof singleStatementInput, FileHandle>({
    input: singleStatementInput,
    access: 'clerk',
    audit: 'print',
  }),
  'ob:statementRunPreview': channel<typeof statementRunPreviewInput, ObStatementRunPreview>({
    input: statementRunPreviewInput,
    access: 'clerk',
    audit: 'read',
  }),
  'ob:statementRun': channel<typeof statementRunInput, FileHandle>({
    input: statementRunInput,
    access: 'clerk',
    audit: 'print',
  }),
  'ob:statementRuns': channel<typeof none, ObStatementRunView[]>({ input: none, access: 'clerk', audit: false }),
  'ob:statementRunPdf': channel<typeof statementRunIdInput, FileHandle>({
    input: statementRunIdInput,
    access: 'clerk',
    audit: 'print',
  }),
  'ob:trueUpLetter': channel<typeof trueUpLetterInput, FileHandle>({
    input: trueUpLetterInput,
    access: 'clerk',
    audit: 'print',
  }),
} as const;
