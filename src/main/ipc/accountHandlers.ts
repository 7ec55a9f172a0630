// Channels of the account workspace: search, open, activity, tasks, documents, posting, reports.
import { AppError } from '../../shared/errors';
import { agingReportCsv, agingReportPdf } from '../documents/agingReport';
import { addTask, closeTask, logActivity } from '../services/activity';
import { checkEca, releaseEstateClaim } from '../services/eca';
import { decideFap, fapHistory, recordFapApplication } from '../services/fap';
import { holdsOf, placeHold, releaseHold } from '../services/holds';
import { agingReport } from '../services/aging';
import { fetchDocument, storeDocument } from '../services/documents';
import { verifyBalances } from '../services/ledger';
import { postAdjustment, postPayment, reverseLedgerEntry, reversePayment } from '../services/posting';
import { receiptFor } from '../services/receipts';
import { refreshPlansFor } from '../services/plans/engine';
import { search } from '../services/search';
import { hospitalIdentity } from '../services/settings';
import { workspace } from '../services/workspace';
import type { CallContext, Handlers } from './router';

type AccountChannels =
  | 'users:directory'
  | 'search:query'
  | 'accounts:open'
  | 'activity:log'
  | 'tasks:add'
  | 'tasks:close'
  | 'documents:get'
  | 'payments:post'
  | 'payments:reverse'
  | 'ledger:adjust'
  | 'ledger:reverse'
  | 'ledger:verify'
  | 'reports:aging'
  | 'reports:agingPdf'
  | 'reports:agingCsv'
  | 'eca:check'
  | 'eca:releaseEstateClaim'
  | 'fap:record'
  | 'fap:decide'
  | 'fap:history'
  | 'holds:list'
  | 'holds:place'
  | 'holds:release';

function user(ctx: CallContext) {
  if (!ctx.session) throw new AppError('not_logged_in', 'Log in first.');
  return ctx.session.user;
}

