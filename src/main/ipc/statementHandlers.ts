// Channels of the statement cycle.
import { AppError } from '../../shared/errors';
import type { StatementListItem } from '../../shared/schemas/statements';
import { registersPdf } from '../documents/registers';
import { assignIssue, listIssues, reportIssue, resolveIssue } from '../services/compliance';
import { monthlyRegisters, registerCsv } from '../services/registers';
import { hospitalIdentity } from '../services/settings';
import { listRuns, planRun, reprintRun, reprintStatement, runStatements } from '../services/statements/run';
import type { CallContext, Handlers } from './router';

type StatementChannels =
  | 'statements:due'
  | 'statements:run'
  | 'statements:list'
  | 'statements:runs'
  | 'statements:runPdf'
  | 'statements:reprint'
  | 'compliance:report'
  | 'compliance:list'
  | 'compliance:assign'
  | 'compliance:resolve'
  | 'registers:month'
  | 'registers:csv'
  | 'registers:pdf';

function userId(ctx: CallContext): number {
  if (!ctx.session) throw new AppError('not_logged_in', 'Log in first.');
  return ctx.session.user.id;
}

function sessionUser(ctx: CallContext) {
  if (!ctx.session) throw new AppError('not_logged_in', 'Log in first.');
  return ctx.session.user;
}

export const statementHandlers: Pick<Handlers, StatementChannels> = {
  'registers:month': (ctx, input) => monthlyRegisters(ctx.app.store.db, input.month),
  'registers:pdf': async (ctx, input) => {
    ctx.detail = `501(r) registers ${input.month}`;
    const db = ctx.app.store.db;
    const bytes = await registersPdf(
      monthlyRegisters(db, input.month),
      hospitalIdentity(db),
      ctx.app.clock.today(),
      sessionUser(ctx).fullName,
    );
    return { fileName: `registers-${input.month}.pdf`, mimeType: 'application/pdf', base64: bytes.toString('base64') };
  },
  'registers:csv': (ctx, input) => {
    ctx.detail = `${input.register} register ${input.month}`;
    const csv = registerCsv(monthlyRegisters(ctx.app.store.db, input.month), input.register);
    return {
      fileName: `register-${input.register.replaceAll('_', '-')}-${input.month}.csv`,
      mimeType: 'text/csv',
      base64: Buffer.from(csv, 'utf8').toString('base64'),
    };
  },
  'compliance:report': (ctx, input) => {
    const { id, accountId } = reportIssue(ctx.app.store.db, input, ctx.app.clock.today(), userId(ctx));
    ctx.records.push(`complianceIssue:${id}`, ...(accountId ? [`account:${accountId}`] : []));
    ctx.detail = input.category;
    return { id };
  },
  'compliance:list': (ctx) => listIssues(ctx.app.store.db, sessionUser(ctx)),
  'compliance:assign': (ctx, input) => {
    assignIssue(ctx.app.store.db, input.issueId, input.assigneeId);
    ctx.records.push(`complianceIssue:${input.issueId}`, `user:${input.assigneeId}`);
    return { done: true };
  },
  'compliance:resolve': (ctx, input) => {
    resolveIssue(ctx.app.store.db, input.issueId, input.resolution, ctx.app.clock.today(), userId(ctx));
    ctx.records.push(`complianceIssue:${input.issueId}`);
    ctx.detail = input.resolution;
    return { done: true };
  },
  'statements:due': (ctx) => {
    const p = planRun(ctx.app.store.db, ctx.app.clock.today());
    return {
      runDate: p.runDate,
      dueCount: p.due.length,
      finalNotices: p.due.filter((d) => d.kind === 'final_notice').length,
      dueCents: p.dueCents,
      held: p.held,
      skipped: p.skipped,
    };
  },
  'statements:run': async (ctx, input) => {
    const app = ctx.app;
    app.tasks.start(input.taskId, userId(ctx));
    try {
      const r = await runStatements(app, app.clock.today(), userId(ctx), {
        onProgress: (count, total) =>
          app.emit({ type: 'progress', taskId: input.taskId, phase: 'Printing statements', count, total }),
        isCancelled: () => app.tasks.isCancelled(input.taskId),
        pause: () => new Promise((resolve) => setImmediate(resolve)),
      });
      ctx.records.push(`statementRun:${r.runId}`);
      ctx.detail = `${r.count} statements (${r.finalNotices} final notices) printed`;
      return {
        runId: r.runId,
        count: r.count,
        finalNotices: r.finalNotices,
        amountCents: r.amountCents,
        file: {
          fileName: `statements-${app.clock.today()}.pdf`,
          mimeType: 'application/pdf',
          base64: r.pdf.toString('base64'),
        },
      };
    } finally {
      app.tasks.finish(input.taskId);
    }
  },
  'statements:list': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return ctx.app.store.db
      .prepare(
        `SELECT id, statement_date AS statementDate, number_in_cycle AS numberInCycle, kind, due_date AS dueDate, amount_due_cents AS amountDueCents
             FROM statements WHERE guarantor_id = ? ORDER BY statement_date DESC`,
      )
      .all(input.guarantorId) as StatementListItem[];
  },
  'statements:runs': (ctx) => listRuns(ctx.app.store.db),
  'statements:runPdf': async (ctx, input) => {
    const app = ctx.app;
    app.tasks.start(input.taskId, userId(ctx));
    const r = await reprintRun(app.store.db, input.runId, {
      onProgress: (count, total) =>
        app.emit({ type: 'progress', taskId: input.taskId, phase: 'Printing the run again', count, total }),
      isCancelled: () => app.tasks.isCancelled(input.taskId),
      pause: () => new Promise((resolve) => setImmediate(resolve)),
    }).finally(() => app.tasks.finish(input.taskId));
    ctx.records.push(`statementRun:${input.runId}`);
    ctx.detail = `statement run of ${r.runDate} printed again`;
    return {
      fileName: `statements-${r.runDate}-again.pdf`,
      mimeType: 'application/pdf',
      base64: r.pdf.toString('base64'),
    };
  },
  'statements:reprint': async (ctx, input) => {
    const r = await reprintStatement(ctx.app.store.db, input.statementId);
    ctx.records.push(`guarantor:${r.guarantorId}`, `statement:${input.statementId}`);
    return { fileName: r.fileName, mimeType: r.mimeType, base64: r.base64 };
  },
};
