// The account workspace: one guarantor on one screen, gathered from accounts, the ledger, plans and
// compliance through their index files. It sits above them: nothing imports it but the composition.
import type { Capability } from '../../platform/capability';
import { workspaceHandlers } from './handlers';

export const workspace: Capability<'workspace'> = { name: 'workspace', handlers: workspaceHandlers };

export { workspace as workspaceView } from './workspace';
