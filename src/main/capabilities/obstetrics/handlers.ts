// Cases (helper CASES): the interview and its estimate, revisions, the signature, cancellation and
// the deposits. Each handler is one line of glue over the services (interview.ts, cases.ts,
// deposits.ts, views.ts).
import { formatCents } from '../../../shared/money';
import type { CallContext, HandlerMap } from '../../platform/capability';
import { userOf } from '../../platform/capability';
import { cancel, recordSignature } from './cases';
import { recordDeposit, refundDeposits, reverseDeposit } from './deposits';
import { estimatePreview, interview, revise, revisePreview, type When } from './interview';
import { caseReference, caseRow } from './reads';
import { caseDetail, caseList, guarantorCases } from './views';

export type CaseChannels =
  | 'ob:cases'
  | 'ob:case'
  | 'ob:guarantor'
  | 'ob:estimate'
  | 'ob:interview'
  | 'ob:revisePreview'
  | 'ob:revise'
  | 'ob:recordSignature'
  | 'ob:cancel'
  | 'ob:deposit'
  | 'ob:reverseDeposit'
  | 'ob:refundDeposits';

function when(ctx: CallContext): When {
  return { today: ctx.app.clock.today(), now: ctx.app.nowIso(), by: userOf(ctx).id };
}

/** The audit names the case and its guarantor (HP-01). */
function recordCase(ctx: CallContext, caseId: number): void {
  const c = caseRow(ctx.app.store.db, caseId);
  ctx.records.push(`ob_case:${caseId}`, ...(c ? [`guarantor:${c.guarantor_id}`] : []));
}

function detail(ctx: CallContext, caseId: number) {
  return caseDetail(ctx.app.store.db, caseId, ctx.app.clock.today());
}

export const caseHandlers: Pick<HandlerMap<'obstetrics'>, CaseChannels> = {
  'ob:cases': (ctx, input) => {
    const list = caseList(ctx.app.store.db, input.status, ctx.app.clock.today());
    ctx.records.push(...list.map((c) => `guarantor:${c.guarantorId}`).slice(0, 50));
    return list;
  },
  'ob:case': (ctx, input) => (recordCase(ctx, input.caseId), detail(ctx, input.caseId)),
  'ob:guarantor': (ctx, input) => (
    ctx.records.push(`guarantor:${input.guarantorId}`),
    guarantorCases(ctx.app.store.db, input.guarantorId, ctx.app.clock.today())
  ),
  'ob:estimate': (ctx, input) => estimatePreview(ctx.app.store.db, input, ctx.app.clock.today()),
  'ob:interview': (ctx, input) => {
    const caseId = interview(ctx.app.store.db, input, when(ctx));
    recordCase(ctx, caseId);
    ctx.detail = `${caseReference(caseId)} opened`;
    return detail(ctx, caseId);
  },
  'ob:revisePreview': (ctx, input) => (
    recordCase(ctx, input.caseId),
    revisePreview(ctx.app.store.db, input, ctx.app.clock.today())
  ),
  'ob:revise': (ctx, input) => {
    recordCase(ctx, input.caseId);
    revise(ctx.app.store.db, input, when(ctx));
    return detail(ctx, input.caseId);
  },
  'ob:recordSignature': (ctx, input) => {
    recordCase(ctx, input.caseId);
    recordSignature(ctx.app.store.db, input, when(ctx));
    return detail(ctx, input.caseId);
  },
  'ob:cancel': (ctx, input) => {
    recordCase(ctx, input.caseId);
    cancel(ctx.app.store.db, input, when(ctx));
    return detail(ctx, input.caseId);
  },
  'ob:deposit': (ctx, input) => {
    recordCase(ctx, input.caseId);
    const d = recordDeposit(ctx.app.store.db, input, when(ctx));
    ctx.detail = `${d.receiptNumber} ${formatCents(input.amountCents)}`;
    return detail(ctx, input.caseId);
  },
  'ob:reverseDeposit': (ctx, input) => {
    const caseId = reverseDeposit(ctx.app.store.db, input, when(ctx));
    recordCase(ctx, caseId);
    return detail(ctx, caseId);
  },
  'ob:refundDeposits': (ctx, input) => {
    recordCase(ctx, input.caseId);
    ctx.detail = `${formatCents(refundDeposits(ctx.app.store.db, input, when(ctx)))} refunded`;
    return detail(ctx, input.caseId);
  },
};
