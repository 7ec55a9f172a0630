// Statements: who is due, the monthly run and its batch, past runs and reprints.
import { guarantorInput } from '../schemas/accounts';
import type { FileHandle } from '../schemas/files';
import {
  preparedRunInput,
  statementIdInput,
  statementReleaseInput,
  statementRunIdInput,
  statementRunInput,
} from '../schemas/statementInputs';
import type { PreparedRunView, StatementListItem, StatementRunItem, StatementRunPreview } from '../schemas/statements';
import { channel, none } from './channel';

export const statementsChannels = {
  'statements:due': channel<typeof none, StatementRunPreview>({ input: none, access: 'clerk', audit: 'read' }),
  'statements:list': channel<typeof guarantorInput, StatementListItem[]>({
    input: guarantorInput,
    access: 'clerk',
    audit: 'read',
  }),
  'statements:runs': channel<typeof none, StatementRunItem[]>({ input: none, access: 'clerk', audit: false }),
  'statements:runPdf': channel<typeof statementRunIdInput, FileHandle>({
    input: statementRunIdInput,
    access: 'clerk',
    audit: 'print',
  }),
  'statements:reprint': channel<typeof statementIdInput, FileHandle>({
    input: statementIdInput,
    access: 'clerk',
    audit: 'print',
  }),
  // Issue 11 item 7: a clerk prepares the run and reads its proof; a supervisor releases it.
  'statements:prepare': channel<typeof statementRunInput, PreparedRunView>({
    input: statementRunInput,
    access: 'clerk',
    audit: 'change',
  }),
  'statements:prepared': channel<typeof none, PreparedRunView | null>({ input: none, access: 'clerk', audit: 'read' }),
  'statements:proof': channel<typeof preparedRunInput, FileHandle>({
    input: preparedRunInput,
    access: 'clerk',
    audit: 'print',
  }),
  'statements:discard': channel<typeof preparedRunInput, { discarded: true }>({
    input: preparedRunInput,
    access: 'clerk',
    audit: 'change',
  }),
  'statements:release': channel<
    typeof statementReleaseInput,
    { runId: number; count: number; finalNotices: number; amountCents: number; file: FileHandle }
  >({
    input: statementReleaseInput,
    access: 'clerk',
    audit: 'print',
  }),
} as const;
