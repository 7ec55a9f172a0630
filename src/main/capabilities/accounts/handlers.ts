// Channels of accounts: search, the activity log and follow-ups, stored documents, the aging report.
import type { HandlerMap } from '../../platform/capability';
import { offerBytes, offerDocument, userOf } from '../../platform/capability';
import { documentInfo, storeDocument } from '../../platform/documents';
import { hospitalIdentity } from '../../platform/settings';
import { addFollowUp, closeFollowUp, logActivity } from './activity';
import { agingAccounts, agingReport } from './aging';
import { agingReportCsv, agingReportPdf } from './agingReportPdf';
import { search } from './search';

export const accountsHandlers: HandlerMap<'accounts'> = {
  'search:query': (ctx, input) => {
    const results = search(ctx.app.store.db, input.query);
    ctx.records.push(...results.map((r) => `guarantor:${r.guarantorId}`));
    ctx.detail = `${results.length} found`;
    return results;
  },
  'activity:log': (ctx, input) => {
    const id = logActivity(ctx.app.store.db, input, userOf(ctx).id, ctx.app.nowIso());
    ctx.records.push(`guarantor:${input.guarantorId}`, `activity:${id}`);
    return { id };
  },
  'followUps:add': (ctx, input) => {
    const id = addFollowUp(ctx.app.store.db, input, userOf(ctx).id, ctx.app.nowIso());
    ctx.records.push(`guarantor:${input.guarantorId}`, `followUp:${id}`);
    return { id };
  },
  'followUps:close': (ctx, input) => {
    const guarantorId = closeFollowUp(ctx.app.store.db, input, userOf(ctx).id, ctx.app.nowIso());
    ctx.records.push(`guarantor:${guarantorId}`, `followUp:${input.followUpId}`);
    return { done: true };
  },
  'documents:get': (ctx, input) => {
    const doc = documentInfo(ctx.app.store.db, input.documentId);
    ctx.records.push(`document:${input.documentId}`, ...(doc.guarantorId ? [`guarantor:${doc.guarantorId}`] : []));
    ctx.detail = `reprint ${doc.fileName}`;
    return offerDocument(ctx, input.documentId);
  },

  'reports:aging': (ctx, input) =>
    agingReport(ctx.app.store.db, input.basis, input.asOf ?? ctx.app.clock.today(), ctx.app.clock.today()),
  'reports:agingPdf': async (ctx, input) => {
    const db = ctx.app.store.db;
    const report = agingReport(db, input.basis, input.asOf ?? ctx.app.clock.today(), ctx.app.clock.today());
    const bytes = await agingReportPdf(report, hospitalIdentity(db), userOf(ctx).fullName);
    const fileName = `aging-${report.basis.replaceAll('_', '-')}-${report.asOf}.pdf`;
    const id = storeDocument(db, {
      guarantorId: null,
      kind: 'aging_report',
      title: `Aging report as of ${report.asOf}`,
      fileName,
      mimeType: 'application/pdf',
      bytes,
      at: ctx.app.nowIso(),
      by: userOf(ctx).id,
    });
    ctx.records.push(`document:${id}`);
    return offerDocument(ctx, id);
  },
  'reports:agingCsv': async (ctx, input) => {
    const report = agingReport(
      ctx.app.store.db,
      input.basis,
      input.asOf ?? ctx.app.clock.today(),
      ctx.app.clock.today(),
    );
    ctx.detail = `aging CSV as of ${report.asOf}`;
    return offerBytes(
      ctx,
      { fileName: `aging-${report.basis.replaceAll('_', '-')}-${report.asOf}.csv`, mimeType: 'text/csv' },
      Buffer.from(agingReportCsv(report), 'utf8'),
    );
  },
  'reports:agingAccounts': (ctx, input) => {
    const page = agingAccounts(ctx.app.store.db, input, ctx.app.clock.today());
    ctx.records.push(...page.accounts.map((a) => `account:${a.accountId}`));
    ctx.detail = `${page.column ?? 'all ages'}, ${page.payerClass ?? 'all payers'}: ${page.accountCount} accounts`;
    return page;
  },
};
