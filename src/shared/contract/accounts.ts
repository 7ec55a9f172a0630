// Accounts: finding a guarantor, the activity log and follow-ups, the documents printed for them,
// and the aging report.
import type { SearchResult } from '../schemas/accounts';
import {
  addFollowUpInput,
  closeFollowUpInput,
  documentInput,
  logActivityInput,
  searchInput,
} from '../schemas/accounts';
import type { FileHandle } from '../schemas/files';
import type { AgingAccountsPage, AgingReport } from '../schemas/reports';
import { agingAccountsInput, agingReportInput } from '../schemas/reports';
import { channel } from './channel';

export const accountsChannels = {
  'search:query': channel<typeof searchInput, SearchResult[]>({ input: searchInput, access: 'clerk', audit: 'read' }),
  'activity:log': channel<typeof logActivityInput, { id: number }>({
    input: logActivityInput,
    access: 'clerk',
    audit: 'change',
  }),
  'followUps:add': channel<typeof addFollowUpInput, { id: number }>({
    input: addFollowUpInput,
    access: 'clerk',
    audit: 'change',
  }),
  'followUps:close': channel<typeof closeFollowUpInput, { done: true }>({
    input: closeFollowUpInput,
    access: 'clerk',
    audit: 'change',
  }),
  'documents:get': channel<typeof documentInput, FileHandle>({ input: documentInput, access: 'clerk', audit: 'print' }),

  'reports:aging': channel<typeof agingReportInput, AgingReport>({
    input: agingReportInput,
    access: 'clerk',
    audit: 'read',
  }),
  'reports:agingPdf': channel<typeof agingReportInput, FileHandle>({
    input: agingReportInput,
    access: 'clerk',
    audit: 'print',
  }),
  'reports:agingCsv': channel<typeof agingReportInput, FileHandle>({
    input: agingReportInput,
    access: 'clerk',
    audit: 'export',
  }),
  'reports:agingAccounts': channel<typeof agingAccountsInput, AgingAccountsPage>({
    input: agingAccountsInput,
    access: 'clerk',
    audit: 'read',
  }),
} as const;
