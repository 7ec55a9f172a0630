// The one IPC contract: every channel the workspace may call, named `domain:verb`, with its zod
// input schema, its output type, the least role that may call it, and what it writes to the audit
// trail. The Electron transport and the workspace server both dispatch through this table; the
// renderer's client is typed from it, so a renamed channel is a compile error on both sides.
import { z } from 'zod';
import type { Role } from './roles';
import type { AuditEventView, AuditKind, AuditVerification } from './schemas/audit';
import { auditListInput } from './schemas/audit';
import type { BackupInfo } from './schemas/backup';
import { restoreInput } from './schemas/backup';
import type { FileOut } from './schemas/files';
import { setupInput } from './schemas/setup';
import type { AccountWorkspace, SearchResult } from './schemas/accounts';
import {
  addTaskInput,
  closeTaskInput,
  documentInput,
  guarantorInput,
  logActivityInput,
  searchInput,
} from './schemas/accounts';
import type { ImportProfile, ImportReport, UploadInspection } from './schemas/import';
import {
  importRunInput,
  inspectUploadInput,
  profileIdInput,
  saveProfileInput,
  taskInput,
  uploadChunkInput,
} from './schemas/import';
import { postAdjustmentInput, postPaymentInput, reverseEntryInput, reversePaymentInput } from './schemas/ledger';
import type { AgingReport } from './schemas/reports';
import type { EcaDecision } from './rules/ecaClock';
import { ecaCheckInput, ecaReleaseInput } from './schemas/eca';
import type { HoldView } from './schemas/holds';
import type { MonthlyRegisters } from './schemas/registers';
import { registerCsvInput, registerMonthInput } from './schemas/registers';
import type { ComplianceIssueView } from './schemas/compliance';
import { assignIssueInput, reportIssueInput, resolveIssueInput } from './schemas/compliance';
import type { StatementListItem, StatementRunItem, StatementRunPreview } from './schemas/statements';
import { statementIdInput, statementRunIdInput, statementRunInput } from './schemas/statementInputs';
import { placeHoldInput, releaseHoldInput } from './schemas/holds';
import { decideFapInput, recordFapApplicationInput, type FapDecisionResult, type FapHistoryItem } from './schemas/fap';
import type { PlanPolicyVersion, PlanView, PromiseView, QueueItem } from './schemas/plans';
import {
  addPromiseInput,
  cancelPlanInput,
  createPlanInput,
  planIdInput,
  queueInput,
  reschedulePlanInput,
  setPlanPolicyInput,
  signedInput,
  workedInput,
} from './schemas/plans';
import { agingReportInput } from './schemas/reports';
import type { Settings } from './schemas/settings';
import { updateSettingsInput } from './schemas/settings';
import type { UserSummary } from './schemas/users';
import {
  changePasswordInput,
  disableUserInput,
  enableUserInput,
  loginInput,
  newUserSchema,
  recoverInput,
  resetPasswordInput,
  unlockInput,
} from './schemas/users';
import type { BusinessDate } from './dates';

/** Who may call a channel: anyone (before log-in), or a logged-in user of at least this role. */
export type Access = 'public' | Role;

export interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
  access: Access;
  /** Callable while the session is idle-locked (unlock, log out, status). */
  whileLocked?: boolean;
  /** What the call writes to the audit trail; false for calls that touch no patient data. */
  audit: AuditKind | false;
  /** Runs even while long work holds the store (cancel, status, uploads); touches no tables. */
  concurrent?: boolean;
}

function channel<I extends z.ZodType, O>(spec: Omit<ChannelSpec<I, O>, 'output'>): ChannelSpec<I, O> {
  return { ...spec, output: undefined as unknown as O };
}

const none = z.object({}).strict();

export type StoreProblemKind =
  | 'data_dir_missing'
  | 'data_dir_unreadable'
  | 'key_file_missing'
  | 'key_file_unreadable'
  | 'database_missing'
  | 'wrong_key'
  | 'database_corrupt'
  | 'database_newer';

export interface StoreProblem {
  kind: StoreProblemKind;
  message: string;
  dataDir: string;
}

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
}

export interface SessionInfo {
  user: SessionUser;
  locked: boolean;
  idleLockMinutes: number;
}

