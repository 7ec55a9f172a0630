// First-run set-up: the hospital's identity, the first administrator, and the recovery key (shown
// once, with a printable sheet). Creates the encrypted store all-or-nothing.
import { AppError } from '../../../shared/errors';
import type { SetupInput } from '../../../shared/schemas/setup';
import {
  DEFAULT_POSTING_POLICY,
  DEFAULT_SECURITY_POLICY,
  DEFAULT_STATEMENT_POLICY,
  DEFAULT_ASSISTANCE_POLICY,
} from '../../../shared/schemas/settings';
import type { RecoupApp } from '../../app';
import { recoveryKeySheet } from './recoveryKeyPdf';
import { newDataKey, newKeyFile, newRecoveryKey, wrapSlot } from '../../store/keySlots';
import { appendAudit } from '../../platform/auditTrail';
import { extractFiles, generateExtract } from '../../demo/synthetic';
import { runImport } from '../imports';
import { settleLedgerChange } from '../ledger';
import { insertFirstAdministrator, SLOTS_BOUND } from '../access';
import { writeMeta } from '../../store/meta';
import { writeSettings } from '../../platform/settings';

/** How many synthetic guarantors "start with demo data" brings. */
export const DEMO_GUARANTORS = 400;

async function loadDemoData(app: RecoupApp, dataKey: Buffer, username: string): Promise<void> {
  app.store.open(dataKey);
  try {
    const x = generateExtract({ seed: 1, guarantors: DEMO_GUARANTORS, today: app.clock.today(), idPrefix: 'D' });
    const files = extractFiles(x, 'demo-');
    const report = await runImport(app.store.db, files, {
      afterLedgerChange: (ledger) => settleLedgerChange(app, ledger),
      deathSubscribers: app.extensions.deathSubscribers,
      mode: 'commit',
      now: app.nowIso(),
      userId: 1,
      source: 'demo data (synthetic patients)',
    });
    if (!report.committed) throw new Error(`demo data did not import: ${report.errors[0]?.reason ?? 'unknown'}`);
    appendAudit(app.store.db, {
      at: app.nowIso(),
      userId: 1,
      username,
      channel: 'setup:create',
      kind: 'change',
      records: [`import:${report.batchId}`],
      outcome: 'ok',
      detail: `demo data: ${report.guarantors.created} synthetic guarantors, ${report.accounts.created} accounts, ${report.transactions.created} transactions`,
    });
  } finally {
    app.store.close();
  }
}

export async function createStore(
  app: RecoupApp,
  input: SetupInput,
): Promise<{ recoveryKey: string; recoveryKeySheet: Buffer }> {
  if (app.store.state().state !== 'needs_setup') {
    throw new AppError('not_allowed', 'Recoup is already set up in this data folder.');
  }
  const dataKey = newDataKey();
  const recoveryKey = newRecoveryKey();
  const now = app.nowIso();
  const adminId = 1;
  let keys = newKeyFile();
  keys = {
    ...keys,
    slots: [
      await wrapSlot(
        keys,
        dataKey,
        input.admin.password,
        { kind: 'user', userId: adminId, username: input.admin.username },
        now,
        app.scrypt,
      ),
      await wrapSlot(keys, dataKey, recoveryKey, { kind: 'recovery' }, now, app.scrypt),
    ],
  };
  // The sheet is rendered before anything is written, so a failure leaves no half-made store.
  const pdf = await recoveryKeySheet({
    hospital: input.hospital,
    recoveryKey,
    createdBy: `${input.admin.fullName} (${input.admin.username})`,
    date: app.clock.today(),
    dataDir: app.store.folder.dir,
  });
  try {
    app.store.create(dataKey, keys, (db) => {
      // Every slot of a new store binds its owner (format 2): a format-1 slot edited in later is refused.
      writeMeta(db, SLOTS_BOUND, '2');
      insertFirstAdministrator(
        db,
        { id: adminId, username: input.admin.username, fullName: input.admin.fullName },
        now,
      );
      writeSettings(
        db,
        {
          hospital: input.hospital,
          security: DEFAULT_SECURITY_POLICY,
          posting: DEFAULT_POSTING_POLICY,
          statements: DEFAULT_STATEMENT_POLICY,
          assistance: DEFAULT_ASSISTANCE_POLICY,
        },
        now,
        adminId,
      );
      appendAudit(db, {
        at: now,
        userId: adminId,
        username: input.admin.username,
        channel: 'setup:create',
        kind: 'admin',
        records: [`user:${adminId}`],
        outcome: 'ok',
        detail: 'store created; recovery key issued',
      });
    });
    if (input.demoData) await loadDemoData(app, dataKey, input.admin.username);
  } finally {
    dataKey.fill(0);
  }
  return { recoveryKey, recoveryKeySheet: pdf };
}
