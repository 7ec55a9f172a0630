// The auditor's documents: the packet for an account (BD-08), kept among the guarantor's documents
// so what was handed over reprints as it was; and the collection-effort evidence (BD-06), a report
// drawn from today's records and not kept (like the registers). Both are audited as a print by the
// router. The listing's exports are in handlers.ts.
import { offerBytes, offerDocument, userOf, type HandlerMap } from '../../platform/capability';
import { keepAuditPacket } from './auditPacket';
import { effortEvidence } from './effort';
import { drawEffortEvidence } from './effortPdf';

export type DocumentChannels = 'badDebt:auditPacket' | 'badDebt:effortEvidence';

export const documentHandlers: Pick<HandlerMap<'badDebt'>, DocumentChannels> = {
  'badDebt:auditPacket': async (ctx, input) => {
    const u = userOf(ctx);
    const when = { today: ctx.app.clock.today(), now: ctx.app.nowIso(), by: u.id, byName: u.fullName };
    const kept = await keepAuditPacket(ctx.app.store.db, input.accountId, when);
    ctx.records.push(`guarantor:${kept.guarantorId}`, `account:${input.accountId}`, `document:${kept.documentId}`);
    ctx.detail = 'Medicare bad debt audit packet';
    return offerDocument(ctx, kept.documentId);
  },
  'badDebt:effortEvidence': async (ctx, input) => {
    const e = effortEvidence(
      ctx.app.store.db,
      input.periodFrom,
      input.periodTo,
      ctx.app.clock.today(),
      userOf(ctx).fullName,
    );
    ctx.detail = `collection-effort evidence ${input.periodFrom} to ${input.periodTo}`;
    const bytes = await drawEffortEvidence(e);
    const fileName = `bad-debt-effort-${input.periodFrom}-to-${input.periodTo}.pdf`;
    return offerBytes(ctx, { fileName, mimeType: 'application/pdf' }, bytes);
  },
};
