// Imports: the billing extract, sent in slices, inspected, previewed and committed, with saved
// column mappings (profiles).
import type { FileHandle } from '../schemas/files';
import type { HeldChange, ImportProfile, ImportReport, UploadInspection } from '../schemas/import';
import {
  decideHeldChangeInput,
  heldChangesInput,
  importRunInput,
  inspectUploadInput,
  profileIdInput,
  saveProfileInput,
  jobInput,
  uploadChunkInput,
} from '../schemas/import';
import { channel, none } from './channel';

export const importsChannels = {
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
  'import:errorReport': channel<typeof jobInput, FileHandle>({ input: jobInput, access: 'clerk', audit: 'export' }),
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
  /** Changes an extract asked for that wait for a supervisor (a new name or birth date, a flag lifted). */
  'importHeld:list': channel<typeof heldChangesInput, HeldChange[]>({
    input: heldChangesInput,
    access: 'clerk',
    audit: 'read',
  }),
  'importHeld:decide': channel<typeof decideHeldChangeInput, HeldChange>({
    input: decideHeldChangeInput,
    access: 'supervisor',
    audit: 'change',
  }),
} as const;
