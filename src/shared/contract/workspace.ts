// The account workspace: one guarantor on one screen, gathered from every capability.
import type { AccountWorkspace } from '../schemas/accounts';
import { guarantorInput } from '../schemas/accounts';
import { channel } from './channel';

export const workspaceChannels = {
  'accounts:open': channel<typeof guarantorInput, AccountWorkspace>({
    input: guarantorInput,
    access: 'clerk',
    audit: 'read',
  }),
} as const;
