// Delivery (helper DELIVERY): the delivery recorded (the schedule closes), the delivery account
// matched and the deposits applied, the true-up after adjudication. Each handler is one line of
// glue over delivery.ts and trueUp.ts.
import type { CallContext, HandlerMap } from '../../platform/capability';
import { userOf } from '../../platform/capability';
import type { ObCaseDetail } from '../../../shared/schemas/obstetrics';
import { deliveryCandidates, linkDelivery, recordDelivery, type When } from './delivery';
import { trueUp, trueUpPreview } from './trueUp';
import { caseDetail } from './views';

export type DeliveryChannels =
  'ob:recordDelivery' | 'ob:deliveryCandidates' | 'ob:linkDelivery' | 'ob:trueUpPreview' | 'ob:trueUp';

function when(ctx: CallContext): When {
  return { today: ctx.app.clock.today(), now: ctx.app.nowIso(), by: userOf(ctx).id };
}

/** The case as it is now, its records named for the audit event (HP-01). */
function detail(ctx: CallContext, caseId: number): ObCaseDetail {
  const d = caseDetail(ctx.app.store.db, caseId, ctx.app.clock.today());
  ctx.records.push(
    `ob_case:${caseId}`,
    `guarantor:${d.guarantorId}`,
    ...d.deliveryAccounts.map((a) => `account:${a.accountId}`),
  );
  return d;
}

export const deliveryHandlers: Pick<HandlerMap<'obstetrics'>, DeliveryChannels> = {
  'ob:recordDelivery': (ctx, input) => {
    recordDelivery(ctx.app.store.db, input.caseId, input.deliveredOn, when(ctx));
    return detail(ctx, input.caseId);
  },
  'ob:deliveryCandidates': (ctx, input) => {
    const candidates = deliveryCandidates(ctx.app.store.db, input.caseId);
    // HP-01: every guarantor and account shown (other records of the same patient included).
    ctx.records.push(
      `ob_case:${input.caseId}`,
      ...new Set(candidates.map((k) => `guarantor:${k.guarantorId}`)),
      ...candidates.map((k) => `account:${k.accountId}`),
    );
    return candidates;
  },
  'ob:linkDelivery': (ctx, input) => {
    const from = caseDetail(ctx.app.store.db, input.caseId, ctx.app.clock.today()).guarantorId;
    linkDelivery(ctx.app, input.caseId, input.accountIds, when(ctx));
    const d = detail(ctx, input.caseId);
    // The record the case was opened under, when it moved to the extract's record of her.
    if (d.guarantorId !== from) {
      ctx.records.push(`guarantor:${from}`);
      ctx.detail = `moved from guarantor ${from} to ${d.guarantorId}`;
    }
    return d;
  },
  'ob:trueUpPreview': (ctx, input) => {
    ctx.records.push(`ob_case:${input.caseId}`);
    return trueUpPreview(ctx.app.store.db, input.caseId, input.realShareCents);
  },
  'ob:trueUp': (ctx, input) => {
    trueUp(ctx.app.store.db, input.caseId, input.realShareCents, input.source, when(ctx));
    return detail(ctx, input.caseId);
  },
};
