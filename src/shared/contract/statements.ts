// Statements: who is due, the monthly run and its batch, past runs and reprints.
import { guarantorInput } from '../schemas/accounts';
import type { FileHandle } from '../schemas/files';
import { statementIdInput, statementRunIdInput, statementRunInput } from '../schemas/statementInputs';
import type { StatementListItem, StatementRunItem, StatementRunPreview } from '../schemas/statements';
import { channel, none } from './channel';

export const statementsChannels = {
  'statements:due': channel<typeof none, StatementRunPreview>({ input: none, access: 'clerk', audit: 'read' }),
  'statements:run': channel<
    typeof statementRunInput,
    { runId: number; count: number; finalNotices: number; amountCents: number; file: FileHandle }
  >({
    input: statementRunInput,
    access: 'clerk',
    audit: 'print',
  }),
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
} as const;
