// Channels of the statement cycle: who is due, the run prepared, proved and released (issue 11
// item 7), past runs and reprints.
import { AppError } from '../../../shared/errors';
import { roleAtLeast } from '../../../shared/roles';
import type { HandlerMap } from '../../platform/capability';
import { fileOwner, offerBytes, userOf } from '../../platform/capability';
import { supervisorApproval } from '../access';
import { proofPdf } from './proofPdf';
import { prepareRun } from './prepare';
import { preparedRun } from './preparedRun';
import { releaseRun } from './release';
import { discardRun } from './statementRows';
import { runFileName } from './batch';
import { listRuns, reprintRun, reprintStatement, runDateOf, statementsOf } from './pastRuns';
import { planRun } from './runPlan';

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
      heldCount: p.heldCount,
      skipped: p.skipped,
    };
  },
  'statements:prepare': async (ctx, input) => {
    const { app } = ctx;
    const userId = userOf(ctx).id;
    app.jobs.start(input.jobId, userId);
    try {
      const run = await prepareRun(app, app.clock.today(), userId, {
        onProgress: (count, total) =>
          app.emit({ type: 'progress', jobId: input.jobId, phase: 'Preparing statements', count, total }),
        isCancelled: () => app.jobs.isCancelled(input.jobId),
        pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
      });
      ctx.records.push(`statementRun:${run.runId}`);
      ctx.detail = `statement run prepared: ${run.statements} statements (${run.finalNotices} final notices), not sent`;
      return run;
    } finally {
      app.jobs.finish(input.jobId);
    }
  },
  'statements:prepared': (ctx) => {
    const run = preparedRun(ctx.app.store.db, ctx.app.clock.today());
    if (run) ctx.records.push(`statementRun:${run.runId}`);
    return run;
  },
  'statements:proof': async (ctx, input) => {
    const db = ctx.app.store.db;
    const run = preparedRun(db, ctx.app.clock.today());
    if (!run || run.runId !== input.runId)
      throw new AppError('not_found', 'That statement run is not waiting for release.');
    ctx.records.push(`statementRun:${run.runId}`);
    ctx.detail = `proof of the statement run of ${run.runDate}`;
    return offerBytes(
      ctx,
      { fileName: `statements-${run.runDate}-run-${run.runId}-proof.pdf`, mimeType: 'application/pdf' },
      await proofPdf(db, run),
    );
  },
  'statements:discard': (ctx, input) => {
    discardRun(ctx.app.store.db, input.runId);
    ctx.records.push(`statementRun:${input.runId}`);
    ctx.detail = 'prepared statement run discarded';
    return { discarded: true as const };
  },
  'statements:release': async (ctx, input) => {
    const { app } = ctx;
    const user = userOf(ctx);
    // Only a supervisor releases a run: their own session, or their name and password given here.
    let releasedBy = user.id;
    if (!roleAtLeast(user.role, 'supervisor')) {
      if (!input.approval)
        throw new AppError('invalid_input', 'A supervisor must release the statement run.', {
          approval: 'A supervisor types their user name and password to release the run.',
        });
      releasedBy = supervisorApproval(app, input.approval).id;
    }
    const hooks = {
      onProgress: (count: number, total: number) =>
        app.emit({ type: 'progress', jobId: input.jobId, phase: 'Printing statements', count, total }),
      isCancelled: () => app.jobs.isCancelled(input.jobId),
      pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
    };
    const runDate = runDateOf(app.store.db, input.runId);
    app.jobs.start(input.jobId, user.id);
    try {
      // The batch goes straight to an encrypted temporary file as it is drawn (never whole in memory).
      let run: Awaited<ReturnType<typeof releaseRun>> | null = null;
      const file = await app.files.offerStream(
        fileOwner(ctx),
        { fileName: runFileName(app.store.db, runDate, input.runId), mimeType: 'application/pdf' },
        async (out) => {
          run = await releaseRun(app, input.runId, releasedBy, app.clock.today(), out, hooks);
        },
      );
      const r = run!;
      ctx.records.push(`statementRun:${r.runId}`, `user:${releasedBy}`);
      ctx.detail = `${r.count} statements (${r.finalNotices} final notices) released and printed`;
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
