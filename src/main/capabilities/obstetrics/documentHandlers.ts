// Documents (helper DOCS): the OB financial agreement, the monthly OB statements (a run, alone or
// after the monthly statement run, or one now), the true-up letter. One line of glue each:
// obDocuments.ts and statementRun.ts decide and draw, and say what the call touched for the audit.
import type { HandlerMap } from '../../platform/capability';
import { offerDocument, userOf, type CallContext } from '../../platform/capability';
import { caseRecords, printAgreement, printStatementNow, printTrueUpLetter, type When } from './obDocuments';
import { runRecords, statementRun, statementRunDocument, statementRunPreview, statementRuns } from './statementRun';

export type DocumentChannels =
  | 'ob:agreement'
  | 'ob:statement'
  | 'ob:statementRunPreview'
  | 'ob:statementRun'
  | 'ob:statementRuns'
  | 'ob:statementRunPdf'
  | 'ob:trueUpLetter';

function when(ctx: CallContext): When {
  return { today: ctx.app.clock.today(), now: ctx.app.nowIso(), by: userOf(ctx).id };
}

const spanish = (lang: string) => (lang === 'es' ? ', Spanish' : '');

export const documentHandlers: Pick<HandlerMap<'obstetrics'>, DocumentChannels> = {
  'ob:agreement': async (ctx, input) => {
    ctx.records.push(...caseRecords(ctx.app.store.db, input.caseId));
    const p = await printAgreement(ctx.app.store.db, input, when(ctx));
    ctx.detail = `OB financial agreement ${p.reference}${spanish(p.language)}`;
    return offerDocument(ctx, p.documentId);
  },
  'ob:statement': async (ctx, input) => {
    ctx.records.push(...caseRecords(ctx.app.store.db, input.caseId));
    const p = await printStatementNow(ctx.app.store.db, input, when(ctx));
    ctx.detail = `OB statement ${p.reference}${spanish(p.language)}`;
    return offerDocument(ctx, p.documentId);
  },
  'ob:statementRunPreview': (ctx, input) => {
    const p = statementRunPreview(ctx.app.store.db, input.statementDate, ctx.app.clock.today());
    // HP-01: the patients listed.
    ctx.records.push(...[...p.due, ...p.left].map((k) => `ob_case:${k.caseId}`));
    return p;
  },
  'ob:statementRun': async (ctx, input) => {
    const run = await statementRun(ctx.app.store.db, input.statementDate, when(ctx));
    ctx.records.push(...runRecords(ctx.app.store.db, run.runId));
    ctx.detail = `OB statement run of ${input.statementDate}: ${run.count} statements`;
    return offerDocument(ctx, run.documentId);
  },
  'ob:statementRuns': (ctx) => statementRuns(ctx.app.store.db),
  'ob:statementRunPdf': (ctx, input) => {
    const run = statementRunDocument(ctx.app.store.db, input.runId);
    ctx.records.push(`ob_statement_run:${input.runId}`);
    ctx.detail = `OB statement run of ${run.statementDate}, printed again`;
    return offerDocument(ctx, run.documentId);
  },
  'ob:trueUpLetter': async (ctx, input) => {
    ctx.records.push(...caseRecords(ctx.app.store.db, input.caseId));
    const p = await printTrueUpLetter(ctx.app.store.db, input, when(ctx));
    ctx.detail = `OB true-up letter ${p.reference}${spanish(p.language)}`;
    return offerDocument(ctx, p.documentId);
  },
};
