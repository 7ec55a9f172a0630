// The estates documents' channels: the referral memo, the claim (its cover letter then the statement
// of claim, one file), the follow-up letter, and a recorded document again (drawn from what it said
// and checked byte for byte). One line of glue each: the services decide (refer.ts, claim.ts,
// followUp.ts, documents.ts), and each says what the call touched for the audit.
import type { CallContext, HandlerMap } from '../../platform/capability';
import { offerBytes, offerDocument, userOf } from '../../platform/capability';
import { fileClaim } from './claim';
import { estateDocumentAgain, estateDocumentRecords } from './documents';
import type { When } from './estates';
import { sendFollowUp } from './followUp';
import { referToLegal } from './refer';
import { estateDetail, estateRecords } from './views';

export type DocumentChannels = 'estates:refer' | 'estates:file' | 'estates:followUp' | 'estates:document';

function when(ctx: CallContext): When & { preparedBy: string } {
  const u = userOf(ctx);
  return { today: ctx.app.clock.today(), now: ctx.app.nowIso(), by: u.id, role: u.role, preparedBy: u.fullName };
}

export const documentHandlers: Pick<HandlerMap<'estates'>, DocumentChannels> = {
  'estates:refer': async (ctx, input) => {
    ctx.records.push(...estateRecords(ctx.app.store.db, input.estateId));
    ctx.detail = 'referral memo to legal';
    const w = when(ctx);
    const r = await referToLegal(ctx.app, input, w);
    return { detail: estateDetail(ctx.app.store.db, input.estateId, w.today), file: offerDocument(ctx, r.documentId) };
  },
  'estates:file': async (ctx, input) => {
    ctx.records.push(...estateRecords(ctx.app.store.db, input.estateId));
    ctx.detail = `statement of claim, ${input.filedWith}${input.sworn ? ', sworn' : ''}`;
    const w = when(ctx);
    const r = await fileClaim(ctx.app, input, w);
    const file = await offerBytes(ctx, { fileName: r.fileName, mimeType: 'application/pdf' }, r.bytes);
    return { detail: estateDetail(ctx.app.store.db, input.estateId, w.today), file };
  },
  'estates:followUp': async (ctx, input) => {
    ctx.records.push(...estateRecords(ctx.app.store.db, input.estateId));
    ctx.detail = 'follow-up letter to the clerk of court';
    const w = when(ctx);
    const r = await sendFollowUp(ctx.app, input.estateId, w);
    return { detail: estateDetail(ctx.app.store.db, input.estateId, w.today), file: offerDocument(ctx, r.documentId) };
  },
  'estates:document': async (ctx, input) => {
    ctx.records.push(...estateDocumentRecords(ctx.app.store.db, input.estateDocumentId));
    const d = await estateDocumentAgain(ctx.app.store.db, input.estateDocumentId);
    ctx.detail = `${d.kind} of ${d.madeOn}, again`;
    return offerBytes(ctx, { fileName: d.fileName, mimeType: 'application/pdf' }, d.bytes);
  },
};
