// Key slots: the database's random 256-bit data key, wrapped with AES-256-GCM under a key derived
// from each user's password (scrypt), plus one slot for the recovery key shown at set-up. The slot
// file sits beside the database. Changing a password rewraps one slot; nothing is re-encrypted.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, fsyncSync, openSync, closeSync } from 'node:fs';
import { z } from 'zod';

export const KEY_FILE_NAME = 'recoup.keys.json';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** ~100 ms and 32 MiB per derivation on this class of machine: costly to guess, quick to log in. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const b64 = z.string().regex(/^[A-Za-z0-9+/=]+$/);

const slotSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(['user', 'recovery']),
  /** The user a slot belongs to (user slots only). */
  userId: z.number().int().positive().nullable(),
  /** Lower-cased user name, to find the slot at log-in. Not confidential. */
  username: z.string().max(64).nullable(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: b64,
  }),
  iv: b64,
  tag: b64,
  wrappedKey: b64,
  createdAt: z.string(),
});
export type KeySlot = z.infer<typeof slotSchema>;

const keyFileSchema = z.object({
  format: z.literal('recoup-key-slots'),
  version: z.literal(1),
  /** A random id of this store, bound into each slot's GCM tag so slots cannot be mixed between stores. */
  storeId: z.string().regex(/^[0-9a-f]{32}$/),
  slots: z.array(slotSchema),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFileError';
  }
}

function deriveKek(secret: string, salt: Buffer, params: ScryptParams): Buffer {
  return scryptSync(secret.normalize('NFKC'), salt, 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  });
}

function aad(storeId: string, slotId: string): Buffer {
  return Buffer.from(`recoup:${storeId}:${slotId}`, 'utf8');
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function newKeyFile(): KeyFile {
  return { format: 'recoup-key-slots', version: 1, storeId: randomBytes(16).toString('hex'), slots: [] };
}

export function wrapSlot(
  file: KeyFile,
  dataKey: Buffer,
  secret: string,
  owner: { kind: 'user'; userId: number; username: string } | { kind: 'recovery' },
  createdAt: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): KeySlot {
  const id = randomBytes(8).toString('hex');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = deriveKek(secret, salt, params);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(file.storeId, id));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  kek.fill(0);
  return {
    id,
    kind: owner.kind,
    userId: owner.kind === 'user' ? owner.userId : null,
    username: owner.kind === 'user' ? owner.username.toLowerCase() : null,
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    createdAt,
  };
}

/** The data key, or null when the secret does not open this slot. */
export function unwrapSlot(file: KeyFile, slot: KeySlot, secret: string): Buffer | null {
  const kek = deriveKek(secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aad(file.storeId, slot.id));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export function findUserSlot(file: KeyFile, username: string): KeySlot | undefined {
  const name = username.toLowerCase();
  return file.slots.find((s) => s.kind === 'user' && s.username === name);
}

export function findRecoverySlot(file: KeyFile): KeySlot | undefined {
  return file.slots.find((s) => s.kind === 'recovery');
}

/** Replaces every slot of a user with one new slot (password set, reset or changed). */
export function withUserSlot(file: KeyFile, slot: KeySlot): KeyFile {
  return { ...file, slots: [...file.slots.filter((s) => !(s.kind === 'user' && s.userId === slot.userId)), slot] };
}

export function withoutUserSlot(file: KeyFile, userId: number): KeyFile {
  return { ...file, slots: file.slots.filter((s) => !(s.kind === 'user' && s.userId === userId)) };
}

export function readKeyFile(path: string): KeyFile {
  if (!existsSync(path)) throw new KeyFileError('The key file is missing.');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new KeyFileError(`The key file cannot be read: ${(err as Error).message}`);
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw new KeyFileError('The key file is damaged or is not a Recoup key file.');
  return parsed.data;
}

/** Writes the key file atomically: a temporary file, fsync, then rename over the old one. */
export function writeKeyFile(path: string, file: KeyFile): void {
  const tmp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** A recovery key: 160 random bits as 8 groups of 4 Crockford base32 characters. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryKey(): string {
  const bytes = randomBytes(32);
  let out = '';
  for (let i = 0; i < 32; i++) out += CROCKFORD[bytes[i]! & 31];
  return out.match(/.{4}/g)!.join('-');
}

/** Case, spaces and dashes do not matter when the key is typed back; O reads as 0, I and L as 1. */
export function normalizeRecoveryKey(text: string): string {
  const plain = text
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return plain.match(/.{1,4}/g)?.join('-') ?? '';
}

export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
