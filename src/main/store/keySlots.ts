// Key slots: the database's random 256-bit data key, wrapped with AES-256-GCM under a key derived
// from each user's password (scrypt), plus one slot for the recovery key shown at set-up. The slot
// file sits beside the database. Changing a password rewraps one slot; nothing is re-encrypted.
// The derivation runs on libuv's thread pool (asynchronous scrypt), so a storm of log-ins never
// stalls the event loop; only the supervisor's on-the-spot approval still derives synchronously.
//
// Format 2 slots hold an X25519 key pair: the private key wrapped under the password-derived key,
// the public key in the clear, and the data key sealed to the public key (an ephemeral X25519
// agreement, HKDF-SHA256, AES-256-GCM). Changing the data key reseals it to every remaining slot's
// public key, so no one's password is needed; opening a slot still needs its password.
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
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

/**
 * Slot formats. 1: the GCM additional data binds the store and the slot id only. 2: it also binds
 * the slot's kind, user id and user name, so relabelling a slot in the key file makes it fail to
 * open. A format-1 slot is rewrapped as format 2 at its owner's next log-in.
 */
export const SLOT_FORMAT = 2;

const slotSchema = z.object({
  id: z.string().min(1).max(64),
  /** Absent on slots written before format 2. */
  format: z.literal(2).optional(),
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
  /** Format 1: the data key. Format 2: the slot's X25519 private key. Under the derived key. */
  iv: b64,
  tag: b64,
  wrappedKey: b64,
  /** Format 2: the slot's X25519 public key (32 bytes). */
  publicKey: b64.optional(),
  /** Format 2: the data key sealed to the public key. */
  sealed: z.object({ ephemeralKey: b64, iv: b64, tag: b64, wrappedKey: b64 }).optional(),
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

function scryptOptions(params: ScryptParams) {
  return { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
}

/** The key-encryption key, derived on the thread pool: the event loop keeps answering meanwhile. */
function deriveKek(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFKC'), salt, 32, scryptOptions(params), (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function deriveKekSync(secret: string, salt: Buffer, params: ScryptParams): Buffer {
  return scryptSync(secret.normalize('NFKC'), salt, 32, scryptOptions(params));
}

type SlotOwner = Pick<KeySlot, 'id' | 'kind' | 'userId' | 'username'> & { format?: 2 | undefined };

/** The GCM additional data: what a slot's tags vouch for besides what they encrypt. */
function aad(storeId: string, slot: SlotOwner, part: 'private-key' | 'data-key' = 'private-key'): Buffer {
  if (slot.format !== 2) return Buffer.from(`recoup:${storeId}:${slot.id}`, 'utf8');
  return Buffer.from(
    JSON.stringify(['recoup-slot', 2, part, storeId, slot.id, slot.kind, slot.userId, slot.username]),
    'utf8',
  );
}

function gcmSeal(key: Buffer, plain: Buffer, additional: Buffer): { iv: string; tag: string; wrappedKey: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additional);
  const wrapped = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
  };
}

function gcmOpen(key: Buffer, box: { iv: string; tag: string; wrappedKey: string }, additional: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
  decipher.setAAD(additional);
  decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(box.wrappedKey, 'base64')), decipher.final()]);
}

const publicKeyOf = (raw: Buffer) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });

/** The AES key two X25519 parties agree on for one seal. */
function sealingKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer, additional: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), additional, 32));
}

