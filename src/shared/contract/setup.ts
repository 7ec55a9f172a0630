// Set-up: the first run of Recoup in an empty data folder.
import type { FileHandle } from '../schemas/files';
import { setupInput } from '../schemas/setup';
import { channel } from './channel';

export interface SetupResult {
  recoveryKey: string;
  /** The recovery-key sheet: made before anyone can log in, so it comes with its link. */
  recoveryKeySheet: { file: FileHandle; href: string };
}

export const setupChannels = {
  // Set-up writes its own audit event inside the transaction that creates the store.
  'setup:create': channel<typeof setupInput, SetupResult>({ input: setupInput, access: 'public', audit: false }),
} as const;
