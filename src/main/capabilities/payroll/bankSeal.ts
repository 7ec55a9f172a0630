// An automatic bank transfer's account number, sealed inside the encrypted store as well (issue 16:
// "stored encrypted, shown masked, never exported except in the transfer file"): AES-256-GCM under
// a key derived (HKDF-SHA256) from the store's data key, bound to the arrangement's guarantor as
// authenticated data, so a sealed number copied onto another row does not open. Only its last four
// digits are kept in the clear, for the screens and the forms. A backup carries the same data key,
// so a restored store opens it; nothing else reads it but the transfer file.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';

const INFO = Buffer.from('recoup bank account numbers v1');
const VERSION = 1;

function fieldKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), INFO, 32));
}

function aad(guarantorId: number): Buffer {
  return Buffer.from(`guarantor:${guarantorId}`);
}

/** version (1) | iv (12) | tag (16) | ciphertext. */
export function sealAccountNumber(dataKey: Buffer, accountNumber: string, guarantorId: number): Buffer {
  const key = fieldKey(dataKey);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(guarantorId));
    const body = Buffer.concat([cipher.update(accountNumber, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  } finally {
    key.fill(0);
  }
}

export function openAccountNumber(dataKey: Buffer, sealed: Uint8Array, guarantorId: number): string {
  const buf = Buffer.from(sealed);
  if (buf.length < 30 || buf[0] !== VERSION)
    throw new AppError('internal', 'A bank account number on file cannot be read.');
  const key = fieldKey(dataKey);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 13));
    decipher.setAAD(aad(guarantorId));
    decipher.setAuthTag(buf.subarray(13, 29));
    return Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('internal', 'A bank account number on file does not open: it was altered or moved.');
  } finally {
    key.fill(0);
  }
}

/** What every screen and form shows: the last four digits only. */
export function maskedAccount(last4: string): string {
  return `••••${last4}`;
}
