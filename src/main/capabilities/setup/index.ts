// Set-up: the first run makes the encrypted store, the hospital's identity, the first
// administrator and the recovery key, and (when asked) loads demo data through the import. It sits
// above everything it uses: access (the first user), imports (the demo data).
import type { Capability } from '../../platform/capability';
import { setupHandlers } from './handlers';

export const setup: Capability<'setup'> = { name: 'setup', handlers: setupHandlers };
