// Deceased guarantors and their estates (issue 14): recording a death (and a supervisor's undo),
// the estate record and its claim deadline, the referral to legal, the claim filed through the
// 501(r) gate with its statement of claim and cover letter, what the court answered, follow-ups,
// money from the estate, the closing, and the probate table a supervisor keeps.
import { guarantorInput } from '../schemas/accounts';
import type { FileHandle } from '../schemas/files';
import {
  closeEstateInput,
  estateDetailsInput,
  estateDocumentInput,
  estateEventInput,
  estateInput,
  estatePaymentInput,
  fileClaimInput,
  lastIllnessInput,
  recordDeathInput,
  referInput,
  releaseInput,
  setProbateRuleInput,
  undoDeathInput,
  type EstateDetail,
  type EstateSummary,
  type GuarantorEstate,
  type ProbateRuleRow,
} from '../schemas/estates';
import { channel, none } from './channel';

export const estatesChannels = {
  // --- the death
  'estates:recordDeath': channel<typeof recordDeathInput, EstateDetail>({
    input: recordDeathInput,
    access: 'clerk',
    audit: 'change',
  }),
  'estates:undoDeath': channel<typeof undoDeathInput, { done: true }>({
    input: undoDeathInput,
    access: 'supervisor',
    audit: 'change',
  }),

  // --- estates
  'estates:list': channel<typeof none, EstateSummary[]>({ input: none, access: 'clerk', audit: 'read' }),
  'estates:estate': channel<typeof estateInput, EstateDetail>({ input: estateInput, access: 'clerk', audit: 'read' }),
  'estates:ofGuarantor': channel<typeof guarantorInput, GuarantorEstate>({
    input: guarantorInput,
    access: 'clerk',
    audit: 'read',
  }),
  'estates:details': channel<typeof estateDetailsInput, EstateDetail>({
    input: estateDetailsInput,
    access: 'clerk',
    audit: 'change',
  }),
  'estates:lastIllness': channel<typeof lastIllnessInput, EstateDetail>({
    input: lastIllnessInput,
    access: 'clerk',
    audit: 'change',
  }),
  'estates:release': channel<typeof releaseInput, EstateDetail>({
    input: releaseInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'estates:record': channel<typeof estateEventInput, EstateDetail>({
    input: estateEventInput,
    access: 'clerk',
    audit: 'change',
  }),
  'estates:payment': channel<typeof estatePaymentInput, EstateDetail>({
    input: estatePaymentInput,
    access: 'clerk',
    audit: 'change',
  }),
  'estates:close': channel<typeof closeEstateInput, EstateDetail>({
    input: closeEstateInput,
    access: 'clerk',
    audit: 'change',
  }),

  // --- documents (each recorded with what it said, kept among the guarantor's documents)
  'estates:refer': channel<typeof referInput, { detail: EstateDetail; file: FileHandle }>({
    input: referInput,
    access: 'clerk',
    audit: 'print',
  }),
  'estates:file': channel<typeof fileClaimInput, { detail: EstateDetail; file: FileHandle }>({
    input: fileClaimInput,
    access: 'clerk',
    audit: 'print',
  }),
  'estates:followUp': channel<typeof estateInput, { detail: EstateDetail; file: FileHandle }>({
    input: estateInput,
    access: 'clerk',
    audit: 'print',
  }),
  'estates:document': channel<typeof estateDocumentInput, FileHandle>({
    input: estateDocumentInput,
    access: 'clerk',
    audit: 'print',
  }),

  // --- the probate table (a change is a new row from a date; nothing is deleted)
  'estates:rules': channel<typeof none, ProbateRuleRow[]>({ input: none, access: 'clerk', audit: false }),
  'estates:setRule': channel<typeof setProbateRuleInput, { done: true }>({
    input: setProbateRuleInput,
    access: 'supervisor',
    audit: 'change',
  }),
} as const;
