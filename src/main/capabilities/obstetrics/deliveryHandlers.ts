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
    ctx.records.push(`ob_case:${input.caseId}`);
    return deliveryCandidates(ctx.app.store.db, input.caseId);
  },
  'ob:linkDelivery': (ctx, input) => {
    linkDelivery(ctx.app, input.caseId, input.accountIds, when(ctx));
    return detail(ctx, input.caseId);
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
