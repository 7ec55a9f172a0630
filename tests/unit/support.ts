// Test support: real encrypted stores in temp folders, a hand-moved clock, fast key derivation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RecoupApp } from '../../src/main/app';
import { manualClock } from '../../src/main/clock';
import { composeRecoup } from '../../src/main/compose';
import type { Router } from '../../src/main/ipc/router';
import { dataFolder } from '../../src/main/store/dataFolder';
import type { ScryptParams } from '../../src/main/store/keySlots';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../src/shared/contract';
import type { FileHandle } from '../../src/shared/schemas/files';
import { settleLedgerChange, type LedgerChangeWriter } from '../../src/main/capabilities/ledger';
import type { SetupInput } from '../../src/shared/schemas/setup';

/** Cheap key derivation so tests run quickly; the format and code path are the app's own. */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export const HOSPITAL_NAME = 'Saint Brigid Regional Medical Center';

export const SETUP: SetupInput = {
  hospital: {
    legalName: HOSPITAL_NAME,
    address: { line1: '400 Harbor View Road', line2: '', city: 'Portland', state: 'ME', zip: '04101' },
    phone: '207-555-0100',
    taxId: '01-2345678',
    npi: '1234567893',
    remitTo: { line1: 'PO Box 9120', line2: 'Patient Accounts', city: 'Portland', state: 'ME', zip: '04104-9120' },
    financialAssistancePhone: '207-555-0199',
    financialAssistanceUrl: 'https://stbrigid.example.org/financial-assistance',
  },
  admin: { fullName: 'Avery Admin', username: 'admin', password: 'correct horse battery' },
  demoData: false,
};

export function tempDir(prefix = 'recoup-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface TestApp {
  app: RecoupApp;
  router: Router;
  clock: ReturnType<typeof manualClock>;
  dir: string;
  call<K extends ChannelName>(channel: K, input: ChannelInput<K>, sessionId?: string | null): Promise<ChannelOutput<K>>;
  raw(channel: string, input: unknown, sessionId?: string | null): ReturnType<Router['dispatch']>;
  /** The bytes of a document a channel offered (as the workspace would fetch them). */
  file(handle: FileHandle): Promise<Buffer>;
  cleanup(): void;
}

export function testApp(options: { dir?: string; today?: string; explicit?: boolean } = {}): TestApp {
  const dir = options.dir ?? tempDir();
  const clock = manualClock(options.today ?? '2026-11-26', Date.UTC(2026, 10, 26, 14, 0, 0));
  const { app, router } = composeRecoup(
    { folder: dataFolder(dir, options.explicit ?? true), clock, version: 'test', scrypt: FAST_SCRYPT },
    () => undefined,
  );
  return {
    app,
    router,
    clock,
    dir,
    async call(channel, input, sessionId = null) {
      const result = await router.dispatch({ channel, input, sessionId });
      if (!result.ok)
        throw Object.assign(new Error(`${channel}: ${result.error.code}: ${result.error.message}`), {
          error: result.error,
        });
      return result.value as never;
    },
    raw: (channel, input, sessionId = null) => router.dispatch({ channel, input, sessionId }),
    file: (handle) => app.files.bytes(handle.fileId, () => app.store.db),
    cleanup() {
      app.shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A set-up store with the administrator logged in; returns the admin's session id. */
export async function setUpAndLogIn(t: TestApp): Promise<string> {
  await t.call('setup:create', SETUP);
  const login = await t.call('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password });
  return login.sessionId;
}

export async function addUserAndLogIn(
  t: TestApp,
  adminSession: string,
  role: 'clerk' | 'supervisor' | 'administrator',
  username = `${role}1`,
): Promise<string> {
  await t.call(
    'users:add',
    { fullName: `Test ${role}`, username, role, password: 'password-for-' + username },
    adminSession,
  );
  const login = await t.call('auth:login', { username, password: 'password-for-' + username });
  return login.sessionId;
}

/** What an import runs before it commits: the app's afterLedgerChange subscribers, as the wizard does. */
export function settle(t: TestApp): (ledger: LedgerChangeWriter) => void {
  return (ledger) => settleLedgerChange(t.app, ledger);
}

/** What an import runs inside its transaction, as the app wires it: the ledger's and the deaths' subscribers. */
export function importHooks(t: TestApp) {
  return { afterLedgerChange: settle(t), deathSubscribers: t.app.extensions.deathSubscribers };
}

/**
 * The day's statements sent as a clerk's office does it (issue 11 item 7): the run prepared, then
 * released by `releaser` (a supervisor's or an administrator's session) under the same job name.
 */
export async function sendStatements(t: TestApp, session: string, jobId: string, releaser: string = session) {
  const prepared = await t.call('statements:prepare', { jobId: `${jobId}-prep` }, session);
  return t.call('statements:release', { runId: prepared.runId, jobId }, releaser);
}
