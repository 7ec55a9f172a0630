// Channels of compliance: the 501(r) gate, financial assistance, holds, the issue log, the registers.
import type { HandlerMap } from '../../platform/capability';
import { offerBytes, offerDocument, userOf } from '../../platform/capability';
import { storeDocument } from '../../platform/documents';
import { formatShortDate } from '../../../shared/dates';
import { hospitalIdentity, statementPolicy } from '../../platform/settings';
import { fapLetterData, fapLetterPdf } from './fapLetters';
import { checkPatientRefund, credits } from './credits';
import { postRefund } from '../ledger';
import { checkEca, releaseEstateClaim } from './ecaGate';
import { decideFap, fapHistory, previewFap, recordFapApplication } from './financialAssistance';
import { correctAddress, holdsOf, placeHold, releaseHold } from './holds';
import { assignIssue, listIssues, reportIssue, resolveIssue } from './issues';
import { monthlyRegisters, registerCsv } from './registers';
import { registersPdf } from './registersPdf';

export const complianceHandlers: HandlerMap<'compliance'> = {
  'fap:record': (ctx, input) => {
    const r = recordFapApplication(ctx.app, input, userOf(ctx).id);
    ctx.records.push(`guarantor:${input.guarantorId}`);
    ctx.detail = input.status;
    return r;
  },
  'fap:preview': (ctx, input) => {
    const preview = previewFap(ctx.app.store.db, input.guarantorId, input.discount);
    ctx.records.push(`guarantor:${input.guarantorId}`, ...preview.accounts.map((a) => `account:${a.accountId}`));
    ctx.detail = input.discount.kind;
    return preview;
  },
  'fap:decide': (ctx, input) => {
    const result = decideFap(ctx.app, input, userOf(ctx).id);
    ctx.records.push(`guarantor:${input.guarantorId}`, ...result.adjusted.map((a) => `account:${a.accountId}`));
    ctx.detail = input.decision;
    return result;
  },
  'fap:history': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return fapHistory(ctx.app.store.db, input.guarantorId);
  },
  // 1.501(r)-6(c): the notice of what is missing, or the determination; kept among the guarantor's documents.
  'fap:letter': async (ctx, input) => {
    const db = ctx.app.store.db;
    const d = fapLetterData(db, input.historyId);
    ctx.records.push(`guarantor:${d.guarantorId}`, `fapHistory:${input.historyId}`);
    const today = ctx.app.clock.today();
    const { bytes } = await fapLetterPdf(d, hospitalIdentity(db), statementPolicy(db), today);
    const what =
      d.kind === 'incomplete_notice'
        ? 'Financial assistance: notice of what is missing'
        : 'Financial assistance: decision letter';
    ctx.detail = what;
    const documentId = db.transaction(() =>
      storeDocument(db, {
        guarantorId: d.guarantorId,
        kind: d.kind === 'incomplete_notice' ? 'fap_incomplete_notice' : 'fap_determination',
        title: `${what} (${formatShortDate(d.date)})`,
        fileName: `${d.kind === 'incomplete_notice' ? 'fap-notice' : 'fap-decision'}-${input.historyId}-${today}.pdf`,
        mimeType: 'application/pdf',
        bytes,
        at: ctx.app.nowIso(),
        by: userOf(ctx).id,
      }),
    )();
    return offerDocument(ctx, documentId);
  },
  'credits:list': (ctx, input) => {
    const list = credits(ctx.app.store.db, ctx.app.clock.today(), input.guarantorId);
    ctx.records.push(...list.map((c) => `account:${c.accountId}`));
    return list;
  },
  'credits:refund': (ctx, input) => {
    const user = userOf(ctx);
    checkPatientRefund(ctx.app.store.db, input.accountId, input.amountCents);
    const r = postRefund(ctx.app, input, { id: user.id, role: user.role });
    ctx.records.push(`guarantor:${r.guarantorId}`, `account:${input.accountId}`, `ledgerEntry:${r.entryId}`);
    ctx.detail = `refund ${input.amountCents}`;
    return { entryId: r.entryId, approvedBy: r.approvedBy };
  },
  'holds:list': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return holdsOf(ctx.app.store.db, input.guarantorId, ctx.app.clock.today());
  },
  'holds:place': (ctx, input) => {
    const id = placeHold(ctx.app.store.db, input, ctx.app.clock.today(), userOf(ctx).id);
    ctx.records.push(`guarantor:${input.guarantorId}`, `hold:${id}`);
    ctx.detail = input.reason;
    return { id };
  },
  'holds:release': (ctx, input) => {
    const guarantorId = releaseHold(ctx.app.store.db, input.holdId, input.note, ctx.app.clock.today(), userOf(ctx).id, {
      byHand: true,
    });
    ctx.records.push(`guarantor:${guarantorId}`, `hold:${input.holdId}`);
    ctx.detail = input.note;
    return { done: true };
  },
  'eca:check': (ctx, input) => {
    ctx.records.push(`account:${input.accountId}`);
    return checkEca(ctx.app.store.db, input.accountId, input.kind, ctx.app.clock.today());
  },
  'eca:releaseEstateClaim': (ctx, input) => {
    releaseEstateClaim(ctx.app.store.db, input.accountId, input.reason, ctx.app.clock.today(), userOf(ctx).id);
    ctx.records.push(`account:${input.accountId}`);
    ctx.detail = input.reason;
    return { done: true };
  },

  'compliance:report': (ctx, input) => {
    const { id, accountId } = reportIssue(ctx.app.store.db, input, ctx.app.clock.today(), userOf(ctx).id);
    ctx.records.push(`complianceIssue:${id}`, ...(accountId ? [`account:${accountId}`] : []));
    ctx.detail = input.category;
    return { id };
  },
  'compliance:list': (ctx) => {
    const issues = listIssues(ctx.app.store.db, userOf(ctx));
    ctx.records.push(...issues.map((i) => `complianceIssue:${i.id}`));
    return issues;
  },
  'compliance:assign': (ctx, input) => {
    assignIssue(ctx.app.store.db, input.issueId, input.assigneeId);
    ctx.records.push(`complianceIssue:${input.issueId}`, `user:${input.assigneeId}`);
    return { done: true };
  },
  'compliance:resolve': (ctx, input) => {
    resolveIssue(ctx.app.store.db, input.issueId, input.resolution, ctx.app.clock.today(), userOf(ctx).id);
    ctx.records.push(`complianceIssue:${input.issueId}`);
    ctx.detail = input.resolution;
    return { done: true };
  },
  // HP-01: the registers name guarantors; the trail names the month's registers read.
  'registers:month': (ctx, input) => {
    ctx.records.push(`registers:${input.month}`);
    return monthlyRegisters(ctx.app.store.db, input.month);
  },
  'registers:pdf': async (ctx, input) => {
    ctx.records.push(`registers:${input.month}`);
    ctx.detail = `501(r) registers ${input.month}`;
    const db = ctx.app.store.db;
    const bytes = await registersPdf(
      monthlyRegisters(db, input.month),
      hospitalIdentity(db),
      ctx.app.clock.today(),
      userOf(ctx).fullName,
    );
    return offerBytes(ctx, { fileName: `registers-${input.month}.pdf`, mimeType: 'application/pdf' }, bytes);
  },
  'registers:csv': async (ctx, input) => {
    ctx.records.push(`registers:${input.month}`);
    ctx.detail = `${input.register} register ${input.month}`;
    const csv = registerCsv(monthlyRegisters(ctx.app.store.db, input.month), input.register);
    return offerBytes(
      ctx,
      { fileName: `register-${input.register.replaceAll('_', '-')}-${input.month}.csv`, mimeType: 'text/csv' },
      Buffer.from(csv, 'utf8'),
    );
  },
  'holds:newAddress': (ctx, input) => {
    correctAddress(ctx.app.store.db, input, ctx.app.clock.today(), ctx.app.nowIso(), userOf(ctx).id);
    ctx.records.push(`guarantor:${input.guarantorId}`);
    ctx.detail = 'new address entered after returned mail; the returned-mail hold ended';
    return { done: true as const };
  },
};