/** Seals a data key to a slot's public key (no secret needed: anyone may seal, only the slot opens). */
function sealTo(storeId: string, slot: SlotOwner, publicKey: Buffer, dataKey: Buffer): NonNullable<KeySlot['sealed']> {
  const eph = generateKeyPairSync('x25519');
  const ephRaw = Buffer.from(eph.publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyOf(publicKey) });
  const additional = aad(storeId, slot, 'data-key');
  const key = sealingKey(shared, ephRaw, publicKey, additional);
  try {
    return { ephemeralKey: ephRaw.toString('base64'), ...gcmSeal(key, dataKey, additional) };
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function newKeyFile(): KeyFile {
  return { format: 'recoup-key-slots', version: 1, storeId: randomBytes(16).toString('hex'), slots: [] };
}

export type SlotOwnerInput = { kind: 'user'; userId: number; username: string } | { kind: 'recovery' };

/** A secret's key-encryption key, derived ahead of knowing the slot's owner (a user row not yet inserted). */
export interface PreparedSecret {
  kek: Buffer;
  salt: Buffer;
  params: ScryptParams;
}

export async function prepareSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<PreparedSecret> {
  const salt = randomBytes(16);
  return { kek: await deriveKek(secret, salt, params), salt, params };
}

/** Seals the data key into a new format-2 slot for its owner; the prepared key is wiped. */
export function sealSlot(
  file: KeyFile,
  dataKey: Buffer,
  prepared: PreparedSecret,
  owner: SlotOwnerInput,
  createdAt: string,
): KeySlot {
  const head = {
    id: randomBytes(8).toString('hex'),
    format: 2 as const,
    kind: owner.kind,
    userId: owner.kind === 'user' ? owner.userId : null,
    username: owner.kind === 'user' ? owner.username.toLowerCase() : null,
  };
  const pair = generateKeyPairSync('x25519');
  const jwk = pair.privateKey.export({ format: 'jwk' });
  const privateRaw = Buffer.from(jwk.d!, 'base64url');
  const publicRaw = Buffer.from(jwk.x!, 'base64url');
  try {
    return {
      ...head,
      kdf: { name: 'scrypt', ...prepared.params, salt: prepared.salt.toString('base64') },
      ...gcmSeal(prepared.kek, privateRaw, aad(file.storeId, head)),
      publicKey: publicRaw.toString('base64'),
      sealed: sealTo(file.storeId, head, publicRaw, dataKey),
      createdAt,
    };
  } finally {
    privateRaw.fill(0);
    prepared.kek.fill(0);
  }
}

/** A new slot (format 2) wrapping the data key under a secret, bound to its owner. */
export async function wrapSlot(
  file: KeyFile,
  dataKey: Buffer,
  secret: string,
  owner: SlotOwnerInput,
  createdAt: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<KeySlot> {
  return sealSlot(file, dataKey, await prepareSecret(secret, params), owner, createdAt);
}

/**
 * The same slot with a new data key sealed to its public key: how changing the data key rewraps
 * every remaining slot without anyone's password. Format-1 slots cannot be resealed (null).
 */
export function resealSlot(file: KeyFile, slot: KeySlot, dataKey: Buffer): KeySlot | null {
  if (slot.format !== 2 || !slot.publicKey) return null;
  return { ...slot, sealed: sealTo(file.storeId, slot, Buffer.from(slot.publicKey, 'base64'), dataKey) };
}

function openSlot(file: KeyFile, slot: KeySlot, kek: Buffer): Buffer | null {
  let privateRaw: Buffer | null = null;
  try {
    if (slot.format !== 2) {
      const key = gcmOpen(kek, slot, aad(file.storeId, slot));
      return key.length === 32 ? key : null;
    }
    if (!slot.publicKey || !slot.sealed) return null;
    privateRaw = gcmOpen(kek, slot, aad(file.storeId, slot));
    const privateKey = createPrivateKey({
      key: {
        kty: 'OKP',
        crv: 'X25519',
        d: privateRaw.toString('base64url'),
        x: Buffer.from(slot.publicKey, 'base64').toString('base64url'),
      },
      format: 'jwk',
    });
    const ephemeral = Buffer.from(slot.sealed.ephemeralKey, 'base64');
    const shared = diffieHellman({ privateKey, publicKey: publicKeyOf(ephemeral) });
    const additional = aad(file.storeId, slot, 'data-key');
    const key = sealingKey(shared, ephemeral, Buffer.from(slot.publicKey, 'base64'), additional);
    shared.fill(0);
    try {
      const dataKey = gcmOpen(key, slot.sealed, additional);
      return dataKey.length === 32 ? dataKey : null;
    } finally {
      key.fill(0);
    }
  } catch {
    return null;
  } finally {
    privateRaw?.fill(0);
    kek.fill(0);
  }
}

/** The data key, or null when the secret does not open this slot (or the slot was relabelled). */
export async function unwrapSlot(file: KeyFile, slot: KeySlot, secret: string): Promise<Buffer | null> {
  return openSlot(file, slot, await deriveKek(secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf));
}

/**
 * The same, deriving on the calling thread: only for the supervisor's approval, which runs inside
 * a posting's synchronous service (see docs/security.md, Known limits).
 */
export function unwrapSlotSync(file: KeyFile, slot: KeySlot, secret: string): Buffer | null {
  return openSlot(file, slot, deriveKekSync(secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf));
}

/**
 * Whether a slot that opened belongs to this user row: its kind, id and name (vouched for by the
 * tag in format 2) must be the row's.
 */
export function slotBelongsTo(slot: KeySlot, user: { id: number; username: string }): boolean {
  return slot.kind === 'user' && slot.userId === user.id && slot.username === user.username.toLowerCase();
}

/** Rewraps a data key under a new slot whose KEK is derived from the same secret (format upgrade). */
export async function rewrapSlot(
  file: KeyFile,
  slot: KeySlot,
  dataKey: Buffer,
  secret: string,
  createdAt: string,
  params: ScryptParams,
): Promise<KeySlot> {
  const owner: SlotOwnerInput =
    slot.kind === 'user' ? { kind: 'user', userId: slot.userId!, username: slot.username! } : { kind: 'recovery' };
  return wrapSlot(file, dataKey, secret, owner, createdAt, params);
}

/** Replaces one slot by another (same place in the list). */
export function withSlotReplaced(file: KeyFile, oldId: string, slot: KeySlot): KeyFile {
  return { ...file, slots: file.slots.map((s) => (s.id === oldId ? slot : s)) };
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
  chmodSync(path, 0o600);
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
