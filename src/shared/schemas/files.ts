/** A document handed to the workspace to open, print or save (PDF, CSV). */
export interface FileOut {
  fileName: string;
  mimeType: 'application/pdf' | 'text/csv' | 'text/plain';
  /** The file's bytes, base64-encoded (the contract carries JSON only). */
  base64: string;
}
