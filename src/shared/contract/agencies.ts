// Collection agencies (issue 12): agencies and their contracts, placement batches (a clerk builds,
// a supervisor releases), recalls, an agency's ECA requests (through the 501(r) gate),
// remittances and their reconciliation, and the scorecard.
import { guarantorInput } from '../schemas/accounts';
import {
  agencyEcaInput,
  agencyInput,
  batchInput,
  buildBatchInput,
  directPaymentsInput,
  eligibleInput,
  placementsListInput,
  recallFileInput,
  recallInput,
  reconcileInput,
  releaseBatchInput,
  remittanceIdInput,
  remittanceInput,
  removeFromBatchInput,
  saveAgencyInput,
  scorecardInput,
  setAgencyActiveInput,
  setFeeInput,
  setLayoutInput,
  type AccountPlacementView,
  type AgencyDetail,
  type AgencyEcaRequestView,
  type AgencyView,
  type DirectPaymentView,
  type EligibleView,
  type PlacementBatchDetail,
  type PlacementBatchView,
  type PlacementRowView,
  type RecallFileView,
  type RecallResult,
  type ReconciliationView,
  type ReleaseResult,
  type RemittanceDetail,
  type RemittancePreview,
  type RemittanceView,
  type ScorecardView,
} from '../schemas/agencies';
import type { FileHandle } from '../schemas/files';
import { channel, none } from './channel';

export const agenciesChannels = {
  // --- agencies and their contracts (a supervisor keeps them; history kept, nothing deleted)
  'agencies:list': channel<typeof none, AgencyView[]>({ input: none, access: 'clerk', audit: false }),
  'agencies:get': channel<typeof agencyInput, AgencyDetail>({ input: agencyInput, access: 'clerk', audit: false }),
  'agencies:save': channel<typeof saveAgencyInput, { agencyId: number }>({
    input: saveAgencyInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'agencies:setActive': channel<typeof setAgencyActiveInput, { done: true }>({
    input: setAgencyActiveInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'agencies:setFee': channel<typeof setFeeInput, { done: true }>({
    input: setFeeInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'agencies:setLayout': channel<typeof setLayoutInput, { done: true }>({
    input: setLayoutInput,
    access: 'supervisor',
    audit: 'change',
  }),

  // --- placement
  'placements:eligible': channel<typeof eligibleInput, EligibleView>({
    input: eligibleInput,
    access: 'clerk',
    audit: 'read',
  }),
  'placements:build': channel<typeof buildBatchInput, { batchIds: number[] }>({
    input: buildBatchInput,
    access: 'clerk',
    audit: 'change',
  }),
  'placements:batches': channel<typeof none, PlacementBatchView[]>({ input: none, access: 'clerk', audit: false }),
  'placements:batch': channel<typeof batchInput, PlacementBatchDetail>({
    input: batchInput,
    access: 'clerk',
    audit: 'read',
  }),
  'placements:remove': channel<typeof removeFromBatchInput, { done: true }>({
    input: removeFromBatchInput,
    access: 'clerk',
    audit: 'change',
  }),
  'placements:cancel': channel<typeof batchInput, { done: true }>({
    input: batchInput,
    access: 'clerk',
    audit: 'change',
  }),
  'placements:release': channel<typeof releaseBatchInput, ReleaseResult>({
    input: releaseBatchInput,
    access: 'clerk',
    audit: 'export',
  }),
  'placements:file': channel<typeof batchInput, FileHandle>({ input: batchInput, access: 'clerk', audit: 'export' }),
  'placements:list': channel<typeof placementsListInput, PlacementRowView[]>({
    input: placementsListInput,
    access: 'clerk',
    audit: 'read',
  }),
  'placements:ofGuarantor': channel<typeof guarantorInput, AccountPlacementView[]>({
    input: guarantorInput,
    access: 'clerk',
    audit: 'read',
  }),

  // --- recalls
  'placements:recall': channel<typeof recallInput, RecallResult>({
    input: recallInput,
    access: 'clerk',
    audit: 'export',
  }),
  'recalls:list': channel<typeof none, RecallFileView[]>({ input: none, access: 'clerk', audit: false }),
  'recalls:file': channel<typeof recallFileInput, FileHandle>({
    input: recallFileInput,
    access: 'clerk',
    audit: 'export',
  }),

  // --- an agency's ECA requests (ECA-01: the 501(r) gate, recorded either way)
  'agencies:requestEca': channel<typeof agencyEcaInput, { allowed: true }>({
    input: agencyEcaInput,
    access: 'clerk',
    audit: 'change',
  }),
  'agencies:ecaRequests': channel<typeof none, AgencyEcaRequestView[]>({ input: none, access: 'clerk', audit: 'read' }),

  // --- remittances and reconciliation
  'remittances:preview': channel<typeof remittanceInput, RemittancePreview>({
    input: remittanceInput,
    access: 'clerk',
    audit: 'read',
  }),
  'remittances:post': channel<typeof remittanceInput, { remittanceId: number }>({
    input: remittanceInput,
    access: 'clerk',
    audit: 'change',
  }),
  'remittances:list': channel<typeof none, RemittanceView[]>({ input: none, access: 'clerk', audit: false }),
  'remittances:get': channel<typeof remittanceIdInput, RemittanceDetail>({
    input: remittanceIdInput,
    access: 'clerk',
    audit: 'read',
  }),
  'remittances:reconcile': channel<typeof reconcileInput, ReconciliationView>({
    input: reconcileInput,
    access: 'clerk',
    audit: 'change',
  }),
  'remittances:directPayments': channel<typeof directPaymentsInput, DirectPaymentView[]>({
    input: directPaymentsInput,
    access: 'clerk',
    audit: 'read',
  }),
  'remittances:directPaymentsCsv': channel<typeof directPaymentsInput, FileHandle>({
    input: directPaymentsInput,
    access: 'clerk',
    audit: 'export',
  }),

  // --- the scorecard
  'agencies:scorecard': channel<typeof scorecardInput, ScorecardView>({
    input: scorecardInput,
    access: 'clerk',
    audit: false,
  }),
  'agencies:scorecardPdf': channel<typeof scorecardInput, FileHandle>({
    input: scorecardInput,
    access: 'clerk',
    audit: 'print',
  }),
  'agencies:scorecardCsv': channel<typeof scorecardInput, FileHandle>({
    input: scorecardInput,
    access: 'clerk',
    audit: 'export',
  }),
} as const;
