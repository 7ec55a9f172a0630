// Channels of the statement cycle: who is due, the run, past runs and reprints.
import type { HandlerMap } from '../../platform/capability';
import { fileOwner, offerBytes, userOf } from '../../platform/capability';
import {
  listRuns,
  planRun,
  reprintRun,
  reprintStatement,
  runDateOf,
  runFileName,
  runStatements,
  statementsOf,
} from './run';

export const statementsHandlers: HandlerMap<'statements'> = {
  'statements:due': (ctx) => {
    const p = planRun(ctx.app.store.db, ctx.app.clock.today());
    // HP-01: the answer names the guarantors held from the run.
    ctx.records.push(...p.held.map((h) => `guarantor:${h.guarantorId}`));
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
    const hooks = {
      onProgress: (count: number, total: number) =>
        app.emit({ type: 'progress', jobId: input.jobId, phase: 'Printing statements', count, total }),
      isCancelled: () => app.jobs.isCancelled(input.jobId),
      pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
    };
    app.jobs.start(input.jobId, userId);
    try {
      // The batch goes straight to an encrypted temporary file as it is drawn (never whole in memory).
      let run: Awaited<ReturnType<typeof runStatements>> | null = null;
      const file = await app.files.offerStream(
        fileOwner(ctx),
        { fileName: runFileName(app.store.db, app.clock.today(), null), mimeType: 'application/pdf' },
        async (out) => {
          run = await runStatements(app, app.clock.today(), userId, out, hooks);
        },
      );
      const r = run!;
      ctx.records.push(`statementRun:${r.runId}`);
      ctx.detail = `${r.count} statements (${r.finalNotices} final notices) printed`;
      return { runId: r.runId, count: r.count, finalNotices: r.finalNotices, amountCents: r.amountCents, file };
    } finally {
      app.jobs.finish(input.jobId);
    }
  },
  'statements:list': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return statementsOf(ctx.app.store.db, input.guarantorId);
  },
  'statements:runs': (ctx) => listRuns(ctx.app.store.db),
  'statements:runPdf': async (ctx, input) => {
    const { app } = ctx;
    const hooks = {
      onProgress: (count: number, total: number) =>
        app.emit({ type: 'progress', jobId: input.jobId, phase: 'Printing the run again', count, total }),
      isCancelled: () => app.jobs.isCancelled(input.jobId),
      pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
    };
    const runDate = runDateOf(app.store.db, input.runId);
    app.jobs.start(input.jobId, userOf(ctx).id);
    try {
      const file = await app.files.offerStream(
        fileOwner(ctx),
        { fileName: runFileName(app.store.db, runDate, input.runId, true), mimeType: 'application/pdf' },
        async (out) => {
          await reprintRun(app.store.db, input.runId, out, hooks);
        },
      );
      ctx.records.push(`statementRun:${input.runId}`);
      ctx.detail = `statement run of ${runDate} printed again`;
      return file;
    } finally {
      app.jobs.finish(input.jobId);
    }
  },
  'statements:reprint': async (ctx, input) => {
    const r = await reprintStatement(ctx.app.store.db, input.statementId);
    ctx.records.push(`guarantor:${r.guarantorId}`, `statement:${input.statementId}`);
    return offerBytes(ctx, { fileName: r.fileName, mimeType: 'application/pdf' }, r.bytes);
  },
};