export const accountHandlers: Pick<Handlers, AccountChannels> = {
  'fap:record': (ctx, input) => {
    recordFapApplication(ctx.app, input, user(ctx).id);
    ctx.records.push(`guarantor:${input.guarantorId}`);
    ctx.detail = input.status;
    return { done: true };
  },
  'fap:decide': (ctx, input) => {
    const result = decideFap(ctx.app, input, user(ctx).id);
    ctx.records.push(
      `guarantor:${input.guarantorId}`,
      ...result.adjusted.map((a) => `account:${a.accountId}`),
      ...result.refunds.map((r) => `task:${r.taskId}`),
    );
    ctx.detail = input.decision;
    return result;
  },
  'fap:history': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return fapHistory(ctx.app.store.db, input.guarantorId);
  },
  'holds:list': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return holdsOf(ctx.app.store.db, input.guarantorId, ctx.app.clock.today());
  },
  'holds:place': (ctx, input) => {
    const id = placeHold(ctx.app.store.db, input, ctx.app.clock.today(), user(ctx).id);
    ctx.records.push(`guarantor:${input.guarantorId}`, `hold:${id}`);
    ctx.detail = input.reason;
    return { id };
  },
  'holds:release': (ctx, input) => {
    const guarantorId = releaseHold(ctx.app.store.db, input.holdId, input.note, ctx.app.clock.today(), user(ctx).id);
    ctx.records.push(`guarantor:${guarantorId}`, `hold:${input.holdId}`);
    ctx.detail = input.note;
    return { done: true };
  },
  'eca:check': (ctx, input) => {
    ctx.records.push(`account:${input.accountId}`);
    return checkEca(ctx.app.store.db, input.accountId, input.kind, ctx.app.clock.today());
  },
  'eca:releaseEstateClaim': (ctx, input) => {
    releaseEstateClaim(ctx.app.store.db, input.accountId, input.reason, ctx.app.clock.today(), user(ctx).id);
    ctx.records.push(`account:${input.accountId}`);
    ctx.detail = input.reason;
    return { done: true };
  },
  'users:directory': (ctx) =>
    ctx.app.store.db
      .prepare(`SELECT id, full_name AS fullName, role FROM users WHERE active = 1 ORDER BY full_name`)
      .all() as {
      id: number;
      fullName: string;
      role: 'clerk' | 'supervisor' | 'administrator';
    }[],

  'search:query': (ctx, input) => {
    const results = search(ctx.app.store.db, input.query);
    ctx.records.push(...results.map((r) => `guarantor:${r.guarantorId}`));
    ctx.detail = `${results.length} found`;
    return results;
  },
  'accounts:open': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return workspace(ctx.app.store.db, input.guarantorId, ctx.app.clock.today());
  },
  'activity:log': (ctx, input) => {
    const id = logActivity(ctx.app.store.db, input, user(ctx).id, ctx.app.nowIso());
    ctx.records.push(`guarantor:${input.guarantorId}`, `activity:${id}`);
    return { id };
  },
  'tasks:add': (ctx, input) => {
    const id = addTask(ctx.app.store.db, input, user(ctx).id, ctx.app.nowIso());
    ctx.records.push(`guarantor:${input.guarantorId}`, `task:${id}`);
    return { id };
  },
  'tasks:close': (ctx, input) => {
    const guarantorId = closeTask(ctx.app.store.db, input, user(ctx).id, ctx.app.nowIso());
    ctx.records.push(`guarantor:${guarantorId}`, `task:${input.taskId}`);
    return { done: true };
  },
  'documents:get': (ctx, input) => {
    const doc = fetchDocument(ctx.app.store.db, input.documentId);
    ctx.records.push(`document:${input.documentId}`, ...(doc.guarantorId ? [`guarantor:${doc.guarantorId}`] : []));
    ctx.detail = `reprint ${doc.fileName}`;
    return { fileName: doc.fileName, mimeType: doc.mimeType, base64: doc.base64 };
  },

  'payments:post': async (ctx, input) => {
    const u = user(ctx);
    const posted = postPayment(ctx.app, input, u);
    ctx.records.push(
      `guarantor:${input.guarantorId}`,
      `payment:${posted.paymentId}`,
      ...posted.accountIds.map((id) => `account:${id}`),
    );
    // A payment toward a plan changes the plan at once (PP-02: a payment that brings it current).
    refreshPlansFor(ctx.app.store.db, input.guarantorId, ctx.app.clock.today(), ctx.app.nowIso(), u.id);
    const receipt = await receiptFor(ctx.app, posted.paymentId, u.id);
    ctx.detail = `receipt ${posted.receiptNumber} printed`;
    return {
      paymentId: posted.paymentId,
      receiptNumber: posted.receiptNumber,
      receipt: { fileName: receipt.fileName, mimeType: receipt.mimeType, base64: receipt.base64 },
    };
  },
  'payments:reverse': (ctx, input) => {
    const r = reversePayment(ctx.app, input.paymentId, input.reason, input.effectiveDate, user(ctx));
    refreshPlansFor(ctx.app.store.db, r.guarantorId, ctx.app.clock.today(), ctx.app.nowIso(), user(ctx).id);
    ctx.records.push(`guarantor:${r.guarantorId}`, `payment:${input.paymentId}`);
    ctx.detail = input.reason;
    return { reversalIds: r.reversalIds };
  },
  'ledger:adjust': (ctx, input) => {
    const r = postAdjustment(ctx.app, input, user(ctx));
    ctx.records.push(`guarantor:${r.guarantorId}`, `account:${input.accountId}`, `entry:${r.entryId}`);
    ctx.detail = r.approvedBy
      ? `approved by ${ctx.app.store.db.prepare('SELECT full_name FROM users WHERE id = ?').pluck().get(r.approvedBy) as string}`
      : null;
    return { entryId: r.entryId, approvedBy: r.approvedBy };
  },
  'ledger:reverse': (ctx, input) => {
    const r = reverseLedgerEntry(ctx.app, input.entryId, input.reason, input.effectiveDate, user(ctx));
    refreshPlansFor(ctx.app.store.db, r.guarantorId, ctx.app.clock.today(), ctx.app.nowIso(), user(ctx).id);
    ctx.records.push(`guarantor:${r.guarantorId}`, `entry:${input.entryId}`);
    ctx.detail = input.reason;
    return { reversalId: r.reversalId };
  },
  'ledger:verify': (ctx) => {
    const result = verifyBalances(ctx.app.store.db);
    ctx.detail = result.ok
      ? `balances agree (${result.accountsChecked} accounts)`
      : `${result.differences.length} differences`;
    return result;
  },

  'reports:aging': (ctx, input) =>
    agingReport(ctx.app.store.db, input.basis, input.asOf ?? ctx.app.clock.today(), ctx.app.clock.today()),
  'reports:agingPdf': async (ctx, input) => {
    const db = ctx.app.store.db;
    const report = agingReport(db, input.basis, input.asOf ?? ctx.app.clock.today(), ctx.app.clock.today());
    const bytes = await agingReportPdf(report, hospitalIdentity(db), user(ctx).fullName);
    const fileName = `aging-${report.basis.replaceAll('_', '-')}-${report.asOf}.pdf`;
    const id = storeDocument(db, {
      guarantorId: null,
      kind: 'aging_report',
      title: `Aging report as of ${report.asOf}`,
      fileName,
      mimeType: 'application/pdf',
      bytes,
      at: ctx.app.nowIso(),
      by: user(ctx).id,
    });
    ctx.records.push(`document:${id}`);
    return { fileName, mimeType: 'application/pdf', base64: bytes.toString('base64') };
  },
  'reports:agingCsv': (ctx, input) => {
    const report = agingReport(
      ctx.app.store.db,
      input.basis,
      input.asOf ?? ctx.app.clock.today(),
      ctx.app.clock.today(),
    );
    ctx.detail = `aging CSV as of ${report.asOf}`;
    return {
      fileName: `aging-${report.basis.replaceAll('_', '-')}-${report.asOf}.csv`,
      mimeType: 'text/csv',
      base64: Buffer.from(agingReportCsv(report), 'utf8').toString('base64'),
    };
  },
};
