// An automatic bank transfer's account number, sealed inside the encrypted store as well (issue 16:
// "stored encrypted, shown masked, never exported except in the transfer file"): AES-256-GCM under
// a key derived (HKDF-SHA256) from the store's own random sealing key (migration 024's
// sealing_keys row, itself inside the encrypted store), bound to the arrangement's guarantor as
// authenticated data, so a sealed number copied onto another row does not open. Only its last four
// digits are kept in the clear, for the screens and the forms. The sealing key lives in the
// database and not in the data key so that a change of the data key (store:changeKey), a backup and
// a restore all carry it: the numbers open after each (tested). Reading the column, a query, an
// export or a log line shows only the sealed bytes; nothing but the transfer file opens them.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';

const INFO = Buffer.from('recoup bank account numbers v1');
const VERSION = 1;

/** The store's sealing key for bank account numbers (a copy: `.fill(0)` it after use). */
export function bankSealingKey(db: Db): Buffer {
  const key = prepared(db, "SELECT key FROM sealing_keys WHERE purpose = 'bank_account'").pluck().get() as
    Uint8Array | undefined;
  if (!key) throw new AppError('internal', 'The store has no key for bank account numbers.');
  return Buffer.from(key);
}

function fieldKey(sealingKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', sealingKey, Buffer.alloc(0), INFO, 32));
}

function aad(guarantorId: number): Buffer {
  return Buffer.from(`guarantor:${guarantorId}`);
}

/** version (1) | iv (12) | tag (16) | ciphertext. */
export function sealAccountNumber(sealingKey: Buffer, accountNumber: string, guarantorId: number): Buffer {
  const key = fieldKey(sealingKey);
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

export function openAccountNumber(sealingKey: Buffer, sealed: Uint8Array, guarantorId: number): string {
  const buf = Buffer.from(sealed);
  if (buf.length < 30 || buf[0] !== VERSION)
    throw new AppError('internal', 'A bank account number on file cannot be read.');
  const key = fieldKey(sealingKey);
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