export interface AppStatus {
  state: 'needs_setup' | 'ready' | 'store_problem';
  problem: StoreProblem | null;
  today: BusinessDate;
  /** True when RECOUP_TODAY fixes the business date (tests, as-of runs). */
  todayIsFixed: boolean;
  version: string;
  session: SessionInfo | null;
}

export interface LoginResult {
  sessionId: string;
  session: SessionInfo;
}

export interface SetupResult {
  recoveryKey: string;
  recoveryKeyPdf: FileOut;
}

export const contract = {
  'app:status': channel<typeof none, AppStatus>({
    input: none,
    access: 'public',
    whileLocked: true,
    audit: false,
    concurrent: true,
  }),
  // Set-up writes its own audit event inside the transaction that creates the store.
  'setup:create': channel<typeof setupInput, SetupResult>({ input: setupInput, access: 'public', audit: false }),

  'auth:login': channel<typeof loginInput, LoginResult>({ input: loginInput, access: 'public', audit: 'auth' }),
  'auth:recover': channel<typeof recoverInput, { done: true }>({
    input: recoverInput,
    access: 'public',
    audit: 'auth',
  }),
  'auth:logout': channel<typeof none, { done: true }>({
    input: none,
    access: 'clerk',
    whileLocked: true,
    audit: 'auth',
  }),
  'auth:lock': channel<typeof none, SessionInfo>({ input: none, access: 'clerk', whileLocked: true, audit: 'auth' }),
  'auth:unlock': channel<typeof unlockInput, SessionInfo>({
    input: unlockInput,
    access: 'clerk',
    whileLocked: true,
    audit: 'auth',
  }),
  'auth:heartbeat': channel<typeof none, SessionInfo>({ input: none, access: 'clerk', audit: false, concurrent: true }),
  'auth:changePassword': channel<typeof changePasswordInput, { done: true }>({
    input: changePasswordInput,
    access: 'clerk',
    audit: 'auth',
  }),

  'users:list': channel<typeof none, UserSummary[]>({ input: none, access: 'administrator', audit: false }),
  'users:add': channel<typeof newUserSchema, UserSummary>({
    input: newUserSchema,
    access: 'administrator',
    audit: 'admin',
  }),
  'users:resetPassword': channel<typeof resetPasswordInput, UserSummary>({
    input: resetPasswordInput,
    access: 'administrator',
    audit: 'admin',
  }),
  'users:disable': channel<typeof disableUserInput, UserSummary>({
    input: disableUserInput,
    access: 'administrator',
    audit: 'admin',
  }),
  'users:enable': channel<typeof enableUserInput, UserSummary>({
    input: enableUserInput,
    access: 'administrator',
    audit: 'admin',
  }),

  'audit:list': channel<typeof auditListInput, { events: AuditEventView[]; total: number }>({
    input: auditListInput,
    access: 'administrator',
    audit: false,
  }),
  'audit:verify': channel<typeof none, AuditVerification>({ input: none, access: 'administrator', audit: 'admin' }),

  'settings:get': channel<typeof none, Settings>({ input: none, access: 'clerk', audit: false }),
  'settings:update': channel<typeof updateSettingsInput, Settings>({
    input: updateSettingsInput,
    access: 'administrator',
    audit: 'admin',
  }),

  'backup:list': channel<typeof none, { dataDir: string; backupsDir: string; backups: BackupInfo[] }>({
    input: none,
    access: 'administrator',
    audit: false,
  }),
  'backup:create': channel<typeof none, BackupInfo>({ input: none, access: 'administrator', audit: 'export' }),
  'backup:restore': channel<typeof restoreInput, { restoredFrom: string; keptAside: string }>({
    input: restoreInput,
    access: 'administrator',
    audit: 'admin',
  }),
  'users:directory': channel<typeof none, { id: number; fullName: string; role: Role }[]>({
    input: none,
    access: 'clerk',
    audit: false,
  }),

  'search:query': channel<typeof searchInput, SearchResult[]>({ input: searchInput, access: 'clerk', audit: 'read' }),
  'accounts:open': channel<typeof guarantorInput, AccountWorkspace>({
    input: guarantorInput,
    access: 'clerk',
    audit: 'read',
  }),
  'activity:log': channel<typeof logActivityInput, { id: number }>({
    input: logActivityInput,
    access: 'clerk',
    audit: 'change',
  }),
  'tasks:add': channel<typeof addTaskInput, { id: number }>({ input: addTaskInput, access: 'clerk', audit: 'change' }),
  'tasks:close': channel<typeof closeTaskInput, { done: true }>({
    input: closeTaskInput,
    access: 'clerk',
    audit: 'change',
  }),
  'documents:get': channel<typeof documentInput, FileOut>({ input: documentInput, access: 'clerk', audit: 'print' }),

  'payments:post': channel<typeof postPaymentInput, PaymentResult>({
    input: postPaymentInput,
    access: 'clerk',
    audit: 'change',
  }),
  'payments:reverse': channel<typeof reversePaymentInput, { reversalIds: number[] }>({
    input: reversePaymentInput,
    access: 'clerk',
    audit: 'change',
  }),
  'ledger:adjust': channel<typeof postAdjustmentInput, { entryId: number; approvedBy: number | null }>({
    input: postAdjustmentInput,
    access: 'clerk',
    audit: 'change',
  }),
  'ledger:reverse': channel<typeof reverseEntryInput, { reversalId: number }>({
    input: reverseEntryInput,
    access: 'clerk',
    audit: 'change',
  }),
  'ledger:verify': channel<typeof none, BalanceCheck>({ input: none, access: 'supervisor', audit: 'admin' }),

  'reports:aging': channel<typeof agingReportInput, AgingReport>({
    input: agingReportInput,
    access: 'clerk',
    audit: 'read',
  }),
  'reports:agingPdf': channel<typeof agingReportInput, FileOut>({
    input: agingReportInput,
    access: 'clerk',
    audit: 'print',
  }),
  'reports:agingCsv': channel<typeof agingReportInput, FileOut>({
    input: agingReportInput,
    access: 'clerk',
    audit: 'export',
  }),

  'import:upload': channel<typeof uploadChunkInput, { uploadId: string; receivedBytes: number; complete: boolean }>({
    input: uploadChunkInput,
    access: 'clerk',
    audit: false,
    concurrent: true,
  }),
  'import:inspect': channel<typeof inspectUploadInput, UploadInspection>({
    input: inspectUploadInput,
    access: 'clerk',
    audit: false,
  }),
  'import:preview': channel<typeof importRunInput, ImportReport>({
    input: importRunInput,
    access: 'clerk',
    audit: 'read',
  }),
  'import:commit': channel<typeof importRunInput, ImportReport>({
    input: importRunInput,
    access: 'clerk',
    audit: 'change',
  }),
  'import:errorReport': channel<typeof taskInput, FileOut>({ input: taskInput, access: 'clerk', audit: 'export' }),
  'importProfiles:list': channel<typeof none, ImportProfile[]>({ input: none, access: 'clerk', audit: false }),
  'importProfiles:save': channel<typeof saveProfileInput, ImportProfile>({
    input: saveProfileInput,
    access: 'clerk',
    audit: 'change',
  }),
  'importProfiles:delete': channel<typeof profileIdInput, { done: true }>({
    input: profileIdInput,
    access: 'clerk',
    audit: 'change',
  }),
  'task:cancel': channel<typeof taskInput, { cancelled: boolean }>({
    input: taskInput,
    access: 'clerk',
    audit: false,
    concurrent: true,
  }),
  'planPolicy:get': channel<typeof none, { current: PlanPolicyVersion; history: PlanPolicyVersion[] }>({
    input: none,
    access: 'clerk',
    audit: false,
  }),
  'planPolicy:set': channel<typeof setPlanPolicyInput, PlanPolicyVersion>({
    input: setPlanPolicyInput,
    access: 'administrator',
    audit: 'admin',
  }),
  'plans:create': channel<typeof createPlanInput, PlanView>({
    input: createPlanInput,
    access: 'clerk',
    audit: 'change',
  }),
  'plans:list': channel<typeof guarantorInput, PlanView[]>({ input: guarantorInput, access: 'clerk', audit: 'read' }),
  'plans:agreement': channel<typeof planIdInput, FileOut>({ input: planIdInput, access: 'clerk', audit: 'print' }),
  'plans:signed': channel<typeof signedInput, PlanView>({ input: signedInput, access: 'clerk', audit: 'change' }),
  'plans:reschedule': channel<typeof reschedulePlanInput, PlanView>({
    input: reschedulePlanInput,
    access: 'clerk',
    audit: 'change',
  }),
  'plans:cancel': channel<typeof cancelPlanInput, PlanView>({
    input: cancelPlanInput,
    access: 'clerk',
    audit: 'change',
  }),
  'plans:runDaily': channel<typeof none, DailyRunSummary>({ input: none, access: 'clerk', audit: 'change' }),
  'promises:add': channel<typeof addPromiseInput, { id: number }>({
    input: addPromiseInput,
    access: 'clerk',
    audit: 'change',
  }),
  'promises:list': channel<typeof guarantorInput, PromiseView[]>({
    input: guarantorInput,
    access: 'clerk',
    audit: 'read',
  }),
  'queue:list': channel<typeof queueInput, { items: QueueItem[]; workedToday: number; lettersToPrint: number }>({
    input: queueInput,
    access: 'clerk',
    audit: 'read',
  }),
  'queue:worked': channel<typeof workedInput, { workedToday: number }>({
    input: workedInput,
    access: 'clerk',
    audit: 'change',
  }),
  'letters:lapseBatch': channel<typeof none, FileOut & { count: number }>({
    input: none,
    access: 'clerk',
    audit: 'print',
  }),
  'letters:batches': channel<
    typeof none,
    { documentId: number; title: string; createdAt: string; by: string | null }[]
  >({
    input: none,
    access: 'clerk',
    audit: false,
  }),
  'eca:check': channel<typeof ecaCheckInput, EcaDecision>({ input: ecaCheckInput, access: 'clerk', audit: 'read' }),
  'eca:releaseEstateClaim': channel<typeof ecaReleaseInput, { done: true }>({
    input: ecaReleaseInput,
    access: 'supervisor',
    audit: 'change',
  }),
  'fap:record': channel<typeof recordFapApplicationInput, { done: true }>({
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
  'statements:due': channel<typeof none, StatementRunPreview>({ input: none, access: 'clerk', audit: 'read' }),
  'statements:run': channel<
    typeof statementRunInput,
    { runId: number; count: number; finalNotices: number; amountCents: number; file: FileOut }
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
  'statements:runPdf': channel<typeof statementRunIdInput, FileOut>({
    input: statementRunIdInput,
    access: 'clerk',
    audit: 'print',
  }),
  'statements:reprint': channel<typeof statementIdInput, FileOut>({
    input: statementIdInput,
    access: 'clerk',
    audit: 'print',
  }),
  'compliance:report': channel<typeof reportIssueInput, { id: number }>({
    input: reportIssueInput,
    access: 'clerk',
    audit: 'change',
  }),
  'compliance:list': channel<typeof none, ComplianceIssueView[]>({ input: none, access: 'clerk', audit: false }),
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
  'registers:pdf': channel<typeof registerMonthInput, FileOut>({
    input: registerMonthInput,
    access: 'supervisor',
    audit: 'print',
  }),
  'registers:csv': channel<typeof registerCsvInput, FileOut>({
    input: registerCsvInput,
    access: 'supervisor',
    audit: 'export',
  }),
} as const;

export interface BalanceCheck {
  ok: boolean;
  accountsChecked: number;
  guarantorsChecked: number;
  differences: {
    kind: 'account' | 'guarantor';
    id: number;
    label: string;
    storedCents: number;
    derivedCents: number;
  }[];
}

export interface PaymentResult {
  paymentId: number;
  receiptNumber: string;
  receipt: FileOut;
}

export interface DailyRunSummary {
  runOn: string;
  /** False when the day's check had already run (at the first log-in): nothing new to find. */
  firstRunToday: boolean;
  plansChecked: number;
  lapsed: number;
  cured: number;
  defaulted: number;
  completed: number;
  lettersQueued: number;
  promisesKept: number;
  promisesBroken: number;
}

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = Contract[K]['output'];

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** A progress event for long work (imports, statement runs), pushed to the workspace. */
export interface ProgressEvent {
  type: 'progress';
  taskId: string;
  phase: string;
  count: number;
  total: number;
}
export type WorkspaceEvent = ProgressEvent;

/** The envelope every transport carries: the channel, its input, and the caller's session. */
export interface Envelope {
  channel: string;
  input: unknown;
  sessionId?: string | null;
}
