// The one IPC contract: every channel the workspace may call, named `domain:verb`, with its zod
// input schema, its output type, the least role that may call it, and what it writes to the audit
// trail. Each capability declares its channels in its own file beside this one (plans.ts holds
// every plans channel); this file merges them. The Electron transport and the workspace server
// both dispatch through the merged table; the renderer's client is typed from it, so a renamed
// channel is a compile error on both sides.
import type { z } from 'zod';
import { accessChannels } from './access';
import { accountsChannels } from './accounts';
import { adminChannels } from './admin';
import { agenciesChannels } from './agencies';
import { badDebtChannels } from './badDebt';
import { complianceChannels } from './compliance';
import { estatesChannels } from './estates';
import { payrollChannels } from './payroll';
import { obstetricsChannels } from './obstetrics';
import { importsChannels } from './imports';
import { ledgerChannels } from './ledger';
import { plansChannels } from './plans';
import { platformChannels } from './platform';
import { queueChannels } from './queue';
import { setupChannels } from './setup';
import { smallClaimsChannels } from './smallClaims';
import { statementsChannels } from './statements';
import { workspaceChannels } from './workspace';

export type { Access, ChannelSpec } from './channel';
export type { AppStatus, SessionInfo, SessionUser, StoreProblem, StoreProblemKind } from './platform';
export type { LoginResult } from './access';
export type { SetupResult } from './setup';
export type { BalanceCheck, PaymentResult } from './ledger';
export type { DailyRunSummary } from './plans';

/** Every capability's channels, by capability (the main process has one handler map for each). */
export const CAPABILITY_CHANNELS = {
  platform: platformChannels,
  access: accessChannels,
  admin: adminChannels,
  accounts: accountsChannels,
  ledger: ledgerChannels,
  plans: plansChannels,
  queue: queueChannels,
  compliance: complianceChannels,
  statements: statementsChannels,
  imports: importsChannels,
  agencies: agenciesChannels,
  smallClaims: smallClaimsChannels,
  estates: estatesChannels,
  badDebt: badDebtChannels,
  payroll: payrollChannels,
  obstetrics: obstetricsChannels,
  workspace: workspaceChannels,
  setup: setupChannels,
} as const;

export const contract = {
  ...platformChannels,
  ...accessChannels,
  ...adminChannels,
  ...accountsChannels,
  ...ledgerChannels,
  ...plansChannels,
  ...queueChannels,
  ...complianceChannels,
  ...statementsChannels,
  ...importsChannels,
  ...agenciesChannels,
  ...smallClaimsChannels,
  ...estatesChannels,
  ...badDebtChannels,
  ...payrollChannels,
  ...obstetricsChannels,
  ...workspaceChannels,
  ...setupChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type CapabilityName = keyof typeof CAPABILITY_CHANNELS;
/** The channels one capability serves. */
export type ChannelsOf<C extends CapabilityName> = keyof (typeof CAPABILITY_CHANNELS)[C];
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
  jobId: string;
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
