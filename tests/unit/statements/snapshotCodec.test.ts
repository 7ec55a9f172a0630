// How a snapshot is kept: deflated inside a JSON wrapper, read back exactly; plain JSON (the
// format before) read as it is; and what the run records is the deflated form.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../../../src/main/store/snapshotCodec';
import { statementPolicy } from '../../../src/main/platform/settings';
import { buildSnapshot } from '../../../src/main/capabilities/statements/snapshot';
import { setUpAndLogIn, testApp, type TestApp, sendStatements } from '../support';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;

const FIXED = {
  statementDate: '2026-11-26',
  kind: 'regular',
  accounts: [{ accountNumber: 'A1', service: 'Hospital stay', balanceCents: 12_345 }],
} as unknown as Parameters<typeof encodeSnapshot>[0];
const FIXED_STORED =
  '{"format":"deflate-raw+dict1+base64","data":"q8Zecxga6hqZKWGpFvCW546GKMUySqmrhF4wGhoZm5jWxtYCAA=="}';
afterEach(() => t?.cleanup());

describe('the stored snapshot', () => {
  it('round-trips exactly, reads the plain JSON of before, and takes far less room', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    const { jane } = await importSmall(t);
    const snap = buildSnapshot(t.app.store.db, jane, {
      statementDate: '2026-11-26',
      numberInCycle: 4,
      kind: 'final_notice',
      lastStatementDate: '2026-10-27',
      policy: statementPolicy(t.app.store.db),
    });
    const stored = encodeSnapshot(snap);
    expect(decodeSnapshot(stored)).toEqual(snap);
    expect(decodeSnapshot(JSON.stringify(snap))).toEqual(snap);
    expect(stored.length).toBeLessThan(JSON.stringify(snap).length * 0.45);

    await sendStatements(t, admin, 'statements-codec-1');
    const row = t.app.store.db.prepare('SELECT snapshot FROM statements LIMIT 1').pluck().get() as string;
    expect(JSON.parse(row)).toMatchObject({ format: 'deflate-raw+dict1+base64' });
    expect(decodeSnapshot(row).guarantor.name).toBe('Jane Smith');
  });

  it('reads a snapshot stored by this format forever: the dictionary never changes', () => {
    // Stored by this version; if this fails, the dictionary or the format was changed in place.
    // (Encoding may differ by zlib version; decoding what was stored must not.)
    expect(decodeSnapshot(FIXED_STORED)).toEqual(FIXED);
    expect(decodeSnapshot(encodeSnapshot(FIXED))).toEqual(FIXED);
  });
});
