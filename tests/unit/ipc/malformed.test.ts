// Every channel fed malformed input (wrong types, missing fields, huge strings, negative and
// fractional numbers, non-objects) is refused with invalid_input, and nothing in the data folder
// changes: not a row in any table, not the key file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../src/shared/contract';
import { centsSchema, nonNegativeCentsSchema, positiveCentsSchema } from '../../../src/shared/money';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { VALID_INPUT } from './samples';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every leaf of a JSON value with its path. */
function leaves(value: Json, at: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, Array.isArray(value) ? Number(k) : k]));
  }
  return [{ path: at, value }];
}

function withLeaf(root: Json, p: (string | number)[], replacement: Json): Json {
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy;
  for (const key of p.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[p[p.length - 1]!] = replacement;
  return copy;
}

const HUGE = 'x'.repeat(1_000_000);
/** Fields that legitimately carry a megabyte (a 4 MiB slice of a file, base64). */
const LARGE_ALLOWED = new Set(['import:upload base64']);

function mutations(valid: Json, channel: string): { label: string; input: unknown }[] {
  const out: { label: string; input: unknown }[] = [
    { label: 'null', input: null },
    { label: 'a number', input: 42 },
    { label: 'a string', input: 'hello' },
    { label: 'an array', input: [] },
  ];
  for (const leaf of leaves(valid)) {
    const where = leaf.path.join('.');
    if (typeof leaf.value === 'string') {
      out.push({ label: `${where} as a number`, input: withLeaf(valid, leaf.path, 12345) });
      if (!LARGE_ALLOWED.has(`${channel} ${where}`))
        out.push({ label: `${where} huge`, input: withLeaf(valid, leaf.path, HUGE) });
      out.push({ label: `${where} as an object`, input: withLeaf(valid, leaf.path, { nested: 'x' }) });
    }
    if (typeof leaf.value === 'number') {
      out.push({ label: `${where} as a string`, input: withLeaf(valid, leaf.path, '12') });
      out.push({ label: `${where} negative fraction`, input: withLeaf(valid, leaf.path, -1.5) });
      out.push({ label: `${where} huge`, input: withLeaf(valid, leaf.path, 1e300) });
      out.push({ label: `${where} NaN-ish`, input: withLeaf(valid, leaf.path, null) });
    }
  }
  return out;
}

/** A required-field test: the input with every top-level key removed at once. */
function requiredKeysRemoved(valid: Json): unknown | null {
  if (valid && typeof valid === 'object' && !Array.isArray(valid) && Object.keys(valid).length > 0) return {};
  return null;
}

function snapshot(t: TestApp): string {
  const db = t.app.store.db;
  const hash = createHash('sha256');
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    hash.update(name);
    const rows = db
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((r) => JSON.stringify(r));
    hash.update(rows.sort().join('\n'));
  }
  hash.update(readFileSync(path.join(t.dir, 'recoup.keys.json')));
  return hash.digest('hex');
}

describe('malformed input on every channel', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = testApp();
    admin = await setUpAndLogIn(t);
  });
  afterAll(() => t.cleanup());

  for (const channel of CHANNEL_NAMES) {
    it(`${channel} refuses malformed input and changes nothing`, async () => {
      const before = snapshot(t);
      const valid = VALID_INPUT[channel] as Json;
      const cases = mutations(valid, channel);
      const removed = requiredKeysRemoved(valid);
      // Channels whose fields are all optional accept {}; the rest must refuse it.
      const allOptional =
        channel === 'audit:list' ||
        channel === 'settings:update' ||
        channel === 'queue:list' ||
        channel === 'badDebt:candidates' ||
        channel === 'badDebt:proposals' ||
        channel === 'payroll:profiles' ||
        channel === 'payroll:employees' ||
        channel === 'payroll:arrangements' ||
        channel === 'payroll:runs' ||
        channel === 'ob:cases';
      if (removed && !allOptional) cases.push({ label: 'required fields missing', input: removed });
      for (const c of cases) {
        const result = await t.raw(channel, c.input, admin);
        expect(result.ok, `${channel} with ${c.label}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${channel} with ${c.label}: ${result.error.message}`).toBe('invalid_input');
          expect(result.error.message.length).toBeLessThan(400);
        }
      }
      expect(snapshot(t)).toBe(before);
    });
  }

  it('names the field that is wrong, by its path', async () => {
    const input = structuredClone(VALID_INPUT['setup:create']);
    input.hospital.address.zip = '1234';
    input.admin.password = 'short';
    const result = await t.raw('setup:create', input, null);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fields?.['hospital.address.zip']).toMatch(/ZIP code/);
      expect(result.error.fields?.['admin.password']).toMatch(/at least 10/);
    }
  });

  it('an unknown channel is refused', async () => {
    const result = await t.raw('db:exec', { sql: 'DROP TABLE users' }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('cents schemas (money is whole cents)', () => {
  const cases: [string, unknown, boolean, boolean, boolean][] = [
    // label, value, cents, non-negative, positive
    ['zero', 0, true, true, false],
    ['one cent', 1, true, true, true],
    ['negative', -500, true, false, false],
    ['fractional', 10.5, false, false, false],
    ['negative fractional', -0.01, false, false, false],
    ['a string', '100', false, false, false],
    ['too large', 1e13, false, false, false],
    ['NaN', Number.NaN, false, false, false],
    ['Infinity', Number.POSITIVE_INFINITY, false, false, false],
  ];
  for (const [label, value, cents, nonNeg, pos] of cases) {
    it(`${label}`, () => {
      expect(centsSchema.safeParse(value).success).toBe(cents);
      expect(nonNegativeCentsSchema.safeParse(value).success).toBe(nonNeg);
      expect(positiveCentsSchema.safeParse(value).success).toBe(pos);
    });
  }
});
