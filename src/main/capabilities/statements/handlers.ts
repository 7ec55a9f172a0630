// Channels of the statement cycle: who is due, the run, past runs and reprints.
import type { HandlerMap } from '../../platform/capability';
import { userOf } from '../../platform/capability';
import { listRuns, planRun, reprintRun, reprintStatement, runStatements, statementsOf } from './run';

export const statementsHandlers: HandlerMap<'statements'> = {
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
    const { app } = ctx;
    const userId = userOf(ctx).id;
    app.jobs.start(input.taskId, userId);
    try {
      const r = await runStatements(app, app.clock.today(), userId, {
        onProgress: (count, total) =>
          app.emit({ type: 'progress', taskId: input.taskId, phase: 'Printing statements', count, total }),
        isCancelled: () => app.jobs.isCancelled(input.taskId),
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
      app.jobs.finish(input.taskId);
    }
  },
  'statements:list': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return statementsOf(ctx.app.store.db, input.guarantorId);
  },
  'statements:runs': (ctx) => listRuns(ctx.app.store.db),
  'statements:runPdf': async (ctx, input) => {
    const { app } = ctx;
    app.jobs.start(input.taskId, userOf(ctx).id);
    const r = await reprintRun(app.store.db, input.runId, {
      onProgress: (count, total) =>
        app.emit({ type: 'progress', taskId: input.taskId, phase: 'Printing the run again', count, total }),
      isCancelled: () => app.jobs.isCancelled(input.taskId),
      pause: () => new Promise((resolve) => setImmediate(resolve)),
    }).finally(() => app.jobs.finish(input.taskId));
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
