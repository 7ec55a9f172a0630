// Sends a chosen file to main in slices of at most 4 MiB (base64), so both transports carry it;
// main keeps it in memory only, until it is imported or expires.
import { call } from '../../api';

const SLICE_BYTES = 4 * 1024 * 1024;

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/** Uploads the file; reports the bytes main has received after each slice; returns the upload id. */
export async function uploadFile(file: File, onProgress: (receivedBytes: number) => void): Promise<string> {
  let uploadId = '';
  let index = 0;
  let start = 0;
  do {
    const end = Math.min(file.size, start + SLICE_BYTES);
    const base64 = await base64Of(file.slice(start, end));
    const answer = await call('import:upload', {
      uploadId,
      fileName: file.name.slice(0, 200),
      index,
      last: end >= file.size,
      base64,
    });
    uploadId = answer.uploadId;
    onProgress(answer.receivedBytes);
    index += 1;
    start = end;
  } while (start < file.size);
  return uploadId;
}
