import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findRecoverySlot,
  findUserSlot,
  KeyFileError,
  newDataKey,
  newKeyFile,
  newRecoveryKey,
  normalizeRecoveryKey,
  readKeyFile,
  unwrapSlot,
  withoutUserSlot,
  withUserSlot,
  wrapSlot,
  writeKeyFile,
} from '../../../src/main/store/keySlots';
import { FAST_SCRYPT, tempDir } from '../support';

const NOW = '2026-11-26T14:00:00.000Z';

describe('key slots', async () => {
  it('wraps the data key under a password and unwraps it with the same password only', async () => {
    const file = newKeyFile();
    const key = newDataKey();
    const slot = await wrapSlot(
      file,
      key,
      'the right password',
      { kind: 'user', userId: 1, username: 'Admin' },
      NOW,
      FAST_SCRYPT,
    );
    expect(slot.username).toBe('admin');
    expect((await unwrapSlot(file, slot, 'the right password'))?.equals(key)).toBe(true);
    expect(await unwrapSlot(file, slot, 'the wrong password')).toBeNull();
    expect(slot.wrappedKey).not.toContain(key.toString('base64'));
  });

  it('binds a slot to its store, so a slot copied into another key file does not open', async () => {
    const a = newKeyFile();
    const b = newKeyFile();
    const key = newDataKey();
    const slot = await wrapSlot(a, key, 'pw-pw-pw-pw', { kind: 'user', userId: 1, username: 'x' }, NOW, FAST_SCRYPT);
    expect(await unwrapSlot(b, slot, 'pw-pw-pw-pw')).toBeNull();
  });

  it('detects a tampered slot', async () => {
    const file = newKeyFile();
    const slot = await wrapSlot(file, newDataKey(), 'pw-pw-pw-pw', { kind: 'recovery' }, NOW, FAST_SCRYPT);
    const bytes = Buffer.from(slot.wrappedKey, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    expect(await unwrapSlot(file, { ...slot, wrappedKey: bytes.toString('base64') }, 'pw-pw-pw-pw')).toBeNull();
  });

  it('rewrapping a user replaces only that user slot; removing it removes access', async () => {
    const key = newDataKey();
    let file = newKeyFile();
    const s1 = await wrapSlot(
      file,
      key,
      'first password',
      { kind: 'user', userId: 1, username: 'a' },
      NOW,
      FAST_SCRYPT,
    );
    const s2 = await wrapSlot(
      file,
      key,
      'second password',
      { kind: 'user', userId: 2, username: 'b' },
      NOW,
      FAST_SCRYPT,
    );
    const rec = await wrapSlot(file, key, 'RECOVERY', { kind: 'recovery' }, NOW, FAST_SCRYPT);
    file = { ...file, slots: [s1, s2, rec] };
    const s1b = await wrapSlot(
      file,
      key,
      'new first password',
      { kind: 'user', userId: 1, username: 'a' },
      NOW,
      FAST_SCRYPT,
    );
    file = withUserSlot(file, s1b);
    expect(file.slots).toHaveLength(3);
    expect(await unwrapSlot(file, findUserSlot(file, 'A')!, 'first password')).toBeNull();
    expect((await unwrapSlot(file, findUserSlot(file, 'a')!, 'new first password'))?.equals(key)).toBe(true);
    expect((await unwrapSlot(file, findUserSlot(file, 'b')!, 'second password'))?.equals(key)).toBe(true);
    file = withoutUserSlot(file, 2);
    expect(findUserSlot(file, 'b')).toBeUndefined();
    expect(findRecoverySlot(file)).toBeDefined();
  });

  it('writes and reads the key file, and refuses a damaged one with a clear error', async () => {
    const dir = tempDir();
    const p = path.join(dir, 'recoup.keys.json');
    const file = newKeyFile();
    writeKeyFile(p, {
      ...file,
      slots: [await wrapSlot(file, newDataKey(), 'pw-pw-pw-pw', { kind: 'recovery' }, NOW, FAST_SCRYPT)],
    });
    expect(readKeyFile(p).slots).toHaveLength(1);
    writeFileSync(p, '{"format":"something else"}');
    expect(() => readKeyFile(p)).toThrow(KeyFileError);
    writeFileSync(p, 'not json at all');
    expect(() => readKeyFile(p)).toThrow(/cannot be read/);
    expect(() => readKeyFile(path.join(dir, 'none.json'))).toThrow(/missing/);
  });

  it('recovery keys are 8 groups of 4 Crockford characters and read back however they are typed', async () => {
    const key = newRecoveryKey();
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizeRecoveryKey(key.toLowerCase().replace(/-/g, ' '))).toBe(key);
    expect(normalizeRecoveryKey('ABCD-EFGH-O0IL')).toBe('ABCD-EFGH-0011');
    expect(new Set(Array.from({ length: 50 }, newRecoveryKey)).size).toBe(50);
  });
});
