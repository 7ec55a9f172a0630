// Medicare bad debt (issue 15): X12 835 remittances in (each claim matched to its account by the
// patient control number, payments and contractual adjustments posted, the remittance dates and the
// deductible and coinsurance recorded), every Medicare account's bad-debt clock and the facts it
// needs, the write-off a clerk proposes and a supervisor approves, recoveries, and the Exhibit 2A
// listing for a cost-reporting period and CCN with the documentation an auditor asks for.
import type { FileHandle } from '../schemas/files';
import {
  badDebtAccountInput,
  badDebtFactsInput,
  candidatesInput,
  decideInput,
  effortEvidenceInput,
  eraFileIdInput,
  eraFileInput,
  exportListingInput,
  indigenceInput,
  listingInput,
  proposalsInput,
  proposeInput,
  recoveryInput,
  reverseWriteOffInput,
  type BadDebtAccountView,
  type BadDebtCandidate,
  type EraFileDetail,
  type EraFileSummary,
  type EraPreview,
  type ListingRecord,
  type ListingView,
  type WriteOffView,
} from '../schemas/badDebt';
import { channel, none } from './channel';

export const badDebtChannels = {
  // --- X12 835 remittances
  'era:preview': channel<typeof eraFileInput, EraPreview>({ input: eraFileInput, access: 'clerk', audit: 'read' }),
  'era:import': channel<typeof eraFileInput, EraFileDetail>({ input: eraFileInput, access: 'clerk', audit: 'change' }),
  'era:files': channel<typeof none, EraFileSummary[]>({ input: none, access: 'clerk', audit: false }),
  'era:file': channel<typeof eraFileIdInput, EraFileDetail>({ input: eraFileIdInput, access: 'clerk', audit: 'read' }),

  // --- an account's clock and facts
  'badDebt:account': channel<typeof badDebtAccountInput, BadDebtAccountView>({
    input: badDebtAccountInput,
    access: 'clerk',
    audit: 'read',
  }),
  'badDebt:setFacts': channel<typeof badDebtFactsInput, BadDebtAccountView>({
    input: badDebtFactsInput,
    access: 'clerk',
    audit: 'change',
  }),
  'badDebt:indigence': channel<typeof indigenceInput, BadDebtAccountView>({
    input: indigenceInput,
    access: 'clerk',
    audit: 'change',
  }),

  // --- write-offs
  'badDebt:candidates': channel<typeof candidatesInput, BadDebtCandidate[]>({
    input: candidatesInput,
    access: 'clerk',
    audit: 'read',
  }),
  'badDebt:propose': channel<typeof proposeInput, WriteOffView[]>({
    input: proposeInput,
    access: 'clerk',
    audit: 'change',
  }),
  'badDebt:proposals': channel<typeof proposalsInput, WriteOffView[]>({
    input: proposalsInput,
    access: 'clerk',
    audit: 'read',
  }),
  'badDebt:decide': channel<typeof decideInput, WriteOffView[]>({
    input: decideInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'badDebt:reverse': channel<typeof reverseWriteOffInput, WriteOffView>({
    input: reverseWriteOffInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'badDebt:recovery': channel<typeof recoveryInput, BadDebtAccountView>({
    input: recoveryInput,
    access: 'clerk',
    audit: 'change',
  }),

  // --- the listing and the auditor's documentation
  'badDebt:listing': channel<typeof listingInput, ListingView>({ input: listingInput, access: 'clerk', audit: 'read' }),
  'badDebt:exportListing': channel<typeof exportListingInput, FileHandle>({
    input: exportListingInput,
    access: 'clerk',
    audit: 'export',
  }),
  'badDebt:listings': channel<typeof none, ListingRecord[]>({ input: none, access: 'clerk', audit: false }),
  'badDebt:auditPacket': channel<typeof badDebtAccountInput, FileHandle>({
    input: badDebtAccountInput,
    access: 'clerk',
    audit: 'print',
  }),
  'badDebt:effortEvidence': channel<typeof effortEvidenceInput, FileHandle>({
    input: effortEvidenceInput,
    access: 'clerk',
    audit: 'print',
  }),
} as const;
