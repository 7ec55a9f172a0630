// The small-claims documents' channels: the demand letter, the court packet, the testimony sheet.
// One line of glue each: the services decide (demand.ts, packet.ts, testimony.ts).
import { offerBytes, offerDocument, userOf, type HandlerMap } from '../../platform/capability';
import { caseRecord } from './caseRecord';
import { sendDemand } from './demand';
import { courtPacket } from './packet';
import { testimonySheet } from './testimony';

export type DocumentChannels = 'smallClaims:demand' | 'smallClaims:packet' | 'smallClaims:testimony';

function recordsOf(db: Parameters<typeof caseRecord>[0], caseId: number): string[] {
  const c = caseRecord(db, caseId);
  return [`guarantor:${c.row.guarantor_id}`, `courtCase:${caseId}`, ...c.accounts.map((a) => `account:${a.accountId}`)];
}

export const documentHandlers: Pick<HandlerMap<'smallClaims'>, DocumentChannels> = {
  'smallClaims:demand': async (ctx, input) => {
    ctx.records.push(...recordsOf(ctx.app.store.db, input.caseId));
    const r = await sendDemand(ctx.app, input.caseId, userOf(ctx).id);
    ctx.detail = `demand letter: files after ${r.fileAfter}`;
    return { documentId: r.documentId, file: offerDocument(ctx, r.documentId) };
  },
  'smallClaims:packet': async (ctx, input) => {
    ctx.records.push(...recordsOf(ctx.app.store.db, input.caseId));
    ctx.detail = `court packet, declaration ${input.declaration}`;
    const p = await courtPacket(ctx.app, input.caseId, input.declaration, userOf(ctx).fullName);
    return offerBytes(ctx, { fileName: p.fileName, mimeType: 'application/pdf' }, p.bytes);
  },
  'smallClaims:testimony': async (ctx, input) => {
    ctx.records.push(...recordsOf(ctx.app.store.db, input.caseId));
    ctx.detail = 'testimony sheet';
    const s = await testimonySheet(ctx.app, input.caseId, userOf(ctx).fullName);
    return offerBytes(ctx, { fileName: s.fileName, mimeType: 'application/pdf' }, s.bytes);
  },
};
