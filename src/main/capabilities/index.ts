// The composition: every capability of Recoup, in one list. The router serves the union of their
// handler maps (a channel of the contract without a handler here is a compile error), and the app
// collects their extension points (ledger subscribers, payment priorities, daily jobs, work-queue
// sources). Adding a capability means adding it here (docs/architecture.md, "Adding a capability").
import type { CapabilityName } from '../../shared/contract';
import type { Handlers } from '../platform/capability';
import { platform } from '../platform/channels';
import { access } from './access';
import { accounts } from './accounts';
import { admin } from './admin';
import { agencies } from './agencies';
import { badDebt } from './badDebt';
import { compliance } from './compliance';
import { estates } from './estates';
import { imports } from './imports';
import { ledger } from './ledger';
import { payroll } from './payroll';
import { obstetrics } from './obstetrics';
import { plans } from './plans';
import { queue } from './queue';
import { statements } from './statements';
import { setup } from './setup';
import { smallClaims } from './smallClaims';
import { workspace } from './workspace';

export const CAPABILITIES = [
  platform,
  access,
  admin,
  accounts,
  ledger,
  plans,
  compliance,
  queue,
  statements,
  imports,
  agencies,
  smallClaims,
  estates,
  badDebt,
  payroll,
  obstetrics,
  workspace,
  setup,
] as const;

// Every capability of the contract is listed (a capability left out is a compile error here); each
// one's handler map serves exactly its own channels, so together they serve every channel.
type Listed = (typeof CAPABILITIES)[number]['name'];
const everyCapabilityListed: Record<CapabilityName, true> = {} as Record<Listed, true>;
void everyCapabilityListed;

/** Every channel's handler: the capabilities' maps merged. */
export const HANDLERS = Object.assign({}, ...CAPABILITIES.map((c) => c.handlers)) as Handlers;
