// Imports: the billing extract (CSV, mapped once per source), read in chunks, checked cell by cell
// and written all-or-nothing; re-imports never double anything.
import type { Capability } from '../../platform/capability';
import { importsHandlers } from './handlers';

export const imports: Capability<'imports'> = { name: 'imports', handlers: importsHandlers };

export { autoMapping, IMPORT_CACHE_KIB, recordImportBatch, runImport, type ImportFile } from './importer';
export { sourcePieces, type ImportSource } from './source';
export { csvChunks, csvHeaders, parseCsv } from './csv';
